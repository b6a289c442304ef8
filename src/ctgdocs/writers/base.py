"""What every writer receives and must do: turn one rendered document into one file."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Protocol

from ctgdocs.render.document import RenderedDocument


class Writer(Protocol):
    format: ClassVar[str]  # CLI key: --format pdf
    suffix: ClassVar[str]  # ".pdf"

    def write(self, document: RenderedDocument, dest: Path) -> None: ...
