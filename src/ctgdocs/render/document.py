"""A rendered document: its format-neutral facts (DocumentMeta), its tree, the data files it
was produced from (Source) and its @CTES metadata. The render stage produces it; the pagination
step and every writer read it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ctgdocs.render.tree import Tree

if TYPE_CHECKING:
    from ctgdocs.rules.teletransmission import Teletransmission


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
class Source:
    """A data file the document was produced from, embedded in its PDF (PDF/A-3)."""

    nom: str  # its path under the territory's folder, e.g. "seances/2023-06-26-poitiers.yaml"
    contenu: bytes


@dataclass(frozen=True, slots=True)
class RenderedDocument:
    meta: DocumentMeta
    tree: Tree
    # The data files it was produced from (set when it is planned: documents.base.planifier)
    # and its @CTES metadata when it is an act sent to the préfecture. Neither is part of the
    # document's identity: the layout caches key on meta and tree.
    sources: tuple[Source, ...] = field(default=(), compare=False)
    actes: Teletransmission | None = field(default=None, compare=False)
