"""The whole pipeline, in two phases: read and check everything, then write.

paths → territories → load + rules (all problems at once) → plan → render trees → write
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ctgdocs import rules
from ctgdocs.documents import KINDS, PlannedDocument
from ctgdocs.errors import DataError, OutputError, UsageError
from ctgdocs.load.territoire import DonneesTerritoire, find_territoires, load_territoire
from ctgdocs.writers import SUFFIXES, WRITERS, get_writer
from ctgdocs.writers.base import RenderedDocument


@dataclass(frozen=True)
class BuildOptions:
    output: Path = Path("output")
    kinds: tuple[str, ...] = ()
    formats: tuple[str, ...] = ("docx", "pdf", "html")
    jobs: int = 0  # 0: one per core


@dataclass(frozen=True)
class WriteJob:
    format: str
    document: RenderedDocument
    dest: Path


def validate(paths: Sequence[Path]) -> list[DonneesTerritoire]:
    """Load and check every territory under paths; raise DataError with every problem found."""
    dossiers, problems = find_territoires(paths)
    territoires = []
    for dossier in dossiers:
        donnees, found = load_territoire(dossier)
        problems += found
        if donnees is not None:
            found = rules.check(donnees)
            problems += found
            if not found:
                territoires.append(donnees)
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


def build(paths: Sequence[Path], options: BuildOptions) -> list[Path]:
    """Build the documents; nothing is written unless every input is valid, every body renders
    and every file is written: files are staged beside their destination, then renamed."""
    unknown = [f for f in options.formats if f not in WRITERS]
    if unknown:
        raise UsageError(f"format inconnu « {unknown[0]} » ; formats connus : {', '.join(WRITERS)}")
    planned = plan(validate(paths), options.kinds)
    rendered = [(doc, doc.render()) for doc in planned]
    jobs = _write_jobs(rendered, options)
    try:
        _run(jobs, options.jobs or os.cpu_count() or 1)
    except BaseException:
        for job in jobs:
            _staging(job.dest).unlink(missing_ok=True)
        raise
    for job in jobs:
        os.replace(_staging(job.dest), job.dest)
    return [job.dest for job in jobs]


def _staging(dest: Path) -> Path:
    return dest.with_name(f".{dest.name}.staging")


def _write_jobs(
    rendered: list[tuple[PlannedDocument, RenderedDocument]], options: BuildOptions
) -> list[WriteJob]:
    jobs = [
        WriteJob(fmt, document, options.output / doc.territoire / f"{doc.stem}{SUFFIXES[fmt]}")
        for doc, document in rendered
        for fmt in options.formats
    ]
    seen: set[Path] = set()
    for job in jobs:
        if job.dest in seen:
            raise OutputError(
                f"deux documents seraient écrits dans {job.dest} : numéros en double ?"
            )
        seen.add(job.dest)
    # Longest jobs first, so that no PDF straggles at the end of a parallel batch.
    return sorted(jobs, key=lambda j: j.format != "pdf")


def _write(job: WriteJob) -> Path:
    staging = _staging(job.dest)
    try:
        get_writer(job.format).write(job.document, staging)
    except OSError as exc:
        raise OutputError(f"{job.dest}: {exc.strerror or exc}") from exc
    except ValueError as exc:  # a writer refused a value (e.g. XML-incompatible text)
        raise OutputError(f"{job.dest}: le document n'a pas pu être écrit ({exc})") from exc
    return staging


def _run(jobs: list[WriteJob], workers: int) -> None:
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            _write(job)
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context) as pool:
        list(pool.map(_write, jobs, chunksize=1))
