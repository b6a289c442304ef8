"""avenants/*.yaml: an amendment to the convention or to the acte d'engagement, as data.

An avenant says what changes — values it sets, items it adds or removes — in the territory's
data files; applying the avenants in order gives the consolidated data (ctgdocs.avenants.apply). Its new
wording is never typed: the avenant document renders the act before and after and quotes each
article whose text changed. Once signed (signature.date), an avenant is never edited.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, model_validator

from ctgdocs.model.articles import Article, SousArticle
from ctgdocs.model.base import Date, Modele, Texte
from ctgdocs.model.ctes import ActesContrat
from ctgdocs.model.parties import StyleParties
from ctgdocs.model.seance import Bloc

# territoire.ctg.fin · organisations.lencloitre · convention.parties[caf-86].representants[2]
# A bracket picks a list item: its position (from 1), or the item equal to it, or whose id
# (organisation, personne, intitule…) is it.
Chemin = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z_]+(\.[a-z0-9_-]+|\[[^\[\]]+\])*$", max_length=300),
    Field(
        description="Chemin dans les données : « territoire.ctg.fin », "
        "« convention.parties[caf-86].representants » (entre crochets : rang à partir de 1, "
        "ou identifiant de l'élément)"
    ),
]

OPERATIONS = ("remplace", "ajoute", "retire")


class Modification(Modele):
    """One change: `remplace` an existing value, `ajoute` an item to a list (or a new key to a
    mapping), `retire` an item or a key. `valeur` is the new value or the added item."""

    remplace: Chemin | None = None
    ajoute: Chemin | None = None
    retire: Chemin | None = None
    valeur: Any = Field(None, description="La nouvelle valeur (remplace) ou l'élément ajouté")

    @model_validator(mode="after")
    def _une_operation(self) -> Modification:
        if sum(getattr(self, op) is not None for op in OPERATIONS) != 1:
            raise ValueError("modification")
        if self.retire is None and self.valeur is None:
            raise ValueError("modification-valeur")
        if self.retire is not None and self.valeur is not None:
            raise ValueError("modification-retire")
        return self

    @property
    def operation(self) -> str:
        return next(op for op in OPERATIONS if getattr(self, op) is not None)

    @property
    def chemin(self) -> str:
        chemin: str = getattr(self, self.operation)
        return chemin


class SignatureAvenant(Modele):
    lieu: Texte
    date: Date | None = Field(None, description="Vide : projet d'avenant, pas encore signé")


class RemplacementArticle(Modele):
    """An article of the act, rewritten by the avenant: the avenant quotes its new wording, and
    the consolidated version prints it in its place."""

    article: Annotated[int, Field(ge=1, le=99, description="Le numéro de l'article réécrit")]
    titre: Texte | None = Field(None, description="Son nouveau titre ; par défaut, l'ancien")
    texte: Texte | None = Field(None, description="Son nouveau texte (Markdown, valeurs calculées)")
    sous_articles: list[SousArticle] = []

    @model_validator(mode="after")
    def _un_texte(self) -> RemplacementArticle:
        if self.texte is None and not self.sous_articles:
            raise ValueError("remplacement-vide")
        return self


class Avenant(Modele):
    numero: Annotated[int, Field(ge=1, le=99)]
    intitule: Texte | None = Field(
        None,
        description="Titre imprimé à la place de « Avenant n° N » quand l'acte s'intitule "
        "sans numéro (le numéro reste l'ordre des avenants)",
    )
    modifie: Literal["convention", "acte-engagement"] = Field(
        "convention", description="L'acte modifié : la convention ou l'acte d'engagement"
    )
    objet: Annotated[str, StringConstraints(min_length=1, max_length=400, pattern=r"^[^\n]+$")] = (
        Field(
            description="Ce que fait l'avenant, à l'infinitif, sans majuscule : « prolonger la "
            "convention d'une année »"
        )
    )
    expose: list[Bloc] = Field([], description="Les raisons de l'avenant (Markdown)")
    effet: Date = Field(description="Date d'effet de l'avenant")
    signature: SignatureAvenant
    style_parties: StyleParties | None = Field(
        None, description="Comment l'avenant écrit ses parties (par défaut, celui des avenants)"
    )
    modifications: list[Modification] = Field(
        [], description="Les changements des données : l'avenant cite chaque partie changée"
    )
    remplace_articles: list[RemplacementArticle] = Field(
        [], description="Les articles de l'acte que l'avenant réécrit lui-même"
    )
    articles: list[Article] | None = Field(
        None,
        description="Les articles de l'avenant, dans l'ordre ; « clause: modifications » y "
        "place les articles calculés. Par défaut : les modifications, la date d'effet, les "
        "autres dispositions",
    )
    cloture: Texte | None = Field(
        None, description="La formule avant les signatures ; par défaut celle du modèle"
    )
    actes: ActesContrat | None = Field(
        None, description="Télétransmission (@CTES) de l'avenant signé : numéro, matière"
    )

    @model_validator(mode="after")
    def _modifie_quelque_chose(self) -> Avenant:
        if not self.modifications and not self.remplace_articles and not self.articles:
            raise ValueError("avenant-vide")
        return self


class FichierAvenant(Modele):
    avenant: Avenant
