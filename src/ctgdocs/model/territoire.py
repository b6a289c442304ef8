"""A territory: its organisations, people, and the CTG that binds them."""

from __future__ import annotations

from pydantic import Field

from ctgdocs.model.base import Date, Identifiant, Modele, Texte
from ctgdocs.model.organisations import Organisation, Personne


class Axe(Modele):
    intitule: Texte
    objectifs: list[Texte] = []


class Enjeu(Modele):
    intitule: Texte
    axes: list[Axe] = Field(min_length=1)


class Ctg(Modele):
    """The Convention territoriale globale of the territory."""

    intitule: Texte = Field(
        description="Ex. « Convention territoriale globale de services aux familles »"
    )
    debut: Date
    fin: Date
    signataires: list[Identifiant] = Field(
        min_length=1, description="Organisations signataires, dans l'ordre"
    )
    thematiques: list[Texte] = []
    enjeux: list[Enjeu] = []


class Territoire(Modele):
    nom: Texte
    epci: Identifiant | None = Field(None, description="L'EPCI du territoire (id d'organisation)")
    caf: Identifiant = Field(description="La Caf du territoire (id d'organisation)")
    ctg: Ctg | None = None


class FichierTerritoire(Modele):
    """territoire.yaml: who is who in the territory."""

    territoire: Territoire
    organisations: dict[Identifiant, Organisation] = Field(min_length=1)
    personnes: dict[Identifiant, Personne] = {}
