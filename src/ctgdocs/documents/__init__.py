"""The registry of document kinds: looked up by name, never by an if-chain."""

from __future__ import annotations

from ctgdocs.documents import (
    acte_engagement,
    avenant,
    convention,
    coordination,
    deliberation,
    liste,
    referentiel,
)
from ctgdocs.documents.base import DocumentKind, PlannedDocument

KINDS: dict[str, DocumentKind] = {}


def register(kind: DocumentKind) -> None:
    if kind.name in KINDS:
        raise ValueError(f"document kind {kind.name!r} registered twice")
    KINDS[kind.name] = kind


register(deliberation.KIND)
register(liste.KIND)
register(convention.KIND)
register(referentiel.KIND)
register(coordination.TABLEAU)
register(coordination.GRILLE)
register(acte_engagement.KIND)
register(avenant.KIND)

__all__ = ["KINDS", "DocumentKind", "PlannedDocument", "register"]
