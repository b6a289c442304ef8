"""The hidden work folder of an output folder, output/.ctgdocs/: the lock held by the build
that writes, the staging folders (tmp-<pid>/) and the text of each document at its last build
(textes/<territoire>/<stem>.txt)."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

from ctgdocs.writers.atomic import write_bytes_atomic

WORKDIR = ".ctgdocs"
LOCK = "verrou"
TEXTS = "textes"
STAGING_PREFIX = "tmp-"


def workdir(output: Path) -> Path:
    return output / WORKDIR


@contextlib.contextmanager
def locked(output: Path, notify: Callable[[str], None] | None = None) -> Iterator[int]:
    """Hold an exclusive lock on the output folder; a second build waits (and says so once).
    Yields the lock's file descriptor (forked workers close their copy)."""
    folder = workdir(output)
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if notify is not None:
                notify(f"attente : un autre build écrit dans {output}/…")
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield fd
    finally:
        os.close(fd)  # releases the lock


def clean_stale(output: Path) -> None:
    """Remove what a build stopped midway left: staging folders and half-written temporary
    files (only called while holding the lock, so no other build is writing them)."""
    folder = workdir(output)
    for staging in folder.glob(f"{STAGING_PREFIX}*"):
        shutil.rmtree(staging, ignore_errors=True)
    for tmp in [*output.glob(".manifest.json.*.tmp"), *(folder / TEXTS).rglob(".*.tmp")]:
        tmp.unlink(missing_ok=True)


def new_staging(output: Path) -> Path:
    """An empty staging folder for this process, inside the output folder (same file system:
    a staged file is renamed into place)."""
    staging = workdir(output) / f"{STAGING_PREFIX}{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    return staging


def text_path(output: Path, territoire: str, stem: str) -> Path:
    return workdir(output) / TEXTS / territoire / f"{stem}.txt"


def read_text(output: Path, territoire: str, stem: str) -> str | None:
    """The document's text at its last build, or None if it was never built here."""
    try:
        return text_path(output, territoire, stem).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def write_text(output: Path, territoire: str, stem: str, text: str) -> None:
    write_bytes_atomic(text_path(output, territoire, stem), text.encode("utf-8"))
