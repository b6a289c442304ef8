"""The consolidated versions of a signed act as documents: its data with the avenants applied
(avenants/consolidation.py), rendered under a versioned name (convention-consolidee-avenant-2);
the signed original is never overwritten."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, TypedDict

from ctgdocs.avenants.consolidation import etat
from ctgdocs.avenants.contrats import avenants, contrat, jusqu_a
from ctgdocs.documents.base import PlannedDocument, planifier
from ctgdocs.load.territoire import DonneesTerritoire
from ctgdocs.render.document import RenderedDocument


class ContexteAvenantConsolide(TypedDict):
    numero: int
    signe_le: dt.date | None  # None: a draft, « (projet, non signé) »


class ContexteConsolidation(TypedDict):
    """The notice of a consolidated version (templates/clauses/_consolidation.md.j2)."""

    effet: dt.date  # the version is the act as in force from this date
    signe_le: dt.date | None  # the original act's signature
    avenants: list[ContexteAvenantConsolide]


def plans(
    d: DonneesTerritoire,
    kind: str,
    stem: str,
    render: Callable[..., RenderedDocument],
    entrees: Mapping[str, Any],
) -> list[PlannedDocument]:
    """One consolidated version per avenant to the act of that kind: after avenant 1, after 2…"""
    return [
        planifier(
            kind,
            d,
            f"{stem}-consolidee-avenant-{a.model.avenant.numero}",
            render,
            avenants=tuple(jusqu_a(d, a.model.avenant)),
            **entrees,
        )
        for a in avenants(d, kind)
    ]


def contexte(d: DonneesTerritoire, kind: str) -> ContexteConsolidation:
    """What the notice of a consolidated version says (the view holds its avenants only)."""
    liste = [a.model.avenant for a in avenants(d, kind)]
    c = contrat(d, kind)
    assert c is not None and liste
    return {
        "effet": liste[-1].effet,
        "signe_le": c.signe_le,
        "avenants": [{"numero": a.numero, "signe_le": a.signature.date} for a in liste],
    }


def texte_consolide(
    d: DonneesTerritoire, kind: str
) -> tuple[DonneesTerritoire, ContexteConsolidation]:
    """A consolidated version's data and its notice."""
    return etat(d, avenants(d, kind)), contexte(d, kind)
