"""What an avenant changes in the text of the act it modifies: the act rendered before and after
it (its kind's renderer, from the contract registry), compared part by part (sections.py), so
the new wording of an article is never typed twice."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ctgdocs.avenants.consolidation import etat
from ctgdocs.avenants.contrats import CONTRATS, avenants
from ctgdocs.avenants.sections import Section, sections
from ctgdocs.load.territoire import DonneesTerritoire

Operation = Literal["remplace", "ajoute", "supprime"]


@dataclass(frozen=True)
class Changement:
    operation: Operation
    section: Section  # the new part (the old one for a removal)


def changements(d: DonneesTerritoire, modifie: str) -> tuple[list[Changement], DonneesTerritoire]:
    """What the last avenant of the view changes in the act's text, part by part; and the data
    after it."""
    liste = avenants(d, modifie)
    contrat = CONTRATS[modifie]
    consolide = etat(d, liste)
    avant = sections(contrat.rendre(etat(d, liste[:-1])).tree)
    apres = sections(contrat.rendre(consolide).tree)
    anciennes = {s.cle: s for s in avant}
    found = [
        Changement("remplace" if s.cle in anciennes else "ajoute", s)
        for s in apres
        if s.cle not in anciennes or anciennes[s.cle].texte() != s.texte()
    ]
    nouvelles = {s.cle for s in apres}
    found += [Changement("supprime", s) for s in avant if s.cle not in nouvelles]
    return found, consolide
