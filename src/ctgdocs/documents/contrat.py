"""Context pieces shared by the contracts (convention, acte d'engagement, avenant): how the act
names itself, its parties and their signature blocks. Shared clauses read these keys only."""

from __future__ import annotations

from typing import TypedDict

from ctgdocs.avenants.contrats import CONTRATS, FORMES_AVENANT
from ctgdocs.documents.parties import (
    ContexteBlocParties,
    ContextePartie,
    ContexteSignature,
    bloc_parties,
    membres,
    parties,
    signatures,
    style_parties,
)
from ctgdocs.fr import noms
from ctgdocs.fr.nombres import nombre_lettres
from ctgdocs.fr.prepositions import de
from ctgdocs.model import FichierTerritoire, Partie, StyleParties


class ContexteFormes(TypedDict):
    """How the act names itself (avenants/contrats.Formes, field by field)."""

    nom: str
    le: str
    du: str
    au: str
    origine: str
    il: str
    feminin: bool
    ref: str
    de_ref: str


class ContexteComite(TypedDict):
    membres: list[str]  # « de la Caf », « de la commune du Pradet »
    co_animation: list[str]


class ContexteContrat(TypedDict):
    """What the shared clauses of a contract read; each contract kind's context extends it."""

    acte: ContexteFormes
    parties: list[ContextePartie]
    bloc_parties: ContexteBlocParties  # the lead and the layout of the parties block
    signatures: list[ContexteSignature]  # one block per signatory organisation
    nombre_parties: int  # the signatory organisations: a group counts as its members
    nombre_parties_lettres: str
    comite_pilotage: ContexteComite


def acte(kind: str) -> ContexteFormes:
    """How the act of that kind names itself (the contract registry's forms)."""
    f = FORMES_AVENANT if kind == "avenant" else CONTRATS[kind].formes
    return {
        "nom": f.nom,
        "le": f.le,
        "du": f.du,
        "au": f.au,
        "origine": f.origine,
        "il": f.il,
        "feminin": f.feminin,
        "ref": f.ref,
        "de_ref": f.de_ref,
    }


def contexte_contrat(
    t: FichierTerritoire,
    kind: str,
    liste: list[Partie],
    co_animation: list[str] | None,
    style: StyleParties | None,
    intitule: str,
) -> ContexteContrat:
    """What the shared clauses of a contract read: how the act names itself, its parties in the
    style of its data (`style`, over its kind's), counted by signatory organisation, its comité
    de pilotage (every signatory organisation's representatives; co-animated by those named,
    all of them when None)."""
    resolu = style_parties(kind, style)
    ids = membres(liste)
    avec_article = {i: noms.avec_article(t.organisations[i]) for i in ids}
    return {
        "acte": acte(kind),
        "parties": parties(t, liste, resolu),
        "bloc_parties": bloc_parties(kind, resolu, intitule),
        "signatures": signatures(t, liste),
        "nombre_parties": len(ids),
        "nombre_parties_lettres": nombre_lettres(len(ids), feminin=True),
        "comite_pilotage": {
            "membres": [de(a) for a in avec_article.values()],
            "co_animation": [
                avec_article[i] for i in (avec_article if co_animation is None else co_animation)
            ],
        },
    }
