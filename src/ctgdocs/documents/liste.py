"""The liste des délibérations of a séance (article L. 2121-25 CGCT since 1 July 2022): posted
and put online within a week, it gives the date of the séance and the objet of every
deliberation examined, adopted or not. One document per séance file: it lists the
deliberations that file holds, so the file must hold them all before the list is published.
"""

from __future__ import annotations

import datetime as dt
from typing import TypedDict

from ctgdocs.documents.base import DocumentKind, PlannedDocument, planifier
from ctgdocs.documents.deliberation import ContexteSeanceEntiere, contexte_seance
from ctgdocs.fr.accord import accord
from ctgdocs.fr.dates import date_fr
from ctgdocs.load.territoire import DonneesTerritoire
from ctgdocs.model import Deliberation, FichierSeance
from ctgdocs.render.body import render_body
from ctgdocs.render.document import DocumentMeta, RenderedDocument
from ctgdocs.rules.vote import compte, resultat


class ContexteLigne(TypedDict):
    ordre: int  # the order of the agenda (else the file's order)
    numero: str
    objet: str
    voix: str  # « unanimité », « 20 pour, 2 contre, 1 abstention »
    adoptee: bool
    resultat: str  # « adoptée », « rejetée »


class ContexteListe(TypedDict):
    deliberations: list[ContexteLigne]
    adoptees: int
    rejetees: int
    publiee_le: dt.date | None


class ContexteListeSeance(ContexteSeanceEntiere):
    liste: ContexteListe


def plan(d: DonneesTerritoire) -> list[PlannedDocument]:
    return [
        planifier(
            KIND.name,
            d,
            f"{f.model.seance.collectivite}-liste-deliberations-{f.model.seance.date.isoformat()}",
            render,
            f.model,
            seances=(f.path,),
        )
        for f in d.seances
        if f.model.seance.liste is not None
    ]


def render(d: DonneesTerritoire, fichier: FichierSeance) -> RenderedDocument:
    seance = fichier.seance
    entiere = contexte_seance(d, seance)
    lignes = [_ligne(n, delib, fichier) for n, delib in enumerate(fichier.deliberations)]
    lignes.sort(key=lambda ligne: ligne["ordre"])
    adoptees = sum(1 for ligne in lignes if ligne["adoptee"])
    ctx: ContexteListeSeance = {
        "collectivite": entiere["collectivite"],
        "executif": entiere["executif"],
        "seance": entiere["seance"],
        "liste": {
            "deliberations": lignes,
            "adoptees": adoptees,
            "rejetees": len(lignes) - adoptees,
            "publiee_le": seance.liste.publiee_le if seance.liste else None,
        },
    }
    tree = render_body("liste/liste.md.j2", ctx)
    org = ctx["collectivite"]
    quand = date_fr(seance.date)
    meta = DocumentMeta(
        title=f"Liste des délibérations — séance du {quand}",
        subject=f"Délibérations examinées par le {org['organe'].lower()} le {quand}",
        author=org["designation"],
        date=seance.date,
        header=f"{org['designation']} — séance du {quand}",
        footer="Liste des délibérations",
    )
    return RenderedDocument(meta, tree)


def _ligne(n: int, delib: Deliberation, fichier: FichierSeance) -> ContexteLigne:
    vote = compte(fichier, delib)
    res = resultat(vote)
    if res.unanimite:
        voix = "unanimité"
    else:
        abstentions = f"{vote.abstentions} {accord('abstention', vote.abstentions)}"
        voix = f"{vote.pour} pour, {vote.contre} contre, {abstentions}"
    return {
        "ordre": delib.ordre if delib.ordre is not None else n + 1,
        "numero": delib.numero,
        "objet": delib.objet,
        "voix": voix,
        "adoptee": res.adoptee,
        "resultat": "adoptée" if res.adoptee else "rejetée",
    }


KIND = DocumentKind(
    name="liste-deliberations",
    title="Liste des délibérations d'une séance (affichage et mise en ligne)",
    plan=plan,
)
