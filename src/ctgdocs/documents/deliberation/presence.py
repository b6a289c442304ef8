"""The roll of one deliberation as its extract prints it: counts, names, mentions."""

from __future__ import annotations

from ctgdocs.documents.deliberation.contextes import ContextePresence
from ctgdocs.fr import noms
from ctgdocs.model import Deliberation, Personne, Seance
from ctgdocs.rules.presence import presence
from ctgdocs.rules.regimes import regime
from ctgdocs.rules.vote import votants


def contexte_presence(
    seance: Seance, delib: Deliberation, personnes: dict[str, Personne]
) -> ContextePresence:
    roll = presence(seance, delib)
    groupes: dict[str, list[str]] = {}
    for p in roll.pouvoirs:
        groupes.setdefault(p.mandataire, []).append(noms.nom_complet(personnes[p.mandant]))
    return {
        "presents": roll.nombre_presents,
        "representes": roll.nombre_representes,
        "absents": seance.membres_en_exercice - roll.nombre_presents,
        "votants": votants(seance, delib),
        "quorum": regime(seance.date).quorum(seance.membres_en_exercice),
        "noms_presents": [noms.nom_complet(personnes[p]) for p in roll.presents],
        "noms_absents": [noms.nom_complet(personnes[p]) for p in seance.absents],
        "pouvoirs": [
            {"mandants": mandants, "mandataire": noms.nom_complet(personnes[m])}
            for m, mandants in groupes.items()
        ],
        "mentions": [],
    }
