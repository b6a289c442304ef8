"""The référentiel de poste: one document per coordination post of a territory (seeds 000, 001,
002 annex 1). Its time split is checked to sum to the post's ETP and the Caf co-funding is
computed from the rule of that Caf in force at the post's date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, TypedDict

from markupsafe import Markup

from ctgdocs.documents.base import DocumentKind, PlannedDocument, planifier
from ctgdocs.documents.territoire import ContexteOrganisation, organisation
from ctgdocs.fr.dates import date_fr
from ctgdocs.load.territoire import DonneesTerritoire
from ctgdocs.model import FichierTerritoire, Poste
from ctgdocs.model.coordination import NIVEAUX
from ctgdocs.references import referentiel
from ctgdocs.render.body import render_body
from ctgdocs.render.document import DocumentMeta, RenderedDocument
from ctgdocs.rules.financement import cofinancement, regle_en_vigueur

# The referential a level uses when the post names none (src/ctgdocs/references/referentiels/).
REFERENTIEL_PAR_NIVEAU = {
    "charge-cooperation": "charge-cooperation-territoriale",
    "coordinateur-thematique": "coordinateur-thematique",
    "coordinateur-proximite": "coordinateur-proximite",
}


class ContexteFinancement(TypedDict):
    """The Caf's co-funding of a post (rules/financement.py computes it)."""

    taux: Decimal  # of the post's cost
    plafond_par_etp: Decimal  # the rule's annual cap per ETP
    depuis: dt.date  # the rule is in force from this date
    source: str
    part: Decimal  # taux × cost
    plafond_total: Decimal  # plafond_par_etp × the post's ETP
    plafonne: bool  # the cap is below the share: it applies
    maximum: Decimal  # min(part, plafond_total)
    montant: Decimal  # the co-funding stated in the data, else the maximum
    convenu: bool  # stated in the data
    reste: Decimal  # the cost left to the employer
    taux_effectif: Decimal  # montant / cost


class ContexteSection(TypedDict):
    titre: str
    texte: list[Markup]


class ContexteReferentiel(TypedDict):
    """A job referential (references/referentiels/<id>.yaml) as templates read it."""

    intitule: str
    source: str | None
    introduction: list[Markup]
    parties: list[ContexteSection]
    rubriques: list[ContexteSection]
    cout_indicatif_etp: Decimal | int | None
    missions: list[Any]  # CNFPT table: {mission, competences}, as the reference writes it


class ContextePart(TypedDict):
    activite: str
    etp: Decimal


class ContextePoste(TypedDict):
    id: str
    intitule: str
    niveau: str
    employeur: ContexteOrganisation
    thematique: str | None
    perimetre: str | None
    etp: Decimal
    repartition: list[ContextePart]
    cout_annuel: Decimal | None
    date: dt.date
    financement: ContexteFinancement | None
    referentiel: ContexteReferentiel


class ContexteReferentielPoste(TypedDict):
    poste: ContextePoste
    caf: ContexteOrganisation


def referentiel_du_poste(poste: Poste) -> str:
    return poste.referentiel or REFERENTIEL_PAR_NIVEAU[poste.niveau]


def plan(d: DonneesTerritoire) -> list[PlannedDocument]:
    if d.coordination is None:
        return []
    return [
        planifier(
            KIND.name,
            d,
            f"referentiel-poste-{ident}",
            render,
            ident,
            fichiers=("territoire", "coordination"),
        )
        for ident in d.coordination.model.postes
    ]


def render(d: DonneesTerritoire, ident: str) -> RenderedDocument:
    assert d.coordination is not None
    t = d.territoire.model
    poste = contexte_poste(t, ident, d.coordination.model.postes[ident])
    ctx: ContexteReferentielPoste = {
        "poste": poste,
        "caf": organisation(t.organisations[t.territoire.caf]),
    }
    tree = render_body("referentiel/referentiel_poste.md.j2", ctx)
    meta = DocumentMeta(
        title=f"Référentiel de poste — {poste['intitule']}",
        subject=poste["intitule"],
        author=poste["employeur"]["designation"],
        date=poste["date"],
        header=f"{poste['employeur']['designation']} — référentiel de poste",
        footer=f"{poste['intitule']} — au {date_fr(poste['date'])}",
    )
    return RenderedDocument(meta, tree)


def contexte_poste(t: FichierTerritoire, ident: str, poste: Poste) -> ContextePoste:
    employeur = t.organisations[poste.employeur]
    ref = referentiel(referentiel_du_poste(poste))
    return {
        "id": ident,
        "intitule": poste.intitule or NIVEAUX[poste.niveau],
        "niveau": NIVEAUX[poste.niveau],
        "employeur": organisation(employeur),
        "thematique": poste.thematique,
        "perimetre": poste.perimetre,
        "etp": poste.etp,
        "repartition": [{"activite": p.activite, "etp": p.etp} for p in poste.repartition],
        "cout_annuel": poste.cout_annuel,
        "date": poste.date,
        "financement": _financement(t, poste),
        "referentiel": contexte_referentiel(ref),
    }


def contexte_referentiel(ref: dict[str, Any]) -> ContexteReferentiel:
    """A job referential as templates read it. Reference texts ship with ctgdocs: their
    Markdown is trusted, placed as is."""

    def blocs(items: list[str] | None) -> list[Markup]:
        return [Markup(str(b).strip()) for b in items or []]

    return {
        "intitule": ref["intitule"],
        "source": ref.get("source"),
        "introduction": blocs(ref.get("introduction")),
        "parties": [
            {"titre": p["titre"], "texte": blocs(p.get("texte"))} for p in ref.get("parties", [])
        ],
        "rubriques": [
            {"titre": r["titre"], "texte": blocs(r.get("texte"))} for r in ref.get("rubriques", [])
        ],
        "cout_indicatif_etp": ref.get("cout_indicatif_etp"),
        "missions": ref.get("missions", []),  # CNFPT table: {mission, competences}
    }


def _financement(t: FichierTerritoire, poste: Poste) -> ContexteFinancement | None:
    """The Caf co-funding of the post, when its cost is known (validation guarantees a rule)."""
    caf = t.organisations[t.territoire.caf]
    regle = regle_en_vigueur(caf, poste.date)
    if regle is None or poste.cout_annuel is None:
        return None
    calcul = cofinancement(regle, poste.cout_annuel, poste.etp)
    part, plafond, maximum = calcul.part, calcul.plafond, calcul.maximum
    montant = poste.cofinancement_caf if poste.cofinancement_caf is not None else maximum
    return {
        "taux": regle.taux,
        "plafond_par_etp": regle.plafond_annuel_par_etp,
        "depuis": regle.depuis,
        "source": regle.source,
        "part": part,
        "plafond_total": plafond,
        "plafonne": plafond < part,
        "maximum": maximum,
        "montant": montant,
        "convenu": poste.cofinancement_caf is not None,
        "reste": poste.cout_annuel - montant,
        "taux_effectif": (montant / poste.cout_annuel) if poste.cout_annuel else Decimal(0),
    }


KIND = DocumentKind(name="referentiel-poste", title="Référentiel de poste", plan=plan)

__all__ = [
    "KIND",
    "REFERENTIEL_PAR_NIVEAU",
    "contexte_poste",
    "contexte_referentiel",
    "referentiel_du_poste",
]
