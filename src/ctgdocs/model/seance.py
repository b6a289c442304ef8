"""A council session and the deliberations it adopted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from ctgdocs.model.base import Date, Entier, Identifiant, Modele, Texte
from ctgdocs.model.ctes import ActesMeta


def _texte_seul(value: Any) -> Any:
    """A plain string in a block list is a paragraph of text."""
    return {"texte": value} if isinstance(value, str) else value


def _heure(value: Any) -> Any:
    """Accept « 19:00 » or « 19h00 » and give a time."""
    if isinstance(value, str):
        texte = value.strip().lower().replace("h", ":")
        heures, _, minutes = texte.partition(":")
        if heures.isdigit() and (minutes.isdigit() or minutes == ""):
            try:
                return dt.time(int(heures), int(minutes or 0))
            except ValueError:
                pass
        raise ValueError("heure")
    return value


# What `_heure` accepts, for editors (the JSON Schema): « 19h00 », « 19:00 », « 19h », « 9h30 ».
HEURE_MOTIF = r"^\s*0*([01]?[0-9]|2[0-3])([hH:](0*[0-5]?[0-9])?)?\s*$"
HeureEcrite = Annotated[
    str,
    Field(
        pattern=HEURE_MOTIF,
        json_schema_extra={"patternErrorMessage": "Heure attendue : « 19h00 » ou « 19:00 »."},
    ),
]
Heure = Annotated[
    dt.time,
    BeforeValidator(_heure, json_schema_input_type=HeureEcrite),
    Field(description="Heure d'ouverture de la séance : « 19h00 » ou « 19:00 »"),
]


class BlocModele(Modele):
    """A block of an exposé: a paragraph of text (Markdown), or a shared clause named by id."""

    texte: Texte | None = None
    clause: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")] | None = None

    @model_validator(mode="after")
    def _un_seul(self) -> BlocModele:
        if (self.texte is None) == (self.clause is None):
            raise ValueError("bloc")
        return self


# A block is written as its text alone, or as {texte: …} or {clause: …}.
Bloc = Annotated[
    BlocModele, BeforeValidator(_texte_seul, json_schema_input_type=Texte | BlocModele)
]


class Decision(BlocModele):
    """One decision: its verb in the infinitive (the layout conjugates it), then the rest of the
    sentence, typed (texte) or from a shared clause (clause) that names people from their records."""

    verbe: Texte = Field(description="Verbe à l'infinitif : approuver, autoriser, préciser…")


class Pouvoir(Modele):
    mandant: Identifiant = Field(description="Le membre absent qui donne pouvoir")
    mandataire: Identifiant = Field(description="Le membre présent qui le reçoit")


class Suppleance(Modele):
    """A suppléant who sits with a deliberative vote for an absent titulaire (CGCT L5211-6:
    a commune with one seat on the council of an EPCI; a syndicat's statutes)."""

    suppleant: Identifiant = Field(description="Le suppléant qui siège, avec voix délibérative")
    titulaire: Identifiant = Field(description="Le membre titulaire, absent, qu'il remplace")


class Arrivee(Modele):
    """A member who joins the séance after its opening."""

    membre: Identifiant
    a_partir_de: Texte = Field(
        description="Numéro de la première délibération à laquelle il prend part (ex. « 2026-41 »)"
    )


class Depart(Modele):
    """A member who leaves the séance before its end, perhaps giving a pouvoir."""

    membre: Identifiant
    a_partir_de: Texte = Field(
        description="Numéro de la première délibération à laquelle il ne prend plus part"
    )
    pouvoir_a: Identifiant | None = Field(
        None, description="Le membre présent à qui il donne pouvoir en partant"
    )


def _unanimite(value: Any) -> Any:
    """« vote: unanimite » is a vote at unanimity, its figures computed from the roll."""
    return {"unanimite": True} if value == "unanimite" else value


class VoteModele(Modele):
    """A vote in figures; or `unanimite`, whose figures the roll gives (pour = votants)."""

    unanimite: bool = Field(
        False,
        description="Adoptée à l'unanimité : pour = votants, calculé d'après la liste de présence "
        "(écrire alors « vote: unanimite », sans les nombres)",
    )
    pour: Entier | None = None
    contre: Entier | None = None
    abstentions: Entier | None = None
    ne_prennent_pas_part: Entier = 0
    voix_du_president: Literal["pour", "contre"] | None = Field(
        None, description="En cas de partage égal des voix, le vote du président est prépondérant"
    )

    @model_validator(mode="after")
    def _chiffres_ou_unanimite(self) -> VoteModele:
        chiffres = (self.pour, self.contre, self.abstentions)
        if self.unanimite and any(c is not None for c in chiffres):
            raise ValueError("vote-unanimite")
        if not self.unanimite and any(c is None for c in chiffres):
            raise ValueError("vote-chiffres")
        return self


# A vote is written in figures ({pour, contre, abstentions}) or as « unanimite ».
Vote = Annotated[
    VoteModele,
    BeforeValidator(_unanimite, json_schema_input_type=Literal["unanimite"] | VoteModele),
]


class VoteCompte(Modele):
    """A vote with its figures, written or computed (ctgdocs.rules.vote.compte)."""

    pour: int
    contre: int
    abstentions: int
    ne_prennent_pas_part: int = 0
    voix_du_president: Literal["pour", "contre"] | None = None


def _numero_seul(value: Any) -> Any:
    """« avenant: 2 » is avenant n° 2 to the convention."""
    return {"numero": value} if isinstance(value, int) and not isinstance(value, bool) else value


class RefAvenant(Modele):
    """The avenant a deliberation approves (avenants/*.yaml): its clauses then name it."""

    numero: Annotated[int, Field(ge=1)]
    modifie: Literal["convention", "acte-engagement"] = "convention"


class Deliberation(Modele):
    numero: Texte = Field(description="Numéro propre à la collectivité (ex. « 2022/07/29/07 »)")
    ordre: Annotated[int, Field(ge=1)] | None = Field(
        None, description="Numéro d'ordre dans la séance"
    )
    objet: Texte
    rubrique: Texte | None = Field(
        None,
        description="Rubrique du registre, si le style de la collectivité l'imprime (ex. « Finances »)",
    )
    rapporteurs: list[Identifiant] = Field(min_length=1)
    actes: ActesMeta | None = None
    avenant: (
        Annotated[
            RefAvenant,
            BeforeValidator(
                _numero_seul, json_schema_input_type=Annotated[int, Field(ge=1)] | RefAvenant
            ),
        ]
        | None
    ) = Field(
        None, description="L'avenant approuvé (son numéro) : les clauses d'avenant le nomment"
    )
    commission: Texte | None = None
    service_referent: Texte | None = None
    pieces_jointes: list[Texte] = []
    expose: list[Bloc] = Field(min_length=1)
    decisions: list[Decision] = Field(min_length=1)
    interesses: list[Identifiant] = Field(
        [],
        description="Membres intéressés à l'affaire, qui ne prennent part ni au débat ni au vote "
        "(CGCT L2131-11) : ils ne comptent ni dans le quorum ni parmi les votants",
    )
    vote: Vote
    publication: Date | None = Field(None, description="Date de publication (mise en ligne)")
    transmission: Date | None = Field(
        None, description="Date de transmission au représentant de l'État"
    )

    def blocs(self) -> Iterator[tuple[str, int, BlocModele]]:
        """Every block that holds a text or a clause, with its key and index: the exposé's,
        then the decisions'."""
        for key, blocks in (("expose", self.expose), ("decisions", self.decisions)):
            for i, bloc in enumerate(blocks):
                yield key, i, bloc


class ListeDeliberations(Modele):
    """The liste des délibérations of the séance (L. 2121-25 CGCT)."""

    publiee_le: Date | None = Field(
        None,
        description="Date d'affichage et de mise en ligne (dans la semaine qui suit la séance)",
    )


def _liste_demandee(value: Any) -> Any:
    """« liste: true » asks for the list; « false » is no list."""
    if isinstance(value, bool):
        return {} if value else None
    return value


class Urgence(Modele):
    """A séance convened in urgency (CGCT L2121-11, L2121-12): the délai is shortened down to
    one jour franc, and the council rules on the urgency at the opening."""

    vote: Vote = Field(description="Le vote du conseil sur l'urgence, à l'ouverture de la séance")


class SecondeConvocation(Modele):
    """A séance convened again after a first one failed to reach its quorum (CGCT L2121-17): at
    least three days later, it deliberates without quorum on the same agenda."""

    premiere_seance: Date = Field(description="Date de la séance où le quorum n'a pas été atteint")


class Seance(Modele):
    collectivite: Identifiant
    date: Date
    heure: Heure
    lieu: Texte | None = Field(None, description="Ex. « en l'Hôtel de Ville »")
    nature: Literal["ordinaire", "extraordinaire"] = "ordinaire"
    convocation: Date
    president: Identifiant
    secretaires: list[Identifiant] = Field(min_length=1)
    membres_en_exercice: Entier
    presents: list[Identifiant] | Entier = Field(
        description="Liste des membres présents à l'ouverture (ids), ou leur nombre si la liste "
        "n'est pas tenue ici"
    )
    pouvoirs: list[Pouvoir] | Entier = Field(
        [], description="Liste des pouvoirs (mandant → mandataire), ou leur nombre"
    )
    absents: list[Identifiant] = Field([], description="Absents excusés, non représentés")
    suppleants: list[Suppleance] = Field(
        [], description="Conseil d'un EPCI ou d'un syndicat : les suppléants qui siègent"
    )
    visioconference: list[Identifiant] = Field(
        [],
        description="Les présents qui participent par visioconférence (EPCI à fiscalité propre, "
        "CGCT L5211-11-1)",
    )
    arrivees: list[Arrivee] = Field([], description="Membres arrivés en cours de séance")
    departs: list[Depart] = Field([], description="Membres partis en cours de séance")
    urgence: Urgence | None = Field(
        None, description="Séance convoquée en urgence : le vote du conseil sur l'urgence"
    )
    seconde_convocation: SecondeConvocation | None = Field(
        None, description="Séance convoquée à nouveau faute de quorum (CGCT L2121-17)"
    )
    visas: list[Texte] = []
    liste: (
        Annotated[
            ListeDeliberations,
            BeforeValidator(_liste_demandee, json_schema_input_type=bool | ListeDeliberations),
        ]
        | None
    ) = Field(
        None,
        description="« true », ou « {publiee_le: date} » : le fichier contient toutes les "
        "délibérations examinées en séance, et leur liste (article L. 2121-25 du CGCT) est produite",
    )


class FichierSeance(Modele):
    """seances/*.yaml: one council session and its deliberations."""

    seance: Seance
    deliberations: list[Deliberation] = Field(min_length=1)
