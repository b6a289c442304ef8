"""Where the DOCX writer puts new paragraphs and tables: before the frame's placeholder, or
inside a table cell."""

from __future__ import annotations

from typing import Protocol

from docx.document import Document as DocxDocument
from docx.shared import Pt
from docx.styles.style import BaseStyle
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

SPACER_HEIGHT = Pt(6)  # the empty paragraph after a table


class Sink(Protocol):
    def paragraph(self, style: BaseStyle) -> DocxParagraph: ...

    def table(self, rows: int, cols: int, style: BaseStyle) -> DocxTable: ...


class BeforeParagraph:
    """The document body, before the placeholder paragraph."""

    def __init__(self, doc: DocxDocument, anchor: DocxParagraph) -> None:
        self._doc = doc
        self._anchor = anchor

    def paragraph(self, style: BaseStyle) -> DocxParagraph:
        return self._anchor.insert_paragraph_before(style=style)

    def table(self, rows: int, cols: int, style: BaseStyle) -> DocxTable:
        table = self._doc.add_table(rows, cols, style=style)  # appended at the end of the body
        self._anchor._p.addprevious(table._tbl)
        # A small empty paragraph after every table: it keeps two tables apart (Word would merge
        # them), gives the next paragraph some air and ends a body that ends with a table.
        spacer = self._anchor.insert_paragraph_before().paragraph_format
        spacer.space_before = spacer.space_after = Pt(0)
        spacer.line_spacing = SPACER_HEIGHT
        return table

    def close(self) -> None:
        self._anchor._p.getparent().remove(self._anchor._p)


class InCell:
    """A table cell; its first paragraph is the empty one every cell starts with."""

    def __init__(self, cell: _Cell) -> None:
        self._cell = cell
        self._empty: DocxParagraph | None = cell.paragraphs[0]

    def paragraph(self, style: BaseStyle) -> DocxParagraph:
        if self._empty is not None:
            paragraph, self._empty = self._empty, None
            paragraph.style = style
            return paragraph
        return self._cell.add_paragraph(style=style)

    def table(self, rows: int, cols: int, style: BaseStyle) -> DocxTable:
        self._empty = None
        table = self._cell.add_table(rows, cols)
        table.style = style
        return table


# --- context ------------------------------------------------------------------
