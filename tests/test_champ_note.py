"""`[[pages]]` inside a footnote is resolved like in the text: HTML and PDF print the count, the
DOCX has a NUMPAGES field in the note whose cached result is that count."""

from __future__ import annotations

import dataclasses
import datetime as dt
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from ctgdocs.render.document import DocumentMeta, NotPaginated, Pagination, RenderedDocument
from ctgdocs.render.html import render_html
from ctgdocs.render.markdown import to_tree
from ctgdocs.render.pagination import paginer
from ctgdocs.render.tree import Champ, Note, Paragraph, Run, champs, remplir
from ctgdocs.writers.docx.writer import DocxWriter

META = DocumentMeta("Note", "Objet", "Auteur", dt.date(2022, 7, 1), "En-tête", "Pied")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
BODY = "Texte appelant la note^[Ce document compte **[[pages]]** pages.].\n"


def document() -> RenderedDocument:
    return RenderedDocument(META, to_tree(BODY))


def test_the_note_holds_the_field() -> None:
    (paragraph,) = to_tree(BODY).blocks
    assert isinstance(paragraph, Paragraph)
    note = next(i for i in paragraph.inlines if isinstance(i, Note))
    assert Champ("pages", bold=True) in note.inlines
    assert champs((paragraph,))


def test_remplir_fills_the_notes() -> None:
    (paragraph,) = remplir(to_tree(BODY).blocks, {"pages": "12"})
    assert isinstance(paragraph, Paragraph)
    (note,) = (i for i in paragraph.inlines if isinstance(i, Note))
    assert note.inlines == (Run("Ce document compte "), Run("12", bold=True), Run(" pages."))
    assert not champs((paragraph,))


def test_html_prints_the_count_in_the_note() -> None:
    html = render_html(document(), pages=12)
    assert "Ce document compte <strong>12</strong> pages." in html


def footnote_fields(path: Path) -> list[tuple[str, str]]:
    """(instruction, cached result) of every complex field of the document's footnotes."""
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/footnotes.xml"))
    found = []
    for p in root.iterfind(".//w:p", NS):
        runs = list(p.iterfind("w:r", NS))
        for i, run in enumerate(runs):
            char = run.find("w:fldChar", NS)
            if char is not None and char.get(f"{{{W}}}fldCharType") == "begin":
                code = runs[i + 1].findtext("w:instrText", namespaces=NS).strip()
                found.append((code, runs[i + 3].findtext("w:t", namespaces=NS)))
    return found


def test_docx_note_has_a_numpages_field_with_the_layout_count(tmp_path: Path) -> None:
    # The count the pagination step found, given as is: no layout, a fast test
    paginated = dataclasses.replace(document(), pagination=Pagination(pages=12))
    path = tmp_path / "note.docx"
    DocxWriter().write(paginated, path)
    assert footnote_fields(path) == [("NUMPAGES", "12")]


def test_the_docx_writer_refuses_a_document_not_paginated(tmp_path: Path) -> None:
    with pytest.raises(NotPaginated, match="« Note » n'a pas été mis en page"):
        DocxWriter().write(document(), tmp_path / "note.docx")


@pytest.mark.slow
def test_pdf_and_docx_state_the_pdf_s_page_count(tmp_path: Path) -> None:
    from ctgdocs.writers.pdf.writer import PdfWriter
    from support.extract import pdf_pages, pdftotext

    doc = paginer(document())
    PdfWriter().write(doc, tmp_path / "note.pdf")
    DocxWriter().write(doc, tmp_path / "note.docx")
    pages = pdf_pages(tmp_path / "note.pdf")
    assert f"Ce document compte {pages} pages." in " ".join(
        pdftotext(tmp_path / "note.pdf").split()
    )
    assert footnote_fields(tmp_path / "note.docx") == [("NUMPAGES", str(pages))]
