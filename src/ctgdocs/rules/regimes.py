"""Which quorum and pouvoir rules apply to a session, by its date (CGCT L2121-17, L2121-20).

Sanitary derogations (one-third quorum, two pouvoirs per member) applied to sessions held
under ordonnance 2020-391 / loi 2020-1379 art. 6 (spring 2020 to 30 September 2021) and again
under loi 2021-1465 art. 10 (11 November 2021 to 31 July 2022); ordinary law otherwise.
Sources: ../shared/reference/fr_standards.md §3.4.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from math import ceil, floor


@dataclass(frozen=True, slots=True)
class Regime:
    nom: str
    fraction_quorum: Fraction  # share of members in office that must be physically present
    pouvoirs_par_membre: int
    texte: str | None  # the law to cite in the visas when the derogation is used

    def quorum(self, membres_en_exercice: int) -> int:
        if self.fraction_quorum == Fraction(1, 2):
            return floor(membres_en_exercice / 2) + 1  # "la majorité" = more than half
        return ceil(membres_en_exercice * self.fraction_quorum)

    @property
    def part_quorum(self) -> str:
        """The quorum as a message says it: « la majorité » or « le tiers » (of the members)."""
        return "la majorité" if self.fraction_quorum == Fraction(1, 2) else "le tiers"


DROIT_COMMUN = Regime("droit commun", Fraction(1, 2), 1, None)

_DEROGATIONS: tuple[tuple[dt.date, dt.date, Regime], ...] = (
    (
        dt.date(2020, 4, 2),
        dt.date(2021, 9, 30),
        Regime(
            "état d'urgence sanitaire",
            Fraction(1, 3),
            2,
            "la loi n° 2020-1379 du 14 novembre 2020 autorisant la prorogation de l'état "
            "d'urgence sanitaire et portant diverses mesures de gestion de la crise sanitaire",
        ),
    ),
    (
        dt.date(2021, 11, 11),
        dt.date(2022, 7, 31),
        Regime(
            "vigilance sanitaire",
            Fraction(1, 3),
            2,
            "la loi n° 2021-1465 du 10 novembre 2021 portant diverses dispositions de "
            "vigilance sanitaire",
        ),
    ),
)


def regime(date: dt.date) -> Regime:
    for debut, fin, derogation in _DEROGATIONS:
        if debut <= date <= fin:
            return derogation
    return DROIT_COMMUN


def periode_derogatoire(date: dt.date) -> tuple[dt.date, dt.date] | None:
    for debut, fin, _ in _DEROGATIONS:
        if debut <= date <= fin:
            return debut, fin
    return None


SEUIL_CINQ_JOURS = 3500  # L2121-12: 5 jours francs from 3 500 inhabitants, 3 below (L2121-11)


def jours_francs(convocation: dt.date, seance: dt.date) -> int:
    """Full days between the sending of the convocation and the session, both excluded."""
    return (seance - convocation).days - 1


def delai_requis(population: int | None) -> int:
    """Jours francs required; without a known population, the stricter 5 days."""
    return 3 if population is not None and population < SEUIL_CINQ_JOURS else 5
