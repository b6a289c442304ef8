"""acte.yaml: the acte d'engagement of a commune in the CTG process (seed 004), what only data
can say. The standard articles are shared clauses; counts and page numbers are computed."""

from __future__ import annotations

from pydantic import Field

from ctgdocs.model.articles import Article, NomModele
from ctgdocs.model.base import Date, Identifiant, Modele, Texte
from ctgdocs.model.ctes import ActesContrat
from ctgdocs.model.parties import Partie, StyleParties
from ctgdocs.model.seance import Bloc


class DecisionConseil(Modele):
    """The council decision that authorised the mayor to sign (annex 4). Its deliberation is
    rendered from the territory's seances when `numero` names one there; else its reference."""

    date: Date
    numero: Texte | None = Field(None, description="Numéro de la délibération")
    objet: Texte | None = None


class Structure(Modele):
    nom: Texte
    adresse: Texte


class FicheAction(Modele):
    """A fiche action of a CTG plan (annex 2 of seed 004): every row is text or Markdown."""

    titre: Texte
    objectifs: list[Bloc] = Field(min_length=1)
    contexte: list[Bloc] = []
    action: list[Bloc] = Field(min_length=1)
    pilote: Texte
    methode: list[Bloc] = []
    resultats_attendus: list[Bloc] = []
    public: Texte | None = None
    moyens: list[Bloc] = []
    debut: Date
    fin: Date
    informations: list[Bloc] = []
    evaluation: list[Bloc] = []


class Annexes(Modele):
    equipements: dict[Texte, list[Structure]] = Field(
        {},
        description="Type de structure (EAJE, LAEP, RAM, ALSH, Ludothèque…) → structures ; "
        "une liste vide imprime le type sans structure",
    )
    fiche_action: FicheAction | None = None
    referentiel: Identifiant | None = Field(
        None, description="Référentiel métier annexé (src/ctgdocs/references/referentiels/)"
    )


class ActeEngagement(Modele):
    titre: Texte = "Acte d'engagement dans la démarche CTG (Convention territoriale globale)"
    modele: NomModele | None = Field(
        None, description="Le modèle de clauses (modeles/<nom>/) ; par défaut celui de la Caf"
    )
    articles: list[Article] | None = Field(
        None, description="Les articles, dans l'ordre ; par défaut la liste du modèle"
    )
    sommaire: bool | None = Field(
        None, description="Imprimer le sommaire ; par défaut comme le modèle, sinon oui"
    )
    parties: list[Partie] = Field(min_length=2)
    style_parties: StyleParties | None = Field(
        None,
        description="Comment l'acte écrit ses parties (par défaut, celui des actes d'engagement)",
    )
    visas: list[Texte] = Field(min_length=1, description="Sans « Vu » : il est ajouté")
    decision_conseil: DecisionConseil
    preambule: list[Bloc] = Field(min_length=1)
    debut: Date
    fin: Date
    ctg_au_plus_tard: Date = Field(description="Date limite de signature de la CTG")
    champs_intervention_commune: list[Bloc] = Field(min_length=1)
    postes_coordination: list[Bloc] = []
    calendrier: list[Bloc] = []
    lieu: Texte = Field(description="« Fait au Pradet »")
    date_signature: Date | None = Field(
        None,
        description="Vide : projet d'acte, pas encore signé (« Le …………… » à compléter, "
        "« Projet » imprimé) ; au plus tard à la fin de l'acte",
    )
    annexes: Annexes = Annexes()
    actes: ActesContrat | None = Field(
        None, description="Télétransmission (@CTES) de l'acte signé : numéro, matière"
    )


class FichierActe(Modele):
    acte_engagement: ActeEngagement
