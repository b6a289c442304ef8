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
from ctgdocs.documents import vocabulaire
from ctgdocs.documents.articles import ContexteArticle, contextes, numero_article, texte
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
from ctgdocs.load.territoire import DonneesTerritoire, Fichier
from ctgdocs.model.avenant import Avenant, FichierAvenant
from ctgdocs.render.body import render_body
from ctgdocs.render.document import DocumentMeta, RenderedDocument
from ctgdocs.render.markdown import data_text
from ctgdocs.render.tree import Block, Div, Heading, Paragraph, Run, Tree, inline_text
from ctgdocs.rules import clauses
from ctgdocs.rules.clauses import MODIFICATIONS, Articles
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
    intitule: str  # « Avenant n° 2 », or its own title
    intitule_propre: bool  # its own title names the act it modifies
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
    index: int  # its [[citation:N]]
    numero: str  # the avenant's article: « 1er », « 2 »
    operation: Operation
    designation: str  # « l'article 8 « Durée de la convention » »
    feminin: bool  # the agreement of the designation (`accord`)
    titre: str  # « Modification de l'article 8 »


class ContexteArticleAvenant(ContexteArticle):
    modification: ContexteModification | None  # a computed article quoting a changed part


class ContexteSignatureAvenant(TypedDict):
    lieu: str
    date: dt.date | None  # None: a draft


class ContexteAvenant(ContexteContrat):
    territoire: ContexteTerritoire
    caf: ContexteOrganisation
    avenant: ContexteAvenantSeul
    original: ContexteOriginal
    articles: list[ContexteArticleAvenant]
    signature: ContexteSignatureAvenant
    cloture: Markup | None  # the closing formula before the signatures; None: the shipped one


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
    if not found and not av.articles:
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
    intitule = ctx["avenant"]["intitule"]
    titre = (
        intitule
        if ctx["avenant"]["intitule_propre"]
        else f"{intitule} {joindre('à', ctx['original']['designation'])}"
    )
    meta = DocumentMeta(
        title=titre,
        subject=f"{titre} : {av.objet}",
        author=territoire["caf"]["nom_court"],
        date=av.signature.date or av.effet,
        header=f"{intitule} — {(territoire['epci'] or territoire)['nom']}",
        footer=f"{intitule} signé le {date_fr(av.signature.date)}"
        if av.signature.date
        else (
            f"Projet d'avenant n° {av.numero}" if av.intitule is None else f"Projet — {intitule}"
        ),
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
    nom_modele = clauses.modele_du_contrat(d, av)
    m = clauses.section_modele(d, KIND.name, nom_modele)
    style = clauses.style(d, KIND.name, nom_modele, av.style_parties)
    parties = contexte_contrat(t, "avenant", c.parties, None, style, "")
    cloture = av.cloture or (m.cloture if m else None)
    return {
        "territoire": contexte_territoire(t),
        **parties,
        "caf": organisation(t.organisations[t.territoire.caf]),
        "avenant": _avenant(av),
        "original": _original(d, av),
        "articles": _articles(d, av, found, parties),
        "signature": {"lieu": av.signature.lieu, "date": av.signature.date},
        "cloture": texte(cloture, valeurs(d, av, parties)) if cloture else None,
    }


def resoudre_articles(d: DonneesTerritoire, fichier: Fichier[FichierAvenant]) -> Articles:
    """The avenant's articles: its own list, else the shipped one."""
    av = fichier.model.avenant
    return clauses.resoudre(
        d, KIND.name, av.articles, fichier, ("avenant",), clauses.modele_du_contrat(d, av)
    )


def valeurs(d: DonneesTerritoire, av: Avenant, parties: ContexteContrat) -> dict[str, str]:
    c = contrat(d, av.modifie)
    assert c is not None
    formes = CONTRATS[av.modifie].formes
    return vocabulaire.valeurs(
        KIND.name,
        d.territoire.model,
        parties,
        c.debut,
        c.fin,
        av.signature.lieu,
        av.signature.date,
        contrat=formes.ref,
        de_contrat=formes.de_ref,
        numero_avenant=str(av.numero),
        effet=date_fr(av.effet),
    )


def _articles(
    d: DonneesTerritoire, av: Avenant, found: list[Changement], parties: ContexteContrat
) -> list[ContexteArticleAvenant]:
    """Its articles in order, the computed modifications in the place of « modifications »,
    numbered after the expansion."""
    fichier = next(a for a in d.avenants if a.model.avenant == av)
    resolus = resoudre_articles(d, fichier)
    generes = contextes(resolus, valeurs(d, av, parties))
    out: list[ContexteArticleAvenant] = []
    for r, article in zip(resolus.articles, generes, strict=True):
        if r.livree == MODIFICATIONS:
            out += [{**_vide(), "modification": _modification(i, ch)} for i, ch in enumerate(found)]
        else:
            out.append({**article, "modification": None})
    for n, article in enumerate(out, start=1):
        article["numero"] = numero_article(n)
        for m, sous in enumerate(article["sous_articles"], start=1):
            sous["numero"] = f"{n}.{m}"
        if article["modification"] is not None:
            article["modification"]["numero"] = numero_article(n)
    return out


def _vide() -> ContexteArticle:
    return {
        "numero": "",
        "titre": "",
        "clause": None,
        "blocs": [],
        "sous_articles": [],
        "ajout": [],
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
        "intitule": av.intitule or f"Avenant n° {av.numero}",
        "intitule_propre": av.intitule is not None,
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


def _modification(index: int, ch: Changement) -> ContexteModification:
    nom, feminin = nommer(ch.section)
    court = nom.split(" « ")[0]  # « l'article 8 », « le préambule »
    return {
        "index": index,
        "numero": "",  # set once the avenant's articles are numbered
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
