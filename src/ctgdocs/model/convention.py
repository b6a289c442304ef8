"""convention.yaml: the text of a territory's CTG convention that only data can say.

Everything countable (communes, axes, thématiques, parties) is counted from the records; the
standard articles are shared clauses (templates/clauses/); the CTG's period comes from
territoire.yaml (ctg.debut, ctg.fin), apart from the date of signature: `vigueur` says whether
the convention runs from its signature (which is then the CTG's start) or over that period
(signed on any date up to its end). Without a date of signature, the convention is a draft.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from ctgdocs.model.articles import Article, Couverture, NomModele
from ctgdocs.model.base import Date, Identifiant, Modele, Texte
from ctgdocs.model.ctes import ActesContrat
from ctgdocs.model.parties import Partie, StyleParties
from ctgdocs.model.seance import Bloc


def _intitule_seul(value: object) -> object:
    """A plain string in a list of orientations is an orientation without actions."""
    return {"intitule": value} if isinstance(value, str) else value


class Diagnostic(Modele):
    """The reference diagnostics at one scale (« l'EPCI », « la Ville de Châtellerault »)."""

    echelle: Texte = Field(description="Ex. « de l'EPCI », « du département »")
    references: list[Texte] = Field(
        min_length=1, description="Chaque référence avec sa préposition (« au contrat de ville »)"
    )


class Orientation(Modele):
    intitule: Texte
    actions: list[Texte] = []


# An orientation without actions is written as its intitulé alone.
Orientations = list[
    Annotated[
        Orientation, BeforeValidator(_intitule_seul, json_schema_input_type=Texte | Orientation)
    ]
]


class Volet(Modele):
    """A thématique of an axis (« Petite Enfance »): counted in « N thématiques »."""

    intitule: Texte = Field(description="Ex. « Petite Enfance », « de la Jeunesse »")
    orientations: Orientations = Field(min_length=1)


class Axe(Modele):
    """A strategic axis. Without volets it is one thématique; with volets, one per volet."""

    intitule: Texte
    precisions: Texte | None = Field(
        None, description="Précisions de la liste courte des axes, entre parenthèses"
    )
    introduction: Texte | None = Field(
        "Cet axe stratégique se définit notamment par :",
        description="Phrase qui introduit les orientations",
    )
    texte: list[Bloc] = Field([], description="Blocs de texte (Markdown) avant les orientations")
    orientations: Orientations = []
    volets: list[Volet] = []


class Signature(Modele):
    lieu: Texte
    date: Date | None = Field(
        None, description="Vide : projet de convention, pas encore signée (« Projet » imprimé)"
    )


class Resiliation(Modele):
    preavis_mois: Annotated[int, Field(ge=1, le=24)] = 3


class Annexes(Modele):
    poste: Identifiant | None = Field(
        None, description="Annexe du référentiel : le poste de coordination (coordination.yaml)"
    )
    cej: bool = Field(
        True, description="Annexe des communes qui intègrent la CTG à la fin de leur CEJ"
    )
    cej_observation: Texte | None = None


class Convention(Modele):
    intitule: Texte = "Convention territoriale globale de services aux familles"
    modele: NomModele | None = Field(
        None, description="Le modèle de clauses (modeles/<nom>/) ; par défaut celui de la Caf"
    )
    articles: list[Article] | None = Field(
        None, description="Les articles, dans l'ordre ; par défaut la liste du modèle"
    )
    visas: list[Texte] | None = Field(
        None,
        description="Visas après les parties, sans « Vu » : il est ajouté ; par défaut ceux du "
        "modèle",
    )
    couverture: Couverture | None = Field(
        None, description="Une page de couverture ; par défaut celle du modèle"
    )
    sommaire: bool | None = Field(
        None, description="Imprimer le sommaire ; par défaut comme le modèle, sinon oui"
    )
    cloture: Texte | None = Field(
        None,
        description="La formule avant les signatures, avec les valeurs calculées ; par défaut "
        "« Fait à {signature_lieu}, le {signature_date}, en {nombre_parties_lettres} "
        "exemplaires originaux. »",
    )
    parties: list[Partie] = Field(min_length=2)
    style_parties: StyleParties | None = Field(
        None, description="Comment l'acte écrit ses parties (par défaut, celui des conventions)"
    )
    preambule: list[Bloc] = Field(min_length=1)
    diagnostics: list[Diagnostic] = []
    axes: list[Axe] = Field(min_length=1)
    apres_axes: list[Bloc] = Field([], description="Texte après la liste courte des axes")
    apres_enjeux: list[Bloc] = Field([], description="Texte après les axes développés")
    comite_pilotage: list[Identifiant] = Field(
        [], description="Organisations qui co-animent le comité de pilotage (parties)"
    )
    resiliation: Resiliation = Resiliation()
    vigueur: Literal["signature", "periode"] = Field(
        "signature",
        description="« signature » : conclue à compter de la date de signature (le début de la "
        "CTG) jusqu'à sa fin ; « periode » : conclue du début à la fin de la CTG "
        "(territoire.ctg), signée à une autre date, au plus tard à sa fin",
    )
    signature: Signature
    annexes: Annexes = Annexes()
    actes: ActesContrat | None = Field(
        None, description="Télétransmission (@CTES) de la convention signée : numéro, matière"
    )


class FichierConvention(Modele):
    convention: Convention
