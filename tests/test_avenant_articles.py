"""An avenant that writes its own articles (issue 18), mixed with the computed ones, and the
articles it rewrites: quoted by the avenant, printed by the consolidated version. The example is
data/haute-somme-illustratif/avenants/01-parentalite.yaml, built with templates/ unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA
from ctgdocs.app import BuildOptions, build
from support.extract import docx_text, html_text

HS = "haute-somme-illustratif"
AV = "avenants/01-parentalite.yaml"


def _lisible(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.fixture(scope="module")
def construit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("avenant-articles")
    report = build([DATA / HS], BuildOptions(output=out, formats=("docx", "html"), jobs=1))
    assert report.ok, report
    return out / HS


def test_its_own_articles_then_the_computed_ones_numbered_in_one_run(construit: Path) -> None:
    text = _lisible(docx_text(construit / "convention-avenant-1.docx"))
    titres = [line for line in text.splitlines() if line.startswith(("Article ", "1."))]
    assert titres == [
        "Article 1er : L'objet de l'avenant",
        "1.1 Le contexte",
        "1.2 Les changements",
        "Article 2 : Modification de l'article 1er",  # {nombre_axes_lettres}: two → three
        "Article 3 : Modification de l'article 2",
        "Article 4 : Modification de l'article 5",  # rewritten by the avenant itself
        "Article 5 : Date d'effet",
    ]
    assert "Le présent avenant modifie la convention territoriale globale signée" in text
    assert "Le comité de pilotage réunit les deux signataires trois fois par an" in text
    assert "Les autres dispositions" not in text  # its own list leaves that article out


def test_titled_without_its_number(construit: Path) -> None:
    text = _lisible(docx_text(construit / "convention-avenant-1.docx"))
    assert text.splitlines()[0] == "Avenant à la convention territoriale globale"
    assert "Avenant n° 1" not in text
    html = html_text(construit / "convention-avenant-1.html")
    assert "Avenant à la convention territoriale globale" in html and "Avenant n°" not in html


def test_the_consolidated_version_prints_the_rewritten_article(construit: Path) -> None:
    text = _lisible(docx_text(construit / "convention-consolidee-avenant-1.docx"))
    assert "Article 5 : Le pilotage de la convention" in text
    assert "trois fois par an, à Péronne. Il suit la mise en œuvre des trois axes" in text
    assert "deux fois par an" not in text
    original = _lisible(docx_text(construit / "convention.docx"))
    assert "deux fois par an" in original and "trois fois par an" not in original


# --- refusals ----------------------------------------------------------------------------


def test_the_example_avenant_is_valid(copie) -> None:
    assert copie(HS).problems() == []


def test_an_article_that_does_not_exist_cannot_be_rewritten(copie) -> None:
    c = copie(HS)
    c.edit(AV, "    - article: 5\n", "    - article: 9\n")
    n = c.line(AV, "article: 9")
    assert c.problems() == [
        f"{HS}/{AV}:{n}:7: avenant.remplace_articles[0].article : l'article 9 n'existe pas : "
        "la convention a 7 articles"
    ]


def test_an_unknown_value_in_a_rewritten_article_is_located(copie) -> None:
    c = copie(HS)
    c.edit(AV, "{nombre_axes_lettres} axes de la convention", "{nombre_axe} axes de la convention")
    n = c.line(AV, "{nombre_axe}")
    col = c.path(AV).read_text("utf-8").splitlines()[n - 1].index("{nombre_axe}") + 1
    assert c.problems() == [
        f"{HS}/{AV}:{n}:{col}: avenant.remplace_articles[0].texte : valeur inconnue "
        "« {nombre_axe} » ; vouliez-vous dire « {nombre_axes} » ?"
    ]


def test_a_value_of_the_avenant_in_its_own_article(copie) -> None:
    c = copie(HS)
    c.edit(AV, "{Acte} modifie {contrat}", "{Acte} n° {numero_avenant} modifie {contrat} {commune}")
    n = c.line(AV, "{commune}")
    col = c.path(AV).read_text("utf-8").splitlines()[n - 1].index("{commune}") + 1
    assert c.problems() == [
        f"{HS}/{AV}:{n}:{col}: avenant.articles[0].texte : la valeur « {{commune}} » n'existe "
        "pas dans un avenant ; elle existe dans un acte d'engagement"
    ]


def test_the_computed_articles_need_a_place_in_its_own_list(copie) -> None:
    c = copie(HS)
    c.edit(AV, "    - clause: modifications\n", "")
    n = c.line(AV, "  articles:")
    assert c.problems() == [
        f"{HS}/{AV}:{n}:3: avenant.articles : les articles calculés (modifications, "
        "remplace_articles) n'ont pas de place dans la liste : y écrire « - clause: modifications »"
    ]


def test_an_avenant_that_changes_nothing_is_refused(copie) -> None:
    c = copie(HS)
    text = c.path(AV).read_text("utf-8")
    debut = text.index("  articles:")
    c.path(AV).write_text(text[:debut], "utf-8")
    n = c.line(AV, "avenant:")
    assert c.problems() == [
        f"{HS}/{AV}:{n}:1: avenant : un avenant modifie quelque chose : des données "
        "(modifications), des articles réécrits (remplace_articles) ou ses propres articles "
        "(articles)"
    ]
