"""Every file ctgdocs reads goes through here: a regular file inside an allowed folder, or nothing.

A path is resolved first (symbolic links followed, `..` folded); the file it names must lie under
one of the folders allowed for that read (the territory's folder for data; the template, reference
and font folders for the rest). So a link is followed only when its target stays inside. Then the
file is opened without blocking and checked to be a regular file before a byte is read: a named
pipe, a socket or a device is refused, never waited on. Each refusal is an `AccessRefused` with a
French reason; nothing is read.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from ctgdocs.errors import CtgError, display_path

_KINDS = (
    (stat.S_ISFIFO, "un tube nommé (FIFO)"),
    (stat.S_ISSOCK, "une socket"),
    (stat.S_ISCHR, "un périphérique"),
    (stat.S_ISBLK, "un périphérique"),
    (stat.S_ISDIR, "un dossier"),
)


class AccessRefused(CtgError):
    """A file that may not be read: outside the allowed folders, or not a regular file."""

    category = "lecture refusée"

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{display_path(path)} : {reason}")


def _resolved(path: Path) -> Path:
    try:
        return path.resolve(strict=True)
    except RuntimeError as error:  # Python 3.11 says a loop this way
        raise AccessRefused(path, "boucle de liens symboliques : rien n'a été lu") from error
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise AccessRefused(path, "boucle de liens symboliques : rien n'a été lu") from error
        if error.errno == errno.ENOENT and path.is_symlink():
            raise AccessRefused(
                path, f"lien symbolique vers un fichier absent ({os.readlink(path)})"
            ) from error
        raise


def inside(path: Path, roots: Sequence[Path]) -> Path:
    """The resolved path, if it lies under one of `roots` (resolved too); else AccessRefused."""
    target = _resolved(path)
    for root in roots:
        if target.is_relative_to(root.resolve()):
            return target
    where = " ou ".join(display_path(r) for r in roots)
    if path.is_symlink() or target != path.absolute():
        reason = f"lien symbolique qui sort de {where} (vers {target}) : refusé, rien n'a été lu"
    else:
        reason = f"fichier hors de {where} : refusé, rien n'a été lu"
    raise AccessRefused(path, reason)


def kind_of(mode: int) -> str | None:
    """What a non-regular file is, in French; None for a regular file."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "un fichier spécial"


def _not_regular(path: Path, kind: str) -> AccessRefused:
    return AccessRefused(path, f"{kind}, pas un fichier ordinaire : refusé, rien n'a été lu")


def _kind_at(path: Path) -> str | None:
    try:
        return kind_of(os.stat(path).st_mode)
    except OSError:
        return None


def read_bytes(path: Path, roots: Sequence[Path], limit: int | None = None) -> bytes:
    """The bytes of a regular file under one of `roots` (at most `limit` + 1 of them, so a caller
    can tell a file over its limit). Never blocks on a special file."""
    target = inside(path, roots)
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(target, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:  # replaced by a link since it was resolved
            raise AccessRefused(path, "lien symbolique apparu pendant la lecture") from error
        kind = _kind_at(target)  # a socket cannot even be opened (ENXIO)
        if kind is not None:
            raise _not_regular(path, kind) from error
        raise
    with os.fdopen(fd, "rb") as stream:
        mode = os.fstat(stream.fileno()).st_mode
        kind = kind_of(mode)
        if kind is not None:
            raise _not_regular(path, kind)
        os.set_blocking(stream.fileno(), True)
        return stream.read() if limit is None else stream.read(limit + 1)


def read_text(path: Path, roots: Sequence[Path]) -> str:
    return read_bytes(path, roots).decode("utf-8")


__all__ = ["AccessRefused", "inside", "kind_of", "read_bytes", "read_text"]
