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

from ctgdocs.paths import TEMPLATES_DIR
from ctgdocs.writers.atomic import atomic_path
from ctgdocs.writers.base import RenderedDocument
from ctgdocs.writers.html import HEADING_ID, render_html

BASE_URL = (TEMPLATES_DIR / "html").as_uri() + "/"
REMEMBERED = 32  # documents whose heading pages are kept (a few ints each)
_pages: OrderedDict[RenderedDocument, dict[int, int]] = OrderedDict()


def _render(document: RenderedDocument, **options: object) -> Document:
    """The laid-out pages (the PDF writer's options change no layout)."""
    rendered = HTML(string=render_html(document), base_url=BASE_URL).render(**options)
    _pages[document] = _heading_pages(rendered)
    while len(_pages) > REMEMBERED:
        _pages.popitem(last=False)
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
