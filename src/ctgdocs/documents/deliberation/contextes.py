"""What a deliberation's templates receive: every value computed in Python, laid out by
`templates/deliberation/`. The collectivité and the séance are shared with the liste des
délibérations; the roll and the vote are those of one deliberation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal, NotRequired, TypedDict

from markupsafe import Markup

from ctgdocs.documents.avenant import ContexteApprobation
from ctgdocs.documents.territoire import ContextePersonne, ContexteTerritoire
from ctgdocs.rules.teletransmission import Teletransmission


class ContexteCollectivite(TypedDict):
    nom: str
    type: str
    designation: str  # « la commune de Maussane-les-Alpilles »
    de_nom: str
    a_nom: str  # « à Maussane-les-Alpilles »
    designation_avec_article: str
    a_siege: str | None  # where its council deliberates: « à Poitiers »
    organe: str  # « Conseil municipal »
    mise_en_page: str  # a layout of ctgdocs.documents.deliberation.styles
    representation_etat: str | None
    appellation: str
    site: str  # where it publishes: « le site de la mairie »


class ContexteExecutif(ContextePersonne):
    fonction: str  # « Maire », « Présidente »
    fonction_article: str  # « Le Maire »
    titre: str  # « Monsieur le Maire »


class ContextePresident(ContextePersonne):
    fonction: str | None  # when the président is the executive
    libelle: str  # « Président de séance », « Présidente de séance »


class ContexteSecretaire(ContextePersonne):
    libelle: str  # « La secrétaire de séance »


class ContextePouvoirs(TypedDict):
    mandants: list[str]
    mandataire: str


class ContexteSeance(TypedDict):
    """The séance as a whole; its roll is the one at the opening."""

    date: dt.date
    date_lettres: str
    heure: dt.time
    heure_lettres: str
    lieu: str | None
    nature: Literal["ordinaire", "extraordinaire"]
    convocation: dt.date
    president: ContextePresident
    secretaires: list[ContexteSecretaire]
    membres_en_exercice: int
    quorum: int
    nominatif: bool  # the présents are named (else only counted)
    presents: int
    representes: int
    absents: int
    visas: list[str]  # the derogatory regime's text first, when it applies


class ContextePresence(TypedDict):
    """Who sat for one deliberation (CGCT L2121-17: the quorum is assessed per deliberation)."""

    presents: int
    representes: int
    absents: int  # en exercice, neither present nor represented
    votants: int
    quorum: int
    noms_presents: list[str]  # with their commune, suppléance, visioconférence
    noms_absents: list[str]  # absents excusés, not represented
    pouvoirs: list[ContextePouvoirs]  # by mandataire
    mentions: list[str]  # arrivals, departures, intéressés: full sentences


class ContexteVote(TypedDict):
    pour: int
    contre: int
    abstentions: int
    ne_prennent_pas_part: int
    votants: int
    exprimes: int
    adoptee: bool
    formule: str  # « à l'unanimité », « par 20 voix pour, 2 voix contre et 1 abstention »
    resultat: str  # « Adoptée », « Rejetée »


class ContexteDecision(TypedDict):
    verbe: str  # as the style writes it (decisions): one of the three below
    decide: str  # « APPROUVE »
    infinitif: str  # « APPROUVER »
    propose: str  # « d'approuver »
    texte: Markup


class ContexteDeliberation(TypedDict):
    numero: str
    ordre: int | None
    objet: str
    rubrique: str | None
    rapporteurs: list[ContextePersonne]
    rapporteur_titre: str  # « Madame la Rapporteur », « les Rapporteurs »
    rapporteur_fonction: str  # the same, or « Monsieur le Maire » when the maire reports
    rapporteur: str  # one of the two, as the style names the rapporteur (rapporteur)
    commission: str | None
    service_referent: str | None
    pieces_jointes: list[str]
    presence: ContextePresence
    vote: ContexteVote
    publication: dt.date | None
    transmission: dt.date | None
    executoire: dt.date | None
    actes: Teletransmission | None  # the @CTES metadata, printed by the form layout
    # Rendered from the context above (they may quote it): set once it is built.
    expose: NotRequired[list[Markup]]
    decisions: NotRequired[list[ContexteDecision]]


class ContexteCompte(TypedDict):
    cle: str  # en_exercice, presents… (model/style_deliberation.Compte)
    libelle: str  # as it reads in a line: « présents »
    titre: str  # with a capital initial, in a box: « Présents »
    valeur: int


class ContexteStyle(TypedDict):
    """The collectivité's house style as its layout lays it out: every formula with its
    values (None: no such sentence), the counts and the parts in their order."""

    mise_en_page: str
    registre: Markup | None  # « Extrait du registre des délibérations du Conseil municipal »
    titre: Markup | None
    seance: Markup | None
    objet: Markup | None
    rubrique: str | None  # the deliberation's, when the style prints it
    ouverture: Markup | None
    comptes: Literal["ligne", "tableau", "rangees", "aucun"]  # rangees: rows of a form's table
    nombres: list[ContexteCompte]
    presences: list[
        str
    ]  # president, presents, pouvoirs, absents, secretaires, rapporteurs, mentions
    adresse: Markup | None  # « Mes chers collègues, »
    avant_decisions: Markup | None
    apres_decisions: Markup | None
    rejet: Markup | None  # in place of the decisions of a rejected deliberation
    cloture: list[Markup]
    signatures: list[str]  # secretaires, executif
    publication: bool


class ContexteFinancementCaf(TypedDict):
    taux: Decimal
    plafond_par_etp: Decimal
    source: str


class ContexteSeanceEntiere(TypedDict):
    """The collectivité, its executive and the séance, as every act of a séance names them."""

    collectivite: ContexteCollectivite
    executif: ContexteExecutif | None
    seance: ContexteSeance


class ContexteExtrait(ContexteSeanceEntiere):
    territoire: ContexteTerritoire
    references: dict[str, list[str]]  # the branche Famille's texts (references/)
    financement: ContexteFinancementCaf | None
    deliberation: ContexteDeliberation
    avenant: NotRequired[ContexteApprobation]  # when it approves an avenant
    style: ContexteStyle  # the collectivité's house style, its formulas with their values
