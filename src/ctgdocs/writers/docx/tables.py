"""How DOCX tables break across pages, as print.css breaks the PDF's, and their columns.

A row never splits (`w:cantSplit`, like `tr { break-inside: avoid }`). A table is kept on one
page (`page-break-inside: avoid` in print.css) by its table style (docx_styles.TABLE), which
gives its paragraphs "keep with next", the way Word keeps a table together, unless it sits in
a `grille` div, whose long tables (docx_styles.SPLIT_TABLE) may run over pages between rows.
The cells' formatting is all in styles (see tools/make_docx_frame.py).
"""

from __future__ import annotations

from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table as DocxTable

CELL_SPACING = Pt(2)  # above and below the text of a table cell (the cell styles)
ALIGNMENTS = {  # a column's alignment → the cell styles' (docx_styles.CELL_STYLES)
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    None: WD_ALIGN_PARAGRAPH.LEFT,  # like an HTML cell: never justified
}
SPLITTABLE = "grille"  # div class: its tables may break between rows
# Div class -> shares of the text width given to a table's first columns (as in print.css);
# the other columns split the rest equally.
COLUMNS: dict[str, tuple[float, ...]] = {
    "formulaire": (0.35,),
    "grille": (0.26,),
    "liste-deliberations": (0.07, 0.16, 0.47, 0.18, 0.12),
}
ROW_PROPERTIES = ("w:cantSplit", "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc")


def row_property(tr: Any, tag: str) -> None:
    """Add an on/off row property (w:tblHeader, w:cantSplit) in schema order, once."""
    tr_pr = tr.get_or_add_trPr()
    if tr_pr.find(qn(tag)) is not None:
        return
    element = OxmlElement(tag)
    later = {qn(name) for name in (*ROW_PROPERTIES, "w:hidden")[ROW_PROPERTIES.index(tag) + 1 :]}
    for child in tr_pr:
        if child.tag in later:
            child.addprevious(element)
            return
    tr_pr.append(element)


def rows_never_split(table: DocxTable) -> None:
    for row in table.rows:
        row_property(row._tr, "w:cantSplit")


def set_columns(table: DocxTable, shares: tuple[float, ...], width: int) -> None:
    """Fixed column widths: the first columns take their `shares` of the text width, the others
    split the rest equally (print.css: `td:first-child { width: 35% }`)."""
    cols = len(table.columns)
    fixed = [int(width * share) for share in shares[:cols]]
    rest = cols - len(fixed)
    other = (width - sum(fixed)) // rest if rest else 0
    table.autofit = False
    for index, column in enumerate(table.columns):
        column.width = fixed[index] if index < len(fixed) else other
        for cell in column.cells:
            cell.width = column.width
