"""Footnotes and the sommaire, in the tree and in the PDF (the DOCX side: test_docx_writer)."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from ctgdocs.render.document import DocumentMeta, RenderedDocument
from ctgdocs.render.markdown import to_tree
from ctgdocs.render.tree import Note, Sommaire, notes, plain_text
from support.pdftags import tagged_pdf

FILLER = "Texte de remplissage qui occupe la page pour pousser la suite plus loin. " * 40

BODY = f"""[[sommaire]]

## Préambule

Le territoire compte 84 904 habitants^[Source : Insee, séries historiques du RP, 2016] et 47 communes.

{FILLER}

## Article 1er : Objet

{FILLER}

{FILLER}

## Article 2 : Durée

La convention prend fin le 31 décembre 2024^[Date fixée par les parties.].
"""


def document() -> RenderedDocument:
    meta = DocumentMeta("Convention", "Objet", "Auteur", dt.date(2019, 12, 31), "En-tête", "Pied")
    return RenderedDocument(meta, to_tree(BODY))


def test_notes_and_sommaire_in_the_tree():
    tree = document().tree
    assert isinstance(tree.blocks[0], Sommaire)
    found = notes(tree.blocks)
    assert [n.inlines[0].text for n in found] == [
        "Source\u00a0: Insee, séries historiques du RP, 2016",
        "Date fixée par les parties.",
    ]
    assert "Source" not in plain_text(tree)  # a note is not in the line
    assert any(isinstance(i, Note) for i in tree.blocks[2].inlines)


@pytest.fixture(scope="module")
def pdf_path(tmp_path_factory) -> Path:
    from ctgdocs.writers.pdf.writer import PdfWriter

    path = tmp_path_factory.mktemp("pdf") / "c.pdf"
    PdfWriter().write(document(), path)
    return path


@pytest.fixture(scope="module")
def pdf_pages(pdf_path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf_path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return text.split("\f")[:-1]


def page_of(pages: list[str], needle: str) -> int:
    return next(n for n, page in enumerate(pages, start=1) if needle in page)


def test_pdf_footnote_is_at_the_foot_of_its_page(pdf_pages):
    page = page_of(pdf_pages, "84 904 habitants")
    lines = [line for line in pdf_pages[page - 1].splitlines() if line.strip()]
    note = next(i for i, line in enumerate(lines) if "Source" in line)
    assert (
        lines[note].startswith("1. Source") and note > len(lines) - 4
    )  # after the body, before the footer
    assert "2. Date fixée par les parties." in pdf_pages[page_of(pdf_pages, "31 décembre 2024") - 1]


def test_pdf_sommaire_gives_the_real_pages(pdf_path):
    """The entries (read from the structure tree: their dots are not text) give the page where
    each heading is."""
    tagged = tagged_pdf(pdf_path)
    entries = {title: int(page) for title, page in tagged.sommaire().items()}
    headings = {" ".join(h.text.split()): h.page for h in tagged.elements("/H2")}
    assert entries == {"Préambule": 1, "Article 1er : Objet": 1, "Article 2 : Durée": 2}
    assert headings == entries
