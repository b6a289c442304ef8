"""A department's coordination documents (seed 001): the table of ETP contracted per EPCI, with
its total and the Caf's maximal funding, and one evaluation grid per EPCI of that table."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, TypedDict

from ctgdocs.documents.base import DocumentKind, PlannedDocument, planifier
from ctgdocs.documents.territoire import ContexteOrganisation, organisation
from ctgdocs.fr.dates import date_fr
from ctgdocs.fr.nombres import nombre
from ctgdocs.load.territoire import DonneesTerritoire
from ctgdocs.references import grille
from ctgdocs.render.body import render_body
from ctgdocs.render.document import DocumentMeta, RenderedDocument
from ctgdocs.rules.financement import regle_en_vigueur

FICHIERS_COORDINATION = ("territoire", "coordination")


class ContexteLigneEtp(TypedDict):
    epci: ContexteOrganisation
    etp: Decimal
    plafond_total: Decimal | None  # the Caf's cap for these ETP (cap per ETP × ETP)


class ContexteTableau(TypedDict):
    titre: str
    date: dt.date
    lignes: list[ContexteLigneEtp]
    total: Decimal  # ETP
    nombre_epci: int
    plafond_total: Decimal | None  # the cap for the total


class ContexteFinancementCoordination(TypedDict):
    taux: Decimal
    plafond_par_etp: Decimal
    source: str
    depuis: dt.date


class ContexteTableauEtp(TypedDict):
    caf: ContexteOrganisation
    tableau: ContexteTableau
    financement: ContexteFinancementCoordination | None


class ContexteCritere(TypedDict):
    libelle: str
    valeur: str  # prefilled (« 1,5 ETP ») or empty
    reponse: str  # « oui / non » or empty


class ContexteSectionGrille(TypedDict):
    titre: str
    criteres: list[ContexteCritere]


class ContexteGrille(TypedDict):
    titre: str
    source: str | None
    colonnes: list[str]
    sections: list[ContexteSectionGrille]


class ContexteGrilleEvaluation(TypedDict):
    epci: ContexteOrganisation
    caf: ContexteOrganisation
    annee: int
    grille: ContexteGrille


def plan_tableau(d: DonneesTerritoire) -> list[PlannedDocument]:
    if d.coordination is None or d.coordination.model.tableau_etp is None:
        return []
    return [
        planifier(TABLEAU.name, d, "tableau-etp", render_tableau, fichiers=FICHIERS_COORDINATION)
    ]


def contexte_tableau(d: DonneesTerritoire) -> ContexteTableauEtp:
    assert d.coordination is not None and d.coordination.model.tableau_etp is not None
    t = d.territoire.model
    tableau = d.coordination.model.tableau_etp
    caf = t.organisations[t.territoire.caf]
    regle = regle_en_vigueur(caf, tableau.date)
    lignes: list[ContexteLigneEtp] = [
        {
            "epci": organisation(t.organisations[ident]),
            "etp": etp,
            "plafond_total": regle.plafond_annuel_par_etp * etp if regle else None,
        }
        for ident, etp in tableau.lignes.items()
    ]
    total = sum((ligne["etp"] for ligne in lignes), Decimal(0))
    return {
        "caf": organisation(caf),
        "tableau": {
            "titre": tableau.titre,
            "date": tableau.date,
            "lignes": lignes,
            "total": total,
            "nombre_epci": len(lignes),
            "plafond_total": regle.plafond_annuel_par_etp * total if regle else None,
        },
        "financement": {
            "taux": regle.taux,
            "plafond_par_etp": regle.plafond_annuel_par_etp,
            "source": regle.source,
            "depuis": regle.depuis,
        }
        if regle
        else None,
    }


def render_tableau(d: DonneesTerritoire) -> RenderedDocument:
    ctx = contexte_tableau(d)
    tab = ctx["tableau"]
    tree = render_body("coordination/tableau_etp.md.j2", ctx)
    meta = DocumentMeta(
        title=tab["titre"],
        subject=f"{tab['titre']} : {nombre(tab['total'])} ETP",
        author=ctx["caf"]["nom_court"],
        date=tab["date"],
        header=f"{ctx['caf']['nom_court']} — {tab['titre']}",
        footer=f"Au {date_fr(tab['date'])}",
    )
    return RenderedDocument(meta, tree)


def plan_grilles(d: DonneesTerritoire) -> list[PlannedDocument]:
    c = d.coordination.model if d.coordination else None
    if c is None or c.grille_evaluation is None or c.tableau_etp is None:
        return []
    return [
        planifier(
            GRILLE.name,
            d,
            f"grille-evaluation-{ident}",
            render_grille,
            ident,
            fichiers=FICHIERS_COORDINATION,
        )
        for ident in c.tableau_etp.lignes
    ]


def render_grille(d: DonneesTerritoire, ident: str) -> RenderedDocument:
    assert d.coordination is not None
    c = d.coordination.model
    assert c.grille_evaluation is not None and c.tableau_etp is not None
    t = d.territoire.model
    modele = grille(c.grille_evaluation.modele)
    valeurs = {"etp": f"{nombre(c.tableau_etp.lignes[ident])} ETP"}
    ctx: ContexteGrilleEvaluation = {
        "epci": organisation(t.organisations[ident]),
        "caf": organisation(t.organisations[t.territoire.caf]),
        "annee": c.grille_evaluation.annee,
        "grille": {
            "titre": modele["titre"],
            "source": modele.get("source"),
            "colonnes": modele["colonnes"],
            "sections": [
                {"titre": s["titre"], "criteres": [_critere(x, valeurs) for x in s["criteres"]]}
                for s in modele["sections"]
            ],
        },
    }
    tree = render_body("coordination/grille_evaluation.md.j2", ctx)
    meta = DocumentMeta(
        title=f"{modele['titre']} — {ctx['epci']['nom_court']}",
        subject=f"{modele['titre']} {c.grille_evaluation.annee}",
        author=ctx["caf"]["nom_court"],
        date=c.tableau_etp.date,
        header=f"{ctx['epci']['nom_court']} — évaluation {c.grille_evaluation.annee}",
        footer=modele["titre"],
    )
    return RenderedDocument(meta, tree)


def _critere(critere: Any, valeurs: dict[str, str]) -> ContexteCritere:
    """A criterion: plain text, or a row with a prefilled value or a yes/no answer."""
    if isinstance(critere, str):
        return {"libelle": critere, "valeur": "", "reponse": ""}
    return {
        "libelle": critere["libelle"],
        "valeur": valeurs.get(critere.get("valeur", ""), ""),
        "reponse": "oui / non" if critere.get("reponse") == "oui-non" else "",
    }


TABLEAU = DocumentKind(
    name="tableau-etp", title="Tableau des ETP de coordination", plan=plan_tableau
)
GRILLE = DocumentKind(
    name="grille-evaluation", title="Grille d'évaluation de la coordination", plan=plan_grilles
)

__all__ = ["GRILLE", "TABLEAU", "contexte_tableau"]
