"""Write staged files in parallel (forked processes: the rendered trees are inherited, never
pickled on the way in). A failed file is reported, not raised: its territory is dropped."""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from ctgdocs.errors import CtgError
from ctgdocs.writers import get_writer
from ctgdocs.writers.base import RenderedDocument

PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class WriteJob:
    key: str  # the output's path under the output folder
    format: str
    document: RenderedDocument
    staged: Path  # where the file is written
    dest: Path  # where it will be renamed to (named in messages)


def write(job: WriteJob) -> list[str]:
    """Write one staged file; the error lines if it could not be written."""
    from ctgdocs.rapport import error_lines

    try:
        get_writer(job.format).write(job.document, job.staged)
    except OSError as exc:
        return [f"erreur (écriture impossible) : {job.dest}: {exc.strerror or exc}"]
    except ValueError as exc:  # a writer refused a value (e.g. XML-incompatible text)
        return [
            f"erreur (écriture impossible) : {job.dest}: le document n'a pas pu être écrit ({exc})"
        ]
    except CtgError as exc:
        return error_lines(exc)
    return []


def _init_worker(lock_fd: int, parent: int) -> None:
    """A worker closes its copy of the lock's descriptor (the build still holds the lock), and
    dies with the build: killed midway, the build leaves no process behind to wait for."""
    os.close(lock_fd)
    with contextlib.suppress(OSError, AttributeError):  # Linux only: PR_SET_PDEATHSIG
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the build died before prctl took effect
        os._exit(1)


def write_all(
    jobs: list[WriteJob],
    workers: int,
    lock_fd: int,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, list[str]]:
    """Write every job (in the given order: longest first); the error lines by failed key."""
    errors: dict[str, list[str]] = {}
    total = len(jobs)
    if workers <= 1 or total <= 1:
        for done, job in enumerate(jobs, 1):
            if failed := write(job):
                errors[job.key] = failed
            if progress:
                progress(done, total)
        return errors
    pool = ProcessPoolExecutor(
        max_workers=min(workers, total),
        mp_context=multiprocessing.get_context("fork"),
        initializer=_init_worker,
        initargs=(lock_fd, os.getpid()),
    )
    try:
        futures = {pool.submit(write, job): job for job in jobs}
        for done, future in enumerate(as_completed(futures), 1):
            if failed := future.result():
                errors[futures[future].key] = failed
            if progress:
                progress(done, total)
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return errors
