"""The values of the closed vocabulary (ctgdocs.model.vocabulaire), computed for one contract:
what `{acte}`, `{nombre_communes_lettres}` or `{fin}` print in its clauses and own texts."""

from __future__ import annotations

import datetime as dt

from ctgdocs.documents.contrat import ContexteContrat
from ctgdocs.fr import noms
from ctgdocs.fr.dates import date_fr
from ctgdocs.fr.nombres import liste, nombre_lettres
from ctgdocs.fr.prepositions import de
from ctgdocs.model import FichierTerritoire, vocabulaire
from ctgdocs.rules import comptes as calcul

SANS_DATE = "……………"


def valeurs(
    kind: str,
    t: FichierTerritoire,
    ctx: ContexteContrat,
    debut: dt.date,
    fin: dt.date,
    signature_lieu: str,
    signature_date: dt.date | None,
    **propres: str,
) -> dict[str, str]:
    """Every value a text of that contract may name; `propres` are the values of its kind only
    (counts of axes, the commune of an acte, an avenant's number)."""
    caf = t.organisations[t.territoire.caf]
    epci = t.organisations[t.territoire.epci] if t.territoire.epci else None
    territoire = noms.nom_avec_article(epci) if epci else t.territoire.nom
    communes = len(calcul.communes(t))
    # Whole years of the period, its end day included: 1er janvier 2022 – 31 décembre 2026 is 5.
    annees = ((fin + dt.timedelta(days=1)).year - debut.year) * 12
    annees = (annees + (fin + dt.timedelta(days=1)).month - debut.month) // 12
    acte = ctx["acte"]
    found = {
        "acte": acte["le"],
        "de_acte": acte["du"],
        "a_acte": acte["au"],
        "nom_acte": acte["nom"],
        "parties": liste(p["nom_entier"] for p in ctx["parties"]),
        "nombre_parties": str(ctx["nombre_parties"]),
        "nombre_parties_lettres": ctx["nombre_parties_lettres"],
        "caf": noms.avec_article(caf),
        "de_caf": de(noms.avec_article(caf)),
        "caf_nom": noms.nom_avec_article(caf),
        "territoire": territoire,
        "de_territoire": de(territoire),
        "nombre_communes": str(communes),
        "nombre_communes_lettres": nombre_lettres(communes, feminin=True),
        "debut": date_fr(debut),
        "fin": date_fr(fin),
        "annee_debut": str(debut.year),
        "annee_fin": str(fin.year),
        "duree_annees": str(annees),
        "duree_annees_lettres": nombre_lettres(annees),
        "signature_lieu": signature_lieu,
        "signature_date": date_fr(signature_date) if signature_date else SANS_DATE,
        **propres,
    }
    attendus = set(vocabulaire.noms(kind))
    assert set(found) == attendus, sorted(set(found) ^ attendus)  # the registry is the list
    return found
