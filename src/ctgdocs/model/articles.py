"""A contract's articles as data: the list a convention, an acte d'engagement or an avenant may
write, in order; and the model (a folder of clause files) a Caf writes once for its territories.

Each article is a clause of the model by name (with the title of its header), the contract's
own text (a title, Markdown and sub-articles), or a clause with a replaced title or paragraphs
added. The numbers are computed (« Article 1er », « 2 », and « 1.1 » within an article); without
a list, the contract takes its model's list, or the shipped one."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from ctgdocs.model.base import Modele, Texte
from ctgdocs.model.parties import StyleParties

# A clause's name is its file's name: « duree » is clauses/duree.md.
NomClause = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9_]+$", max_length=60),
    Field(description="Nom d'une clause du modèle (le nom de son fichier, sans « .md »)"),
]
NomModele = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60),
    Field(description="Nom d'un modèle : un dossier de modeles/ à côté des territoires"),
]


class SousArticle(Modele):
    """« 1.1 L'objet de l'avenant »: numbered within its article."""

    titre: Texte
    texte: Texte = Field(description="Markdown, avec les valeurs calculées entre accolades")


class Article(Modele):
    """One article: a clause of the model (`clause`), or the contract's own text (`titre` and
    `texte` or `sous_articles`), or a clause with another title or paragraphs added."""

    clause: NomClause | None = None
    donnees: Annotated[str, StringConstraints(pattern=r"^[a-z_]+$")] | None = Field(
        None,
        description="Acte d'engagement : un texte des données de l'acte "
        "(ex. « champs_intervention_commune »)",
    )
    titre: Texte | None = Field(
        None, description="Titre de l'article ; pour une clause, remplace le titre de son en-tête"
    )
    texte: Texte | None = Field(
        None, description="Texte propre (Markdown, valeurs calculées entre accolades)"
    )
    sous_articles: list[SousArticle] = Field(
        [], description="Sous-articles numérotés 1.1, 1.2… après le texte"
    )
    ajout: list[Texte] = Field(
        [], description="Paragraphes ajoutés après le texte de la clause (Markdown)"
    )

    @model_validator(mode="after")
    def _une_source(self) -> Article:
        if self.clause is not None and self.donnees is not None:
            raise ValueError("article-source")
        propre = self.texte is not None or bool(self.sous_articles)
        if (self.clause is not None or self.donnees is not None) and propre:
            raise ValueError("article-propre")
        if self.clause is None and self.donnees is None and not propre:
            raise ValueError("article-vide")
        if propre and self.titre is None:
            raise ValueError("article-titre")
        return self

    @property
    def nom(self) -> str | None:
        """The clause or data field it takes its text from; None for its own text."""
        return self.clause or self.donnees


class Couverture(Modele):
    """A cover page: the title, the period, a slogan (logos are not printed)."""

    titre: Texte | None = Field(None, description="Par défaut : l'intitulé de l'acte")
    sous_titre: Texte | None = None
    periode: bool = Field(True, description="Imprimer la période « 2022-2026 »")
    slogan: Texte | None = None


class ModeleAvenant(Modele):
    """What a model sets for the contracts of one kind (each is their default): the articles,
    in order, the parties block's style, the closing formula."""

    articles: list[Article] | None = Field(None, min_length=1)
    style_parties: StyleParties | None = None
    cloture: Texte | None = Field(
        None, description="La formule avant les signatures, avec les valeurs calculées"
    )


class ModeleActe(ModeleAvenant):
    sommaire: bool | None = None


class ModeleConvention(ModeleActe):
    visas: list[Texte] | None = Field(None, description="Sans « Vu » : il est ajouté")
    couverture: Couverture | None = None


class FichierModele(Modele):
    """modeles/<nom>/modele.yaml: a Caf's model, beside its clause files (one Markdown file per
    clause). Each part is the default of the contracts of its kind that use the model."""

    nom: Texte = Field(description="Nom du modèle, tel qu'il se présente (« Modèle de la Caf … »)")
    convention: ModeleConvention | None = None
    acte_engagement: ModeleActe | None = None
    avenant: ModeleAvenant | None = None
