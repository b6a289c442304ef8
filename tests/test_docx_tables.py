"""DOCX tables: formatted through table and paragraph styles, never direct formatting.

A table kept on one page gets the `Tableau` style, whose paragraph properties say "keep with
next" (Word's way of keeping a table together); a table of a `grille` div gets `Tableau sur
plusieurs pages` and may break between rows. Rows never split. The cells' paragraphs carry only
their style (alignment and header bold are in it); their runs only the text's own emphasis.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from ctgdocs.render.document import DocumentMeta, RenderedDocument
from ctgdocs.render.tree import Div, Paragraph, Run, Table, Tree
from ctgdocs.writers.docx.writer import DocxWriter
from support.extract import is_running_line, libreoffice_pdf

META = DocumentMeta("Tableaux", "Objet", "Auteur", dt.date(2022, 7, 1), "En-tête", "Pied")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
# A cell's run may carry the text's own emphasis (`**Total**`), as a body paragraph's run does.
TEXT_FORMATTING = {qn("w:b"), qn("w:i"), qn("w:vertAlign")}


def write(tmp_path: Path, tree: Tree) -> docx.document.Document:
    path = tmp_path / "t.docx"
    DocxWriter().write(RenderedDocument(META, tree), path)
    return docx.Document(str(path))


def direct_formatting(tbl: etree._Element) -> list[str]:
    """What a table's cells format directly: paragraph properties other than the style, run
    properties other than the text's emphasis (nested tables included)."""
    found = []
    for ppr in tbl.iterfind(".//w:tc/w:p/w:pPr", NS):
        found += [etree.QName(c).localname for c in ppr if c.tag != qn("w:pStyle")]
    for rpr in tbl.iterfind(".//w:tc/w:p/w:r/w:rPr", NS):
        found += [etree.QName(c).localname for c in rpr if c.tag not in TEXT_FORMATTING]
    return found


def cell_paragraphs_without_style(tbl: etree._Element) -> int:
    return sum(p.find("w:pPr/w:pStyle", NS) is None for p in tbl.iterfind(".//w:tc/w:p", NS))


TABLE = Table(
    (
        ((Run("Action"),), (Run("Montant"),)),
        ((Run("Accueil"),), (Run("1 000 €"),)),
        ((Run("Total", bold=True),), (Run("1 000 €", bold=True),)),
    ),
    header_rows=1,
    aligns=(None, "right"),
)


def test_cells_are_formatted_by_their_styles_only(tmp_path: Path) -> None:
    document = write(tmp_path, Tree((TABLE, Div(("formulaire",), (TABLE,)))))
    for table in document.tables:
        assert direct_formatting(table._tbl) == []
        assert cell_paragraphs_without_style(table._tbl) == 0
    kept = document.tables[0]
    bold = [r.text for row in kept.rows for c in row.cells for r in c.paragraphs[0].runs if r.bold]
    assert bold == ["Total", "1 000 €"]  # the text's own, not the header's (its style's)


def test_tables_keep_together_unless_in_a_grid(tmp_path: Path) -> None:
    """As print.css: rows never split; a table moves whole to the next page, except in a
    `grille` div, whose long tables may break between rows."""
    kept = write(tmp_path, Tree((TABLE,))).tables[0]
    grid = write(tmp_path, Tree((Div(("grille",), (TABLE,)),))).tables[0]
    for table in (kept, grid):
        rows = table._tbl.findall("w:tr", NS)
        assert all(tr.find("w:trPr/w:cantSplit", NS) is not None for tr in rows)
        assert not table._tbl.xpath(".//w:keepNext")  # not in the cells: in the table style
    assert kept.style.name == "Tableau" and kept.style.paragraph_format.keep_with_next
    assert grid.style.name == "Tableau sur plusieurs pages"
    assert not grid.style.paragraph_format.keep_with_next
    assert kept.style.base_style.name == grid.style.base_style.name == "Table Grid"


def page_lines(pdf: Path) -> list[list[str]]:
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [
        [line.strip() for line in page.splitlines() if line.strip()]
        for page in text.split("\f")[:-1]
    ]


@pytest.mark.slow
def test_libreoffice_keeps_a_table_whole_and_lets_a_grid_run_over(tmp_path: Path) -> None:
    """Each table starts just before the foot of page 1: LibreOffice moves the kept one whole to
    page 2 (the keep-with-next of its table style) and breaks the grid's between rows."""
    filler = tuple(Paragraph((Run(f"Paragraphe {n} avant le tableau."),)) for n in range(33))
    rows = tuple(((Run(f"Ligne {n}"),), (Run(f"{n} €"),)) for n in range(8))
    table = Table((((Run("Action"),), (Run("Montant"),)), *rows), header_rows=1)
    for tree, whole in (
        (Tree((*filler, table)), True),
        (Tree((*filler, Div(("grille",), (table,)))), False),
    ):
        path = tmp_path / f"{'kept' if whole else 'grid'}.docx"
        DocxWriter().write(RenderedDocument(META, tree), path)
        pages = [
            [line for line in page if not is_running_line(line, META)]
            for page in page_lines(libreoffice_pdf(path, tmp_path / path.stem))
        ]
        assert len(pages) == 2
        first, second = pages
        assert first[-1].startswith("Paragraphe") is whole, first[-3:]
        assert ("Ligne 7" in second) and (("Ligne 0" in second) is whole)
