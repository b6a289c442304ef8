"""The registry of document kinds: looked up by name, never by an if-chain. The kinds of the
amendable acts also give the contract registry their renderer (avenants/contrats.py)."""

from __future__ import annotations

from ctgdocs.avenants.contrats import brancher
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
brancher(convention.KIND.name, convention.render)
brancher(acte_engagement.KIND.name, acte_engagement.render)

__all__ = ["KINDS", "DocumentKind", "PlannedDocument", "register"]
