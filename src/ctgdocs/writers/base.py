"""What every writer receives and must do: turn one rendered document into one file.

Writers are peers: none imports another. What they need of a page layout (a page count, the
pages of the headings) the pagination step found before they run (render/pagination.py); each
says what it needs of it. Adding a format (ODT, say) is one module here and one line in the
registry of writers/__init__.py."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Protocol

from ctgdocs.render.document import RenderedDocument


class Writer(Protocol):
    format: ClassVar[str]  # CLI key: --format pdf
    suffix: ClassVar[str]  # ".pdf"
    heading_pages: ClassVar[bool]  # its sommaire prints the page of each heading
    layout: ClassVar[bool]  # it prints the pagination step's layout: keep it for it

    def write(self, document: RenderedDocument, dest: Path) -> None: ...
