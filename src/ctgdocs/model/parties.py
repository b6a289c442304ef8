"""The parties of a contract (convention, acte d'engagement, avenant): who signs, for whom, how
the act names them (its house style of the parties block)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from ctgdocs.model.base import Date, Identifiant, Modele, Texte


def _delegation_simple(value: object) -> object:
    """`delegation: true` is a delegation of the organisation's executive, named by its
    function; `delegation: false`, none."""
    if value is True:
        return {}
    return None if value is False else value


class Delegation(Modele):
    """A signature by delegation of the organisation's executive (« Pour le Maire et par
    délégation, la Première adjointe, … »)."""

    pour: Texte | None = Field(
        None,
        description="Qui délègue, tel que l'acte le nomme (ex. « Maire », « Président ») ; par "
        "défaut la fonction de l'exécutif de l'organisation (organisations.<id>.executif)",
    )


class Representant(Modele):
    """Who signs for a party, and in which capacity (« Directrice », « Président du conseil
    d'administration »): the capacity is written as it applies to this person."""

    personne: Identifiant
    qualite: Texte = Field(description="Qualité, accordée à la personne (ex. « Directrice »)")
    mention: Texte | None = Field(None, description="Ex. « dûment autorisé »")
    organisation: Identifiant | None = Field(
        None,
        description="Dans une partie à plusieurs organisations (organisations) : celle pour "
        "laquelle la personne signe",
    )
    delegation: Annotated[
        Delegation | None,
        BeforeValidator(_delegation_simple, json_schema_input_type=bool | Delegation | None),
    ] = Field(
        None,
        description="Signature par délégation de l'exécutif : « true », ou la fonction de qui "
        "délègue (pour : « Maire »)",
    )


class Habilitation(Modele):
    """The decision that empowers the organisation to sign: « dûment habilitée par délibération
    du Conseil d'administration du 14 octobre 2016 »."""

    organe: Texte = Field(
        description="Qui a décidé, avec son article : « le Conseil d'administration », "
        "« la commission permanente », « l'assemblée générale »"
    )
    date: Date = Field(description="Date de la délibération")
    numero: Texte | None = Field(None, description="Numéro de la délibération")


class Partie(Modele):
    """One party: an organisation, or several signing as one (« les communes de … »)."""

    organisation: Identifiant | None = Field(
        None, description="L'organisation partie (ou organisations, pour un groupe)"
    )
    organisations: list[Identifiant] | None = Field(
        None,
        description="Plusieurs organisations qui forment une seule partie (« les communes de "
        "A, B et C ») ; chaque représentant dit pour laquelle il signe (organisation)",
    )
    representants: list[Representant] = Field(
        [], description="Qui signe pour l'organisation (une ou deux personnes)"
    )
    ci_apres: Texte | None = Field(
        None, description="Nom abrégé dans la suite de l'acte : ci-après désignée « … »"
    )
    habilitation: Habilitation | None = Field(
        None, description="La délibération qui habilite l'organisation à signer"
    )

    @property
    def membres(self) -> list[str]:
        """The signatory organisations of the party, in order: its organisation, or its group."""
        if self.organisations is not None:
            return list(self.organisations)
        return [self.organisation] if self.organisation else []


class StyleParties(Modele):
    """The house style of the parties block. A field left out takes the default of the
    contract kind (templates/clauses/_parties.yaml); the defaults below are the convention's."""

    introduction: Literal["acte", "entre", "il_est_convenu_entre", "aucune"] = Field(
        "acte",
        description="La phrase avant les parties : « acte » (celle du contrat : « Cette "
        "présente convention … est signée entre : »), « entre » (« Entre : »), "
        "« il_est_convenu_entre » (« Il est convenu entre : »), « aucune »",
    )
    separateur: Literal["et_deux_points", "et", "point_virgule_et", "d_une_part"] = Field(
        "et_deux_points",
        description="Entre les parties : « et_deux_points » (« Et : » seul, chaque partie finit "
        "par une virgule, la dernière par un point), « et » (« et » seul, chaque partie finit "
        "par « ; »), « point_virgule_et » (« ; et » à la fin de chaque partie sauf la dernière, "
        "qui finit par un point), « d_une_part » (« D'une part, » après la première, « Et : » "
        "entre les parties, « D'autre part, » après la dernière)",
    )
    civilite: Literal["longue", "abregee"] = Field(
        "longue", description="« longue » : Monsieur, Madame ; « abregee » : M., Mme"
    )
    designation: Literal["designee", "denommee"] = Field(
        "designee", description="Le verbe du « ci-après » : « désignée » ou « dénommée »"
    )
    qualite: Literal["son", "le_de_son"] = Field(
        "son",
        description="« son » : « son Président du Conseil d'administration » ; « le_de_son » : "
        "« le Président de son Conseil d'administration » (une qualité sans complément garde "
        "le possessif : « sa Directrice »)",
    )
    et_par: bool = Field(
        False, description="Entre deux représentants : « , et par sa Directrice » (sinon « , et »)"
    )
    forme: Literal["paragraphes", "liste"] = Field(
        "paragraphes",
        description="« paragraphes » : le nom en gras, puis la représentation et le « ci-après » "
        "en paragraphes ; « liste » : une puce par partie",
    )
    siege: bool = Field(
        True, description="Imprimer l'adresse du siège (« dont le siège est situé … »)"
    )
