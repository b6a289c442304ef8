"""A rendered document: its format-neutral facts (DocumentMeta), its tree, the data files it
was produced from (Source) and its @CTES metadata. The render stage produces it; the pagination
step and every writer read it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ctgdocs.render.tree import Tree, champs

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
    # A draft of an act (no date of signature yet): every writer prints « Projet » on every
    # page, in the running header (the frames: templates/html/frame.html.j2, the DOCX frame).
    projet: bool = False
    lang: str = "fr-FR"


@dataclass(frozen=True, slots=True)
class Source:
    """A data file the document was produced from, embedded in its PDF (PDF/A-3)."""

    nom: str  # its path under the territory's folder, e.g. "seances/2023-06-26-poitiers.yaml"
    contenu: bytes


@dataclass(frozen=True, slots=True)
class Pagination:
    """What only a laid-out page knows, found by the pagination step (render/pagination.py)
    before any writer runs: the document's page count when its body prints it (`[[pages]]`),
    and the page where each heading starts (heading number, from 1 in reading order → page)
    when a writer prints a sommaire with page numbers (the DOCX writer)."""

    pages: int | None = None
    titres: Mapping[int, int] | None = None


@dataclass(frozen=True, slots=True)
class RenderedDocument:
    meta: DocumentMeta
    tree: Tree
    # The data files it was produced from (set when it is planned: documents.base.planifier)
    # and its @CTES metadata when it is an act sent to the préfecture. Neither is part of the
    # document's identity: the layout caches key on meta and tree.
    sources: tuple[Source, ...] = field(default=(), compare=False)
    actes: Teletransmission | None = field(default=None, compare=False)
    pagination: Pagination = field(default=Pagination(), compare=False)


class NotPaginated(ValueError):
    """A writer was given a document the pagination step has not laid out (a bug of ours)."""


def pagination_of(document: RenderedDocument, titres: bool = False) -> Pagination:
    """The document's pagination, with its page count (and its heading pages if `titres`):
    refused when the pagination step did not find them."""
    found = document.pagination
    if (found.pages is None and champs(document.tree.blocks)) or (titres and found.titres is None):
        raise NotPaginated(
            f"« {document.meta.title} » n'a pas été mis en page avant d'être écrit "
            "(render.pagination.paginer)"
        )
    return found
