"""PDF writer: WeasyPrint on the HTML writer's output. WeasyPrint is imported here only."""

from __future__ import annotations

import calendar
import os
from pathlib import Path
from typing import ClassVar

from weasyprint import HTML

from ctgdocs.paths import TEMPLATES_DIR
from ctgdocs.writers.atomic import atomic_path
from ctgdocs.writers.base import RenderedDocument
from ctgdocs.writers.html import render_html

BASE_URL = (TEMPLATES_DIR / "html").as_uri() + "/"


class PdfWriter:
    format: ClassVar[str] = "pdf"
    suffix: ClassVar[str] = ".pdf"

    def write(self, document: RenderedDocument, dest: Path) -> None:
        html = render_html(document)
        # Dates inside the PDF come from the act's date, so the same inputs give the same bytes.
        os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(document.meta.date.timetuple()))
        with atomic_path(dest) as tmp:
            HTML(string=html, base_url=BASE_URL).write_pdf(
                str(tmp), pdf_identifier=document.meta.title.encode("utf-8")
            )
