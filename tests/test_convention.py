"""The convention of Grand Châtellerault (seed 002) and the coordination documents (seeds 000,
001): the seed's text from data, its slips fixed, every count following the data."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA
from ctgdocs.app import plan, validate
from ctgdocs.render.tree import Heading, ListBlock, Paragraph, inline_text, plain_text
from support.seeds import seed
from support.similarity import similarity, words

G = "grand-chatellerault"


def rendered(folder: Path, kind: str, stem: str | None = None):
    docs = [d for d in plan(validate([folder]), [kind]) if d.stem == (stem or kind)]
    assert len(docs) == 1, [d.stem for d in docs]
    return docs[0].render()


def texte(folder: Path, kind: str = "convention", stem: str | None = None) -> str:
    return plain_text(rendered(folder, kind, stem).tree)


def mots(text: str) -> str:
    return " ".join(words(text))


@pytest.fixture(scope="module")
def convention() -> str:
    return texte(DATA / G)


def test_convention_matches_seed_002(convention):
    assert similarity(convention, seed("002")) >= 0.93


def test_articles_are_numbered_1er_then_2(convention):
    titles = [mots(line) for line in convention.splitlines() if line.startswith("Article ")]
    assert titles[0] == (
        "article 1er objet de la convention territoriale globale de services aux familles"
    )
    numbers = [" ".join(t.split()[:2]) for t in titles]
    assert numbers == ["article 1er"] + [f"article {n}" for n in range(2, 11)]


def test_the_slips_of_the_seed_are_fixed(convention):
    s = seed("002")
    assert "Jean-Pierre Abelin" in s and "Jean-Pierre ABELIN" in s
    assert "Abelin" not in convention and convention.count("Jean-Pierre ABELIN") == 2
    # The Caf's présidente signs: she is named among the parties too.
    parties = convention[: convention.index("Préambule")]
    assert (
        "Madame Marlène BOURDIN" in parties and "Marlène BOURDIN" not in s[: s.index("PREAMBULE")]
    )
    assert "communauté de communes" in s and "communauté de communes" not in convention.lower()
    assert "communauté de d'Agglomération" in s and "communauté de d'" not in convention.lower()
    # The MSA is a party: it sits on the comité de pilotage, and the parties are counted.
    assert "entre les deux partenaires" in s
    assert (
        "composé de représentants de la Caf de la Vienne, de la MSA Poitou et de la Communauté"
        in convention
    )
    assert "entre les trois partenaires" in convention and "par les trois parties" in convention


def test_short_list_of_axes_has_the_order_of_the_developed_sections():
    tree = rendered(DATA / G, "convention").tree
    blocks = list(tree.blocks)
    intro = next(
        i
        for i, b in enumerate(blocks)
        if isinstance(b, Paragraph) and "thématiques regroupées" in inline_text(b.inlines)
    )
    short = blocks[intro + 1]
    assert isinstance(short, ListBlock)
    courts = [
        inline_text(item.blocks[0].inlines).split(" (")[0].rstrip(" ;.\u202f")
        for item in short.items
    ]
    developed = [
        inline_text(b.inlines).split(". ", 1)[1]
        for b in blocks
        if isinstance(b, Heading)
        and b.level == 3
        and inline_text(b.inlines)[:2] in ("1.", "2.", "3.", "4.")
    ]
    assert courts == developed and len(courts) == 4


def test_counts_of_the_seed(convention):
    t = mots(convention)
    assert "s établit autour de 47 communes" in t
    assert "organisés autour de 7 thématiques regroupées parmi 4 axes stratégiques" in t
    assert "ces 4 axes stratégiques permettront" in t
    assert "au 31 12 2019 pour les 4 communes de" in t
    assert "au 31 12 2020 pour les 43 communes de" in t


def test_every_count_follows_the_data(copie):
    c = copie(G)
    c.edit(
        "territoire.yaml",
        "  angles-sur-l-anglin:",
        '  fictive: {type: commune, nom: Commune-Fictive, departement: "86", fin_cej: 2020-12-31}\n'
        "  angles-sur-l-anglin:",
    )
    c.edit(
        "convention.yaml",
        "      volets:\n        - intitule: Petite Enfance",
        "      volets:\n        - intitule: Numérique (fictif)\n          orientations: [Une orientation fictive]\n"
        "        - intitule: Petite Enfance",
    )
    c.edit(
        "convention.yaml",
        "  axes:\n",
        "  axes:\n    - intitule: Axe fictif ajouté par le test\n      orientations: [Une orientation]\n",
    )
    t = mots(texte(c.dir))
    assert "s établit autour de 48 communes" in t
    assert "organisés autour de 9 thématiques regroupées parmi 5 axes stratégiques" in t
    assert "ces 5 axes stratégiques permettront" in t
    assert "au 31 12 2020 pour les 44 communes de" in t and "commune fictive" in t
    assert "1 axe fictif ajouté par le test" in t and "5 assurer le maintien" in t
    assert "5 1 sur le volet numérique fictif par" in t and "5 2 sur le volet petite enfance" in t


def test_parties_and_signatures_come_from_the_same_records(convention):
    t = mots(convention)
    assert (
        "représentée par sa directrice madame tania conci et sa présidente madame marlène bourdin "
        "dont le siège est situé 41 rue du touffenet cs 40000 86044 poitiers cedex 9 ci après "
        "désignée la caf de la vienne" in t
    )
    assert (
        "représentée par son président du conseil d administration monsieur grégoire augeron dûment "
        "autorisé et son directeur monsieur patrice leon" in t
    )
    signatures = t[t.index("fait à poitiers") :]
    assert signatures.startswith(
        "fait à poitiers le 31 décembre 2019 en trois exemplaires originaux"
    )
    for name in (
        "tania conci",
        "marlène bourdin",
        "grégoire augeron",
        "patrice leon",
        "jean pierre abelin",
    ):
        assert name in signatures


def test_the_end_date_and_the_data_source_follow_the_records(copie):
    c = copie(G)
    c.edit("territoire.yaml", "fin: 2024-12-31", "fin: 2025-06-30")
    c.edit("territoire.yaml", "nom_court: Caf de la Vienne", "nom_court: Caf 86")
    t = mots(texte(c.dir))
    assert "jusqu au 30 juin 2025 inclus" in t
    assert "la mention source caf 86 devra être précisée" in t


def test_annex_1_has_the_referential_and_the_checked_split(convention):
    t = mots(convention)
    assert "annexe 1 chargé e de coopération ctg grand châtellerault" in t
    assert "coût indicatif etp 48 000" in t
    assert "cette fonction est estimée à 1 etp réparti" in t
    assert "politiques éducatives 0 7 etp" in t and "convention territoriale globale 0 3 etp" in t


# --- référentiel de poste, ETP table, evaluation grid ---------------------------------------


def test_cofunding_is_computed_from_the_caf_rule():
    poitiers = DATA / "grand-poitiers"
    cap = mots(texte(poitiers, "referentiel-poste", "referentiel-poste-charge-cooperation"))
    assert "50 du coût annuel 52 000 26 000" in cap  # 50 % of the cost…
    assert "plafond 24 000 1 etp 24 000" in cap  # …above the cap: the cap applies
    assert "cofinancement annuel de la caf s élève à 24 000 vingt quatre mille euros" in cap
    rate = mots(
        texte(poitiers, "referentiel-poste", "referentiel-poste-coordinateur-petite-enfance")
    )
    assert "s élève à 21 000 vingt et un mille euros soit 50 0 du coût" in rate
    half = mots(
        texte(poitiers, "referentiel-poste", "referentiel-poste-coordinateur-proximite-poitiers")
    )
    assert "plafond 24 000 0 5 etp 12 000" in half and "s élève à 11 000" in half


def test_a_new_caf_rule_applies_from_its_date(copie):
    """Seed 001's rule (80 % capped at 48 000 €) as a later rule of the same Caf."""
    c = copie("grand-poitiers")
    c.edit(
        "territoire.yaml",
        "    regles_financement:\n",
        "    regles_financement:\n"
        "      - {objet: coordination, taux: 0.8, plafond_annuel_par_etp: 48000, depuis: 2023-06-01,"
        " source: Règle fictive du test}\n",
    )
    t = mots(texte(c.dir, "referentiel-poste", "referentiel-poste-charge-cooperation"))
    assert "80 du coût annuel 52 000 41 600" in t and "s élève à 41 600" in t


def test_stated_cofunding_is_printed_beside_the_maximum(copie):
    c = copie("grand-poitiers")
    c.edit(
        "coordination.yaml",
        "    cout_annuel: 52000\n",
        "    cout_annuel: 52000\n    cofinancement_caf: 20000\n",
    )
    t = mots(texte(c.dir, "referentiel-poste", "referentiel-poste-charge-cooperation"))
    assert "cofinancement maximal de la caf le plus petit des deux 24 000" in t
    assert "cofinancement convenu 20 000" in t and "reste à la charge de l employeur 32 000" in t


def test_etp_table_of_seed_001_has_its_total_computed(copie):
    t = mots(texte(DATA / "charente", "tableau-etp"))
    assert "grand cognac 4 192 000" in t
    assert "total 9 epci 14 75 etp 708 000" in t
    c = copie("charente")
    c.edit("coordination.yaml", "    grand-cognac: 4", "    grand-cognac: 3.5")
    assert "total 9 epci 14 25 etp 684 000" in mots(texte(c.dir, "tableau-etp"))


def test_one_evaluation_grid_per_epci_with_its_etp_prefilled():
    docs = plan(validate([DATA / "charente"]), ["grille-evaluation"])
    assert len(docs) == 9
    t = mots(texte(DATA / "charente", "grille-evaluation", "grille-evaluation-grand-cognac"))
    assert "grand cognac année 2021" in t
    assert "nombre d etp dédiés 4 etp" in t
    assert t.count("oui non") == 4


# --- the convention's DOCX, as LibreOffice and Word read it -----------------------------------


@pytest.fixture(scope="module")
def convention_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    from ctgdocs.app import BuildOptions, build

    out = tmp_path_factory.mktemp("convention")
    build(
        [DATA / G], BuildOptions(output=out, formats=("docx", "pdf"), kinds=("convention",), jobs=1)
    )
    return out / G / "convention.docx", out / G / "convention.pdf"


def test_the_convention_docx_has_real_footnotes(convention_files):
    import zipfile

    docx_path, _ = convention_files
    with zipfile.ZipFile(docx_path) as z:
        notes = z.read("word/footnotes.xml").decode()
        body = z.read("word/document.xml").decode()
    assert body.count("<w:footnoteReference") == 3
    assert notes.count("Source\u00a0: Insee, séries historiques du RP") == 2  # French spacing
    assert "Auditions collectives des maires" in notes


@pytest.mark.slow
def test_libreoffice_fills_the_convention_sommaire_with_the_right_pages(tmp_path, convention_files):
    from support.extract import libreoffice_pdf
    from test_toc_pages import heading_pages, pages, pdf_sommaire, sommaire

    docx_path, pdf = convention_files
    lo_pdf = libreoffice_pdf(docx_path, tmp_path)
    printed = sommaire(pages(lo_pdf)[0])
    assert len(printed) == 12 and all(page.isdigit() for page in printed.values()), printed
    found = heading_pages(lo_pdf, list(printed))
    assert {title: str(page) for title, page in found.items()} == printed
    assert pdf_sommaire(pdf) == printed  # our PDF's sommaire says the same pages
