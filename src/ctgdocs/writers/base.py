"""What every writer receives and must do: turn one rendered document into one file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Protocol

from ctgdocs.tree import Tree


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """Format-neutral facts about a document, used by the frames (header, footer, properties)."""

    title: str  # e.g. "Délibération n° 2022/07/29/07"
    subject: str  # the objet
    author: str  # the collectivité that issues it
    date: dt.date  # the act's date: used for fixed document properties (reproducible bytes)
    header: str  # running header text
    footer: str  # running footer text, before "Page X / Y"
    lang: str = "fr-FR"


@dataclass(frozen=True, slots=True)
class RenderedDocument:
    meta: DocumentMeta
    tree: Tree


class Writer(Protocol):
    format: ClassVar[str]  # CLI key: --format pdf
    suffix: ClassVar[str]  # ".pdf"

    def write(self, document: RenderedDocument, dest: Path) -> None: ...
