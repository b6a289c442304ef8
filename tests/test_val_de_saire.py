"""The example data/val-de-saire-illustratif (issue 18): grouped parties, a signature by
delegation, an habilitation, a syndicat and an association in a house style of the parties
block, on the shipped model; built from data only, with templates/ unchanged. The three formats
say the same words (tests/test_formats.py builds every example)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import DATA, ROOT
from ctgdocs.app import BuildOptions, build
from support.extract import docx_text, html_text, pdftotext

VS = "val-de-saire-illustratif"


def _lisible(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _templates() -> str:
    files = sorted(p for p in (ROOT / "templates").rglob("*") if p.is_file())
    return hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()


@pytest.fixture(scope="module")
def textes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    avant = _templates()
    out = tmp_path_factory.mktemp("val-de-saire")
    assert build([DATA / VS], BuildOptions(output=out, formats=("docx", "pdf", "html"), jobs=1)).ok
    assert _templates() == avant
    base = out / VS / "convention"
    return {
        "docx": _lisible(docx_text(base.with_suffix(".docx"))),
        "pdf": _lisible(pdftotext(base.with_suffix(".pdf"))),
        "html": _lisible(html_text(base.with_suffix(".html"))),
    }


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_the_parties_as_the_act_writes_them(textes: dict[str, str], fmt: str) -> None:
    text = textes[fmt]
    for phrase in (
        "Il est convenu entre :",
        "représentée par la Présidente de son Conseil d'administration, Mme Sophie EXEMPLE, et "
        "par son Directeur, M. Pierre EXEMPLE, dûment habilitée par délibération du Conseil "
        "d'administration du 14 novembre 2023",
        "ci-après dénommée « la Caf » ; et",
        "Les communes de Quettehou, de Réville et de Saint-Vaast-la-Hougue",
        "pour le Maire et par délégation, par la Première adjointe de Saint-Vaast-la-Hougue, "
        "Mme Claire EXEMPLE",
        "ci-après dénommées « les trois communes du Val de Saire » ; et",
        "Le Syndicat intercommunal à vocation multiple du Val de Saire représenté par son "
        "Président, M. RAKOTORINA",
        "ci-après dénommé « le SIVOM » ; et",
        "L'Association Familles rurales de la Manche représentée par sa Présidente",
        "en six exemplaires originaux",
    ):
        assert phrase in text, (fmt, phrase)


def test_each_member_signs_and_the_delegation_is_in_the_signature_block(
    textes: dict[str, str],
) -> None:
    text = textes["docx"]
    assert (
        "Pour la commune de Saint-Vaast-la-Hougue, Pour le Maire et par délégation, La "
        "Première adjointe, Claire EXEMPLE" in text
    )
    for commune in ("Quettehou", "Réville", "Saint-Vaast-la-Hougue"):
        assert f"Pour la commune de {commune}," in text
    assert (
        "Pour le Syndicat intercommunal à vocation multiple du Val de Saire, Le Président, M. RAKOTORINA"
        in text
    )


def test_the_example_is_valid(copie) -> None:
    assert copie(VS).problems() == []


def test_builds_alone_without_models(tmp_path: Path) -> None:
    """It names no model: it needs no modeles/ folder beside it."""
    import shutil

    shutil.copytree(DATA / VS, tmp_path / VS)
    assert build(
        [tmp_path / VS], BuildOptions(output=tmp_path / "out", formats=("html",), jobs=1)
    ).ok
