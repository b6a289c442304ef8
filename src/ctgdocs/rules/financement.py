"""Caf funding rules: which one applies at a date (rules change over time and differ by Caf)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ctgdocs.model import Organisation, RegleFinancement


def regle_en_vigueur(
    caf: Organisation, date: dt.date, objet: str = "coordination"
) -> RegleFinancement | None:
    """The latest rule of this object in force at the date, or None."""
    en_vigueur = [r for r in caf.regles_financement if r.objet == objet and r.depuis <= date]
    return max(en_vigueur, key=lambda r: r.depuis, default=None)


@dataclass(frozen=True, slots=True)
class Cofinancement:
    """What a Caf rule allows for a post: the rate's share of the cost, the cap for its ETP,
    and the smaller of the two (euros a year)."""

    part: Decimal  # taux × coût
    plafond: Decimal  # plafond par ETP × ETP
    maximum: Decimal  # min(part, plafond)


def cofinancement(regle: RegleFinancement, cout: Decimal, etp: Decimal) -> Cofinancement:
    part = regle.taux * cout
    plafond = regle.plafond_annuel_par_etp * etp
    return Cofinancement(part, plafond, min(part, plafond))
