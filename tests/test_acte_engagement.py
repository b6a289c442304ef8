"""The acte d'engagement of Le Pradet (seed 004), built on the convention's shared clauses."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA
from ctgdocs.app import plan, validate
from ctgdocs.render.tree import Div, Heading, Table, inline_text, plain_text
from support.seeds import seed
from support.similarity import similarity, words

P = "le-pradet"


def render(folder: Path):
    (doc,) = plan(validate([folder]), ["acte-engagement"])
    return doc.render()


@pytest.fixture(scope="module")
def acte():
    return render(DATA / P)


def test_acte_matches_seed_004(acte):
    assert similarity(plain_text(acte.tree), seed("004")) >= 0.93


def test_the_mayor_is_spelled_one_way(acte):
    text = plain_text(acte.tree)
    assert "Stassinou" in seed("004") and "STASSINOS" in seed("004")
    assert "Stassinou" not in text and text.count("Hervé STASSINOS") == 2  # parties, signature


def test_fourteen_articles_numbered_1er_then_2(acte):
    titles = [
        " ".join(words(inline_text(b.inlines))[:2])
        for b in acte.tree.blocks
        if isinstance(b, Heading) and inline_text(b.inlines).startswith("Article")
    ]
    assert titles == ["article 1er"] + [f"article {n}" for n in range(2, 15)]


def test_duration_and_deadline_come_from_the_dates(copie):
    t = " ".join(words(plain_text(render(DATA / P).tree)))
    assert "est conclu pour une durée d un an du 1er janvier 2022 au 31 décembre 2022" in t
    assert "la ctg signée au plus tard le 31 12 2022" in t
    c = copie(P)
    c.edit("acte.yaml", "fin: 2022-12-31", "fin: 2022-06-30")
    c.edit("acte.yaml", "ctg_au_plus_tard: 2022-12-31", "ctg_au_plus_tard: 2022-06-30")
    t = " ".join(words(plain_text(render(c.dir).tree)))
    assert "pour une durée de six mois du 1er janvier 2022 au 30 juin 2022" in t


def test_annex_tables_are_tables(acte):
    def tables(blocks):
        for b in blocks:
            if isinstance(b, Table):
                yield b
            elif isinstance(b, Div):
                yield from tables(b.children)

    found = list(tables(acte.tree.blocks))
    assert len(found) == 3  # équipements, fiche action, référentiel métier
    equipements = [[inline_text(c) for c in row] for row in found[0].rows]
    assert [row[0] for row in equipements[1:]] == ["EAJE", "LAEP", "RAM", "ALSH", "", "Ludothèque"]
    assert equipements[2][1] == "" and equipements[3][1] == ""  # empty types shown, as in the seed


def test_the_missions_are_the_shared_text_of_the_deliberations(acte):
    """The four missions come from one reference list, also printed by Maussane's deliberation."""
    from ctgdocs.references import branche_famille

    text = plain_text(acte.tree)
    for mission in branche_famille()["missions"]:
        assert text.count(mission) == 2  # préambule and article 3


def test_unknown_clause_and_referential_are_located(copie):
    c = copie(P)
    c.edit("acte.yaml", "clause: missions_emblematiques", "clause: missions_emblematique")
    c.edit("acte.yaml", "referentiel: cnfpt-charge-cooperation-territoriale", "referentiel: cnfpt")
    clause_line = c.line("acte.yaml", "clause: missions_emblematique")
    ref_line = c.line("acte.yaml", "referentiel: cnfpt")
    assert c.problems() == [
        f"{P}/acte.yaml:{clause_line}:{c.col('acte.yaml', 'clause: missions')}: "
        "acte_engagement.preambule[3].clause : clause inconnue « missions_emblematique » (voir "
        "templates/clauses/) ; vouliez-vous dire « missions_emblematiques » ?",
        f"{P}/acte.yaml:{ref_line}:{c.col('acte.yaml', 'referentiel: cnfpt')}: "
        "acte_engagement.annexes.referentiel : identifiant inconnu « cnfpt » : aucun référentiel de ce "
        "nom dans src/ctgdocs/references/referentiels/",
    ]


def _stated_pages(pdf: Path) -> tuple[int, int]:
    from support.extract import pdf_pages, pdftotext

    text = " ".join(pdftotext(pdf).split())
    stated = int(text.split("Cet acte d'engagement comporte ")[1].split()[0])
    return stated, pdf_pages(pdf)


def test_the_stated_page_count_is_the_pdf_s_even_after_the_text_grows(copie, tmp_path):
    from ctgdocs.app import BuildOptions, build

    def built(folder: Path, out: Path) -> Path:
        build([folder], BuildOptions(output=out, formats=("pdf", "docx"), jobs=1))
        return out / P / "acte-engagement.pdf"

    stated, pages = _stated_pages(built(DATA / P, tmp_path / "a"))
    assert stated == pages
    c = copie(P)
    paragraph = "Paragraphe ajouté par le test pour allonger l'acte. " * 40
    c.edit(
        "acte.yaml",
        "  champs_intervention_commune:\n",
        "  champs_intervention_commune:\n" + f"    - {paragraph}\n" * 12,
    )
    pdf = built(c.dir, tmp_path / "b")
    longer, pages_after = _stated_pages(pdf)
    assert longer == pages_after > pages
    # The DOCX states it in a NUMPAGES field whose cached result is the PDF's count.
    import zipfile

    with zipfile.ZipFile(pdf.with_suffix(".docx")) as z:
        body = z.read("word/document.xml").decode()
    assert body.count("<w:tbl>") >= 4  # the three annex tables are Word tables, and the signatures
    field = body[body.index("NUMPAGES") :]
    assert f"<w:t>{pages_after}</w:t>" in field[: field.index('w:fldCharType="end"')]


def test_pages_marker_is_a_field_in_the_tree():
    from ctgdocs.render.markdown import to_tree
    from ctgdocs.render.tree import Champ, Run

    (paragraph,) = to_tree("Il comporte **[[pages]]** pages.").blocks
    assert paragraph.inlines == (
        Run("Il comporte "),
        Champ("pages", bold=True),
        Run(" pages."),
    )


ACTE = f"{P}/acte.yaml"


def _at(c, needle: str, token: str) -> str:
    """file:line:col of token on the first line containing needle."""
    line = c.line("acte.yaml", needle)
    text = c.path("acte.yaml").read_text(encoding="utf-8").splitlines()[line - 1]
    return f"{ACTE}:{line}:{text.index(token) + 1}"


def test_the_act_ends_after_it_starts(copie):
    c = copie(P)
    c.edit("acte.yaml", "  fin: 2022-12-31", "  fin: 2021-12-31")
    assert c.problems() == [
        f"{_at(c, '  fin: 2021', 'fin')}: acte_engagement.fin : la fin de l'acte (31 décembre 2021) "
        "doit suivre son début (1er janvier 2022)"
    ]


def test_the_ctg_deadline_falls_within_the_act(copie):
    c = copie(P)
    c.edit("acte.yaml", "  ctg_au_plus_tard: 2022-12-31", "  ctg_au_plus_tard: 2023-06-30")
    assert c.problems() == [
        f"{_at(c, 'ctg_au_plus_tard', 'ctg_au_plus_tard')}: acte_engagement.ctg_au_plus_tard : la "
        "CTG doit être signée pendant l'acte, entre le 1er janvier 2022 et le 31 décembre 2022 ; "
        "date donnée : 30 juin 2023"
    ]


def test_the_council_decides_before_the_act_starts(copie):
    c = copie(P)
    c.edit("acte.yaml", "date: 2021-12-03", "date: 2022-01-15")
    assert c.problems() == [
        f"{_at(c, 'date: 2022-01-15', 'date')}: acte_engagement.decision_conseil.date : le conseil "
        "municipal autorise la signature avant le début de l'acte (1er janvier 2022) ; date donnée : "
        "15 janvier 2022"
    ]


SIGNE_LE = "  lieu: au Pradet\n  date_signature: {}\n"


@pytest.mark.parametrize("date", ["2021-12-03", "2021-12-20", "2022-06-30", "2022-12-31"])
def test_the_act_runs_over_its_period_signed_on_any_day_up_to_its_end(copie, date):
    """From the council's decision to its last day: its text says « du … au … » whatever."""
    c = copie(P)
    c.edit("acte.yaml", "  lieu: au Pradet\n", SIGNE_LE.format(date))
    assert c.problems() == []


def test_the_act_is_not_signed_after_its_end(copie):
    c = copie(P)
    c.edit("acte.yaml", "  lieu: au Pradet\n", SIGNE_LE.format("2023-01-02"))
    assert c.problems() == [
        f"{_at(c, 'date_signature:', 'date_signature')}: acte_engagement.date_signature : l'acte "
        "est conclu du 1er janvier 2022 au 31 décembre 2022 : il ne peut pas être signé après sa "
        "fin ; date de signature donnée : 2 janvier 2023"
    ]


def test_the_act_is_signed_once_the_council_authorised_it(copie):
    c = copie(P)
    c.edit("acte.yaml", "  lieu: au Pradet\n", SIGNE_LE.format("2021-11-30"))
    assert c.problems() == [
        f"{_at(c, 'date_signature:', 'date_signature')}: acte_engagement.date_signature : signé "
        "le 30 novembre 2021, avant la décision du conseil municipal qui autorise sa signature "
        "(le 3 décembre 2021)"
    ]


def test_an_act_binds_a_caf_and_a_commune_each_once(copie):
    c = copie(P)
    c.edit("acte.yaml", "    - organisation: le-pradet", "    - organisation: caf-83")
    lines = c.path("acte.yaml").read_text(encoding="utf-8").splitlines()
    second = [n for n, line in enumerate(lines, 1) if "- organisation: caf-83" in line][1]
    assert c.problems() == [
        f"{_at(c, '  parties:', 'parties')}: acte_engagement.parties : un acte d'engagement lie une "
        "Caf et une commune ; parties données : caf, caf",
        f"{ACTE}:{second}:7: acte_engagement.parties[1].organisation : partie « caf-83 » citée deux fois "
        "(déjà en position 1)",
    ]


def test_a_party_of_the_act_signs_through_someone(copie):
    c = copie(P)
    text = c.path("acte.yaml").read_text(encoding="utf-8")
    start = text.index("    - organisation: le-pradet\n") + len("    - organisation: le-pradet\n")
    end = text.index("      ci_apres: la commune")
    c.path("acte.yaml").write_text(
        text[:start] + "      representants: []\n" + text[end:], encoding="utf-8"
    )
    assert c.problems() == [
        f"{_at(c, 'organisation: le-pradet', 'organisation')}: acte_engagement.parties[1].organisation "
        ": la partie « le-pradet » n'a pas de représentant : indiquer qui signe (representants : "
        "personne, qualité)"
    ]


SEANCE_FICTIVE = """\
# FICTITIOUS session, written by the test: the council decision of Le Pradet is not public.
seance:
  collectivite: le-pradet
  date: 2021-12-03
  heure: 18h30
  convocation: 2021-11-26
  president: herve-stassinos
  secretaires: [secretaire-fictive]
  membres_en_exercice: 33
  presents: 25
  pouvoirs: 4
deliberations:
  - numero: 2021-12-03-07
    objet: Acte d'engagement dans la démarche CTG avec la Caf du Var
    rapporteurs: [herve-stassinos]
    expose:
      - Exposé fictif écrit par le test.
    decisions:
      - {verbe: autoriser, texte: Monsieur le Maire à signer l'acte d'engagement.}
    vote: {pour: 29, contre: 0, abstentions: 0}
"""


def test_annex_4_is_the_council_deliberation_when_the_data_has_it(copie):
    c = copie(P)
    c.edit(
        "territoire.yaml",
        "personnes:\n",
        "personnes:\n  secretaire-fictive: {civilite: Mme, prenom: Claire, nom: FICTIVE}\n",
    )
    c.edit(
        "acte.yaml", "    date: 2021-12-03\n", "    date: 2021-12-03\n    numero: 2021-12-03-07\n"
    )
    # a séance of 2021 sets its threshold by the 2020 renewal's millésime (2017), which the
    # COG 2026 the example was imported from does not give: the population is left out here
    c.edit(
        "territoire.yaml", "    populations_legales: [{millesime: 2023, population: 10933}]\n", ""
    )
    (c.dir / "seances").mkdir()
    (c.dir / "seances" / "2021-12-03-le-pradet.yaml").write_text(SEANCE_FICTIVE, encoding="utf-8")
    text = plain_text(render(c.dir).tree)
    annexe = text[text.index("Annexe 4") :]
    assert "DÉLIBÉRATION DU CONSEIL MUNICIPAL" in annexe
    assert "Exposé fictif écrit par le test." in annexe
    assert " ".join(words(annexe)).count("à l unanimité") == 1
    # Without a matching number, annex 4 is the decision's reference only.
    assert "DÉLIBÉRATION DU CONSEIL MUNICIPAL" not in plain_text(render(DATA / P).tree)
