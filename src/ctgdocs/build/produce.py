"""Produce documents in parallel: each job renders one document and writes its files, in a
worker process. The parent never holds a rendered tree: a worker sends back the document's text
(and, on a cluster without a shared file system, the files' bytes), then drops the tree. So
memory does not grow with the size of the batch.

The local executor forks its workers once per build: the planned documents (closures over the
data) are inherited, never pickled; a job is sent as its index. Jobs are handed out longest
first, a few at a time, so no long document straggles at the end and a territory that failed
stops being worked on. A failure is reported, not raised: its territory is dropped.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import signal
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ctgdocs.build import destination
from ctgdocs.build.plan import writer_of
from ctgdocs.errors import CtgError, UsageError
from ctgdocs.render.document import RenderedDocument
from ctgdocs.render.pagination import paginer

if TYPE_CHECKING:
    from ctgdocs.documents import PlannedDocument

PR_SET_PDEATHSIG = 1
LOCAL, DASK = "local", "dask"
IN_FLIGHT = 2  # jobs handed out per worker at a time
CHUNK = 200  # documents per worker in a pool of forked workers: then new workers


@dataclass(frozen=True)
class WriteJob:
    key: str  # the output's path under the output folder
    format: str
    document: RenderedDocument
    staged: Path  # where the file is written
    dest: Path  # where it will be renamed to (named in messages)


def write(job: WriteJob) -> list[str]:
    """Write one staged file; the error lines if it could not be written."""
    from ctgdocs.build.report import error_lines

    try:
        writer_of(job.format).write(job.document, job.staged)
    except OSError as exc:
        return [f"erreur (écriture impossible) : {job.dest}: {destination.reason(exc)}"]
    except ValueError as exc:  # a writer refused a value (e.g. XML-incompatible text)
        return [
            f"erreur (écriture impossible) : {job.dest}: le document n'a pas pu être écrit ({exc})"
        ]
    except CtgError as exc:
        return error_lines(exc)
    except Exception as exc:  # a bug of ours on this data: this file's failure only
        return [f"erreur interne de ctgdocs : {job.dest}: {exc!r} (signalez-la avec ce fichier)"]
    return []


def internal_error(doc: PlannedDocument, error: Exception) -> str:
    """A render that crashed: named by territory and document, so the others are still built."""
    return (
        f"erreur interne de ctgdocs : {doc.territoire}/{doc.stem} : {error!r} (signalez-la "
        "avec les données de ce territoire ; les autres territoires sont produits)"
    )


@dataclass(frozen=True)
class Sortie:
    """One file of a document to write: its key, format, staged path and destination."""

    key: str
    format: str
    staged: Path
    dest: Path


@dataclass(frozen=True)
class DocJob:
    """One document to render, and its files to write (the costliest format first)."""

    order: int  # rank in the plan: failures are reported in this order
    doc: PlannedDocument
    sorties: tuple[Sortie, ...]
    cost: float  # an estimate, to hand out the longest jobs first


@dataclass
class Produit:
    """What a worker sends back for one document: its text (None if it could not be
    rendered), the error lines by failed file, and the files' bytes when asked for."""

    text: str | None
    render_errors: list[str] = field(default_factory=list)
    write_errors: dict[str, list[str]] = field(default_factory=dict)
    contents: dict[str, bytes] = field(default_factory=dict)


def produce(job: DocJob, inline: bool = True) -> Produit:
    """Render one document and write its files: into their staged paths (`inline`), or into a
    temporary folder of this worker, their bytes sent back (no shared file system)."""
    from ctgdocs.build.report import error_lines
    from ctgdocs.render.texte import document_text

    try:
        rendered = job.doc.render()
    except CtgError as error:
        return Produit(None, render_errors=error_lines(error))
    except Exception as error:  # a bug of ours on this data: this territory's failure only
        return Produit(None, render_errors=[internal_error(job.doc, error)])
    produit = Produit(document_text(rendered.tree))
    writers = [writer_of(s.format) for s in job.sorties]
    try:  # what the writers need of a page layout, before any of them runs
        rendered = paginer(rendered, titres=any(w.heading_pages for w in writers))
    except CtgError as error:
        return Produit(None, render_errors=error_lines(error))
    except Exception as error:
        return Produit(None, render_errors=[internal_error(job.doc, error)])
    with contextlib.ExitStack() as stack:
        tmp = None if inline else Path(stack.enter_context(tempfile.TemporaryDirectory()))
        for sortie in job.sorties:
            staged = sortie.staged if tmp is None else tmp / Path(sortie.key).name
            if failed := write(WriteJob(sortie.key, sortie.format, rendered, staged, sortie.dest)):
                produit.write_errors[sortie.key] = failed
            elif tmp is not None:
                produit.contents[sortie.key] = staged.read_bytes()
    return produit


OnResult = Callable[[DocJob, Produit], None]
Skip = Callable[[DocJob], bool]  # a job whose territory failed meanwhile is not run


class Executor(Protocol):
    """Runs jobs (in the order given) and hands each result to the caller, in the caller's
    process, as it comes."""

    def run(self, jobs: list[DocJob], on_result: OnResult, skip: Skip) -> None: ...

    def close(self) -> None: ...


def parse_executor(spec: str) -> tuple[str, str | None]:
    """« local », « dask » (a LocalCluster) or a scheduler's address « tcp://host:port »."""
    if spec == LOCAL:
        return LOCAL, None
    if spec == DASK:
        return DASK, None
    if spec.startswith(("tcp://", "tls://")) and spec.rpartition(":")[2].isdigit():
        return DASK, spec
    raise UsageError(
        f"exécuteur inconnu « {spec} » ; attendu : local, dask ou l'adresse d'un ordonnanceur "
        "Dask (tcp://hôte:port)"
    )


# --- the local executor: forked processes ---------------------------------------------

_JOBS: list[DocJob] = []  # inherited by the forked workers, which receive indices


def _produce_nth(index: int) -> Produit:
    return produce(_JOBS[index])


def _init_worker(lock_fd: int, parent: int) -> None:
    """A worker closes its copy of the lock's descriptor (the build still holds the lock), and
    dies with the build: killed midway, the build leaves no process behind to wait for."""
    os.close(lock_fd)
    with contextlib.suppress(OSError, AttributeError):  # Linux only: PR_SET_PDEATHSIG
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the build died before prctl took effect
        os._exit(1)


class LocalExecutor:
    def __init__(self, workers: int, lock_fd: int) -> None:
        self.workers = max(workers, 1)
        self.lock_fd = lock_fd

    def run(self, jobs: list[DocJob], on_result: OnResult, skip: Skip) -> None:
        # The data loaded and checked before the batch lives as long as the batch: frozen, the
        # collector no longer walks it at each full collection (a WeasyPrint layout triggers
        # several). In a forked worker, a collection would also write into every object it
        # inherited copy-on-write, and so copy every page of the data (336 MB instead of 124 MB
        # for a worker among 3 000 synthetic communes). Unfrozen when the batch is done.
        gc.freeze()
        try:
            self._run(jobs, on_result, skip)
        finally:
            gc.unfreeze()

    def _run(self, jobs: list[DocJob], on_result: OnResult, skip: Skip) -> None:
        if self.workers == 1 or len(jobs) <= 1:
            for job in jobs:
                if not skip(job):
                    on_result(job, produce(job))
            return
        parts = chunks(jobs, CHUNK * self.workers)
        if len(parts) > 1:  # forked again for each chunk: the writers are imported once, here
            for fmt in sorted({s.format for job in jobs for s in job.sorties}):
                writer_of(fmt)
        for part in parts:
            self._run_chunk(part, on_result, skip)

    def _run_chunk(self, jobs: list[DocJob], on_result: OnResult, skip: Skip) -> None:
        """One pool of forked workers for these jobs; they end with it."""
        _JOBS[:] = jobs
        pool = ProcessPoolExecutor(
            max_workers=min(self.workers, len(jobs)),
            mp_context=multiprocessing.get_context("fork"),
            initializer=_init_worker,
            initargs=(self.lock_fd, os.getpid()),
        )
        try:
            _windowed(pool, range(len(jobs)), jobs, on_result, skip, self.workers * IN_FLIGHT)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        finally:
            _JOBS.clear()
        pool.shutdown(wait=True)

    def close(self) -> None:
        pass


def chunks(jobs: list[DocJob], size: int) -> list[list[DocJob]]:
    """The jobs cut, in the order of the plan (a territory after the other), into chunks of
    `size` documents; each chunk longest first, as the jobs were.

    A forked worker lives for one chunk. It shares the build's data copy-on-write, but every
    object it reads gets its reference count written, so the pages of the data it renders from
    become its own; and a WeasyPrint process grows a little with each document. A worker that
    renders a bounded number of documents, from one or two territories, does not grow with the
    batch."""
    in_plan = sorted(jobs, key=lambda j: j.order)
    rank = {id(job): n for n, job in enumerate(jobs)}
    parts = [in_plan[i : i + size] for i in range(0, len(in_plan), size)]
    return [sorted(part, key=lambda j: rank[id(j)]) for part in parts]


def _windowed(
    pool: ProcessPoolExecutor,
    indices: range,
    jobs: list[DocJob],
    on_result: OnResult,
    skip: Skip,
    window: int,
) -> None:
    """At most `window` jobs handed out at a time, in order; a result is handled as it comes."""
    pending: dict[Future[Produit], DocJob] = {}
    todo: Iterator[int] = iter(indices)
    while True:
        for index in todo:
            if not skip(jobs[index]):
                pending[pool.submit(_produce_nth, index)] = jobs[index]
            if len(pending) >= window:
                break
        if not pending:
            return
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            on_result(pending.pop(future), future.result())
