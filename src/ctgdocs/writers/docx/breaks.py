"""`::: saut-de-page` in a DOCX: the content of the div starts on a new page.

The div's blocks are written through `PageBreakBefore`, a sink that sets `w:pageBreakBefore` on
the first paragraph it makes, whatever makes it (a paragraph, a heading, a list item, a
sommaire title, a rule). Word has no page break before a table: when a table comes first, an
empty paragraph one point high carries the break just before it.
"""

from __future__ import annotations

from docx.shared import Pt
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from ctgdocs.writers.docx.sinks import Sink, StyleId

PAGE_BREAK = "saut-de-page"  # the div class
BREAK_CARRIER_HEIGHT = Pt(1)  # the empty paragraph before a table that opens the div


class PageBreakBefore:
    """A sink whose first paragraph, or first table, starts a new page."""

    def __init__(self, sink: Sink, normal: StyleId) -> None:
        self._sink = sink
        self._normal = normal
        self._pending = True

    def paragraph(self, style: StyleId) -> DocxParagraph:
        paragraph = self._sink.paragraph(style)
        if self._pending:
            self._pending = False
            paragraph.paragraph_format.page_break_before = True
        return paragraph

    def table(self, rows: int, cols: int, style: StyleId) -> DocxTable:
        if self._pending:
            carrier = self.paragraph(self._normal).paragraph_format
            carrier.space_before = carrier.space_after = Pt(0)
            carrier.line_spacing = BREAK_CARRIER_HEIGHT
        return self._sink.table(rows, cols, style)
