"""Context pieces about the territory and its people, shared by every document kind."""

from __future__ import annotations

from typing import Any

from ctgdocs.fr import noms
from ctgdocs.fr.prepositions import de
from ctgdocs.model import FichierTerritoire, Organisation, Personne


def personne(p: Personne) -> dict[str, Any]:
    return {
        "nom": noms.nom_complet(p),
        "avec_civilite": noms.avec_civilite(p) if p.civilite else noms.nom_complet(p),
        "civilite_longue": noms.civilite_longue(p) if p.civilite else None,
    }


def organisation(org: Organisation) -> dict[str, Any]:
    return {
        "nom": org.nom,
        "type": org.type,
        "designation": noms.designation(org),
        "nom_court": noms.nom_court(org),
        "sigle": org.sigle,
        "de_nom": de(org.nom),
        "avec_article": noms.avec_article(org),
        "nom_entier": noms.nom_avec_article(org),
    }


def contexte_territoire(t: FichierTerritoire) -> dict[str, Any]:
    orgs = t.organisations
    terr = t.territoire
    ctx: dict[str, Any] = {
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
