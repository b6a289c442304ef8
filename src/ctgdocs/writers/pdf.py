"""PDF writer: WeasyPrint on the HTML writer's output. WeasyPrint is imported here only.

`heading_pages` tells on which page of this layout each heading starts: the DOCX writer's
sommaire prints those numbers (print.css mirrors the DOCX frame's metrics, so LibreOffice puts
the headings on the same pages). The pages of the last documents laid out are kept, so a
process that writes the PDF and the DOCX of a document lays it out once.
"""

from __future__ import annotations

import calendar
import os
from collections import OrderedDict
from pathlib import Path
from typing import ClassVar

from weasyprint import HTML
from weasyprint.document import Document

from ctgdocs.errors import OutputError
from ctgdocs.paths import TEMPLATES_DIR
from ctgdocs.tree import champs
from ctgdocs.writers.atomic import atomic_path
from ctgdocs.writers.base import RenderedDocument
from ctgdocs.writers.html import HEADING_ID, render_html

BASE_URL = (TEMPLATES_DIR / "html").as_uri() + "/"
REMEMBERED = 32  # documents whose heading pages are kept (a few ints each)
MAX_PASSES = 4  # layouts tried until a printed page count is the document's own
_pages: OrderedDict[RenderedDocument, dict[int, int]] = OrderedDict()
_counts: dict[RenderedDocument, int] = {}


def _render(document: RenderedDocument, **options: object) -> Document:
    """The laid-out pages (the PDF writer's options change no layout). A document that prints
    its own page count (`[[pages]]`) is laid out again with the count found until it holds."""
    count = _counts.get(document, 1) if champs(document.tree.blocks) else None
    for _ in range(MAX_PASSES):
        html = render_html(document, pages=count)
        rendered = HTML(string=html, base_url=BASE_URL).render(**options)
        if count is None or len(rendered.pages) == count:
            break
        count = len(rendered.pages)
    else:
        raise OutputError(
            f"« {document.meta.title} » : le nombre de pages imprimé ne se stabilise pas "
            f"après {MAX_PASSES} mises en page"
        )
    _pages[document] = _heading_pages(rendered)
    _counts[document] = len(rendered.pages)
    while len(_pages) > REMEMBERED:
        _counts.pop(_pages.popitem(last=False)[0], None)
    return rendered


class PdfWriter:
    format: ClassVar[str] = "pdf"
    suffix: ClassVar[str] = ".pdf"

    def write(self, document: RenderedDocument, dest: Path) -> None:
        # Dates inside the PDF come from the act's date, so the same inputs give the same bytes.
        os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(document.meta.date.timetuple()))
        identifier = document.meta.title.encode("utf-8")
        rendered = _render(document, pdf_identifier=identifier)
        with atomic_path(dest) as tmp:
            rendered.write_pdf(str(tmp), pdf_identifier=identifier)


def page_count(document: RenderedDocument) -> int:
    """The number of pages of the document's PDF layout."""
    if document not in _pages:
        _render(document)
    return _counts[document]


def heading_pages(document: RenderedDocument) -> dict[int, int]:
    """Heading number (1, 2… in reading order, as the HTML writer numbers them) → the page,
    from 1, where that heading starts in the PDF layout."""
    if document not in _pages:
        _render(document)
    _pages.move_to_end(document)
    return dict(_pages[document])


def _heading_pages(rendered: Document) -> dict[int, int]:
    pages: dict[int, int] = {}
    prefix = HEADING_ID.format("")
    for number, page in enumerate(rendered.pages, start=1):
        for anchor in page.anchors:
            if anchor.startswith(prefix) and anchor[len(prefix) :].isdigit():
                pages.setdefault(int(anchor[len(prefix) :]), number)
    return pages
