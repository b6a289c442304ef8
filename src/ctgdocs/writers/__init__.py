"""The registry of writers, by format name. Writers are imported only when used:
`ctgdocs validate` never imports WeasyPrint or docxtpl."""

from __future__ import annotations

import importlib
from functools import cache

from ctgdocs.writers.base import Writer

WRITERS: dict[str, str] = {
    "docx": "ctgdocs.writers.docx.writer:DocxWriter",
    "pdf": "ctgdocs.writers.pdf.writer:PdfWriter",
    "html": "ctgdocs.writers.html:HtmlWriter",
}


@cache
def get_writer(name: str) -> Writer:
    module, _, cls = WRITERS[name].partition(":")
    writer: type[Writer] = getattr(importlib.import_module(module), cls)
    return writer()
