"""The hidden work folder of an output folder, output/.ctgdocs/: the lock held by the build
that writes, the staging folders (tmp-<pid>/) and the text of each document at its last build
(textes/<territoire>/<stem>.txt).

A build writes each new text beside the old one first (<stem>.txt.nouveau), renames its files
into place, then the new texts: a build stopped between the two is settled by the next one
(`settle_texts`), which keeps each new text only if the manifest, settled by the files' bytes,
says its files were renamed."""

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


NEW_TEXT = ".nouveau"


def stage_text(output: Path, territoire: str, stem: str, text: str) -> None:
    """The new text of a document, beside its stored text until its files are in place."""
    path = text_path(output, territoire, stem)
    write_bytes_atomic(path.with_name(path.name + NEW_TEXT), text.encode("utf-8"))


def promote_text(output: Path, territoire: str, stem: str) -> None:
    path = text_path(output, territoire, stem)
    os.replace(path.with_name(path.name + NEW_TEXT), path)


def settle_texts(output: Path, text_shas: Callable[[str, str], set[str]]) -> None:
    """After a build stopped midway: each staged text becomes the stored text if one of the
    document's files holds it (`text_shas(territoire, stem)`: the text hashes the settled
    manifest records for its files), and is dropped otherwise."""
    import hashlib

    for staged in sorted((workdir(output) / TEXTS).glob(f"*/*.txt{NEW_TEXT}")):
        territoire, stem = staged.parent.name, staged.name.removesuffix(f".txt{NEW_TEXT}")
        sha = hashlib.sha256(staged.read_bytes()).hexdigest()
        if sha in text_shas(territoire, stem):
            os.replace(staged, staged.with_name(f"{stem}.txt"))
        else:
            staged.unlink()
