"""The CTG convention (seed 002): parties, préambule, articles, signatures, annexes.

Python decides here: the article numbers, every count (communes, axes, thématiques, parties),
the parties' wording, the CEJ groups and the ETP split. The body template
`templates/convention/convention.md.j2` lays them out; the standard articles are shared clauses
(`templates/clauses/`) that the acte d'engagement and the avenant include too.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Literal, TypedDict

from markupsafe import Markup

from ctgdocs.avenants.contrats import CONTRATS
from ctgdocs.documents import consolidee, vocabulaire
from ctgdocs.documents.articles import ContexteArticle, contextes
from ctgdocs.documents.articles import texte as texte_valeurs
from ctgdocs.documents.base import DocumentKind, PlannedDocument, planifier
from ctgdocs.documents.consolidee import ContexteConsolidation
from ctgdocs.documents.contrat import ContexteContrat, contexte_contrat
from ctgdocs.documents.referentiel import ContextePoste, contexte_poste
from ctgdocs.documents.territoire import (
    ContexteOrganisation,
    ContexteTerritoire,
    contexte_territoire,
    organisation,
)
from ctgdocs.fr.dates import date_fr
from ctgdocs.fr.nombres import nombre_lettres
from ctgdocs.load.territoire import DonneesTerritoire
from ctgdocs.model import AxeConvention, Bloc, Convention, FichierTerritoire
from ctgdocs.model.articles import Couverture
from ctgdocs.model.convention import Orientation
from ctgdocs.render.body import render_body
from ctgdocs.render.document import DocumentMeta, RenderedDocument
from ctgdocs.rules import clauses
from ctgdocs.rules import comptes as calcul
from ctgdocs.rules.clauses import Articles
from ctgdocs.rules.teletransmission import pour_contrat, transmis

CONTRAT = CONTRATS["convention"]
ENTREES = CONTRAT.entrees


class ContexteCaf(ContexteOrganisation):
    source: str  # « Source Caf de la Vienne », under its figures


class ContexteDiagnostic(TypedDict):
    echelle: str
    references: list[str]


class ContexteVolet(TypedDict):
    numero: str  # « 1.2 »
    intitule: str
    orientations: list[Orientation]


class ContexteAxe(TypedDict):
    numero: str
    intitule: str
    precisions: str | None
    introduction: str | None
    texte: list[Markup]
    orientations: list[Orientation]
    volets: list[ContexteVolet]


class ContexteSignature(TypedDict):
    lieu: str
    date: dt.date | None  # None: a draft, « Fait à …, le …………… »


class ContexteCouverture(TypedDict):
    titre: str
    sous_titre: str | None
    periode: str | None  # « 2022-2026 »
    slogan: str | None


class ContexteTexteConvention(TypedDict):
    intitule: str
    couverture: ContexteCouverture | None
    visas: list[str]  # without « Vu »
    sommaire: bool
    preambule: list[Markup]
    diagnostics: list[ContexteDiagnostic]
    axes: list[ContexteAxe]
    nombre_axes: int
    nombre_thematiques: int
    apres_axes: list[Markup]
    apres_enjeux: list[Markup]
    debut: dt.date
    fin: dt.date
    vigueur: Literal["signature", "periode"]  # from its signature, or over the CTG's period
    preavis_mois: int
    preavis_lettres: str
    signature: ContexteSignature


class ContexteGroupeCej(TypedDict):
    fin: dt.date
    communes: list[str]


class ContexteAnnexePoste(TypedDict):
    type: Literal["poste"]
    numero: int
    poste: ContextePoste


class ContexteAnnexeCej(TypedDict):
    type: Literal["cej"]
    numero: int
    observation: str | None
    groupes: list[ContexteGroupeCej]


class ContexteConvention(ContexteContrat):
    territoire: ContexteTerritoire
    articles: list[ContexteArticle]
    caf: ContexteCaf
    convention: ContexteTexteConvention
    annexes: list[ContexteAnnexePoste | ContexteAnnexeCej]
    signature: ContexteSignature
    cloture: Markup | None  # the closing formula before the signatures; None: the shipped one
    consolidation: ContexteConsolidation | None  # the notice of a consolidated version


def plan(d: DonneesTerritoire) -> list[PlannedDocument]:
    if d.convention is None:
        return []
    conv = d.convention.model.convention
    signe_le = conv.signature.date
    actes = transmis(conv.actes, signe_le)
    return [
        planifier(KIND.name, d, "convention", render, signe_le=signe_le, actes=actes, **ENTREES),
        *consolidee.plans(d, KIND.name, "convention", render_consolidee, ENTREES),
    ]


def render_consolidee(d: DonneesTerritoire) -> RenderedDocument:
    """The convention as amended by the avenants of the view, with its consolidation notice."""
    return render(*consolidee.texte_consolide(d, KIND.name))


def render(
    d: DonneesTerritoire, consolidee: ContexteConsolidation | None = None
) -> RenderedDocument:
    ctx = context(d, consolidee)
    tree = render_body("convention/convention.md.j2", ctx)
    conv = ctx["convention"]
    epci = ctx["territoire"]["epci"]
    signe_le = conv["signature"]["date"]
    if consolidee is not None:
        footer = f"Version consolidée au {date_fr(consolidee['effet'])}"
    else:
        footer = f"Signée le {date_fr(signe_le)}" if signe_le else "Projet de convention"
    meta = DocumentMeta(
        title=conv["intitule"],
        subject=f"{conv['intitule']} — {ctx['territoire']['nom']}",
        author=ctx["territoire"]["caf"]["nom_court"],
        date=signe_le or conv["debut"],
        header=f"{conv['intitule']} — {epci['nom_court'] if epci else ctx['territoire']['nom']}",
        footer=footer,
        projet=consolidee is None and signe_le is None,
    )
    if consolidee is not None:  # a consolidated version is a reading aid, never transmitted
        return RenderedDocument(meta, tree)
    assert d.convention is not None  # as context() found it
    model = d.convention.model.convention
    organisations = d.territoire.model.organisations
    actes = pour_contrat(organisations, model.actes, model.signature.date, meta.subject)
    return RenderedDocument(meta, tree, actes=actes)


def articles(d: DonneesTerritoire) -> Articles:
    """The convention's articles: its own list, else its model's, else the shipped one."""
    assert d.convention is not None
    conv = d.convention.model.convention
    return clauses.resoudre(
        d, KIND.name, conv.articles, d.convention, ("convention",), conv.modele, avenants=True
    )


def valeurs(d: DonneesTerritoire, contrat: ContexteContrat) -> dict[str, str]:
    """The values its texts may name (ctgdocs.model.vocabulaire)."""
    assert d.convention is not None
    t = d.territoire.model
    conv = d.convention.model.convention
    ctg = t.territoire.ctg
    assert ctg is not None
    return vocabulaire.valeurs(
        KIND.name,
        t,
        contrat,
        ctg.debut,
        ctg.fin,
        conv.signature.lieu,
        conv.signature.date,
        nombre_axes=str(len(conv.axes)),
        nombre_axes_lettres=nombre_lettres(len(conv.axes)),
        nombre_thematiques=str(calcul.nombre_thematiques(conv)),
        nombre_thematiques_lettres=nombre_lettres(calcul.nombre_thematiques(conv), feminin=True),
        preavis_mois=str(conv.resiliation.preavis_mois),
        preavis_lettres=nombre_lettres(conv.resiliation.preavis_mois),
    )


def context(
    d: DonneesTerritoire, consolidee: ContexteConsolidation | None = None
) -> ContexteConvention:
    assert d.convention is not None
    t = d.territoire.model
    conv = d.convention.model.convention
    ctg = t.territoire.ctg
    assert ctg is not None
    m = clauses.modele_convention(d, conv.modele)
    style = clauses.style(d, KIND.name, conv.modele, conv.style_parties)
    contrat = contexte_contrat(
        t, "convention", conv.parties, conv.comite_pilotage, style, conv.intitule
    )
    vals = valeurs(d, contrat)
    cloture = conv.cloture or (m.cloture if m else None)
    sommaire = conv.sommaire if conv.sommaire is not None else (m.sommaire if m else None)
    texte = functools.partial(_textes, valeurs=vals)
    caf = t.organisations[t.territoire.caf]
    return {
        "territoire": contexte_territoire(t),
        **contrat,
        "articles": contextes(articles(d), vals),
        "caf": {**organisation(caf), "source": f"Source {caf.nom_court or caf.nom}"},
        "convention": {
            "intitule": conv.intitule,
            "couverture": _couverture(
                conv, conv.couverture or (m.couverture if m else None), ctg.debut, ctg.fin
            ),
            "visas": conv.visas if conv.visas is not None else ((m.visas if m else None) or []),
            "sommaire": sommaire is not False,
            "preambule": texte(conv.preambule),
            "diagnostics": [
                {"echelle": dg.echelle, "references": dg.references} for dg in conv.diagnostics
            ],
            "axes": [_axe(n, axe, texte) for n, axe in enumerate(conv.axes, start=1)],
            "nombre_axes": len(conv.axes),
            "nombre_thematiques": calcul.nombre_thematiques(conv),
            "apres_axes": texte(conv.apres_axes),
            "apres_enjeux": texte(conv.apres_enjeux),
            "debut": ctg.debut,
            "fin": ctg.fin,
            "vigueur": conv.vigueur,
            "preavis_mois": conv.resiliation.preavis_mois,
            "preavis_lettres": nombre_lettres(conv.resiliation.preavis_mois),
            "signature": {"lieu": conv.signature.lieu, "date": conv.signature.date},
        },
        "annexes": _annexes(d, t, conv),
        "signature": {"lieu": conv.signature.lieu, "date": conv.signature.date},
        "cloture": texte_valeurs(cloture, vals) if cloture else None,
        "consolidation": consolidee,
    }


def _couverture(
    conv: Convention, cv: Couverture | None, debut: dt.date, fin: dt.date
) -> ContexteCouverture | None:
    if cv is None:
        return None
    return {
        "titre": cv.titre or conv.intitule,
        "sous_titre": cv.sous_titre,
        "periode": f"{debut.year}-{fin.year}" if cv.periode else None,
        "slogan": cv.slogan,
    }


def _textes(blocs: list[Bloc], valeurs: dict[str, str]) -> list[Markup]:
    """Data blocks are Markdown (never templates) with their computed values filled in."""
    out = []
    for bloc in blocs:
        assert bloc.texte is not None, "clauses are not allowed in a convention's data texts"
        out.append(texte_valeurs(bloc.texte, valeurs))
    return out


def _axe(n: int, axe: AxeConvention, texte: Callable[[list[Bloc]], list[Markup]]) -> ContexteAxe:
    return {
        "numero": str(n),
        "intitule": axe.intitule,
        "precisions": axe.precisions,
        "introduction": axe.introduction,
        "texte": texte(axe.texte),
        "orientations": axe.orientations,
        "volets": [
            {"numero": f"{n}.{m}", "intitule": v.intitule, "orientations": v.orientations}
            for m, v in enumerate(axe.volets, start=1)
        ],
    }


def _annexes(
    d: DonneesTerritoire, t: FichierTerritoire, conv: Convention
) -> list[ContexteAnnexePoste | ContexteAnnexeCej]:
    """The annexes, numbered in order: the coordination post's référentiel, the CEJ groups."""
    found: list[ContexteAnnexePoste | ContexteAnnexeCej] = []
    if conv.annexes.poste and d.coordination:
        poste = d.coordination.model.postes[conv.annexes.poste]
        found.append(
            {
                "type": "poste",
                "numero": len(found) + 1,
                "poste": contexte_poste(t, conv.annexes.poste, poste),
            }
        )
    groupes = calcul.communes_par_fin_cej(t)
    if conv.annexes.cej and groupes:
        found.append(
            {
                "type": "cej",
                "numero": len(found) + 1,
                "observation": conv.annexes.cej_observation,
                "groupes": [
                    {"fin": fin, "communes": [c.nom for c in communes]} for fin, communes in groupes
                ],
            }
        )
    return found


KIND = DocumentKind(name="convention", title="Convention territoriale globale", plan=plan)

__all__ = ["KIND", "articles", "context"]
