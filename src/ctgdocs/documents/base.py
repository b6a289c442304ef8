"""A document kind: what it is called and how it plans its documents from a territory's data."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ctgdocs.load import access
from ctgdocs.load.clauses import dossier_modeles
from ctgdocs.load.territoire import Brouillon, DonneesTerritoire
from ctgdocs.model.fichiers import MODIFIABLES
from ctgdocs.render.document import RenderedDocument, Source


@dataclass(frozen=True)
class PlannedDocument:
    """One document to produce: its file stem under output/<territoire>/, how to render it, the
    data files its text depends on (the manifest compares their hashes to decide whether to
    render it again), and, for a signed act, its date of signature (its text is then frozen)."""

    kind: str
    territoire: str
    stem: str
    render: Callable[[], RenderedDocument]
    entrees: tuple[Path, ...] = ()
    signe_le: dt.date | None = None
    dossier: Path | None = None  # the territory's folder: entrees are named relative to it
    actes: bool = False  # sent to the préfecture: its @CTES metadata is written beside its PDF


@dataclass(frozen=True)
class DocumentKind:
    name: str
    title: str
    plan: Callable[[DonneesTerritoire], list[PlannedDocument]]


# The single data files of a territory, by the name a kind declares them with.
FICHIERS = tuple(f.nom for f in MODIFIABLES)


def planifier(
    kind: str,
    d: DonneesTerritoire,
    stem: str,
    render: Callable[..., RenderedDocument],
    *args: Any,
    fichiers: tuple[str, ...] = ("territoire",),
    seances: tuple[str, ...] | None = (),
    avenants: tuple[Any, ...] = (),
    signe_le: dt.date | None = None,
    actes: bool = False,
    bibliotheques: bool = False,
) -> PlannedDocument:
    """A planned document whose render sees only the files it declares: `fichiers` (names from
    FICHIERS), the séance files named in `seances` (None: all of them) and `avenants`; with
    `bibliotheques`, the clause files of the territory's clauses/ and of the models it names.
    Reading an undeclared file is then impossible, so the declared inputs are its true inputs."""
    vue = restreindre(d, fichiers, seances, avenants)
    entrees = [getattr(vue, nom).path for nom in FICHIERS if getattr(vue, nom) is not None]
    entrees += [s.path for s in vue.seances] + [a.path for a in vue.avenants]
    if bibliotheques:
        for bib in (d.clauses, *d.modeles.values()):
            entrees += bib.fichiers() if bib is not None else []
    else:
        vue = dataclasses.replace(vue, clauses=None, modeles={})

    def rendre() -> RenderedDocument:
        rendered = render(vue, *args)
        return dataclasses.replace(rendered, sources=sources(d.dossier, entrees, d.brouillon))

    return PlannedDocument(
        kind=kind,
        territoire=d.slug,
        stem=stem,
        render=rendre,
        entrees=tuple(Path(p) for p in entrees),
        signe_le=signe_le,
        dossier=d.dossier,
        actes=actes,
    )


def sources(
    dossier: Path, entrees: list[str], brouillon: Brouillon | None = None
) -> tuple[Source, ...]:
    """The declared inputs as they are on disk, named under the territory's folder (a model's
    files under modeles/ beside it): each is read again only if it is still a regular file
    inside that folder (`ctgdocs.load.access`). A draft séance (`ctgdocs serve`) is its text."""
    found = []
    modeles = dossier_modeles(dossier)
    for path in entrees:
        p = Path(path)
        if brouillon is not None and p == brouillon.chemin:
            nom = p.absolute().relative_to(dossier.absolute()).as_posix()
            found.append(Source(nom, brouillon.texte.encode("utf-8")))
            continue
        for racine, base in ((dossier, dossier), (modeles, modeles.parent)):
            try:
                nom = p.absolute().relative_to(racine.absolute()).as_posix()
            except ValueError:
                continue
            if base is not racine:
                nom = p.absolute().relative_to(base.absolute()).as_posix()
            found.append(Source(nom, access.read_bytes(p, [racine])))
            break
        else:
            found.append(Source(p.name, access.read_bytes(p, [dossier])))
    return tuple(found)


def restreindre(
    d: DonneesTerritoire,
    fichiers: tuple[str, ...],
    seances: tuple[str, ...] | None = (),
    avenants: tuple[Any, ...] = (),
) -> DonneesTerritoire:
    """The territory's data with only the files named (territoire.yaml is always there)."""
    keep: dict[str, Any] = {
        nom: getattr(d, nom) if nom in fichiers else None for nom in FICHIERS[1:]
    }
    selected = tuple(s for s in d.seances if seances is None or s.path in seances)
    return dataclasses.replace(d, seances=selected, avenants=tuple(avenants), **keep)


SLUG_MAX = 30  # an id (60) + « -deliberation- » + this + « .modifie-NN.docx »: 120 at most


def slug(text: str) -> str:
    """A safe file-name part: « 2022/07/29/07 » → « 2022-07-29-07 ». Only a-z, 0-9 and inner
    hyphens, at most SLUG_MAX characters (two numbers cut to one name are refused as
    duplicates by app._targets, never written one over the other)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    dashed = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return dashed[:SLUG_MAX].rstrip("-") or "sans-nom"


__all__ = ["FICHIERS", "DocumentKind", "PlannedDocument", "planifier", "restreindre"]
