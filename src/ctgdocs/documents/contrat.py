"""Context pieces shared by the contracts (convention, acte d'engagement, avenant): how the act
names itself, its parties and their signature blocks. Shared clauses read these keys only."""

from __future__ import annotations

from typing import TypedDict

from ctgdocs.avenants.contrats import CONTRATS, FORMES_AVENANT
from ctgdocs.documents.territoire import ContexteOrganisation, organisation
from ctgdocs.fr import noms
from ctgdocs.fr.nombres import nombre_lettres
from ctgdocs.fr.prepositions import de
from ctgdocs.model import FichierTerritoire, Partie


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


class ContexteRepresentant(TypedDict):
    nom: str
    civilite_longue: str | None
    qualite: str
    feminin: bool  # its agreement (« sa Directrice », « La Présidente »: the `accord` filter)
    mention: str | None


class ContextePartie(ContexteOrganisation):
    id: str
    adresse: str | None
    ci_apres: str | None
    feminin: bool  # the agreement of its name: « représentée », « désignée »
    representants: list[ContexteRepresentant]


class ContexteComite(TypedDict):
    membres: list[str]  # « de la Caf », « de la commune du Pradet »
    co_animation: list[str]


class ContexteContrat(TypedDict):
    """What the shared clauses of a contract read; each contract kind's context extends it."""

    acte: ContexteFormes
    parties: list[ContextePartie]
    nombre_parties: int
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


def partie(t: FichierTerritoire, p: Partie) -> ContextePartie:
    org = t.organisations[p.organisation]
    return {
        **organisation(org),
        "id": p.organisation,
        "adresse": org.adresse,
        "ci_apres": p.ci_apres,
        "feminin": noms.feminin(org),
        "representants": [
            {
                "nom": noms.nom_complet(t.personnes[r.personne]),
                "civilite_longue": noms.civilite_longue(t.personnes[r.personne]),
                "qualite": r.qualite,
                "feminin": t.personnes[r.personne].civilite == "Mme",
                "mention": r.mention,
            }
            for r in p.representants
        ],
    }


def contexte_contrat(
    t: FichierTerritoire, kind: str, liste: list[Partie], co_animation: list[str] | None
) -> ContexteContrat:
    """What the shared clauses of a contract read: how the act names itself, its parties
    counted, its comité de pilotage (every party's representatives; co-animated by the parties
    named, all of them when None)."""
    parties = [partie(t, p) for p in liste]
    avec_article = {p["id"]: p["avec_article"] for p in parties}
    return {
        "acte": acte(kind),
        "parties": parties,
        "nombre_parties": len(parties),
        "nombre_parties_lettres": nombre_lettres(len(parties), feminin=True),
        "comite_pilotage": {
            "membres": [de(a) for a in avec_article.values()],
            "co_animation": [
                avec_article[i] for i in (avec_article if co_animation is None else co_animation)
            ],
        },
    }
