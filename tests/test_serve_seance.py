"""The séance form of `ctgdocs serve` (issue 21), through Starlette's test client: the form drawn
from the council in the data, each message of `ctgdocs validate` on its field, the counts, the
preview, the file written as a person writes it (a new one; an existing one with its comments),
the refusals (a file changed on disk, a deliberation already transmitted, CSRF, names that are
no territory's or file's), and the page of a signed document."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from ctgdocs.app import build, validate
from ctgdocs.errors import DataError
from ctgdocs.serve.app import application
from ctgdocs.serve.champs import champ_de, vers_donnees
from ctgdocs.serve.ecriture import SCHEMA
from ctgdocs.serve.saisie import depuis_formulaire
from ctgdocs.serve.seances import conseils, nouveau_fichier

ROOT = Path(__file__).resolve().parent.parent
BAUX = ROOT / "data" / "vallee-des-baux-alpilles"
EXISTANTE = "2022-07-29-maussane-les-alpilles"
NOUVELLE = "/seances/vallee-des-baux-alpilles/nouvelle/maussane-les-alpilles"
VERIFIER = "/seances/vallee-des-baux-alpilles/verifier"
ENVOI = "/seances/vallee-des-baux-alpilles/envoi"
ATTENDU = Path(__file__).parent / "golden" / "serve" / "2026-03-12-maussane-les-alpilles.yaml"

# The council of Maussane-les-Alpilles as its séance of 2022 lists it (19 members).
MEMBRES = [
    "jean-christophe-carre",
    "marc-fusat",
    "christine-garcin-gourillon",
    "henri-reynoud",
    "delphine-david",
    "bernadette-samuel",
    "fabienne-citi",
    "sylvie-nardi",
    "mathieu-bonard",
    "marie-pierre-callet",
    "thierry-fabre",
    "alexandre-wajs",
    "patrick-laffitte",
    "dominique-stekelorom",
    "emilie-germain",
    "laurent-juglaret",
    "alain-chaix",
    "lucie-babin",
    "fanny-arsac",
]


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, Path]:
    return copie(tmp_path, BAUX.name), tmp_path / "output"


def client(site: tuple[Path, Path]) -> TestClient:
    return TestClient(application(*site, build), follow_redirects=False)


def copie(tmp_path: Path, territoire: str) -> Path:
    """A data folder with a copy of one example territory and the models beside it."""
    donnees = tmp_path / "data"
    shutil.copytree(ROOT / "data" / territoire, donnees / territoire)
    shutil.copytree(ROOT / "data" / "modeles", donnees / "modeles")
    return donnees


def client_de(donnees: Path) -> TestClient:
    return client((donnees, donnees.parent / "output"))


def jeton(page: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]{64})"', page)
    assert found
    return found.group(1)


def seance(csrf: str, **plus: object) -> dict[str, object]:
    """A séance of 12 March 2026 at Maussane: 10 présents of 19 (the quorum is 10), one
    pouvoir, one deliberation voted 10 for and 1 abstention."""
    data: dict[str, object] = {
        "csrf": csrf,
        "collectivite": "maussane-les-alpilles",
        "fichier": "",
        "empreinte": "",
        "seance.date": "2026-03-12",
        "seance.heure": "18h30",
        "seance.lieu": "en l'Hôtel de Ville",
        "seance.convocation": "2026-03-05",
        "seance.president": "jean-christophe-carre",
        "seance.secretaires": "bernadette-samuel",
        "seance.membres_en_exercice": "19",
        "seance.presents": MEMBRES[:10],
        "pouvoir.thierry-fabre": "marc-fusat",
        "d.0.numero": "2026-14",
        "d.0.objet": "Convention territoriale globale : avenant n° 1",
        "d.0.rapporteur": "jean-christophe-carre",
        "d.0.expose.0.clause": "presentation_ctg",
        "d.0.expose.0.texte": "",
        "d.0.expose.1.clause": "",
        "d.0.expose.1.texte": "Le conseil est invité à approuver l'avenant.",
        "d.0.decisions.0.verbe": "approuver",
        "d.0.decisions.0.clause": "",
        "d.0.decisions.0.texte": "l'avenant n° 1 à la convention territoriale globale",
        "d.0.vote": "chiffres",
        "d.0.pour": "10",
        "d.0.contre": "0",
        "d.0.abstentions": "1",
    }
    data.update(plus)
    return data


# A second deliberation of the same séance, voted at unanimity.
SECONDE = {
    "d.1.numero": "2026-15",
    "d.1.objet": "Tarifs de l'accueil de loisirs",
    "d.1.rapporteur": "jean-christophe-carre",
    "d.1.expose.0.clause": "",
    "d.1.expose.0.texte": "Les tarifs sont révisés chaque année.",
    "d.1.decisions.0.verbe": "fixer",
    "d.1.decisions.0.clause": "",
    "d.1.decisions.0.texte": "les tarifs de 2026",
    "d.1.vote": "unanimite",
}


def ouvrir(c: TestClient) -> str:
    page = c.get(NOUVELLE)
    assert page.status_code == 200
    return jeton(page.text)


def test_the_form_is_drawn_from_the_council_in_the_data(site) -> None:
    c = client(site)
    page = c.get(NOUVELLE).text
    assert re.findall(r'name="seance.presents" value="([^"]+)"', page) == MEMBRES
    assert "<td>Jean-Christophe CARRÉ</td>" in page
    # the maire presides and reports by default; the council has its 19 members
    assert re.search(
        r'<select name="seance.president" id="seance.president">.*?'
        r'<option value="jean-christophe-carre" selected>',
        page,
        re.S,
    )
    assert 'name="seance.membres_en_exercice" id="seance.membres_en_exercice" value="19"' in page
    # a blank form is not yet wrong: no message until the first change
    assert re.search(r'class="message" data-champ="[^"]+">[^<]', page) is None
    # the clauses of the library are offered for the blocks, the partials are not
    assert "<option>presentation_ctg</option>" in page and "_missions" not in page
    accueil = c.get("/").text
    assert accueil.count(f'href="{NOUVELLE}"') == 1
    # the ten others (nine communes, the EPCI) have no member in the data yet
    assert (
        "10 collectivités sans conseil connu dans les données : « ctgdocs import elus " in accueil
    )


def test_a_valid_seance_gives_its_counts_and_no_message(site) -> None:
    c = client(site)
    reponse = c.post(VERIFIER, data=seance(ouvrir(c))).json()
    assert (reponse["messages"], reponse["generaux"]) == ({}, [])
    assert reponse["ouverture"] == (
        "10 présents, 1 représenté ; quorum 10 : atteint, 8 absents sur 19 membres en exercice"
    )
    assert reponse["comptes"]["0"] == (
        "10 présents, 1 représenté ; quorum 10 : atteint ; 11 votants : 10 pour, 0 contre, "
        "1 abstention : adoptée à l'unanimité des suffrages exprimés"
    )
    unanimite = c.post(VERIFIER, data=seance(ouvrir(c), **{"d.0.vote": "unanimite"})).json()
    assert unanimite["comptes"]["0"].endswith(
        "11 votants : 11 pour, 0 contre, 0 abstention : adoptée à l'unanimité"
    )


# Each wrong séance, the form field its message must be on, and the message's start.
FAUTES = [
    (
        {"seance.presents": MEMBRES[:9]},
        "seance.presents",
        "quorum non atteint : 9 présents pour un quorum de 10 (la majorité des 19 membres",
    ),
    (
        {"pouvoir.thierry-fabre": "lucie-babin"},
        "pouvoir.thierry-fabre",
        "le mandataire Lucie BABIN doit être présent",
    ),
    (
        {"d.0.pour": "12"},
        "d.0.vote",
        "pour + contre + abstentions = 13, mais il y a 11 votants",
    ),
    (
        {"seance.convocation": "2026-03-10"},
        "seance.convocation",
        "délai de convocation insuffisant : 1 jour franc entre le 10 mars 2026 et le 12 mars 2026",
    ),
    (
        {"seance.heure": "midi"},
        "seance.heure",
        "heure attendue (ex. « 19h00 » ou « 19:00 »), reçu « midi »",
    ),
    ({"seance.date": ""}, "seance.date", "champ obligatoire manquant"),
    ({"d.0.rapporteur": ""}, "d.0.rapporteur", "au moins 1 élément attendu"),
    (
        {"d.0.expose.0.clause": "presentation_ctgg"},
        "d.0.expose.0",
        "clause inconnue « presentation_ctgg »",
    ),
    ({"d.0.decisions.0.verbe": ""}, "d.0.decisions.0", ""),
    ({"departs": None, "depart.marc-fusat": "2026-99"}, "depart.marc-fusat", ""),
]


@pytest.mark.parametrize(("fautes", "champ", "debut"), FAUTES)
def test_each_message_of_validate_is_on_its_field(site, fautes, champ, debut) -> None:
    """The message the form shows on the field is each message `ctgdocs validate` gives for
    the same file, and nothing of the file goes unplaced."""
    c = client(site)
    data = seance(ouvrir(c), **{k: v for k, v in fautes.items() if v is not None})
    reponse = c.post(VERIFIER, data=data).json()
    assert reponse["generaux"] == []
    assert reponse["messages"][champ][0].startswith(debut)
    # the same file saved by hand: validate gives these messages, each on its field
    dossier = site[0] / BAUX.name
    membres = conseils(dossier)["maussane-les-alpilles"].ids
    from starlette.datastructures import FormData

    form = FormData([(k, x) for k, v in data.items() for x in (v if isinstance(v, list) else [v])])
    s = depuis_formulaire(form, "maussane-les-alpilles", membres)
    _, _, champs = vers_donnees(s, membres)
    page = c.post(ENVOI, data=data | {"action": "verifier"}).text
    fichier = nouveau_fichier(dossier, s.date, s.collectivite)
    fichier.write_text(_texte_de(c, data), encoding="utf-8")
    with pytest.raises(DataError) as erreur:
        validate([dossier])
    attendus: dict[str, list[str]] = {}
    for p in erreur.value.problems:
        if Path(p.location.file).name == fichier.name:
            attendus.setdefault(champ_de(p.field, champs) or "?", []).append(p.message)
    assert attendus == reponse["messages"]
    for ou, messages in reponse["messages"].items():
        # and the whole page, without script, shows them on their field
        assert f'data-champ="{ou}">{_html(chr(10).join(messages))}</span>' in page


def _html(texte: str) -> str:
    return (
        texte.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )


def _texte_de(c: TestClient, data: dict[str, object]) -> str:
    """The file the form would save (shown by « Voir ce qui sera enregistré »)."""
    page = c.post(ENVOI, data=data | {"action": "preparer"}).text
    diff = re.search(r'<pre class="diff">(.*?)</pre>', page, re.S)
    assert diff
    import html

    lignes = html.unescape(diff.group(1)).splitlines()
    return "".join(x[1:] + "\n" for x in lignes if x.startswith("+") and not x.startswith("+++"))


def test_without_a_date_the_roll_is_checked_all_the_same(site) -> None:
    c = client(site)
    data = seance(ouvrir(c), **{"seance.presents": MEMBRES[:3], "d.0.objet": ""})
    data.pop("seance.secretaires")
    messages = c.post(VERIFIER, data=data).json()["messages"]
    assert messages["d.0.objet"] == ["champ obligatoire manquant"]
    assert messages["seance.secretaires"] == ["au moins 1 élément attendu"]
    assert messages["seance.presents"][0].startswith("quorum non atteint : 3 présents")


def test_rows_are_added_by_buttons(site) -> None:
    c = client(site)
    data = seance(ouvrir(c))
    page = c.post(ENVOI, data=data | {"action": "ajouter:expose.0"}).text
    assert 'name="d.0.expose.2.texte"' in page
    page = c.post(ENVOI, data=data | {"action": "ajouter:decisions.0"}).text
    assert 'name="d.0.decisions.1.verbe"' in page
    page = c.post(ENVOI, data=data | {"action": "ajouter:deliberation"}).text
    assert 'name="d.1.numero"' in page and "Délibération 2" in page


def test_save_writes_the_file_a_person_writes_then_it_validates(site) -> None:
    c = client(site)
    data = seance(ouvrir(c))
    page = c.post(ENVOI, data=data | {"action": "preparer"}).text
    assert "Ce qui sera enregistré dans 2026-03-12-maussane-les-alpilles.yaml" in page
    assert "+  date: 2026-03-12" in page
    fichier = site[0] / BAUX.name / "seances" / "2026-03-12-maussane-les-alpilles.yaml"
    assert not fichier.exists()  # shown, not written
    page = c.post(ENVOI, data=data | {"action": "enregistrer"})
    assert page.status_code == 200
    assert "Séance enregistrée dans vallee-des-baux-alpilles/seances/" in page.text
    premiere, reste = fichier.read_text(encoding="utf-8").split("\n", 1)
    # the schema's path is relative to the file, wherever the data folder is
    assert premiere == f"# yaml-language-server: $schema={os.path.relpath(SCHEMA, fichier.parent)}"
    assert reste == ATTENDU.read_text(encoding="utf-8").split("\n", 1)[1]
    validate([site[0] / BAUX.name])
    # the page now holds the saved file: the next save is over it, not a second new file
    assert 'name="fichier" value="2026-03-12-maussane-les-alpilles"' in page.text


def test_a_new_seance_is_not_written_over_a_file_of_its_name(site) -> None:
    c = client(site)
    data = seance(ouvrir(c))
    assert c.post(ENVOI, data=data | {"action": "enregistrer"}).status_code == 200
    again = c.post(ENVOI, data=data | {"action": "enregistrer"})
    assert again.status_code == 409
    assert "Enregistrement refusé : le fichier a changé sur le disque" in again.text


def test_a_file_changed_on_disk_is_not_overwritten(site) -> None:
    c = client(site)
    data = seance(ouvrir(c))
    page = c.post(ENVOI, data=data | {"action": "enregistrer"}).text
    empreinte = re.search(r'name="empreinte" value="([0-9a-f]{64})"', page)
    assert empreinte
    fichier = site[0] / BAUX.name / "seances" / "2026-03-12-maussane-les-alpilles.yaml"
    a_la_main = fichier.read_text(encoding="utf-8").replace("18h30", "19h00")
    fichier.write_text(a_la_main, encoding="utf-8")
    suite = data | {
        "fichier": "2026-03-12-maussane-les-alpilles",
        "empreinte": empreinte.group(1),
        "seance.lieu": "en la salle du conseil",
    }
    refus = c.post(ENVOI, data=suite | {"action": "enregistrer"})
    assert refus.status_code == 409
    assert fichier.read_text(encoding="utf-8") == a_la_main  # nothing written
    # both versions shown: the hand-edited one and the form's
    assert "<h3>Sur le disque</h3>" in refus.text and "heure: 19h00" in refus.text
    assert "lieu: en la salle du conseil" in refus.text


def test_an_existing_file_keeps_its_comments_and_order(site) -> None:
    """The séance of 2022 without its transmission: one value changed, one line of diff."""
    fichier = site[0] / BAUX.name / "seances" / f"{EXISTANTE}.yaml"
    avant = fichier.read_text(encoding="utf-8")
    sans = avant.replace("    transmission: 2022-08-01\n", "")
    fichier.write_text(sans, encoding="utf-8")
    c = client(site)
    page = c.get(f"/seances/vallee-des-baux-alpilles/fichier/{EXISTANTE}").text
    assert (
        'value="marie-pierre-callet" id="membre.marie-pierre-callet" aria-label="Marie-Pierre CALLET présent" checked'
        in page
    )
    form = _formulaire(page)
    assert form["seance.heure"] == ["19h00"] and form["d.0.pour"] == ["17"]
    rien = c.post(ENVOI, data=form | {"action": "preparer"}).text
    assert "Rien à enregistrer : le fichier est déjà ainsi." in rien
    form["seance.heure"] = ["19h30"]
    page = c.post(ENVOI, data=form | {"action": "enregistrer"}).text
    assert "Séance enregistrée" in page
    apres = fichier.read_text(encoding="utf-8")
    assert apres == sans.replace("heure: 19h00", "heure: 19h30")  # comments and all kept


def _formulaire(page: str) -> dict[str, list[str]]:
    """The values a browser would send for the page's form (without script)."""
    import html

    found: dict[str, list[str]] = {}
    for m in re.finditer(r"<input ([^>]*)>", page):
        attrs = dict(re.findall(r'(\w[\w.-]*)="([^"]*)"', m.group(1)))
        if "name" not in attrs or attrs.get("type") == "submit":
            continue
        if attrs.get("type") in ("checkbox", "radio") and " checked" not in m.group(1):
            continue
        found.setdefault(attrs["name"], []).append(html.unescape(attrs.get("value", "")))
    for m in re.finditer(r'<textarea name="([^"]+)"[^>]*>(.*?)</textarea>', page, re.S):
        found.setdefault(m.group(1), []).append(html.unescape(m.group(2)))
    for m in re.finditer(r'<select name="([^"]+)"([^>]*)>(.*?)</select>', page, re.S):
        if " disabled" in m.group(2):
            continue
        choisie = re.search(r'<option(?: value="([^"]*)")? selected[^>]*>([^<]*)', m.group(3))
        if choisie:
            valeur = choisie.group(1) if choisie.group(1) is not None else choisie.group(2)
            found.setdefault(m.group(1), []).append(html.unescape(valeur))
    return found


def test_a_transmitted_seance_is_not_changed_from_the_app(site) -> None:
    c = client(site)
    page = c.get(f"/seances/vallee-des-baux-alpilles/fichier/{EXISTANTE}").text
    assert "transmise au représentant de l'État le 1er août 2022" in page
    assert 'id="preparer"' not in page
    form = _formulaire(page)
    refus = c.post(ENVOI, data=form | {"action": "enregistrer"})
    assert refus.status_code == 409
    fichier = BAUX / "seances" / f"{EXISTANTE}.yaml"
    copie = site[0] / BAUX.name / "seances" / f"{EXISTANTE}.yaml"
    assert copie.read_bytes() == fichier.read_bytes()


def test_the_preview_is_the_deliberation_as_typed(site) -> None:
    c = client(site)
    data = seance(ouvrir(c))
    apercu = c.post(ENVOI, data=data | {"action": "apercu:0"})
    assert apercu.status_code == 200 and "text/html" in apercu.headers["content-type"]
    assert "Convention territoriale globale : avenant n° 1" in apercu.text
    assert "<strong>APPROUVE</strong> l&#39;avenant n° 1 à la convention" in apercu.text
    assert "Le conseil est invité à approuver l&#39;avenant." in apercu.text
    # its fonts are served beside it, as in the output folder
    police = re.search(r'url\("\.\./_polices/([^"]+)"\)', apercu.text)
    assert police
    assert c.get(f"/seances/_polices/{police.group(1)}").status_code == 200
    assert c.get("/seances/_polices/..%2F..%2Fpyproject.toml").status_code == 404
    faux = c.post(ENVOI, data=seance(ouvrir(c), **{"d.0.pour": "12"}) | {"action": "apercu:0"})
    assert faux.status_code == 422 and "aperçu impossible" in faux.text


@pytest.mark.parametrize(
    "chemin",
    [
        "/seances/..%2Fvallee-des-baux-alpilles/nouvelle/maussane-les-alpilles",
        "/seances/vallee-des-baux-alpilles/nouvelle/..%2Fmaussane-les-alpilles",
        "/seances/vallee-des-baux-alpilles/nouvelle/caf-13",
        "/seances/vallee-des-baux-alpilles/fichier/..%2F..%2Fterritoire",
        "/seances/vallee-des-baux-alpilles/fichier/%2e%2e%2fterritoire",
        "/seances/vallee-des-baux-alpilles/fichier/inconnue",
        "/seances/%2e%2e/fichier/territoire",
    ],
)
def test_no_name_leads_outside_the_seances(site, chemin: str) -> None:
    assert client(site).get(chemin).status_code == 404


def test_a_form_without_its_csrf_token_is_refused(site) -> None:
    c = client(site)
    for adresse in (VERIFIER, ENVOI):
        assert c.post(adresse, data=seance("0" * 64)).status_code == 403
    fichier = site[0] / BAUX.name / "seances" / "2026-03-12-maussane-les-alpilles.yaml"
    c.post(ENVOI, data=seance("0" * 64) | {"action": "enregistrer"})
    assert not fichier.exists()


def test_a_saved_file_name_comes_from_the_data_only(site) -> None:
    c = client(site)
    data = seance(ouvrir(c), fichier="../territoire")
    assert c.post(ENVOI, data=data | {"action": "enregistrer"}).status_code == 404
    autre = seance(ouvrir(c), collectivite="../../x")
    assert c.post(ENVOI, data=autre | {"action": "enregistrer"}).status_code == 404


def test_markup_in_a_name_stays_text_in_the_form(site) -> None:
    territoire = site[0] / BAUX.name / "territoire.yaml"
    texte = territoire.read_text(encoding="utf-8")
    territoire.write_text(
        texte.replace("{prenom: Marc, nom: FUSAT}", '{prenom: Marc, nom: "<script>x()</script>"}'),
        encoding="utf-8",
    )
    page = client(site).get(NOUVELLE).text
    assert "<script>x()" not in page
    assert "Marc &lt;script&gt;x()&lt;/script&gt;" in page


def test_the_page_of_a_signed_document_says_to_write_an_avenant(tmp_path: Path) -> None:
    donnees = copie(tmp_path, "le-pradet")
    acte = donnees / "le-pradet" / "acte.yaml"
    acte.write_text(
        acte.read_text(encoding="utf-8").replace(
            "  lieu: au Pradet\n", "  lieu: au Pradet\n  date_signature: 2021-12-15\n"
        ),
        encoding="utf-8",
    )
    c = client_de(donnees)
    c.post("/construire", data={"csrf": jeton(c.get("/").text)})
    page = c.get("/documents/le-pradet/acte-engagement").text
    assert "signé le 15 décembre 2021, gelé" in page
    assert "rédigez un avenant" not in page  # the sentence says it in full:
    assert "Pour le modifier, les parties signent un avenant" in page
    assert "<code>avenants/</code>" in page
    # the avenant to write: the next number (Le Pradet has none yet), the act it modifies
    assert "Le prochain avenant à l&#39;acte d&#39;engagement porte le n° 1." in page
    assert "<code>avenants/01-objet.yaml</code>" in page
    assert "  numero: 1\n  modifie: acte-engagement\n  objet:" in page
    assert c.get("/documents/le-pradet/inconnu").status_code == 404


def test_a_member_the_council_does_not_list_is_kept(site) -> None:
    """The council imported from the RNE lists 18 members; the séance of 2022 names a 19th:
    the form shows her, and saving the file unchanged changes nothing."""
    territoire = site[0] / BAUX.name / "territoire.yaml"
    texte = territoire.read_text(encoding="utf-8")
    conseil = "    conseil: {membres: [" + ", ".join(MEMBRES[:18]) + "]}\n"
    texte = texte.replace(
        "    executif: jean-christophe-carre\n", "    executif: jean-christophe-carre\n" + conseil
    )
    territoire.write_text(texte, encoding="utf-8")
    fichier = site[0] / BAUX.name / "seances" / f"{EXISTANTE}.yaml"
    fichier.write_text(
        fichier.read_text(encoding="utf-8").replace("    transmission: 2022-08-01\n", ""),
        encoding="utf-8",
    )
    c = client(site)
    assert (
        re.findall(r'name="seance.presents" value="([^"]+)"', c.get(NOUVELLE).text) == MEMBRES[:18]
    )
    page = c.get(f"/seances/vallee-des-baux-alpilles/fichier/{EXISTANTE}").text
    assert re.findall(r'name="seance.presents" value="([^"]+)"', page) == MEMBRES
    rien = c.post(ENVOI, data=_formulaire(page) | {"action": "preparer"}).text
    assert "Rien à enregistrer : le fichier est déjà ainsi." in rien


def test_an_arrival_counts_from_its_deliberation_on(site) -> None:
    """Two deliberations; Thierry FABRE, who gave a pouvoir, arrives for the second: his
    pouvoir ends there and he sits (rules/presence), and the counts say so."""
    c = client(site)
    data = seance(ouvrir(c), **SECONDE, **{"arrivee.thierry-fabre": "2026-15"})
    reponse = c.post(VERIFIER, data=data).json()
    assert (reponse["messages"], reponse["generaux"]) == ({}, [])
    assert reponse["comptes"]["0"].startswith(
        "10 présents, 1 représenté ; quorum 10 : atteint ; 11 votants"
    )
    assert reponse["comptes"]["1"].startswith(
        "11 présents, 0 représenté ; quorum 10 : atteint ; 11 votants"
    )
    page = c.post(ENVOI, data=data | {"action": "preparer"}).text
    assert "+  arrivees:\n+    - {membre: thierry-fabre, a_partir_de: 2026-15}" in page
    faux = c.post(VERIFIER, data=data | {"arrivee.thierry-fabre": "2026-99"}).json()
    assert list(faux["messages"]) == ["arrivee.thierry-fabre"]


def test_an_invalid_or_unwritable_seance_is_not_saved(site, monkeypatch) -> None:
    c = client(site)
    faux = c.post(ENVOI, data=seance(ouvrir(c), **{"d.0.pour": "12"}) | {"action": "enregistrer"})
    assert faux.status_code == 422
    assert "la séance a des erreurs : corrigez-les avant de l&#39;enregistrer" in faux.text
    seances = site[0] / BAUX.name / "seances"
    assert sorted(p.name for p in seances.iterdir()) == [f"{EXISTANTE}.yaml"]

    def refuse(dest: Path, data: bytes) -> None:
        raise PermissionError(13, "Permission denied", str(dest))

    monkeypatch.setattr("ctgdocs.writers.atomic.write_bytes_atomic", refuse)
    refus = c.post(ENVOI, data=seance(ouvrir(c)) | {"action": "enregistrer"})
    assert refus.status_code == 500
    assert re.search(
        r"écriture impossible : vallee-des-baux-alpilles/seances/2026-03-12-maussane-les-alpilles"
        r"\.yaml : [^<]+</p>",
        refus.text,
    )
    assert sorted(p.name for p in seances.iterdir()) == [f"{EXISTANTE}.yaml"]


def test_the_next_avenant_follows_those_of_its_act() -> None:
    from ctgdocs.serve.seances import prochain_avenant

    chatellerault = ROOT / "data" / "grand-chatellerault"
    assert prochain_avenant(chatellerault, "convention") == 3  # after 01- and 02-
    assert prochain_avenant(chatellerault, "acte-engagement") == 1


def test_a_deliberation_short_of_its_quorum_says_so_by_its_counts(site) -> None:
    """A member leaves before the second deliberation: the quorum, assessed at each one
    (CGCT L2121-17), fails there, and the message is by that deliberation's counts."""
    c = client(site)
    data = seance(ouvrir(c), **SECONDE, **{"depart.sylvie-nardi": "2026-15"})
    reponse = c.post(VERIFIER, data=data).json()
    assert list(reponse["messages"]) == ["d.1.comptes"]
    assert reponse["messages"]["d.1.comptes"][0].startswith(
        "quorum non atteint pour la délibération n° 2026-15 : 9 présents pour un quorum de 10"
    )
    assert reponse["comptes"]["1"].startswith("9 présents, 1 représenté ; quorum 10 : non atteint")


EXEMPLES = sorted(
    (dossier.name, fichier.stem)
    for dossier in (ROOT / "data").iterdir()
    for fichier in (dossier / "seances").glob("*.yaml")
)


@pytest.mark.parametrize(("territoire", "nom"), EXEMPLES)
def test_every_example_seance_opens_checks_and_round_trips(tmp_path, territoire, nom) -> None:
    """Each séance of the examples (a roll by name or in numbers, suppléants, visioconférence,
    urgence, a list, an avenant approved…), opened in the form and sent back unchanged: no
    message, and nothing to save (its file would be written byte for byte)."""
    c = client_de(copie(tmp_path, territoire))
    page = c.get(f"/seances/{territoire}/fichier/{nom}")
    assert page.status_code == 200
    assert re.search(r'class="message" data-champ="[^"]+">[^<]', page.text) is None
    adresse = f"/seances/{territoire}/verifier"
    reponse = c.post(adresse, data=_formulaire(page.text)).json()
    assert (reponse["messages"], reponse["generaux"]) == ({}, [])
    assert reponse["comptes"]["0"]
    rien = c.post(
        f"/seances/{territoire}/envoi", data=_formulaire(page.text) | {"action": "preparer"}
    )
    if 'id="transmise"' in page.text:
        assert rien.status_code == 409  # an act in force is not rewritten from the app
    else:
        assert "Rien à enregistrer : le fichier est déjà ainsi." in rien.text


def test_an_interested_member_takes_no_part(site) -> None:
    """CGCT L2131-11: Marc FUSAT, intéressé, counts neither in the quorum nor among the
    votants, and the pouvoir he holds is not exercised (rules/presence)."""
    c = client(site)
    data = seance(ouvrir(c), **{"d.0.interesses": "marc-fusat", "d.0.pour": "8"})
    reponse = c.post(VERIFIER, data=data).json()
    assert reponse["messages"] == {
        "d.0.comptes": [
            "quorum non atteint pour la délibération n° 2026-14 : 9 présents, sans 1 intéressé "
            "(CGCT L2131-11) pour un quorum de 10 (la majorité des 19 membres en exercice, "
            "apprécié à chaque délibération, CGCT L2121-17)"
        ]
    }
    assert reponse["comptes"]["0"].startswith(
        "9 présents, 0 représenté ; quorum 10 : non atteint ; 9 votants"
    )
    page = c.post(ENVOI, data=data | {"action": "preparer"}).text
    assert "+    rapporteurs: [jean-christophe-carre]\n+    interesses: [marc-fusat]\n" in page


def test_a_message_on_a_value_the_form_leaves_to_the_file_is_shown_with_its_place(site) -> None:
    """A séance's nature (not in the form) written wrong in the file: its message is at the
    top of the page, located in the file, as validate prints it."""
    fichier = site[0] / BAUX.name / "seances" / f"{EXISTANTE}.yaml"
    texte = fichier.read_text(encoding="utf-8").replace("    transmission: 2022-08-01\n", "")
    texte = texte.replace(
        "  absents: [fanny-arsac]\n", "  absents: [fanny-arsac]\n  nature: exceptionnelle\n"
    )
    fichier.write_text(texte, encoding="utf-8")
    c = client(site)
    page = c.get(f"/seances/vallee-des-baux-alpilles/fichier/{EXISTANTE}").text
    reponse = c.post(VERIFIER, data=_formulaire(page)).json()
    assert reponse["messages"] == {}
    assert len(reponse["generaux"]) == 1
    assert re.match(
        r".*seances/2022-07-29-maussane-les-alpilles\.yaml:\d+:\d+: seance\.nature : ",
        reponse["generaux"][0],
    )
    assert '<pre id="generaux" class="erreur">' in page  # shown without script too


def test_the_pages_script_is_served_and_writes_text_only(site) -> None:
    c = client(site)
    assert '<script src="/static/saisie.js"></script>' in c.get(NOUVELLE).text
    script = c.get("/static/saisie.js")
    assert script.status_code == 200
    assert script.headers["content-type"].startswith("text/javascript")
    assert script.headers["content-security-policy"].startswith("default-src 'self'")
    # messages go in as text: the script never parses what the server answers as markup
    assert "textContent" in script.text and "innerHTML" not in script.text


def test_an_oversized_seance_is_refused(site) -> None:
    c = client(site)
    data = seance(ouvrir(c), **{"d.0.expose.1.texte": "x" * 1_100_000})
    for adresse in (VERIFIER, ENVOI):
        assert c.post(adresse, data=data).status_code == 413


def haute_somme(tmp_path: Path) -> tuple[TestClient, str, list[str], dict[str, object]]:
    """The new-séance form of the CC de la Haute Somme (an EPCI of 15 members): the client,
    the page, the members in the roll's order, and a séance of 12 présents to complete."""
    c = client_de(copie(tmp_path, "haute-somme-illustratif"))
    page = c.get("/seances/haute-somme-illustratif/nouvelle/cc-haute-somme").text
    membres = re.findall(r'name="seance.presents" value="([^"]+)"', page)
    data: dict[str, object] = {
        "csrf": jeton(page),
        "collectivite": "cc-haute-somme",
        "seance.date": "2026-03-12",
        "seance.heure": "18h30",
        "seance.convocation": "2026-03-05",
        "seance.president": "paul-exemple",
        "seance.secretaires": "florence-exemple",
        "seance.membres_en_exercice": "15",
        "seance.presents": membres[:12],
    }
    return c, page, membres, data


def test_an_epci_member_may_sit_by_visioconference(tmp_path) -> None:
    """The council of the CC de la Haute Somme (an EPCI, CGCT L5211-11-1): the roll has a
    visioconférence column; a member ticked there must be present."""
    c, page, membres, data = haute_somme(tmp_path)
    assert 'name="seance.visioconference" value="jacques-exemple"' in page
    data["seance.visioconference"] = [membres[11], membres[13]]
    messages = c.post("/seances/haute-somme-illustratif/verifier", data=data).json()["messages"]
    assert f"visio.{membres[11]}" not in messages
    assert messages[f"visio.{membres[13]}"] == [
        f"{_nom(page, membres[13])} participe par visioconférence : il doit figurer parmi les "
        "présents, les suppléants ou les arrivées"
    ]
    # and a commune's roll has no such column
    assert (
        'name="seance.visioconference"'
        not in c.get("/seances/haute-somme-illustratif/nouvelle/peronne").text
    )


def _nom(page: str, ident: str) -> str:
    found = re.search(rf'value="{ident}" id="membre.{ident}" aria-label="([^"]+) présent"', page)
    assert found
    return found.group(1)


def test_a_titulaire_whose_suppleant_sits_is_not_absent() -> None:
    from ctgdocs.serve.saisie import Saisie

    s = Saisie("cc", presents=["a"], pouvoirs={"b": "a"}, suppleants={"c": "x"})
    seance_, _, _ = vers_donnees(s, ["a", "b", "c", "d"])
    assert seance_["absents"] == ["d"]
    assert seance_["suppleants"] == [{"suppleant": "x", "titulaire": "c"}]
    assert [p["mandant"] for p in seance_["pouvoirs"]] == ["b"]


def test_an_absent_delegate_is_replaced_by_his_suppleant(tmp_path) -> None:
    """CC de la Haute Somme: Allaines has one seat; Yvette EXEMPLE is away and her suppléant
    Xavier EXEMPLE (ALLAINES) sits with a deliberative vote (CGCT L5211-6). He counts among
    the présents; she is neither présent nor absent; another commune's person cannot sit."""
    c, page, _membres, data = haute_somme(tmp_path)
    # only the persons of her commune outside the council are offered
    assert re.search(
        r'<select name="suppleant.yvette-exemple"[^>]*><option value=""></option>'
        r'<option value="xavier-exemple">Xavier EXEMPLE</option></select>',
        page,
    )
    data["suppleant.yvette-exemple"] = "xavier-exemple"
    reponse = c.post("/seances/haute-somme-illustratif/verifier", data=data).json()
    assert reponse["ouverture"].startswith(
        "13 présents, 0 représenté ; quorum 8 : atteint, 2 absents"
    )
    faux = data | {"suppleant.yvette-exemple": "paul-exemple"}
    messages = c.post("/seances/haute-somme-illustratif/verifier", data=faux).json()["messages"]
    assert messages["suppleant.yvette-exemple"][-1] == (
        "Paul EXEMPLE (PÉRONNE) ne peut suppléer Yvette EXEMPLE (ALLAINES) : le suppléant siège "
        "pour la commune de son titulaire (CGCT L5211-6)"
    )
    enregistre = c.post(
        "/seances/haute-somme-illustratif/envoi", data=data | {"action": "preparer"}
    ).text
    assert (
        "+  suppleants:\n+    - {suppleant: xavier-exemple, titulaire: yvette-exemple}\n"
        in enregistre
    )


def test_urgency_and_second_convocation_are_checked_as_the_file_would_be(site) -> None:
    """Convened two days before (CGCT L2121-11): refused without urgency, allowed with it; the
    urgency's vote must add up. A second convocation (L2121-17) deliberates without quorum."""
    c = client(site)
    tard = seance(ouvrir(c), **{"seance.convocation": "2026-03-10"})
    assert "seance.convocation" in c.post(VERIFIER, data=tard).json()["messages"]
    urgence = tard | {"seance.urgence": "oui", "seance.urgence.vote": "unanimite"}
    assert c.post(VERIFIER, data=urgence).json()["messages"] == {}
    faux = urgence | {
        "seance.urgence.vote": "chiffres",
        "seance.urgence.pour": "3",
        "seance.urgence.contre": "0",
        "seance.urgence.abstentions": "0",
    }
    messages = c.post(VERIFIER, data=faux).json()["messages"]
    assert list(messages) == ["seance.urgence"]
    page = c.post(ENVOI, data=urgence | {"action": "preparer"}).text
    assert "+  absents: [" in page and "+  urgence: {vote: unanimite}\n" in page
    # eight présents and no quorum, but a second convocation three days after the first
    peu = seance(ouvrir(c), **{"seance.presents": MEMBRES[:8], "d.0.pour": "8"})
    assert "seance.presents" in c.post(VERIFIER, data=peu).json()["messages"]
    seconde = peu | {"seance.seconde_convocation": "2026-03-05", "seance.convocation": "2026-03-06"}
    assert c.post(VERIFIER, data=seconde).json()["messages"] == {}


def test_after_the_seance_its_publication_and_transmission_are_entered(site) -> None:
    """The clerk records when the deliberation went online and to the préfecture; from then on
    the séance is in force and no longer changes from the app."""
    c = client(site)
    data = seance(ouvrir(c), **{"d.0.rubrique": "Action sociale"})
    page = c.post(ENVOI, data=data | {"action": "enregistrer"}).text
    empreinte = re.search(r'name="empreinte" value="([0-9a-f]{64})"', page)
    assert empreinte
    nom = "2026-03-12-maussane-les-alpilles"
    apres = data | {
        "fichier": nom,
        "empreinte": empreinte.group(1),
        "d.0.publication": "2026-03-16",
        "d.0.transmission": "2026-03-16",
    }
    diff = c.post(ENVOI, data=apres | {"action": "preparer"}).text
    assert "+    publication: 2026-03-16\n+    transmission: 2026-03-16\n" in diff
    assert "  - numero: 2026-14\n    rubrique: Action sociale\n" in (
        site[0] / BAUX.name / "seances" / f"{nom}.yaml"
    ).read_text(encoding="utf-8")
    assert "Séance enregistrée" in c.post(ENVOI, data=apres | {"action": "enregistrer"}).text
    rouverte = c.get(f"/seances/vallee-des-baux-alpilles/fichier/{nom}").text
    assert "transmise au représentant de l'État le 16 mars 2026 : elle est exécutoire" in rouverte


def test_the_liste_des_deliberations_is_asked_from_the_form(site) -> None:
    """L2121-25: the file holds every deliberation of the séance, so their liste is produced;
    it is posted within the week."""
    c = client(site)
    data = seance(ouvrir(c), **{"seance.liste_deliberations": "oui"})
    assert c.post(VERIFIER, data=data).json()["messages"] == {}
    page = c.post(ENVOI, data=data | {"action": "preparer"}).text
    assert "+  liste: true\n" in page
    tard = data | {"seance.liste.publiee_le": "2026-03-30"}
    messages = c.post(VERIFIER, data=tard).json()["messages"]
    assert messages["seance.liste"][0].startswith(
        "la liste des délibérations est affichée et mise en ligne dans la semaine qui suit"
    )
    page = c.post(
        ENVOI, data=data | {"seance.liste.publiee_le": "2026-03-13", "action": "preparer"}
    ).text
    assert "+  liste: {publiee_le: 2026-03-13}\n" in page
