"""Who sits for each deliberation of a séance (CGCT L2121-17: the quorum, like the vote, is
assessed at each deliberation). The roll of the opening, changed by the members who arrive or
leave during the séance, less the intéressés of that deliberation (L2131-11), who do not count."""

from __future__ import annotations

from dataclasses import dataclass

from ctgdocs.model import Deliberation, Pouvoir, Seance


@dataclass(frozen=True, slots=True)
class Presence:
    """The roll of one deliberation. `presents` and `pouvoirs` are named when the séance's roll
    is (`nominatif`); otherwise only their numbers are known."""

    nominatif: bool
    presents: tuple[str, ...]
    pouvoirs: tuple[Pouvoir, ...]
    nombre_presents: int
    nombre_representes: int


def ouverture(seance: Seance) -> Presence:
    """The roll at the opening of the séance."""
    if isinstance(seance.presents, list):
        nominatif, presents, nombre_presents = True, tuple(seance.presents), len(seance.presents)
    else:
        nominatif, presents, nombre_presents = False, (), seance.presents
    if isinstance(seance.pouvoirs, list):
        pouvoirs, nombre_representes = tuple(seance.pouvoirs), len(seance.pouvoirs)
    else:
        pouvoirs, nombre_representes = (), seance.pouvoirs
    return Presence(nominatif, presents, pouvoirs, nombre_presents, nombre_representes)


def presence(seance: Seance, delib: Deliberation) -> Presence:
    """The roll of one deliberation."""
    return ouverture(seance)
