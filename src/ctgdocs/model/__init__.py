"""The data model: what the YAML files of a territory may say. Keys are French, like the data."""

from ctgdocs.model.convention import Axe as AxeConvention
from ctgdocs.model.convention import Convention, FichierConvention
from ctgdocs.model.coordination import FichierCoordination, PartEtp, Poste, TableauEtp
from ctgdocs.model.organisations import Organisation, Personne, RegleFinancement
from ctgdocs.model.parties import Delegation, Habilitation, Partie, Representant, StyleParties
from ctgdocs.model.seance import (
    Arrivee,
    Bloc,
    Decision,
    Deliberation,
    Depart,
    FichierSeance,
    Pouvoir,
    Seance,
    SecondeConvocation,
    Suppleance,
    Urgence,
    Vote,
    VoteCompte,
)
from ctgdocs.model.style_deliberation import StyleDeliberation
from ctgdocs.model.territoire import Axe, Ctg, Enjeu, FichierTerritoire, Territoire

__all__ = [
    "Arrivee",
    "Axe",
    "AxeConvention",
    "Bloc",
    "Convention",
    "Ctg",
    "Decision",
    "Delegation",
    "Deliberation",
    "Depart",
    "Enjeu",
    "FichierConvention",
    "FichierCoordination",
    "FichierSeance",
    "FichierTerritoire",
    "Habilitation",
    "Organisation",
    "PartEtp",
    "Partie",
    "Personne",
    "Poste",
    "Pouvoir",
    "RegleFinancement",
    "Representant",
    "Seance",
    "SecondeConvocation",
    "StyleDeliberation",
    "StyleParties",
    "Suppleance",
    "TableauEtp",
    "Territoire",
    "Urgence",
    "Vote",
    "VoteCompte",
]
