"""The plan of a build: the options a user chose, the documents of the selected kinds, and the
files to write for each — one per format, and the sidecars of a format (the @CTES metadata of
an act sent to the préfecture goes beside its PDF, export/ctes.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ctgdocs.build.decide import Target
from ctgdocs.documents import KINDS, PlannedDocument
from ctgdocs.errors import OutputError, UsageError
from ctgdocs.export.ctes import CtesSidecar
from ctgdocs.load.territoire import DonneesTerritoire
from ctgdocs.writers import WRITERS, get_writer
from ctgdocs.writers.base import Writer

Progress = Callable[[int, int], None]  # (files staged, files to stage)
Notify = Callable[[str], None]  # a message for the user (stderr)

# The files written beside a format's file of an act sent to the préfecture (PlannedDocument.actes).
SIDECARS: dict[str, tuple[type[Writer], ...]] = {"pdf": (CtesSidecar,)}
OUTPUTS = (*WRITERS, *(s.format for found in SIDECARS.values() for s in found))
SUFFIXES = {fmt: "." + fmt for fmt in WRITERS} | {
    s.format: s.suffix for found in SIDECARS.values() for s in found
}


@dataclass(frozen=True)
class BuildOptions:
    output: Path = Path("output")
    kinds: tuple[str, ...] = ()
    formats: tuple[str, ...] = ("docx", "pdf", "html")
    jobs: int = 0  # 0: one per core
    force: bool = False  # set hand-edited files aside, then regenerate them
    dry_run: bool = False  # decide and report only: render and write nothing
    executor: str = "local"  # forked processes; "dask" (a LocalCluster) or "tcp://host:port"


@cache
def writer_of(output: str) -> Writer:
    """The writer of a format, or of a sidecar."""
    for found in SIDECARS.values():
        for sidecar in found:
            if sidecar.format == output:
                return sidecar()
    return get_writer(output)


def check_formats(formats: Sequence[str]) -> None:
    sidecar = next((f for f in formats if f in SUFFIXES and f not in WRITERS), None)
    if sidecar is not None:
        raise UsageError(
            f"« {sidecar} » n'est pas un format : les métadonnées @CTES ({SUFFIXES[sidecar]}) "
            "sont écrites à côté du PDF de chaque acte télétransmis ; demandez le PDF (--format pdf)"
        )
    unknown = [f for f in formats if f not in WRITERS]
    if unknown:
        raise UsageError(f"format inconnu « {unknown[0]} » ; formats connus : {', '.join(WRITERS)}")


def plan(territoires: Iterable[DonneesTerritoire], kinds: Sequence[str]) -> list[PlannedDocument]:
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise UsageError(
            f"type de document inconnu « {unknown[0]} » ; types connus : {', '.join(KINDS)}"
        )
    selected = [KINDS[k] for k in (kinds or KINDS)]
    return [doc for t in territoires for kind in selected for doc in kind.plan(t)]


def formats_of(doc: PlannedDocument, formats: tuple[str, ...]) -> tuple[str, ...]:
    """The files a document is written in: its formats, then the sidecars of each (the @CTES
    metadata goes with the PDF of an act sent to the préfecture, and only with it)."""
    sidecars = tuple(s.format for f in formats if doc.actes for s in SIDECARS.get(f, ()))
    return (*formats, *sidecars)


def targets(planned: list[PlannedDocument], options: BuildOptions) -> list[Target]:
    found: dict[str, Target] = {}
    for doc in planned:
        for fmt in formats_of(doc, options.formats):
            name = f"{doc.stem}{SUFFIXES[fmt]}"
            dest = options.output / doc.territoire / name
            key = f"{doc.territoire}/{name}"
            if key in found:
                raise OutputError(
                    f"deux documents seraient écrits dans {dest} : numéros en double ?"
                )
            found[key] = Target(doc, fmt, key, dest)
    return list(found.values())
