"""What a convention counts: communes, axes, thématiques, parties — never typed in the data."""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from ctgdocs.model import Convention, FichierTerritoire, Organisation


def communes(t: FichierTerritoire) -> list[Organisation]:
    """The communes of the territory, in the order of territoire.yaml."""
    return [o for o in t.organisations.values() if o.type == "commune"]


def communes_par_fin_cej(t: FichierTerritoire) -> list[tuple[dt.date, list[Organisation]]]:
    """The communes that leave a CEJ, grouped by its end date, earliest first (data order within
    a group)."""
    avec_cej = sorted(
        ((o.fin_cej, o) for o in communes(t) if o.fin_cej is not None), key=lambda paire: paire[0]
    )
    return [
        (fin, [o for _, o in groupe])
        for fin, groupe in groupby(avec_cej, key=lambda paire: paire[0])
    ]


def nombre_thematiques(conv: Convention) -> int:
    """An axis without volets is one thématique; with volets, one per volet."""
    return sum(len(axe.volets) or 1 for axe in conv.axes)


def valeurs(t: FichierTerritoire, conv: Convention) -> dict[str, int]:
    """The computed values a data text of the convention may name, e.g. « {nombre_communes} »."""
    return {
        "nombre_communes": len(communes(t)),
        "nombre_axes": len(conv.axes),
        "nombre_thematiques": nombre_thematiques(conv),
        "nombre_parties": sum(len(p.membres) for p in conv.parties),  # signatory organisations
    }
