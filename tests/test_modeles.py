"""A Caf's model and a contract's articles as data (issue 18): clause files with a closed
vocabulary, article lists, a territory's own clause, visas, a cover page; every refusal located.

The example data/haute-somme-illustratif follows data/modeles/caf-somme-illustratif with the
shipped templates/ unchanged (built by tests/test_formats.py in the three formats, word for word;
here its text and its refusals)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import DATA, ROOT
from ctgdocs.app import BuildOptions, build
from ctgdocs.model import vocabulaire
from support.extract import docx_text, html_text, pdf_text

HS = "haute-somme-illustratif"
MODELE = "modeles/caf-somme-illustratif"


def _lisible(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _templates_digest() -> str:
    h = hashlib.sha256()
    for p in sorted((ROOT / "templates").rglob("*")):
        if p.is_file():
            h.update(p.relative_to(ROOT).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def construit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    avant = _templates_digest()
    out = tmp_path_factory.mktemp("haute-somme")
    report = build([DATA / HS], BuildOptions(output=out, formats=("docx", "pdf", "html"), jobs=1))
    assert report.ok, report
    assert _templates_digest() == avant  # built from data only: the templates are untouched
    return out / HS


def test_the_model_s_clauses_with_their_values(construit: Path) -> None:
    text = docx_text(construit / "convention.docx").replace("\u00a0", " ").replace("\u202f", " ")
    titres = [line for line in text.splitlines() if line.startswith("Article ")]
    assert titres == [
        "Article 1er : Objet de la convention",
        "Article 2 : Les axes de la convention",
        "Article 3 : Les engagements de la Caf",
        "Article 4 : Les engagements de la Communauté de communes",  # title replaced
        "Article 5 : Le pilotage de la convention",  # the territory's own clause
        "Article 6 : Durée",
        "Article 7 : Révision et résiliation",
    ]
    assert "2.1 La petite enfance" in text and "2.2 La jeunesse" in text
    assert (
        "La présente convention définit le projet social du territoire de la Communauté de "
        "communes de la Haute Somme pour la période du 1er janvier 2023 au 31 décembre 2027."
    ) in text
    assert "retiennent deux axes de travail" in text
    assert "La présente convention est conclue pour cinq ans, du 1er janvier 2023" in text
    assert "Elle prend effet à la date de sa signature par la dernière des parties." in text
    assert "réunit les deux signataires deux fois par an" in text
    assert "Vu le code de la sécurité sociale, notamment son article L. 263-1 ;" in text
    assert "Sommaire" not in text


def test_the_cover_page_and_the_same_words_in_pdf_and_html(construit: Path) -> None:
    html = html_text(construit / "convention.html")
    for phrase in ("Pour les familles de la Haute Somme", "2023-2027", "Grandir, vivre"):
        assert phrase in html
    assert "réunit les deux signataires" in html
    import pypdf

    pages = [
        p.extract_text().replace("\u00a0", " ").replace("\u202f", " ")
        for p in pypdf.PdfReader(construit / "convention.pdf").pages
    ]
    assert "2023-2027" in pages[0] and "Cette présente convention" not in pages[0]  # alone
    assert "Les axes de la convention" in " ".join(pages)


def test_the_pdf_embeds_the_model_s_clauses_it_read(construit: Path) -> None:
    import pypdf

    reader = pypdf.PdfReader(construit / "convention.pdf")
    noms = set(reader.attachments)
    assert f"{MODELE}/objet.md".replace("/", "_") in noms  # the PDF names them flat
    assert "clauses_gouvernance.md" in noms
    assert "convention.yaml" in noms


def test_a_changed_clause_of_a_signed_convention_is_refused(tmp_path: Path, copie) -> None:
    """The model's files are inputs of the convention: once it is signed, a changed clause
    would change its text, so the build refuses it (an avenant changes a signed act)."""
    c = copie(HS)
    out = tmp_path / "out"
    assert build([c.dir], BuildOptions(output=out, formats=("html",), jobs=1)).ok
    assert build([c.dir], BuildOptions(output=out, formats=("html",), jobs=1)).ecrits == []
    objet = c.dir.parent / MODELE / "objet.md"
    objet.write_text(objet.read_text("utf-8") + "\nUn paragraphe de plus.\n", "utf-8")
    report = build([c.dir], BuildOptions(output=out, formats=("html",), jobs=1))
    assert not report.ok
    (echec,) = report.echecs
    assert any(
        "document signé le 1er janvier 2023 ; son texte ne peut plus changer (modifié depuis : "
        f"{MODELE}/objet.md)" in line
        for line in echec.erreurs
    ), echec.erreurs


# --- refusals, each located ----------------------------------------------------------------


def test_the_example_is_valid(copie) -> None:
    assert copie(HS).problems() == []


def test_an_unknown_value_in_a_clause_file_is_located_with_the_closest_name(copie) -> None:
    c = copie(HS)
    path = c.dir.parent / MODELE / "duree_periode.md"
    path.write_text(
        path.read_text("utf-8").replace("{duree_annees_lettres}", "{duree_anees}"), "utf-8"
    )
    line = path.read_text("utf-8").splitlines()
    n = next(i for i, t in enumerate(line, 1) if "{duree_anees}" in t)
    col = line[n - 1].index("{duree_anees}") + 1
    assert c.problems() == [
        f"{MODELE}/duree_periode.md:{n}:{col}: valeur inconnue « {{duree_anees}} » ; "
        "vouliez-vous dire « {duree_annees} » ?"
    ]


def test_a_value_of_another_contract_is_refused_where_the_clause_is_used(copie) -> None:
    c = copie(HS)
    path = c.dir / "clauses" / "gouvernance.md"
    path.write_text(path.read_text("utf-8").replace("à Péronne", "dans {commune}"), "utf-8")
    line = path.read_text("utf-8").splitlines()
    n = next(i for i, t in enumerate(line, 1) if "{commune}" in t)
    col = line[n - 1].index("{commune}") + 1
    assert c.problems() == [
        f"{HS}/clauses/gouvernance.md:{n}:{col}: la valeur « {{commune}} » n'existe pas dans "
        "une convention, qui utilise cette clause ; elle existe dans un acte d'engagement"
    ]


def test_jinja_in_a_clause_is_text_and_runs_nothing(copie, tmp_path: Path) -> None:
    c = copie(HS)
    path = c.dir / "clauses" / "gouvernance.md"
    hostile = (
        "{{ 7*7 }} {% include '/etc/passwd' %} {{ ''.__class__.__mro__ }} ::: signatures\n\n"
        "[[sommaire]]\n\n## Article 99 : faux\n"
    )
    path.write_text(path.read_text("utf-8") + "\n" + hostile, "utf-8")
    assert c.problems() == []
    out = tmp_path / "out"
    assert build([c.dir], BuildOptions(output=out, formats=("html",), jobs=1)).ok
    text = html_text(out / HS / "convention.html").replace("\u00a0", " ")
    assert "{{ 7*7 }}" in text and "49" not in text.split("{{ 7*7 }}")[1][:5]
    assert "{% include '/etc/passwd' %}" in text and "root:" not in text
    assert "[[sommaire]]" in text and "Article 99 : faux" in text


def test_an_unknown_clause_is_located_with_the_closest_name(copie) -> None:
    c = copie(HS)
    c.edit("convention.yaml", "    - clause: engagements_caf\n", "    - clause: engagement_caf\n")
    n = c.line("convention.yaml", "engagement_caf")
    col = c.path("convention.yaml").read_text("utf-8").splitlines()[n - 1].index("clause") + 1
    (problem,) = c.problems()
    assert problem.startswith(
        f"{HS}/convention.yaml:{n}:{col}: convention.articles[2].clause : clause « engagement_caf » "
        "introuvable dans clauses/ du territoire ou modeles/caf-somme-illustratif/ ou les clauses "
        "livrées de ce contrat ; clauses possibles : "
    )
    assert problem.endswith("vouliez-vous dire « engagements_caf » ?")


def test_an_unknown_value_in_an_own_text_is_located(copie) -> None:
    c = copie(HS)
    c.edit("convention.yaml", "{nombre_axes_lettres} axes", "{nombre_axe_lettres} axes")
    n = c.line("convention.yaml", "{nombre_axe_lettres}")
    col = c.path("convention.yaml").read_text("utf-8").splitlines()[n - 1].index("{nombre_axe_") + 1
    assert c.problems() == [
        f"{HS}/convention.yaml:{n}:{col}: convention.articles[1].texte : valeur inconnue "
        "« {nombre_axe_lettres} » ; vouliez-vous dire « {nombre_axes_lettres} » ?"
    ]


def test_a_missing_model_is_located_where_it_is_named(copie) -> None:
    c = copie(HS)
    c.edit("territoire.yaml", "modele: caf-somme-illustratif", "modele: caf-somme")
    n = c.line("territoire.yaml", "modele: caf-somme")
    (problem,) = c.problems()
    assert problem.startswith(
        f"{HS}/territoire.yaml:{n}:5: organisations.caf-80.modele : modèle « caf-somme » "
        "introuvable : un dossier modeles/caf-somme/ est attendu à côté des territoires ("
    )


def test_a_clause_file_without_its_header_closed_is_refused(copie) -> None:
    c = copie(HS)
    (c.dir / "clauses" / "faux.md").write_text("---\ntitre: Faux\nTexte.\n", "utf-8")
    assert c.problems() == [
        f"{HS}/clauses/faux.md:1:1: en-tête non fermé : une ligne « --- » est attendue après le titre"
    ]


def test_a_clause_header_with_another_key_is_refused(copie) -> None:
    c = copie(HS)
    (c.dir / "clauses" / "faux.md").write_text("---\ntitres: Faux\n---\nTexte.\n", "utf-8")
    (problem,) = c.problems()
    assert problem.startswith(f"{HS}/clauses/faux.md:2:1: titres : clé inconnue « titres »")


def test_a_file_that_is_not_a_clause_is_refused(copie) -> None:
    c = copie(HS)
    (c.dir / "clauses" / "Faux.txt").write_text("x", "utf-8")
    assert c.problems() == [
        f"{HS}/clauses/Faux.txt: fichier non reconnu : une bibliothèque de clauses contient des "
        "fichiers <nom>.md (nom en minuscules, chiffres et « _ ») et modele.yaml"
    ]


def test_a_clause_link_out_of_the_territory_is_refused(copie, tmp_path: Path) -> None:
    c = copie(HS)
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitre: Secret\n---\nmot de passe\n", "utf-8")
    (c.dir / "clauses" / "secret.md").symlink_to(secret)
    (problem,) = c.problems()
    assert problem.startswith(f"{HS}/clauses/secret.md: lien symbolique qui sort de")


@pytest.mark.parametrize(
    ("article", "message"),
    [
        (
            "    - titre: Sans texte\n",
            "un article est une clause (clause), un texte des données (donnees) ou un texte "
            "propre (titre et texte)",
        ),
        (
            "    - texte: Sans titre\n",
            "un article au texte propre a un titre (titre)",
        ),
        (
            "    - {clause: objet, texte: Les deux}\n",
            "un article tiré d'une clause ou des données n'a pas de texte propre (texte, "
            "sous_articles) : pour compléter la clause, écrire « ajout »",
        ),
    ],
)
def test_a_malformed_article_is_refused(copie, article: str, message: str) -> None:
    c = copie(HS)
    c.edit("convention.yaml", "    - clause: revision\n", article)
    (problem,) = c.problems()
    assert problem.endswith(f"convention.articles[6] : {message}")


def test_a_data_text_in_a_convention_is_refused(copie) -> None:
    c = copie(HS)
    c.edit("convention.yaml", "    - clause: revision\n", "    - {donnees: calendrier, titre: C}\n")
    (problem,) = c.problems()
    assert problem.endswith(
        "convention.articles[6].donnees : texte des données « calendrier » inconnu pour ce "
        "contrat ; possibles : aucun"
    )


def test_every_value_of_the_vocabulary_is_computed_for_its_contracts(copie) -> None:
    """The registry is the list: a clause naming every value of a convention renders each."""
    c = copie(HS)
    noms = vocabulaire.noms(vocabulaire.CONVENTION)
    (c.dir / "clauses" / "revision.md").write_text(
        "---\ntitre: Tout\n---\n" + " | ".join(f"{n}={{{n}}}" for n in noms) + "\n", "utf-8"
    )
    assert c.problems() == []
    out = c.dir.parent / "out"
    assert build([c.dir], BuildOptions(output=out, formats=("html",), jobs=1)).ok
    text = html_text(out / HS / "convention.html")
    assert "acte=la présente convention" in text
    assert "nombre_communes_lettres=trois" in text
    assert "duree_annees=5" in text
    assert "caf_nom=la Caisse d'allocations familiales de la Somme" in text
    assert "signature_date=1er janvier 2023" in text


def test_the_seeds_keep_the_shipped_lists() -> None:
    """The default model: without a list, a contract follows templates/<kind>/articles.yaml."""
    from ctgdocs.load.clauses import liste_livree

    assert [a.clause for a in liste_livree("convention")][:2] == [
        "objet_convention",
        "enjeux_partages",
    ]
    assert pdf_text  # imported for the three-format checks of test_formats


# --- the model's house style: parties, visas, closing formula -----------------------------


def test_the_model_s_house_style_of_the_parties_and_closing(construit: Path) -> None:
    text = _lisible(docx_text(construit / "convention.docx"))
    assert text.count("ci-après dénommée") == 2 and "désignée" not in text
    assert "D'une part," in text and "D'autre part," in text
    assert "représentée par sa Directrice, Mme Claire EXEMPLE" in text
    assert (
        "Fait à Péronne, le 1er janvier 2023, en deux exemplaires originaux, un pour chacune "
        "des parties." in text
    )


def test_the_convention_s_own_visas_replace_the_model_s(construit: Path) -> None:
    text = _lisible(docx_text(construit / "convention.docx"))
    assert text.count("Vu ") == 3


def test_the_model_s_visas_when_the_convention_has_none(copie, tmp_path: Path) -> None:
    c = copie(HS)
    texte = c.path("convention.yaml").read_text("utf-8")
    debut, fin = texte.index("  visas:"), texte.index("  parties:")
    c.path("convention.yaml").write_text(texte[:debut] + texte[fin:], "utf-8")
    out = tmp_path / "out"
    assert build([c.dir], BuildOptions(output=out, formats=("docx",), jobs=1)).ok
    text = _lisible(docx_text(out / HS / "convention.docx"))
    assert [line for line in text.splitlines() if line.startswith("Vu ")] == [
        "Vu le code de la sécurité sociale, notamment son article L. 263-1 ;"
    ]


def test_a_field_of_the_convention_s_style_over_the_model_s(copie, tmp_path: Path) -> None:
    c = copie(HS)
    c.edit(
        "convention.yaml",
        "  sommaire: false\n",
        "  sommaire: false\n  style_parties: {civilite: longue}\n",
    )
    out = tmp_path / "out"
    assert build([c.dir], BuildOptions(output=out, formats=("docx",), jobs=1)).ok
    text = _lisible(docx_text(out / HS / "convention.docx"))
    assert "sa Directrice, Madame Claire EXEMPLE" in text  # its own field
    assert "ci-après dénommée" in text and "D'une part," in text  # the model's others


def test_an_unknown_value_in_the_model_s_closing_is_located(copie) -> None:
    c = copie(HS)
    path = c.dir.parent / MODELE / "modele.yaml"
    path.write_text(path.read_text("utf-8").replace("{signature_lieu}", "{lieu}"), "utf-8")
    n = next(i for i, t in enumerate(path.read_text("utf-8").splitlines(), 1) if "{lieu}" in t)
    col = path.read_text("utf-8").splitlines()[n - 1].index("{lieu}") + 1
    (problem,) = c.problems()
    assert problem.startswith(
        f"{MODELE}/modele.yaml:{n}:{col}: convention.cloture : valeur inconnue « {{lieu}} » ; "
    )
