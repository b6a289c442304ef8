"""The avenant: one per file of avenants/, to the convention or to the acte d'engagement.

Its articles are found, not written: the act is rendered before the avenant (after the previous
ones) and after it, both trees are cut into parts and compared (avenants/comparaison.py, avenants/sections.py:
parties, préambule, each article, each annex), and every part whose text changed becomes an article of the avenant that
quotes its new wording in full. Then the date of effect, « les autres dispositions demeurent
inchangées », and the signatures of the parties as they stand after the avenant.
"""

from __future__ import annotations

import datetime as dt
from typing import TypedDict

from markupsafe import Markup

from ctgdocs.avenants.comparaison import Changement, Operation, changements
from ctgdocs.avenants.contrats import CONTRATS, avenants, contrat, jusqu_a
from ctgdocs.avenants.sections import Section
from ctgdocs.documents.articles import numero_article
from ctgdocs.documents.base import DocumentKind, PlannedDocument, planifier
from ctgdocs.documents.contrat import ContexteContrat, ContexteFormes, acte, contexte_contrat
from ctgdocs.documents.territoire import (
    ContexteOrganisation,
    ContexteTerritoire,
    contexte_territoire,
    organisation,
)
from ctgdocs.errors import DataError
from ctgdocs.fr.dates import date_fr
from ctgdocs.fr.prepositions import de, elide, joindre
from ctgdocs.load.territoire import DonneesTerritoire
from ctgdocs.model.avenant import Avenant
from ctgdocs.render.body import render_body
from ctgdocs.render.document import DocumentMeta, RenderedDocument
from ctgdocs.render.markdown import data_text
from ctgdocs.render.tree import Block, Div, Heading, Paragraph, Run, Tree, inline_text
from ctgdocs.rules.teletransmission import pour_contrat, transmis

CITATION = "citation"
_GENRES = {  # how a part is named, and whether that name is feminine
    "parties": ("la désignation des parties", True),
    "preambule": ("le préambule", False),
    "article": ("l'article {numero} « {titre} »", False),
    "annexe": ("l'annexe {numero} « {titre} »", True),
}
_TITRES = {"remplace": "Modification", "ajoute": "Ajout", "supprime": "Suppression"}


class ContexteAvenantSeul(TypedDict):
    numero: int
    objet: str  # « de prolonger la convention »
    afin: str  # « afin de prolonger la convention »
    expose: list[Markup]
    effet: dt.date


class ContextePrecedent(TypedDict):
    numero: int
    signe_le: dt.date | None


class ContexteOriginal(ContexteFormes):
    """The act the avenant modifies: how it is named, its signature, the avenants before."""

    designation: str  # « la convention territoriale globale de services aux familles »
    signe_le: dt.date | None
    precedents: list[ContextePrecedent]


class ContexteModification(TypedDict):
    numero: str  # the avenant's article: « 1er », « 2 »
    operation: Operation
    designation: str  # « l'article 8 « Durée de la convention » »
    feminin: bool  # the agreement of the designation (`accord`)
    titre: str  # « Modification de l'article 8 »


class ContexteNumero(TypedDict):
    numero: str


class ContexteSignatureAvenant(TypedDict):
    lieu: str
    date: dt.date | None  # None: a draft


class ContexteAvenant(ContexteContrat):
    territoire: ContexteTerritoire
    caf: ContexteOrganisation
    avenant: ContexteAvenantSeul
    original: ContexteOriginal
    modifications: list[ContexteModification]
    effet: ContexteNumero  # the article of the date of effect
    autres: ContexteNumero  # « les autres dispositions demeurent inchangées »
    signature: ContexteSignatureAvenant


class ContexteGroupe(TypedDict):
    operation: Operation
    parties: list[str]  # the parts changed, as a text names them


class ContexteApprobation(ContexteAvenantSeul):
    """What a deliberation approving an avenant says of it (documents/deliberation.py)."""

    signe_le: dt.date | None
    original: ContexteOriginal
    portee: list[ContexteGroupe]  # the parts it changes, by operation


def plan(d: DonneesTerritoire) -> list[PlannedDocument]:
    docs = []
    for fichier in d.avenants:
        av = fichier.model.avenant
        docs.append(
            planifier(
                KIND.name,
                d,
                f"{av.modifie}-avenant-{av.numero}",
                render,
                av.modifie,
                avenants=tuple(jusqu_a(d, av)),
                signe_le=av.signature.date,
                actes=transmis(av.actes, av.signature.date),
                **CONTRATS[av.modifie].entrees,
            )
        )
    return docs


def render(d: DonneesTerritoire, modifie: str) -> RenderedDocument:
    liste = avenants(d, modifie)
    fichier = liste[-1]
    av = fichier.model.avenant
    found, apres = changements(d, modifie)
    if not found:
        quoi = CONTRATS[modifie].formes.ref
        raise DataError(
            [
                fichier.problem(
                    ("avenant", "modifications"),
                    f"l'avenant ne change le texte d'aucun article {de(quoi)} : il n'y a rien "
                    "à signer",
                )
            ]
        )
    ctx = context(apres, av, found)
    tree = _citer(render_body("avenant/avenant.md.j2", ctx), found)
    territoire = ctx["territoire"]
    titre = f"Avenant n° {av.numero} {joindre('à', ctx['original']['designation'])}"
    meta = DocumentMeta(
        title=titre,
        subject=f"{titre} : {av.objet}",
        author=territoire["caf"]["nom_court"],
        date=av.signature.date or av.effet,
        header=f"Avenant n° {av.numero} — {(territoire['epci'] or territoire)['nom']}",
        footer=f"Avenant n° {av.numero} signé le {date_fr(av.signature.date)}"
        if av.signature.date
        else f"Projet d'avenant n° {av.numero}",
        projet=av.signature.date is None,
    )
    organisations = apres.territoire.model.organisations
    actes = pour_contrat(organisations, av.actes, av.signature.date, meta.subject)
    return RenderedDocument(meta, tree, actes=actes)


def context(d: DonneesTerritoire, av: Avenant, found: list[Changement]) -> ContexteAvenant:
    """`d` is the data after the avenant: its parties sign it as they stand."""
    t = d.territoire.model
    c = contrat(d, av.modifie)
    assert c is not None
    n = len(found)
    return {
        "territoire": contexte_territoire(t),
        **contexte_contrat(t, "avenant", c.parties, None),
        "caf": organisation(t.organisations[t.territoire.caf]),
        "avenant": _avenant(av),
        "original": _original(d, av),
        "modifications": [_modification(i, ch) for i, ch in enumerate(found, 1)],
        "effet": {"numero": numero_article(n + 1)},
        "autres": {"numero": numero_article(n + 2)},
        "signature": {"lieu": av.signature.lieu, "date": av.signature.date},
    }


def pour_deliberation(d: DonneesTerritoire, modifie: str) -> ContexteApprobation:
    """What the clauses of a deliberation approving the last avenant of the view say of it:
    the avenant, the act it modifies, and the parts it changes, grouped by operation."""
    av = avenants(d, modifie)[-1].model.avenant
    found, apres = changements(d, modifie)
    operations: tuple[Operation, ...] = ("remplace", "ajoute", "supprime")
    portee: list[ContexteGroupe] = [
        {"operation": op, "parties": [nommer(ch.section)[0] for ch in found if ch.operation == op]}
        for op in operations
    ]
    return {
        **_avenant(av),
        "signe_le": av.signature.date,
        "original": _original(apres, av),
        "portee": [g for g in portee if g["parties"]],
    }


def _avenant(av: Avenant) -> ContexteAvenantSeul:
    return {
        "numero": av.numero,
        "objet": av.objet,
        "afin": "afin " + elide(av.objet),  # « afin de prolonger », « afin d'intégrer »
        "expose": [Markup(data_text(b.texte)) for b in av.expose if b.texte],
        "effet": av.effet,
    }


def _original(d: DonneesTerritoire, av: Avenant) -> ContexteOriginal:
    """The act the avenant modifies: its name, its signature, the avenants before this one."""
    c = contrat(d, av.modifie)
    assert c is not None
    precedents = [a.model.avenant for a in avenants(d, av.modifie)][:-1]
    return {
        **acte(av.modifie),
        "designation": CONTRATS[av.modifie].designation(d),
        "signe_le": c.signe_le,
        "precedents": [{"numero": p.numero, "signe_le": p.signature.date} for p in precedents],
    }


def nommer(section: Section) -> tuple[str, bool]:
    """« l'article 8 « Durée de la convention » », and whether the name is feminine."""
    modele, feminin = _GENRES[section.genre]
    numero: int | str | None = section.numero
    if section.genre == "article" and section.numero is not None:
        numero = numero_article(section.numero)
    return modele.format(numero=numero, titre=section.titre), feminin


def _modification(n: int, ch: Changement) -> ContexteModification:
    nom, feminin = nommer(ch.section)
    court = nom.split(" « ")[0]  # « l'article 8 », « le préambule »
    return {
        "numero": numero_article(n),
        "operation": ch.operation,
        "designation": nom,
        "feminin": feminin,
        "titre": f"{_TITRES[ch.operation]} {de(court)}",
    }


def _citer(tree: Tree, found: list[Changement]) -> Tree:
    """Each [[citation:N]] paragraph becomes the new wording of change N, set apart."""
    marqueurs = {f"[[citation:{i}]]": ch for i, ch in enumerate(found)}
    blocks: list[Block] = []
    for block in tree.blocks:
        texte = inline_text(block.inlines).strip() if isinstance(block, Paragraph) else None
        if texte in marqueurs:
            blocks.append(Div((CITATION,), _a_citer(marqueurs[texte].section.blocks)))
        else:
            blocks.append(block)
    return Tree(tuple(blocks), tree.classes)


def _a_citer(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Quoted text keeps its words, not its layout: no page breaks, headings as bold lines."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append(Paragraph((Run(inline_text(block.inlines), bold=True),)))
        elif isinstance(block, Div) and not (set(block.classes) & {"partie", "signatures"}):
            out.extend(_a_citer(block.children))
        else:
            out.append(block)
    return tuple(out)


KIND = DocumentKind(
    name="avenant", title="Avenant à la convention ou à l'acte d'engagement", plan=plan
)

__all__ = ["KIND", "Changement", "changements", "context", "pour_deliberation"]
