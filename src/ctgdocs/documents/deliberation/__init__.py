"""The deliberation extract: one document per deliberation of every session of the territory.

Python decides (counts and quorum per deliberation, outcome, names, which mentions apply, the
house style's formulas with their values), in the modules of this package; the body template of
the collectivité's layout (styles.MISES_EN_PAGE) only lays the values out.
"""

from __future__ import annotations

from typing import Any

from ctgdocs.avenants.contrats import CONTRATS, avenant_n, jusqu_a
from ctgdocs.documents.base import DocumentKind, PlannedDocument, planifier, slug
from ctgdocs.documents.deliberation.contextes import ContexteSeanceEntiere
from ctgdocs.documents.deliberation.extrait import context
from ctgdocs.documents.deliberation.seance import contexte_seance
from ctgdocs.documents.deliberation.styles import MISES_EN_PAGE
from ctgdocs.documents.deliberation.vote import formule_vote
from ctgdocs.fr.dates import date_fr
from ctgdocs.load.territoire import DonneesTerritoire
from ctgdocs.model import Deliberation, FichierSeance, Seance
from ctgdocs.render.body import render_body
from ctgdocs.render.document import DocumentMeta, RenderedDocument


def plan(d: DonneesTerritoire) -> list[PlannedDocument]:
    docs = []
    for fichier in d.seances:
        for delib in fichier.model.deliberations:
            entrees = _entrees(d, fichier.path, delib)
            docs.append(
                planifier(
                    KIND.name,
                    d,
                    stem(fichier.model.seance, delib),
                    render,
                    fichier.model,
                    delib,
                    actes=delib.actes is not None,
                    **entrees,
                )
            )
    return docs


def stem(seance: Seance, delib: Deliberation) -> str:
    """The file name of a deliberation's extract, without its suffix."""
    return f"{seance.collectivite}-deliberation-{slug(delib.numero)}"


def _entrees(d: DonneesTerritoire, seance: str, delib: Deliberation) -> dict[str, Any]:
    """A deliberation reads its séance; approving an avenant, also the act and its avenants."""
    if delib.avenant is None:
        return {"seances": (seance,)}
    ref = delib.avenant
    entrees = dict(CONTRATS[ref.modifie].entrees)
    if entrees.get("seances", ()) is not None:
        entrees["seances"] = (seance,)
    found = avenant_n(d, ref.modifie, ref.numero)
    return {**entrees, "avenants": tuple(jusqu_a(d, found.model.avenant)) if found else ()}


def render(d: DonneesTerritoire, fichier: FichierSeance, delib: Deliberation) -> RenderedDocument:
    ctx = context(d, fichier, delib)
    tree = render_body(MISES_EN_PAGE[ctx["style"]["mise_en_page"]].gabarit, ctx)
    org = ctx["collectivite"]
    meta = DocumentMeta(
        title=f"Délibération n° {delib.numero}",
        subject=delib.objet,
        author=org["designation"],
        date=ctx["seance"]["date"],
        header=f"{org['designation']} — séance du {date_fr(ctx['seance']['date'])}",
        footer=f"Délibération n° {delib.numero}",
    )
    return RenderedDocument(meta, tree, actes=ctx["deliberation"]["actes"])


KIND = DocumentKind(name="deliberation", title="Extrait du registre des délibérations", plan=plan)

__all__ = [
    "KIND",
    "MISES_EN_PAGE",
    "ContexteSeanceEntiere",
    "context",
    "contexte_seance",
    "formule_vote",
    "stem",
]
