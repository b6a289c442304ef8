"""The whole pipeline: read and check the data, decide what to build, render, write.

paths → territories → load + rules (problems per territory) → plan → decide against the
manifest → render what changed → stage in parallel → rename into place, manifest updated.

A territory is written whole or not at all: invalid data, a render or write error, or a signed
document whose text would change, and none of its files is replaced; the others are built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ctgdocs import rules
from ctgdocs.build import commit as workdir
from ctgdocs.build import destination
from ctgdocs.build.decide import Target
from ctgdocs.build.manifest import MANIFEST
from ctgdocs.build.report import BuildReport, data_failure
from ctgdocs.documents import KINDS, PlannedDocument
from ctgdocs.errors import DataError, OutputError, Problem, UsageError
from ctgdocs.load.territoire import DonneesTerritoire, find_territoires, load_territoire
from ctgdocs.writers import SUFFIXES, WRITERS

Progress = Callable[[int, int], None]  # (files staged, files to stage)
Notify = Callable[[str], None]  # a message for the user (stderr)


@dataclass(frozen=True)
class BuildOptions:
    output: Path = Path("output")
    kinds: tuple[str, ...] = ()
    formats: tuple[str, ...] = ("docx", "pdf", "html")
    jobs: int = 0  # 0: one per core
    force: bool = False  # set hand-edited files aside, then regenerate them
    dry_run: bool = False  # decide and report only: render and write nothing
    executor: str = "local"  # forked processes; "dask" (a LocalCluster) or "tcp://host:port"


def _check(
    paths: Sequence[Path],
) -> tuple[list[DonneesTerritoire], list[Problem], dict[str, list[Problem]], list[Path]]:
    """Valid territories, problems with the paths themselves, problems per invalid territory,
    and every territory folder found."""
    dossiers, path_problems = find_territoires(paths)
    territoires = []
    invalid: dict[str, list[Problem]] = {}
    for dossier in dossiers:
        donnees, found = load_territoire(dossier)
        if donnees is not None:
            found = rules.check(donnees)
        if found:
            invalid[dossier.name] = found
        elif donnees is not None:
            territoires.append(donnees)
    return territoires, path_problems, invalid, dossiers


def validate(paths: Sequence[Path]) -> list[DonneesTerritoire]:
    """Load and check every territory under paths; raise DataError with every problem found."""
    territoires, problems, invalid, _ = _check(paths)
    problems += [p for found in invalid.values() for p in found]
    if problems:
        raise DataError(problems)
    return territoires


def plan(territoires: Iterable[DonneesTerritoire], kinds: Sequence[str]) -> list[PlannedDocument]:
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise UsageError(
            f"type de document inconnu « {unknown[0]} » ; types connus : {', '.join(KINDS)}"
        )
    selected = [KINDS[k] for k in (kinds or KINDS)]
    return [doc for t in territoires for kind in selected for doc in kind.plan(t)]


def build(
    paths: Sequence[Path],
    options: BuildOptions,
    *,
    progress: Progress | None = None,
    notify: Notify | None = None,
) -> BuildReport:
    """Build what changed since the last build into options.output and report what was done.

    Raises DataError when no territory is valid (or a path is not a territory), UsageError and
    OutputError (two documents with one file name) before anything is written. Otherwise the
    failures of single territories are in the report (report.echecs), the others are built."""
    from ctgdocs.build.batch import Batch

    targets, report = _prepare(paths, options)
    batch = Batch(targets, options, report)
    if options.dry_run:
        batch.decide()
        batch.close()
        return report
    return batch.run(progress=progress, notify=notify)


def diff(paths: Sequence[Path], options: BuildOptions) -> BuildReport:
    """Render what a build would rebuild, and return its texts before and after
    (report.changements); write nothing."""
    from ctgdocs.build.batch import Batch

    targets, report = _prepare(paths, options)
    batch = Batch(targets, options, report)
    batch.decide()
    batch.render(every_document=True)
    batch.record_changes()
    batch.close()
    return report


def _prepare(paths: Sequence[Path], options: BuildOptions) -> tuple[list[Target], BuildReport]:
    unknown = [f for f in options.formats if f not in WRITERS]
    if unknown:
        raise UsageError(f"format inconnu « {unknown[0]} » ; formats connus : {', '.join(WRITERS)}")
    if "actes" in options.formats and "pdf" not in options.formats:
        raise UsageError(
            "le format actes décrit le PDF de l'acte, fichier principal de la télétransmission : "
            "demandez aussi le PDF (--format pdf,actes)"
        )
    territoires, problems, invalid, dossiers = _check(paths)
    if problems or not territoires:
        raise DataError(problems + [p for found in invalid.values() for p in found])
    destination.check_folder(
        options.output, dossiers, [d.name for d in dossiers] + [workdir.WORKDIR, MANIFEST]
    )
    targets = _targets(plan(territoires, options.kinds), options)
    report = BuildReport(output=options.output, dry_run=options.dry_run)
    report.echecs += [data_failure(t, DataError(found)) for t, found in invalid.items()]
    return targets, report


def formats_of(doc: PlannedDocument, formats: tuple[str, ...]) -> tuple[str, ...]:
    """The formats a document is written in: the @CTES metadata (actes) goes with the PDF of
    an act sent to the préfecture, and only with it."""
    chosen = tuple(f for f in formats if f != "actes")
    if doc.actes and "pdf" in formats:
        chosen += ("actes",)
    return chosen


def _targets(planned: list[PlannedDocument], options: BuildOptions) -> list[Target]:
    targets: dict[str, Target] = {}
    for doc in planned:
        for fmt in formats_of(doc, options.formats):
            name = f"{doc.stem}{SUFFIXES[fmt]}"
            dest = options.output / doc.territoire / name
            key = f"{doc.territoire}/{name}"
            if key in targets:
                raise OutputError(
                    f"deux documents seraient écrits dans {dest} : numéros en double ?"
                )
            targets[key] = Target(doc, fmt, key, dest)
    return list(targets.values())


__all__ = [
    "BuildOptions",
    "BuildReport",
    "build",
    "diff",
    "plan",
    "validate",
]
