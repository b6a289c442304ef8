"""coordination.yaml: the coordination posts the Caf co-funds, a department's table of ETP, the
evaluation grid of the coordination function."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field

from ctgdocs.model.base import EUROS_MAX, Date, Identifiant, Modele, Texte

Etp = Annotated[Decimal, Field(gt=0, le=50, description="Équivalent temps plein (ex. 0.7)")]
Euros = Annotated[
    Decimal, Field(ge=0, le=EUROS_MAX, decimal_places=2, description="Montant en euros")
]

NIVEAUX = {
    "charge-cooperation": "Chargé(e) de coopération territoriale",
    "coordinateur-thematique": "Coordinateur(trice) thématique",
    "coordinateur-proximite": "Coordinateur(trice) de proximité",
}
Niveau = Literal["charge-cooperation", "coordinateur-thematique", "coordinateur-proximite"]


class PartEtp(Modele):
    """A share of the post's time: what it covers and how many ETP."""

    activite: Texte
    etp: Etp


class Poste(Modele):
    """A coordination post. The Caf co-funding is computed from the Caf's rule in force at the
    date: min(taux × coût, plafond × ETP); a stated co-funding may not exceed it."""

    niveau: Niveau
    employeur: Identifiant = Field(description="Organisation qui porte le poste")
    intitule: Texte | None = Field(None, description="Intitulé, s'il diffère de celui du niveau")
    thematique: Texte | None = Field(None, description="Coordinateurs thématiques : la thématique")
    perimetre: Texte | None = Field(
        None, description="Coordinateurs de proximité : le territoire de vie couvert"
    )
    etp: Etp
    repartition: list[PartEtp] = Field([], description="Répartition de l'ETP entre activités")
    cout_annuel: Euros | None = Field(None, description="Coût annuel du poste (charges comprises)")
    date: Date = Field(
        description="Date d'effet : la règle de financement en vigueur à cette date s'applique"
    )
    cofinancement_caf: Euros | None = Field(
        None, description="Cofinancement convenu, s'il est inférieur au maximum de la règle"
    )
    referentiel: Identifiant | None = Field(
        None, description="Référentiel d'emploi (src/ctgdocs/references/referentiels/)"
    )


class TableauEtp(Modele):
    """A department's table of ETP contracted under the CTGs, per EPCI; the total is computed."""

    titre: Texte = "ETP contractualisés au titre des CTG"
    date: Date
    lignes: dict[Identifiant, Etp] = Field(min_length=1, description="EPCI → ETP contractualisés")


class Grille(Modele):
    """Evaluation grids of the coordination function: one document per EPCI of the table."""

    modele: Identifiant = Field(description="Grille de référence (src/ctgdocs/references/)")
    annee: Annotated[int, Field(ge=2000, le=2100)]


class FichierCoordination(Modele):
    postes: dict[Identifiant, Poste] = {}
    tableau_etp: TableauEtp | None = None
    grille_evaluation: Grille | None = None
