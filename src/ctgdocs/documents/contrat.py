"""Context pieces shared by the contracts (convention, acte d'engagement, avenant): how the act
names itself, its parties and their signature blocks. Shared clauses read these keys only."""

from __future__ import annotations

from typing import Any

from ctgdocs.documents.territoire import organisation
from ctgdocs.fr import noms
from ctgdocs.fr.nombres import nombre_lettres
from ctgdocs.fr.prepositions import de
from ctgdocs.model import FichierTerritoire, Partie

ACTES = {
    "convention": {
        "nom": "convention",
        "le": "la présente convention",
        "du": "de la présente convention",
        "au": "à la présente convention",
        "origine": "à la convention d'origine",
        "il": "elle",
        "e": "e",  # agreement: conclue, résiliée
        "ref": "la convention",  # how an avenant names the act it modifies
        "de_ref": "de la convention",
    },
    "acte-engagement": {
        "nom": "acte d'engagement",
        "le": "le présent acte d'engagement",
        "du": "du présent acte d'engagement",
        "au": "au présent acte d'engagement",
        "origine": "à l'acte d'engagement d'origine",
        "il": "il",
        "e": "",
        "ref": "l'acte d'engagement",
        "de_ref": "de l'acte d'engagement",
    },
    "avenant": {
        "nom": "avenant",
        "le": "le présent avenant",
        "du": "du présent avenant",
        "au": "au présent avenant",
        "origine": "à l'avenant d'origine",
        "il": "il",
        "e": "",
        "ref": "l'avenant",
        "de_ref": "de l'avenant",
    },
}


def acte(kind: str) -> dict[str, str]:
    """« la présente convention » / « le présent acte d'engagement », with its contractions."""
    return ACTES[kind]


def partie(t: FichierTerritoire, p: Partie) -> dict[str, Any]:
    org = t.organisations[p.organisation]
    feminin = noms.feminin(org)
    return {
        **organisation(org),
        "id": p.organisation,
        "adresse": org.adresse,
        "ci_apres": p.ci_apres,
        "designee": "désignée" if feminin else "désigné",
        "representee": "représentée" if feminin else "représenté",
        "representants": [
            {
                "nom": noms.nom_complet(t.personnes[r.personne]),
                "civilite_longue": noms.civilite_longue(t.personnes[r.personne]),
                "qualite": r.qualite,
                "possessif": "sa" if t.personnes[r.personne].civilite == "Mme" else "son",
                "article": "La" if t.personnes[r.personne].civilite == "Mme" else "Le",
                "mention": r.mention,
            }
            for r in p.representants
        ],
    }


def numero_article(n: int) -> str:
    """« Article 1er », then « Article 2 »…"""
    return "1er" if n == 1 else str(n)


def contexte_contrat(
    t: FichierTerritoire, kind: str, liste: list[Partie], co_animation: list[str] | None
) -> dict[str, Any]:
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
