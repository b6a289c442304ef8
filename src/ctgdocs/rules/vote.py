"""The vote of a deliberation (CGCT L2121-20): its outcome, by the majority of the suffrages
exprimés (a tie is decided by the président's vote), and the check of its arithmetic:
pour + contre + abstentions = votants."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ctgdocs.errors import Problem
from ctgdocs.load.territoire import DonneesTerritoire
from ctgdocs.model import Vote
from ctgdocs.rules.seance import nombre_presents, nombre_representes


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


def check(d: DonneesTerritoire) -> Iterator[Problem]:
    for s in d.seances:
        seance = s.model.seance
        presents = nombre_presents(seance)
        representes = nombre_representes(seance)
        for n, delib in enumerate(s.model.deliberations):
            vote = delib.vote
            path = ("deliberations", n, "vote")
            votants = presents + representes - vote.ne_prennent_pas_part
            if vote.ne_prennent_pas_part > presents + representes:
                yield s.problem(
                    (*path, "ne_prennent_pas_part"),
                    f"{vote.ne_prennent_pas_part} ne prenant pas part au vote pour "
                    f"{presents + representes} présents et représentés",
                )
                continue
            total = vote.pour + vote.contre + vote.abstentions
            if total != votants:
                yield s.problem(
                    path,
                    f"pour + contre + abstentions = {total}, mais il y a {votants} votants "
                    f"({presents} présents + {representes} représentés − "
                    f"{vote.ne_prennent_pas_part} ne prenant pas part au vote)",
                )
            partage = vote.pour == vote.contre and vote.pour > 0
            if partage and vote.voix_du_president is None:
                yield s.problem(
                    path,
                    f"partage égal des voix ({vote.pour} pour, {vote.contre} contre) : la voix du "
                    "président est prépondérante, indiquez voix_du_president (pour ou contre)",
                )
            if not partage and vote.voix_du_president is not None:
                yield s.problem(
                    (*path, "voix_du_president"),
                    "voix_du_president ne sert qu'en cas de partage égal des voix",
                )
