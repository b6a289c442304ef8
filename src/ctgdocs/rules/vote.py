"""The vote of a deliberation (CGCT L2121-20): its figures (written, or computed from the roll
for a vote at unanimity: pour = votants), its outcome by the majority of the suffrages exprimés
(a tie is decided by the président's vote), and the check of its arithmetic:
pour + contre + abstentions = votants."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ctgdocs.errors import Problem
from ctgdocs.fr.accord import accord
from ctgdocs.load.territoire import DonneesTerritoire
from ctgdocs.model import Deliberation, FichierSeance, Seance, VoteCompte
from ctgdocs.model.seance import VoteModele
from ctgdocs.rules.presence import ouverture, presence


@dataclass(frozen=True, slots=True)
class Resultat:
    votants: int
    exprimes: int
    adoptee: bool
    unanimite: bool  # nobody against and nobody abstained
    unanimite_exprimes: bool  # nobody against, some abstained
    partage: bool  # tie decided by the président's vote


def votants(fichier: FichierSeance, delib: Deliberation) -> int:
    """Présents and représentés at this deliberation (intéressés left out), less those who do
    not take part."""
    p = presence(fichier, delib)
    return p.nombre_presents + p.nombre_representes - delib.vote.ne_prennent_pas_part


def compte(fichier: FichierSeance, delib: Deliberation) -> VoteCompte:
    """The vote's figures: as written, or at unanimity every votant for (checked by `check`)."""
    return _chiffres(delib.vote, max(votants(fichier, delib), 0))


def vote_urgence(seance: Seance) -> VoteCompte:
    """The council's vote on the urgency, at the opening: as written, or at unanimity every
    votant of the opening for."""
    assert seance.urgence is not None
    v = seance.urgence.vote
    roll = ouverture(seance)
    return _chiffres(v, roll.nombre_presents + roll.nombre_representes - v.ne_prennent_pas_part)


def _chiffres(v: VoteModele, nombre_votants: int) -> VoteCompte:
    """A vote's figures: as written, or at unanimity `nombre_votants` for."""
    if v.unanimite:
        return VoteCompte(
            pour=nombre_votants,
            contre=0,
            abstentions=0,
            ne_prennent_pas_part=v.ne_prennent_pas_part,
        )
    assert v.pour is not None and v.contre is not None and v.abstentions is not None
    return VoteCompte(
        pour=v.pour,
        contre=v.contre,
        abstentions=v.abstentions,
        ne_prennent_pas_part=v.ne_prennent_pas_part,
        voix_du_president=v.voix_du_president,
    )


def resultat(vote: VoteCompte) -> Resultat:
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
        for n, delib in enumerate(s.model.deliberations):
            path = ("deliberations", n, "vote")
            roll = presence(s.model, delib)
            presents, representes = roll.nombre_presents, roll.nombre_representes
            nombre = votants(s.model, delib)
            if delib.vote.ne_prennent_pas_part > presents + representes:
                yield s.problem(
                    (*path, "ne_prennent_pas_part"),
                    f"{delib.vote.ne_prennent_pas_part} ne prenant pas part au vote pour "
                    f"{presents + representes} présents et représentés",
                )
                continue
            if delib.vote.unanimite:
                if nombre == 0:
                    yield s.problem(
                        path,
                        "un vote à l'unanimité demande au moins un votant : tous les présents "
                        "et représentés ne prennent pas part au vote",
                    )
                if delib.vote.voix_du_president is not None:
                    yield s.problem(
                        (*path, "voix_du_president"),
                        "voix_du_president ne sert qu'en cas de partage égal des voix",
                    )
                continue
            vote = compte(s.model, delib)
            total = vote.pour + vote.contre + vote.abstentions
            if total != nombre:
                yield s.problem(
                    path,
                    f"pour + contre + abstentions = {total}, mais il y a {nombre} "
                    f"{accord('votant', nombre)} ({presents} {accord('présent', presents)} + "
                    f"{representes} {accord('représenté', representes)} − "
                    f"{vote.ne_prennent_pas_part} ne prenant pas part au vote"
                    + _sans(roll.interesses)
                    + ")",
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


def _sans(interesses: tuple[str, ...]) -> str:
    """The intéressés, left out of the votants, as the message explains them."""
    if not interesses:
        return ""
    n = len(interesses)
    return f" ; {n} {accord('intéressé', n)} hors du décompte, CGCT L2131-11"
