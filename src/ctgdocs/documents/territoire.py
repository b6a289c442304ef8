"""Context pieces about the territory and its people, shared by every document kind.

Every context a template reads is typed (TypedDicts here and in each kind's module): Jinja reads
them as it reads any mapping, and mypy checks the Python that builds them and reads them back."""

from __future__ import annotations

import datetime as dt
from typing import TypedDict

from ctgdocs.fr import noms
from ctgdocs.model import FichierTerritoire, Organisation, Personne


class ContextePersonne(TypedDict):
    nom: str  # « Prénom NOM »
    avec_civilite: str  # « Mme Prénom NOM » (the name alone without a civilité)
    civilite_longue: str | None  # « Madame »


class ContexteOrganisation(TypedDict):
    nom: str
    type: str
    designation: str  # how a text names it: « la Caf de la Vienne »
    nom_court: str
    sigle: str | None
    de_nom: str  # « de Châtellerault », « du Pradet »
    avec_article: str  # « la Caf », « la commune du Pradet »
    nom_entier: str  # the full name with its article


class ContexteAxeCtg(TypedDict):
    numero: str  # « 1.2 »
    intitule: str
    objectifs: list[str]


class ContexteEnjeu(TypedDict):
    numero: str
    intitule: str
    axes: list[ContexteAxeCtg]


class ContexteCtg(TypedDict):
    intitule: str
    debut: dt.date
    fin: dt.date
    signataires: list[ContexteOrganisation]
    communes: list[str]  # the names of the signatory communes
    autres_signataires: list[ContexteOrganisation]
    enjeux: list[ContexteEnjeu]
    nombre_axes: int


class ContexteTerritoire(TypedDict):
    nom: str
    caf: ContexteOrganisation
    epci: ContexteOrganisation | None
    ctg: ContexteCtg | None


def personne(p: Personne) -> ContextePersonne:
    return {
        "nom": noms.nom_complet(p),
        "avec_civilite": noms.avec_civilite(p) if p.civilite else noms.nom_complet(p),
        "civilite_longue": noms.civilite_longue(p) if p.civilite else None,
    }


def organisation(org: Organisation) -> ContexteOrganisation:
    return {
        "nom": org.nom,
        "type": org.type,
        "designation": noms.designation(org),
        "nom_court": noms.nom_court(org),
        "sigle": org.sigle,
        "de_nom": noms.de_nom(org),
        "avec_article": noms.avec_article(org),
        "nom_entier": noms.nom_avec_article(org),
    }


def contexte_territoire(t: FichierTerritoire) -> ContexteTerritoire:
    orgs = t.organisations
    terr = t.territoire
    ctx: ContexteTerritoire = {
        "nom": terr.nom,
        "caf": organisation(orgs[terr.caf]),
        "epci": organisation(orgs[terr.epci]) if terr.epci else None,
        "ctg": None,
    }
    if terr.ctg:
        ctg = terr.ctg
        signataires = [orgs[s] for s in ctg.signataires]
        communes = [o for o in signataires if o.type == "commune"]
        autres = [o for o in signataires if o.type != "commune"]
        ctx["ctg"] = {
            "intitule": ctg.intitule,
            "debut": ctg.debut,
            "fin": ctg.fin,
            "signataires": [organisation(o) for o in signataires],
            "communes": [o.nom for o in communes],
            "autres_signataires": [organisation(o) for o in autres],
            "enjeux": [
                {
                    "numero": str(i),
                    "intitule": e.intitule,
                    "axes": [
                        {"numero": f"{i}.{j}", "intitule": a.intitule, "objectifs": a.objectifs}
                        for j, a in enumerate(e.axes, start=1)
                    ],
                }
                for i, e in enumerate(ctg.enjeux, start=1)
            ],
            "nombre_axes": sum(len(e.axes) for e in ctg.enjeux),
        }
    return ctx
