"""Who sits for each deliberation of a séance (CGCT L2121-17: the quorum, like the vote, is
assessed at each deliberation).

The roll of the opening (présents, and the suppléants who sit for absent titulaires), changed by
the members who arrive or leave during the séance (« à partir de la délibération n° … »), less
the intéressés of that deliberation (L2131-11), who count neither in its quorum nor among its
votants. A pouvoir is exercised only while its mandant is away and its mandataire sits: it ends
when the mandant arrives; a member who leaves may give one as he goes.

The deliberations' order is the file's. A movement naming no deliberation of the file changes
nothing here (rules/membres reports it)."""

from __future__ import annotations

from dataclasses import dataclass

from ctgdocs.model import Deliberation, FichierSeance, Pouvoir, Seance


@dataclass(frozen=True, slots=True)
class Presence:
    """The roll of one deliberation. `presents` and `pouvoirs` are named when the séance's roll
    is (`nominatif`); otherwise only their numbers are known."""

    nominatif: bool
    presents: tuple[str, ...]  # in the roll's order: présents, suppléants, arrivals
    pouvoirs: tuple[Pouvoir, ...]  # those exercised for this deliberation
    nombre_presents: int
    nombre_representes: int
    interesses: tuple[str, ...] = ()
    suppleants: tuple[tuple[str, str], ...] = ()  # (suppléant, titulaire), sitting
    arrives: tuple[str, ...] = ()  # arrived during the séance, before or at this deliberation
    partis: tuple[str, ...] = ()  # left during the séance, before or at this deliberation


def ouverture(seance: Seance) -> Presence:
    """The roll at the opening of the séance."""
    suppleants = tuple((s.suppleant, s.titulaire) for s in seance.suppleants)
    if isinstance(seance.presents, list):
        presents = (*seance.presents, *(s for s, _ in suppleants))
        nominatif, nombre_presents = True, len(presents)
    else:
        nominatif, presents, nombre_presents = False, (), seance.presents
    if isinstance(seance.pouvoirs, list):
        pouvoirs, nombre_representes = tuple(seance.pouvoirs), len(seance.pouvoirs)
    else:
        pouvoirs, nombre_representes = (), seance.pouvoirs
    return Presence(
        nominatif, presents, pouvoirs, nombre_presents, nombre_representes, suppleants=suppleants
    )


def rang(fichier: FichierSeance, numero: str) -> int | None:
    """The place of a deliberation in the séance (from 0), by its number."""
    for i, delib in enumerate(fichier.deliberations):
        if delib.numero == numero:
            return i
    return None


def _position(fichier: FichierSeance, delib: Deliberation) -> int:
    for i, d in enumerate(fichier.deliberations):
        if d is delib:
            return i
    return fichier.deliberations.index(delib)


def presence(
    fichier: FichierSeance, delib: Deliberation, *, position: int | None = None
) -> Presence:
    """The roll of one deliberation of the séance file (at `position` in it, if it is a
    variant of the file's deliberation there)."""
    seance = fichier.seance
    debut = ouverture(seance)
    interesses = tuple(delib.interesses)
    if not debut.nominatif:  # a count: the intéressés were among the présents
        return Presence(
            False,
            (),
            (),
            max(debut.nombre_presents - len(interesses), 0),
            debut.nombre_representes,
            interesses,
        )
    k = _position(fichier, delib) if position is None else position

    def deja(numero: str) -> bool:
        r = rang(fichier, numero)
        return r is not None and r <= k

    arrives = tuple(a.membre for a in seance.arrivees if deja(a.a_partir_de))
    departs = [dp for dp in seance.departs if deja(dp.a_partir_de)]
    partis = tuple(dp.membre for dp in departs)
    sortis = set(partis) | set(interesses)
    presents = tuple(p for p in (*debut.presents, *arrives) if p not in sortis)
    assis = set(presents)
    pouvoirs = [
        p
        for p in debut.pouvoirs
        # a mandataire absent from the opening is refused by rules/seance, not dropped here
        if p.mandant not in arrives and p.mandant not in sortis and p.mandataire not in sortis
    ]
    pouvoirs += [
        Pouvoir(mandant=dp.membre, mandataire=dp.pouvoir_a)
        for dp in departs
        if dp.pouvoir_a is not None and dp.pouvoir_a in assis and dp.membre not in interesses
    ]
    return Presence(
        True,
        presents,
        tuple(pouvoirs),
        len(presents),
        len(pouvoirs),
        interesses,
        tuple((s, t) for s, t in debut.suppleants if s in assis),
        arrives,
        partis,
    )
