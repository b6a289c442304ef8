"""`ctgdocs import territoire` (issue 20): a territory written from the installed Code officiel
géographique, valid, with only what the user must add left to write; updated later with its
comments and hand-written keys kept, and a change a signed act names drafted as an avenant."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ctgdocs.fr import noms
from ctgdocs.fr.prepositions import de
from ctgdocs.imports.territoire import nom_epci
from support.importation import charger, run

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "cog"
GC = ROOT / "data" / "grand-chatellerault"


@pytest.fixture
def cog_exemple(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A copy of the fixture COG that a test may change, named by CTGDOCS_COG."""
    copie = tmp_path / "cog"
    shutil.copytree(FIXTURE, copie)
    monkeypatch.setenv("CTGDOCS_COG", str(copie))
    return copie


def test_grand_chatellerault_in_one_command(tmp_path: Path) -> None:
    """The real installed package: the 47 communes of CA Grand Châtellerault with their SIREN,
    a valid territory, and `validate` lists only what the user must add."""
    dossier = tmp_path / "gc"
    code, out, err = run("import", "territoire", str(dossier), "--epci", "248600413")
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == f"écrit : {dossier / 'territoire.yaml'}"
    t = charger(dossier)
    communes = {i: o for i, o in t.organisations.items() if o.type == "commune"}
    assert len(communes) == 47 and all(o.siren and o.code_insee for o in communes.values())
    assert communes["chatellerault"].siren == "218600666"
    assert communes["chatellerault"].populations_legales[0].millesime == 2023
    assert t.territoire.epci == "grand-chatellerault" and t.territoire.caf == "caf-86"
    caf = t.organisations["caf-86"]
    assert (caf.nom, caf.nom_court) == (
        "Caisse d'allocations familiales de la Vienne",
        "Caf de la Vienne",
    )
    assert (
        t.sources is not None
        and t.sources.cog == "@etalab/decoupage-administratif 6.0.0 (COG 2026)"
    )
    code, out, err = run("validate", str(dossier))
    assert (code, err) == (0, "")
    f = dossier / "territoire.yaml"
    assert out.splitlines() == [
        "données valides : 1 territoire (gc)",
        "à compléter (gc) :",
        f"  {f}:12:1: territoire : la CTG est à écrire (ctg : intitule, debut, fin, signataires ; "
        "l'exemple est en commentaire) : sans elle, ni convention ni acte d'engagement",
        f"  {f}:24:3: organisations.caf-86 : l'adresse du siège de la Caf est à écrire (adresse), "
        "que les parties d'une convention impriment",
        f"  {f}:31:3: organisations.grand-chatellerault : 48 collectivités sans maire ni "
        "président (grand-chatellerault, angles-sur-l-anglin, antran et 45 autres) : « ctgdocs "
        f"import elus {dossier} --rne elus-conseillers-municipaux-cm.csv --rne-epci "
        "elus-conseillers-communautaires-epci.csv », ou executif à écrire",
        f"  {f}:31:3: organisations.grand-chatellerault : 48 organisations sans SIRET "
        "(grand-chatellerault, angles-sur-l-anglin, antran et 45 autres), que l'export SCDL "
        "demande (COLL_SIRET) : « ctgdocs import territoire … --mise-a-jour --sirene FICHIER » "
        "le lit dans un extrait SIRENE, ou siret à écrire",
    ]


def test_the_tncc_gives_the_preposition_the_name_cannot(cog_exemple: Path, tmp_path: Path) -> None:
    """One commune of each INSEE type de nom en clair: the designation follows the COG, where
    reading the name alone would write « d'Houlgate » and « de Yoncq »."""
    dossier = tmp_path / "liaisons"
    assert run("import", "territoire", str(dossier), "--epci", "299999995")[0] == 0
    t = charger(dossier)
    designations = {
        o.nom: noms.designation(o) for o in t.organisations.values() if o.type == "commune"
    }
    assert designations == {
        "Hannapes": "Commune de Hannapes",
        "Yoncq": "Commune d'Yoncq",
        "Le Pradet": "Commune du Pradet",
        "La Ciotat": "Commune de La Ciotat",
        "Les Baux-de-Provence": "Commune des Baux-de-Provence",
        "L'Isle-sur-la-Sorgue": "Commune de L'Isle-sur-la-Sorgue",
        "Aux Marais": "Commune des Marais",
        "Los Masos": "Commune de Los Masos",
        "Houlgate": "Commune de Houlgate",
    }
    assert (de("Houlgate"), de("Yoncq")) == ("d'Houlgate", "de Yoncq")  # the name alone
    assert noms.a_nom(t.organisations["aux-marais"]) == "aux Marais"
    # the EPCI straddles eight départements: the Caf is that of the first most frequent
    assert t.territoire.caf == "caf-13"
    assert t.organisations["caf-13"].nom == "Caisse d'allocations familiales des Bouches-du-Rhône"


def test_epci_names_written_out() -> None:
    assert nom_epci("CA Grand Châtellerault") == (
        "Communauté d'agglomération Grand Châtellerault",
        "Grand Châtellerault",
    )
    assert nom_epci("CC du Sammiellois") == ("Communauté de communes du Sammiellois", None)
    assert nom_epci("CA Carcassonne Agglo") == ("Carcassonne Agglo", None)
    assert nom_epci("CC Terre d'Émeraude Communauté") == ("Terre d'Émeraude Communauté", None)
    assert nom_epci("CU du Grand Poitiers") == ("Communauté urbaine du Grand Poitiers", None)
    assert nom_epci("Toulouse Métropole") == ("Toulouse Métropole", None)


def test_a_few_communes_for_an_acte(cog_exemple: Path, tmp_path: Path) -> None:
    dossier = tmp_path / "pradet"
    code, _, _ = run("import", "territoire", str(dossier), "--commune", "83098")
    assert code == 0
    t = charger(dossier)
    assert sorted(t.organisations) == ["caf-83", "le-pradet"]
    assert t.territoire.epci is None and t.territoire.nom == "Le Pradet"
    assert t.organisations["caf-83"].nom == "Caisse d'allocations familiales du Var"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--epci", "123456789"],
            "aucun EPCI de SIREN 123456789 dans le COG 2026 (@etalab/decoupage-administratif "
            "6.0.0 (COG 2026)) : vérifiez le numéro (le SIREN de l'EPCI, pas celui d'une commune)",
        ),
        (["--epci", "2486"], "--epci « 2486 » : un SIREN de 9 chiffres est attendu"),
        (
            ["--epci", "299999995", "--commune", "86066"],
            "--commune « 86066 » : aucune commune de ce code INSEE dans le COG 2026",
        ),
        ([], "indiquez l'EPCI (--epci SIREN) ou au moins une commune (--commune INSEE)"),
    ],
)
def test_refusals(cog_exemple: Path, tmp_path: Path, args: list[str], message: str) -> None:
    code, out, err = run("import", "territoire", str(tmp_path / "t"), *args)
    assert (code, out) == (1, "")
    assert err == f"erreur (utilisation) : {message}\n"
    assert not (tmp_path / "t").exists()


def test_a_commune_outside_the_epci(tmp_path: Path) -> None:
    code, _, err = run(
        "import", "territoire", str(tmp_path / "t"), "--epci", "248600413", "--commune", "83098"
    )
    assert code == 1
    assert err == (
        "erreur (utilisation) : --commune 83098 (Le Pradet) n'est pas membre de CA Grand "
        "Châtellerault (248600413) dans le COG 2026\n"
    )


def test_an_existing_file_is_updated_only_when_asked(cog_exemple: Path, tmp_path: Path) -> None:
    dossier = tmp_path / "t"
    assert run("import", "territoire", str(dossier), "--epci", "299999995")[0] == 0
    avant = (dossier / "territoire.yaml").read_bytes()
    code, _, err = run("import", "territoire", str(dossier), "--epci", "299999995")
    assert code == 1
    assert err == (
        f"erreur (utilisation) : {dossier / 'territoire.yaml'} existe déjà : ajoutez --mise-a-jour "
        "pour y reporter le COG (ses commentaires et vos clés sont gardés), --dry-run pour voir "
        "les changements\n"
    )
    assert (dossier / "territoire.yaml").read_bytes() == avant
    code, out, _ = run("import", "territoire", str(dossier), "--epci", "299999995", "--mise-a-jour")
    assert (code, out) == (0, f"{dossier / 'territoire.yaml'} : rien à changer\n")
    code, _, err = run(
        "import", "territoire", str(tmp_path / "u"), "--epci", "299999995", "--mise-a-jour"
    )
    assert code == 1 and "n'existe pas : rien à mettre à jour" in err


def _changer_cog(cog: Path) -> None:
    """Next year's COG, as the tests imagine it: Yoncq renamed, Houlgate gone, a new member,
    a population changed."""
    communes_json = cog / "data" / "communes.json"
    communes = json.loads(communes_json.read_text(encoding="utf-8"))
    for c in communes:
        if c["code"] == "08502":
            c["nom"] = "Yoncq-sur-Meuse"
        if c["code"] == "13028":
            c["population"] = 38600
    communes.append(
        {
            **communes[0],
            "code": "02367",
            "nom": "Happencourt",
            "siren": "210203477",
            "population": 110,
        }
    )
    communes_json.write_text(json.dumps(communes, ensure_ascii=False), encoding="utf-8")
    epci_json = cog / "data" / "epci.json"
    epci = json.loads(epci_json.read_text(encoding="utf-8"))
    membres = [m for m in epci[0]["membres"] if m["code"] != "14338"]
    membres.append({"code": "02367", "siren": "210203477", "nom": "Happencourt"})
    epci[0]["membres"] = membres
    epci_json.write_text(json.dumps(epci, ensure_ascii=False), encoding="utf-8")


def test_an_update_keeps_comments_and_hand_written_keys(cog_exemple: Path, tmp_path: Path) -> None:
    dossier = tmp_path / "t"
    assert run("import", "territoire", str(dossier), "--epci", "299999995")[0] == 0
    f = dossier / "territoire.yaml"
    texte = f.read_text(encoding="utf-8")
    texte = texte.replace(
        "    nom_court: Caf des Bouches-du-Rhône\n",
        "    nom_court: Caf des Bouches-du-Rhône\n"
        "    adresse: 215 chemin de Gibbes, 13014 Marseille   # écrit à la main\n",
    )
    texte = texte.replace(
        "  la-ciotat: {type: commune,",
        "  # La Ciotat sort de son CEJ fin 2026\n  la-ciotat: {fin_cej: 2026-12-31, type: commune,",
    )
    f.write_text(texte, encoding="utf-8")
    _changer_cog(cog_exemple)
    code, out, _ = run(
        "import", "territoire", str(dossier), "--epci", "299999995", "--mise-a-jour", "--dry-run"
    )
    assert code == 0
    assert f.read_text(encoding="utf-8") == texte  # --dry-run writes nothing
    assert out.splitlines() == [
        "à écrire : Happencourt (02367) rejoint la Communauté de communes Exemple des Liaisons",
        "à écrire : La Ciotat (la-ciotat) : populations_legales « 2023 : 38477 » → « 2023 : 38600 »",
        "à écrire : commune renommée : « Yoncq » → « Yoncq-sur-Meuse » (organisations.yoncq)",
        "à écrire : Houlgate (houlgate) ne fait plus partie de la Communauté de communes Exemple "
        "des Liaisons (COG 2026) : retirée",
        f"rien n'a été écrit (--dry-run) : {f}",
    ]
    code, out, _ = run("import", "territoire", str(dossier), "--epci", "299999995", "--mise-a-jour")
    assert code == 0
    apres = f.read_text(encoding="utf-8")
    assert "    adresse: 215 chemin de Gibbes, 13014 Marseille   # écrit à la main\n" in apres
    assert (
        "  # La Ciotat sort de son CEJ fin 2026\n  la-ciotat: {fin_cej: 2026-12-31, type: commune,"
        in apres
    )
    assert apres.startswith(
        texte.split("organisations:")[0]
    )  # the header and territoire: as they were
    t = charger(dossier)
    assert t.organisations["yoncq"].nom == "Yoncq-sur-Meuse"
    assert "houlgate" not in t.organisations and "happencourt" in t.organisations
    assert t.organisations["la-ciotat"].populations_legales[0].population == 38600
