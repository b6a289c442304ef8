"""Context pieces shared by the contracts (convention, acte d'engagement, avenant): how the act
names itself, its parties and their signature blocks. Shared clauses read these keys only."""

from __future__ import annotations

from typing import Any

from ctgdocs.documents.territoire import organisation
from ctgdocs.domain import noms
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
    },
    "acte-engagement": {
        "nom": "acte d'engagement",
        "le": "le présent acte d'engagement",
        "du": "du présent acte d'engagement",
        "au": "au présent acte d'engagement",
        "origine": "à l'acte d'engagement d'origine",
        "il": "il",
        "e": "",
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
