"""A document kind: what it is called and how it plans its documents from a territory's data."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from ctgdocs.load.territoire import DonneesTerritoire
from ctgdocs.writers.base import RenderedDocument


@dataclass(frozen=True)
class PlannedDocument:
    """One document to produce: its file stem under output/<territoire>/, and how to render it."""

    kind: str
    territoire: str
    stem: str
    render: Callable[[], RenderedDocument]


@dataclass(frozen=True)
class DocumentKind:
    name: str
    title: str
    plan: Callable[[DonneesTerritoire], list[PlannedDocument]]


def slug(text: str) -> str:
    """A safe file-name part: « 2022/07/29/07 » → « 2022-07-29-07 »."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80] or "sans-nom"
