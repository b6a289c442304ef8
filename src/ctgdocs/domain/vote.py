"""Vote arithmetic and outcome (CGCT L2121-20): majority of suffrages exprimés."""

from __future__ import annotations

from dataclasses import dataclass

from ctgdocs.model import Vote


@dataclass(frozen=True, slots=True)
class Resultat:
    votants: int
    exprimes: int
    adoptee: bool
    unanimite: bool  # nobody against and nobody abstained
    unanimite_exprimes: bool  # nobody against, some abstained
    partage: bool  # tie decided by the président's vote


def resultat(vote: Vote) -> Resultat:
    exprimes = vote.pour + vote.contre
    partage = vote.pour == vote.contre and exprimes > 0
    # A tie is decided by the président's vote (public ballot); otherwise absolute majority.
    adoptee = vote.voix_du_president == "pour" if partage else 2 * vote.pour > exprimes
    return Resultat(
        votants=vote.pour + vote.contre + vote.abstentions,
        exprimes=exprimes,
        adoptee=adoptee,
        unanimite=vote.pour > 0 and vote.contre == 0 and vote.abstentions == 0,
        unanimite_exprimes=vote.pour > 0 and vote.contre == 0 and vote.abstentions > 0,
        partage=partage,
    )
