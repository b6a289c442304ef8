"""Caf funding rules: which one applies at a date (rules change over time and differ by Caf)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ctgdocs.model import Organisation, RegleFinancement


def regle_en_vigueur(
    caf: Organisation, date: dt.date, objet: str = "coordination"
) -> RegleFinancement | None:
    """The latest rule of this object in force at the date, or None."""
    en_vigueur = [r for r in caf.regles_financement if r.objet == objet and r.depuis <= date]
    return max(en_vigueur, key=lambda r: r.depuis, default=None)


def cofinancement_maximum(regle: RegleFinancement, cout: Decimal, etp: Decimal) -> Decimal:
    """What the rule allows for a post: min(taux × coût, plafond × ETP), in euros."""
    return min(regle.taux * cout, regle.plafond_annuel_par_etp * etp)
