"""`::: saut-de-page`: the content of the div starts on a new page, in every format.

HTML keeps the class and print.css breaks the page before it (`break-before: page`); the DOCX
writer sets `w:pageBreakBefore` on the first paragraph written inside the div, or on an empty
one-point paragraph just before a table that opens it (Word has no page break before a table).
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from ctgdocs.render.document import DocumentMeta, RenderedDocument
from ctgdocs.render.html import render_html
from ctgdocs.render.markdown import to_tree
from ctgdocs.render.pagination import paginer
from ctgdocs.render.tree import (
    Div,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Run,
    Sommaire,
    Table,
    Tree,
)
from ctgdocs.writers.docx.writer import DocxWriter
from support.extract import is_running_line, libreoffice_pdf

META = DocumentMeta("Convention", "Objet", "Auteur", dt.date(2022, 7, 1), "En-tête", "Pied")
BREAK = "saut-de-page"


def p(text: str) -> Paragraph:
    return Paragraph((Run(text),))


def annex(*children) -> Div:
    return Div((BREAK,), tuple(children))


TABLE = Table((((Run("Commune"),), (Run("Montant"),)), ((Run("Fabre"),), (Run("1 000"),))), 1)


def write_docx(tmp_path: Path, *blocks) -> docx.document.Document:
    path = tmp_path / "out.docx"
    DocxWriter().write(paginer(RenderedDocument(META, Tree(tuple(blocks))), titres=True), path)
    return docx.Document(str(path))


def breaks(document) -> list[str]:
    """The text of every body paragraph that starts a new page ("" for an empty one)."""
    return [q.text for q in document.paragraphs if q.paragraph_format.page_break_before]


def page_lines(pdf: Path) -> list[list[str]]:
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [
        [
            line.strip()
            for line in page.splitlines()
            if line.strip() and not is_running_line(line, META)
        ]
        for page in text.split("\f")[:-1]
    ]


def test_markdown_container_is_a_div_with_the_class() -> None:
    tree = to_tree("Avant.\n\n::: saut-de-page\n## Annexe\n\nTexte.\n:::\n")
    assert tree.blocks[1] == Div(
        (BREAK,), (Heading(2, (Run("Annexe"),)), Paragraph((Run("Texte."),)))
    )


def test_html_keeps_the_class_and_the_css_breaks_the_page() -> None:
    html = render_html(RenderedDocument(META, Tree((p("Avant."), annex(p("Annexe."))))))
    assert '<div class="saut-de-page"><p>Annexe.</p></div>' in html
    assert ".saut-de-page { break-before: page; }" in html


def test_pdf_starts_the_div_on_a_new_page(tmp_path: Path) -> None:
    from ctgdocs.writers.pdf.writer import PdfWriter

    tree = to_tree(
        "::: saut-de-page\nPremière page.\n:::\n\n"  # at the very start: no empty page
        "Suite de la première page.\n\n"
        "::: saut-de-page\n## Annexe 1\n\nTexte de l'annexe.\n:::\n\n"
        "::: saut-de-page\n| A | B |\n|---|---|\n| un | deux |\n:::\n"
    )
    PdfWriter().write(RenderedDocument(META, tree), tmp_path / "out.pdf")
    assert page_lines(tmp_path / "out.pdf") == [
        ["Première page.", "Suite de la première page."],
        ["Annexe 1", "Texte de l'annexe."],
        ["A", "B", "un", "deux"],  # pdftotext: a cell per line
    ]


def test_docx_breaks_before_the_first_paragraph_of_the_div(tmp_path: Path) -> None:
    document = write_docx(
        tmp_path,
        p("Avant."),
        annex(Heading(2, (Run("Annexe"),)), p("Texte.")),
        annex(p("Un paragraphe."), p("Un autre.")),
        annex(ListBlock(False, (ListItem((p("Premier point"),)), ListItem((p("Second"),))))),
        annex(annex(p("Deux divs, un seul saut."))),
    )
    assert breaks(document) == [
        "Annexe",
        "Un paragraphe.",
        "Premier point",
        "Deux divs, un seul saut.",
    ]
    assert document.paragraphs[1].style.name == "Heading 2"


def test_docx_puts_a_small_paragraph_with_the_break_before_a_table(tmp_path: Path) -> None:
    document = write_docx(tmp_path, p("Avant."), annex(TABLE, p("Après.")))
    body = document.element.body
    carrier = document.paragraphs[1]
    assert breaks(document) == [""]
    assert carrier._p.getnext().tag == qn("w:tbl")  # just before the table
    fmt = carrier.paragraph_format
    assert (fmt.line_spacing, fmt.space_before, fmt.space_after) == (Pt(1), Pt(0), Pt(0))
    assert len(body.findall(qn("w:tbl"))) == 1


def test_docx_break_before_a_sommaire_without_title(tmp_path: Path) -> None:
    document = write_docx(
        tmp_path, p("Avant."), annex(Sommaire(title="")), Heading(1, (Run("Titre"),))
    )
    first_entry = document.paragraphs[1]
    assert first_entry.style.name == "toc 1" and breaks(document) == [first_entry.text]


def test_docx_without_the_class_has_no_break(tmp_path: Path) -> None:
    document = write_docx(tmp_path, p("Avant."), Div(("centre",), (p("Centré."),)))
    assert breaks(document) == []
    assert not document.element.body.xpath(".//w:pageBreakBefore")


@pytest.mark.slow
def test_libreoffice_starts_each_div_on_a_new_page(tmp_path: Path) -> None:
    path = tmp_path / "breaks.docx"
    tree = Tree(
        (
            p("Première page."),
            annex(Heading(2, (Run("Annexe 1"),)), p("Texte de l'annexe.")),
            annex(TABLE),
            p("Après le tableau."),
        )
    )
    DocxWriter().write(RenderedDocument(META, tree), path)
    assert page_lines(libreoffice_pdf(path, tmp_path)) == [
        ["Première page."],
        ["Annexe 1", "Texte de l'annexe."],
        ["Commune", "Montant", "Fabre", "1 000", "Après le tableau."],
    ]
