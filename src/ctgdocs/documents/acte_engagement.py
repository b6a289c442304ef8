"""The acte d'engagement of a commune in the CTG process (seed 004): parties, visas, préambule,
14 articles (the standard ones are the convention's shared clauses), signatures and four
annexes (équipements, fiche action, référentiel métier, council decision).

Python decides here: article numbers, annex numbers, the act's duration, the equipment table's
rows, which articles are data texts and which are shared clauses.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, TypedDict

from markupsafe import Markup

from ctgdocs.avenants.contrats import CONTRATS
from ctgdocs.documents import consolidee, deliberation, vocabulaire
from ctgdocs.documents.articles import ContexteArticle, contextes
from ctgdocs.documents.base import DocumentKind, PlannedDocument, planifier
from ctgdocs.documents.consolidee import ContexteConsolidation
from ctgdocs.documents.contrat import ContexteContrat, contexte_contrat
from ctgdocs.documents.referentiel import ContexteReferentiel, contexte_referentiel
from ctgdocs.documents.territoire import (
    ContexteOrganisation,
    ContexteTerritoire,
    contexte_territoire,
    organisation,
)
from ctgdocs.fr import noms
from ctgdocs.fr.dates import date_fr
from ctgdocs.fr.nombres import nombre_lettres
from ctgdocs.fr.prepositions import de
from ctgdocs.load.territoire import DonneesTerritoire
from ctgdocs.model import Bloc, Deliberation, FichierSeance
from ctgdocs.model.engagement import ActeEngagement, DecisionConseil, FicheAction
from ctgdocs.references import branche_famille, referentiel
from ctgdocs.render.body import render_bloc, render_body
from ctgdocs.render.document import DocumentMeta, RenderedDocument
from ctgdocs.render.markdown import LINE_SEPARATOR, data_text
from ctgdocs.render.tree import Tree
from ctgdocs.rules import clauses
from ctgdocs.rules.teletransmission import pour_contrat, transmis

CONTRAT = CONTRATS["acte-engagement"]
ENTREES = CONTRAT.entrees


class ContexteCommune(ContexteOrganisation):
    fin_cej: dt.date | None
    de_nom_designation: str  # « de la commune du Pradet »


class ContexteActeEngagement(TypedDict):
    titre: str
    sommaire: bool
    commune: ContexteCommune
    caf: ContexteOrganisation
    visas: list[str]
    decision: DecisionConseil
    annexe_decision: int | None  # its annex's number
    seance: tuple[FichierSeance, Deliberation] | None  # the deliberation rendered in annex
    annexe_equipements: int | None
    preambule: list[Markup]
    debut: dt.date
    fin: dt.date
    duree: str  # « d'un an », « de six mois »
    ctg_au_plus_tard: dt.date
    lieu: str
    date_signature: dt.date | None


class ContexteLigneEquipement(TypedDict):
    type: str  # empty after a type's first row
    structure: str


class ContexteAnnexeEquipements(TypedDict):
    type: Literal["equipements"]
    numero: int
    titre: str
    lignes: list[ContexteLigneEquipement]


class ContexteLigneFiche(TypedDict):
    libelle: str
    texte: Markup


class ContexteAnnexeFiche(TypedDict):
    type: Literal["fiche_action"]
    numero: int
    titre: str
    lignes: list[ContexteLigneFiche]


class ContexteMission(TypedDict):
    mission: str
    competences: Markup


class ContexteAnnexeReferentiel(TypedDict):
    type: Literal["referentiel"]
    numero: int
    titre: str
    referentiel: ContexteReferentiel  # its missions as table cells (ContexteMission)


class ContexteAnnexeDecision(TypedDict):
    type: Literal["decision"]
    numero: int
    titre: str


Annexe = (
    ContexteAnnexeEquipements
    | ContexteAnnexeFiche
    | ContexteAnnexeReferentiel
    | ContexteAnnexeDecision
)


class ContexteEngagement(ContexteContrat):
    territoire: ContexteTerritoire
    references: dict[str, list[str]]  # the branche Famille's texts (references/)
    articles: list[ContexteArticle]
    caf: ContexteOrganisation
    annexes: list[Annexe]
    acte_engagement: ContexteActeEngagement
    consolidation: ContexteConsolidation | None


FICHE_ACTION = (  # row label, field
    ("Objectifs", "objectifs"),
    ("Éléments de contexte", "contexte"),
    ("Action", "action"),
    ("Pilote", "pilote"),
    ("Méthode (les grandes étapes)", "methode"),
    ("Résultats attendus", "resultats_attendus"),
    ("Public ciblé", "public"),
    ("Moyens humains / partenaires nécessaires", "moyens"),
    ("Début et fin de l'action", "periode"),
    ("Informations complémentaires", "informations"),
    ("Évaluation", "evaluation"),
)


def plan(d: DonneesTerritoire) -> list[PlannedDocument]:
    if d.acte is None:
        return []
    acte = d.acte.model.acte_engagement
    signe_le = acte.date_signature
    actes = transmis(acte.actes, signe_le)
    return [
        planifier(
            KIND.name, d, "acte-engagement", render, signe_le=signe_le, actes=actes, **ENTREES
        ),
        *consolidee.plans(d, KIND.name, "acte-engagement", render_consolidee, ENTREES),
    ]


def render_consolidee(d: DonneesTerritoire) -> RenderedDocument:
    """The acte as amended by the avenants of the view, with its consolidation notice."""
    return render(*consolidee.texte_consolide(d, KIND.name))


def render(
    d: DonneesTerritoire, consolidee: ContexteConsolidation | None = None
) -> RenderedDocument:
    ctx = context(d, consolidee)
    tree = render_body("acte/acte_engagement.md.j2", ctx)
    seance = ctx["acte_engagement"]["seance"]
    if seance is not None:  # annex 4, the last: the council's deliberation, from its data
        fichier, delib = seance
        annexe = deliberation.render(d, fichier, delib).tree
        tree = Tree(tree.blocks + annexe.blocks, tree.classes)
    a = ctx["acte_engagement"]
    meta = DocumentMeta(
        title=a["titre"],
        subject=f"{a['titre']} — {a['commune']['designation']}",
        author=ctx["caf"]["nom_court"],
        date=a["debut"],
        header=f"{a['commune']['designation']} — acte d'engagement CTG {a['debut'].year}",
        footer=f"Acte d'engagement du {date_fr(a['debut'])} au {date_fr(a['fin'])}"
        if consolidee is None
        else f"Version consolidée au {date_fr(consolidee['effet'])}",
        projet=consolidee is None and a["date_signature"] is None,
    )
    if consolidee is not None:  # a consolidated version is a reading aid, never transmitted
        return RenderedDocument(meta, tree)
    assert d.acte is not None  # as context() found it
    model = d.acte.model.acte_engagement
    organisations = d.territoire.model.organisations
    actes = pour_contrat(organisations, model.actes, model.date_signature, meta.subject)
    return RenderedDocument(meta, tree, actes=actes)


def context(
    d: DonneesTerritoire, consolidee: ContexteConsolidation | None = None
) -> ContexteEngagement:
    assert d.acte is not None
    t = d.territoire.model
    data = d.acte.model.acte_engagement
    caf = t.organisations[t.territoire.caf]
    commune_id = next(
        m for p in data.parties for m in p.membres if t.organisations[m].type == "commune"
    )
    commune = t.organisations[commune_id]
    annexes = _annexes(data)
    numero = {annexe["type"]: annexe["numero"] for annexe in annexes}
    blocs = {
        "champs_intervention_commune": _textes(data.champs_intervention_commune),
        "postes_coordination": _textes(data.postes_coordination),
        "calendrier": _textes(data.calendrier),
    }
    m = clauses.modele_acte(d, data.modele)
    style = clauses.style(d, KIND.name, data.modele, data.style_parties)
    contrat = contexte_contrat(t, "acte-engagement", data.parties, None, style, data.titre)
    resolus = clauses.resoudre(
        d, KIND.name, data.articles, d.acte, ("acte_engagement",), data.modele, avenants=True
    )
    vals = vocabulaire.valeurs(
        KIND.name,
        t,
        contrat,
        data.debut,
        data.fin,
        data.lieu,
        data.date_signature,
        commune=noms.nom_avec_article(commune),
        de_commune=de(noms.nom_avec_article(commune)),
    )
    return {
        "territoire": contexte_territoire(t),
        "references": branche_famille(),
        **contrat,
        "articles": contextes(resolus, vals, blocs),
        "caf": organisation(caf),
        "annexes": annexes,
        "acte_engagement": {
            "titre": data.titre,
            "sommaire": (
                data.sommaire if data.sommaire is not None else (m.sommaire if m else None)
            )
            is not False,
            "commune": {
                **organisation(commune),
                "fin_cej": commune.fin_cej,
                "de_nom_designation": de(noms.nom_avec_article(commune)),
            },
            "caf": organisation(caf),
            "visas": data.visas,
            "decision": data.decision_conseil,
            "annexe_decision": numero.get("decision"),
            "seance": deliberation_du_conseil(d, commune_id, data),
            "annexe_equipements": numero.get("equipements"),
            "preambule": _textes(data.preambule, {"references": branche_famille()}),
            "debut": data.debut,
            "fin": data.fin,
            "duree": _duree(data),
            "ctg_au_plus_tard": data.ctg_au_plus_tard,
            "lieu": data.lieu,
            "date_signature": data.date_signature,
        },
        "consolidation": consolidee,
    }


def deliberation_du_conseil(
    d: DonneesTerritoire, commune: str, data: ActeEngagement
) -> tuple[FichierSeance, Deliberation] | None:
    """The commune's deliberation that authorised the act, when the territory's séances have it
    (same number, same date); else None and annex 4 gives its reference."""
    decision = data.decision_conseil
    for fichier in d.seances:
        seance = fichier.model.seance
        if seance.collectivite != commune or seance.date != decision.date:
            continue
        for delib in fichier.model.deliberations:
            if decision.numero is not None and delib.numero == decision.numero:
                return fichier.model, delib
    return None


def _textes(blocs: list[Bloc], ctx: dict[str, Any] | None = None) -> list[Markup]:
    return [render_bloc(b.texte, b.clause, ctx or {}) for b in blocs]


def _duree(data: ActeEngagement) -> str:
    """« d'un an », « de six mois »: whole months between the dates (the act runs to its end day)."""
    mois = (data.fin.year - data.debut.year) * 12 + data.fin.month - data.debut.month + 1
    if mois % 12 == 0:
        ans = mois // 12
        return "d'un an" if ans == 1 else f"de {nombre_lettres(ans)} ans"
    return f"de {nombre_lettres(mois)} mois"


def _cellule(blocs: list[Bloc] | str | None) -> Markup:
    """Data blocks as one table cell: lines joined by line separators, list dashes kept."""
    if blocs is None:
        return Markup("")
    texts = [blocs] if isinstance(blocs, str) else [b.texte or "" for b in blocs]
    lines = [line.strip() for text in texts for line in text.strip().splitlines() if line.strip()]
    lines = ["– " + line[2:] if line.startswith("- ") else line for line in lines]
    return Markup(data_text(LINE_SEPARATOR.join(lines)).replace("|", "\\|"))


def _annexes(data: ActeEngagement) -> list[Annexe]:
    """The annexes, numbered in order; the council's decision is always the last."""
    found: list[Annexe] = []
    if data.annexes.equipements:
        lignes: list[ContexteLigneEquipement] = []
        for type_, structures in data.annexes.equipements.items():
            if not structures:
                lignes.append({"type": type_, "structure": ""})
            for i, s in enumerate(structures):
                lignes.append(
                    {"type": type_ if i == 0 else "", "structure": f"{s.nom}, {s.adresse}"}
                )
        found.append(
            {
                "type": "equipements",
                "numero": len(found) + 1,
                "titre": "Liste des équipements et services soutenus par la collectivité locale",
                "lignes": lignes,
            }
        )
    if data.annexes.fiche_action:
        fiche = data.annexes.fiche_action
        found.append(
            {
                "type": "fiche_action",
                "numero": len(found) + 1,
                "titre": fiche.titre,
                "lignes": _fiche(fiche),
            }
        )
    if data.annexes.referentiel:
        ref = referentiel(data.annexes.referentiel)
        missions: list[ContexteMission] = [
            {
                "mission": m["mission"],
                "competences": _cellule("\n".join("- " + c for c in m["competences"])),
            }
            for m in ref.get("missions", [])
        ]
        found.append(
            {
                "type": "referentiel",
                "numero": len(found) + 1,
                "titre": f"Référentiel métier – {ref['intitule']}",
                "referentiel": {**contexte_referentiel(ref), "missions": missions},
            }
        )
    found.append(
        {
            "type": "decision",
            "numero": len(found) + 1,
            "titre": "Décision du conseil municipal de la commune",
        }
    )
    return found


def _fiche(fiche: FicheAction) -> list[ContexteLigneFiche]:
    valeurs: dict[str, Any] = {
        **{key: getattr(fiche, key) for _, key in FICHE_ACTION if key != "periode"},
        "periode": f"{date_fr(fiche.debut)} – {date_fr(fiche.fin)}",
    }
    return [{"libelle": label, "texte": _cellule(valeurs[key])} for label, key in FICHE_ACTION]


KIND = DocumentKind(
    name="acte-engagement", title="Acte d'engagement dans la démarche CTG", plan=plan
)

__all__ = ["KIND", "context"]
