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


class Sources(Modele):
    """The official files the territory was imported from (`ctgdocs import`), with their
    version: what an update compares against."""

    cog: Texte | None = Field(
        None, description="Le Code officiel géographique (paquet et version, année du COG)"
    )
    rne: Texte | None = Field(
        None, description="Le Répertoire national des élus : fichier(s) lu(s) et leur date"
    )
    sirene: Texte | None = Field(None, description="L'extrait SIRENE des établissements lu")


class FichierTerritoire(Modele):
    """territoire.yaml: who is who in the territory."""

    sources: Sources | None = Field(
        None, description="Les fichiers officiels importés (écrit par ctgdocs import)"
    )
    territoire: Territoire
    organisations: dict[Identifiant, Organisation] = Field(min_length=1)
    personnes: dict[Identifiant, Personne] = {}
