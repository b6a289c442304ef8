"""The data model: what the YAML files of a territory may say. Keys are French, like the data."""

from ctgdocs.model.organisations import Organisation, Personne, RegleFinancement, StyleDeliberation
from ctgdocs.model.seance import Bloc, Decision, Deliberation, FichierSeance, Pouvoir, Seance, Vote
from ctgdocs.model.territoire import Axe, Ctg, Enjeu, FichierTerritoire, Territoire

__all__ = [
    "Axe",
    "Bloc",
    "Ctg",
    "Decision",
    "Deliberation",
    "Enjeu",
    "FichierSeance",
    "FichierTerritoire",
    "Organisation",
    "Personne",
    "Pouvoir",
    "RegleFinancement",
    "Seance",
    "StyleDeliberation",
    "Territoire",
    "Vote",
]
