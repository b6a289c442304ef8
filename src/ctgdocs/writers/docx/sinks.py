"""Where the DOCX writer puts new paragraphs and tables: before the frame's placeholder, or
inside a table cell.

A style is given by its id (`StyleId`), resolved once per style and document by the writer:
python-docx's `paragraph.style = style` looks for the default style of its type among every
style of the frame (177) on each call, which was half the time of writing a DOCX."""

from __future__ import annotations

from typing import Protocol, TypeAlias

from docx.document import Document as DocxDocument
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

SPACER_HEIGHT = Pt(6)  # the empty paragraph after a table (its style: docx_styles.AFTER_TABLE)
StyleId: TypeAlias = str | None  # a style's id in the frame; None for the default style of its type


def styled(paragraph: DocxParagraph, style: StyleId) -> DocxParagraph:
    """The paragraph with that style, written as python-docx's `paragraph.style = …` writes it."""
    paragraph._p.style = style
    return paragraph


def styled_table(table: DocxTable, style: StyleId) -> DocxTable:
    """The table with that style, written as python-docx's `table.style = …` writes it."""
    table._tbl.tblStyle_val = style
    return table


class Sink(Protocol):
    def paragraph(self, style: StyleId) -> DocxParagraph: ...

    def table(self, rows: int, cols: int, style: StyleId) -> DocxTable: ...


class BeforeParagraph:
    """The document body, before the placeholder paragraph."""

    def __init__(self, doc: DocxDocument, anchor: DocxParagraph, spacer: StyleId) -> None:
        self._doc = doc
        self._anchor = anchor
        self._spacer = spacer  # the style of the small paragraph after a table

    def paragraph(self, style: StyleId) -> DocxParagraph:
        return styled(self._anchor.insert_paragraph_before(), style)

    def table(self, rows: int, cols: int, style: StyleId) -> DocxTable:
        table = styled_table(self._doc.add_table(rows, cols), style)  # at the end of the body
        anchor: BaseOxmlElement = self._anchor._p  # a w:p: a w:tbl may go before it
        anchor.addprevious(table._tbl)
        # A small empty paragraph after every table: it keeps two tables apart (Word would merge
        # them), gives the next paragraph some air and ends a body that ends with a table.
        styled(self._anchor.insert_paragraph_before(), self._spacer)
        return table

    def close(self) -> None:
        body = self._anchor._p.getparent()
        assert body is not None  # the placeholder is a paragraph of the body
        body.remove(self._anchor._p)


class InCell:
    """A table cell; its first paragraph is the empty one every cell starts with."""

    def __init__(self, cell: _Cell) -> None:
        self._cell = cell
        self._empty: DocxParagraph | None = cell.paragraphs[0]

    def paragraph(self, style: StyleId) -> DocxParagraph:
        if self._empty is not None:
            paragraph, self._empty = self._empty, None
            return styled(paragraph, style)
        return styled(self._cell.add_paragraph(), style)

    def table(self, rows: int, cols: int, style: StyleId) -> DocxTable:
        self._empty = None
        return styled_table(self._cell.add_table(rows, cols), style)


# --- context ------------------------------------------------------------------
