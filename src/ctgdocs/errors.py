"""The error vocabulary: every message a user sees names a place and says what was expected."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as the user should read it: relative to the working directory when inside it.
    Links are not followed: a link is named as the user wrote it, not by its target."""
    p = Path(os.path.abspath(path))
    try:
        return str(p.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)


@dataclass(frozen=True, slots=True)
class Location:
    file: str
    line: int | None = None
    col: int | None = None

    def __str__(self) -> str:
        parts = [display_path(self.file)]
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)


@dataclass(frozen=True, slots=True)
class Problem:
    """One error found in the input: where, which field, what is wrong (in French)."""

    location: Location
    message: str
    field: str = ""

    def __str__(self) -> str:
        where = str(self.location)
        return (
            f"{where}: {self.field} : {self.message}" if self.field else f"{where}: {self.message}"
        )


class CtgError(Exception):
    """An error meant for the user: the CLI prints it without a traceback, exit status 1."""

    category = "erreur"


class DataError(CtgError):
    """The data is invalid; carries every problem found."""

    category = "données invalides"

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=_problem_order)
        super().__init__("\n".join(str(p) for p in self.problems))


class TemplateError(CtgError):
    category = "modèle invalide"


class OutputError(CtgError):
    category = "écriture impossible"


class UsageError(CtgError):
    category = "utilisation"


def _problem_order(p: Problem) -> tuple[str, int, int]:
    return (p.location.file, p.location.line or 0, p.location.col or 0)
