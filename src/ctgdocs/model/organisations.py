"""People and organisations: each written once, referred to by id everywhere else."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from ctgdocs.model.articles import NomModele
from ctgdocs.model.base import EUROS_MAX, Date, Identifiant, Modele, Texte
from ctgdocs.model.style_deliberation import StyleDeliberation


class Personne(Modele):
    """A person: élu, agent, représentant. The name is written here once."""

    civilite: Literal["M.", "Mme"] | None = Field(
        None,
        description="« M. » ou « Mme » ; obligatoire pour qui est nommé avec sa civilité (maire, président, rapporteur)",
    )
    prenom: Texte | None = Field(
        None,
        description="Prénom ; sans prénom, la personne est nommée par sa civilité et son nom "
        "(« M. RAKOTORINA »), qui est alors obligatoire",
    )
    nom: Texte = Field(description="Nom de famille, tel qu'il doit être imprimé (ex. « CARRÉ »)")
    commune: Texte | None = Field(
        None,
        description="Délégué d'un conseil communautaire ou syndical : la commune qu'il représente, "
        "telle qu'imprimée à côté de son nom (ex. « BOIS-JÉRÔME-SAINT-OUEN »)",
    )


class PopulationLegale(Modele):
    """A commune's population municipale of one millésime (INSEE, in force three years later)."""

    millesime: Annotated[int, Field(ge=2006, le=2100)] = Field(
        description="Millésime du recensement (2023 : en vigueur au 1er janvier 2026)"
    )
    population: Annotated[int, Field(ge=0)] = Field(description="Population municipale")


class Conseil(Modele):
    """The council of a commune or an EPCI as the Répertoire national des élus gives it
    (`ctgdocs import elus`): its members, its adjoints or vice-présidents by rank."""

    membres_en_exercice: Annotated[int, Field(ge=1)] | None = Field(
        None,
        description="Nombre de membres en exercice d'après le RNE (à reprendre dans chaque "
        "séance, qui compte les sièges vacants à sa date)",
    )
    membres: list[Identifiant] = Field([], description="Les élus du conseil (ids de personnes)")
    adjoints: list[Identifiant] = Field(
        [],
        description="Les adjoints au maire, ou les vice-présidents, dans l'ordre du tableau "
        "(le premier d'abord)",
    )


class RegleFinancement(Modele):
    """A funding rule of a Caf, with its source: rates differ by Caf and change over time."""

    objet: Literal["coordination"] = "coordination"
    taux: Annotated[Decimal, Field(gt=0, le=1, description="Taux du coût (0.5 pour 50 %)")]
    plafond_annuel_par_etp: Annotated[
        Decimal,
        Field(
            gt=0, le=EUROS_MAX, decimal_places=2, description="Plafond en euros par ETP et par an"
        ),
    ]
    depuis: Date = Field(description="Date d'entrée en vigueur de la règle")
    source: Texte = Field(description="D'où vient la règle (délibération, circulaire, date)")


class Organisation(Modele):
    """A commune, an EPCI, a Caf, a CCAS… Its name is written here once."""

    type: Literal[
        "commune",
        "epci",
        "caf",
        "msa",
        "ccas",
        "departement",
        "etat",
        "syndicat",
        "carsat",
        "cpam",
        "association",
        "autre",
    ] = Field(
        description="Le type dit l'article et le genre du nom (la Caf, le SIVOM, l'État) ; "
        "« syndicat » : syndicat intercommunal, SIVOM, SIVU"
    )
    nom: Texte = Field(description="Nom officiel (communes : nom de la commune, ex. « Le Pradet »)")
    designation: Texte | None = Field(
        None, description="Désignation dans les actes si elle diffère (ex. « Ville de Poitiers »)"
    )
    nom_court: Texte | None = Field(
        None, description="Nom court (ex. « Caf des Bouches-du-Rhône »)"
    )
    sigle: Texte | None = None
    article: Literal["le", "la", "l'", "les"] | None = Field(
        None,
        description="Article devant le nom dans une phrase, si le type n'en donne pas ou un "
        "autre (« l' » devant une voyelle est automatique avec « le » et « la »)",
    )
    genre: Literal["masculin", "feminin"] | None = Field(
        None,
        description="Genre du nom pour les accords (« représentée », « désignée ») ; par "
        "défaut celui du type, ou de l'article « le » ou « la »",
    )
    departement: (
        Annotated[str, StringConstraints(pattern=r"^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$")] | None
    ) = None
    code_insee: Annotated[str, StringConstraints(pattern=r"^(\d{5}|2[AB]\d{3})$")] | None = Field(
        None, description="Communes : code officiel géographique (INSEE), ex. « 86066 »"
    )
    type_liaison: Annotated[int, Field(ge=0, le=8)] | None = Field(
        None,
        description="Communes : type de nom en clair de l'INSEE (TNCC), qui dit la préposition "
        "devant le nom : 0 « de », 1 « d' », 2 « du » (Le), 3 « de » (La), 4 « des » (Les), "
        "5 « de » (L'), 6 « des » (Aux), 7 « de » (Las), 8 « de » (Los) ; sans lui, elle se "
        "déduit du nom",
    )
    siren: Annotated[str, StringConstraints(pattern=r"^\d{9}$")] | None = None
    siret: Annotated[str, StringConstraints(pattern=r"^\d{14}$")] | None = Field(
        None, description="SIRET (SIREN + NIC) : colonne COLL_SIRET de l'export SCDL"
    )
    population: Annotated[int, Field(ge=0)] | None = Field(
        None,
        description="Population municipale (délai de convocation : 5 jours francs dès 3 500 habitants)",
    )
    populations_legales: list[PopulationLegale] = Field(
        [],
        description="Communes : populations municipales légales par millésime ; le seuil de "
        "3 500 habitants s'apprécie d'après celle authentifiée au dernier renouvellement intégral "
        "du conseil (le millésime en vigueur au 1er janvier de cette année-là)",
    )
    dernier_renouvellement: Date | None = Field(
        None,
        description="Communes : date du dernier renouvellement intégral du conseil, s'il n'est pas "
        "le renouvellement général (élections partielles intégrales)",
    )
    executif: Identifiant | None = Field(None, description="Maire ou président (id d'une personne)")
    conseil: Conseil | None = Field(
        None,
        description="Son conseil d'après le Répertoire national des élus (ctgdocs import elus)",
    )
    adresse: Texte | None = Field(
        None, description="Adresse du siège, telle qu'imprimée dans les parties d'une convention"
    )
    siege: Texte | None = Field(
        None,
        description="Commune du siège, pour « Fait et délibéré à … » (une commune : elle-même)",
    )
    fin_cej: Date | None = Field(
        None,
        description="Communes : date de fin du Contrat enfance jeunesse (annexe des communes "
        "qui intègrent la CTG à la fin de leur CEJ)",
    )
    representation_etat: Texte | None = Field(
        None, description="Où les actes sont transmis (ex. « sous-préfecture d'Arles »)"
    )
    deliberations: StyleDeliberation = Field(
        StyleDeliberation(),
        description="Le style maison de ses extraits de délibération : mise en page, formules, "
        "comptes, clôture (chaque option absente est celle de la mise en page)",
    )
    modele: NomModele | None = Field(
        None,
        description="Caf : le modèle de clauses de ses conventions et actes (modeles/<nom>/)",
    )
    regles_financement: list[RegleFinancement] = []
