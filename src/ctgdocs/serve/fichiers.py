"""The built files the app serves: only regular files inside the output folder, named by a
path the request cannot turn outward (`..`, an absolute path, a link, an encoded form)."""

from __future__ import annotations

import re
from pathlib import Path

# A file of a territory's output, « grand-chatellerault/convention.pdf », or a font the
# previews share (« _polices/LiberationSans-Regular.ttf »); no other shape.
_CHEMIN = re.compile(r"[a-z0-9_][a-z0-9_-]*/[A-Za-z0-9][A-Za-z0-9._-]*")
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".json": "application/json",
    ".ttf": "font/ttf",
}


def trouver(sortie: Path, demande: str) -> Path | None:
    """The file `demande` names in the output folder, or None: a path of another shape, one
    that leaves the folder once resolved (a link), or a file of a type not served."""
    if not _CHEMIN.fullmatch(demande) or ".." in demande:
        return None
    racine = sortie.resolve()
    chemin = (sortie / demande).resolve()
    if racine not in chemin.parents or not chemin.is_file():
        return None
    if chemin.suffix not in TYPES or chemin.name.startswith("."):
        return None
    return chemin


_POLICE = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*\.ttf")


def police(nom: str) -> Path | None:
    """A font of the shipped fonts, for a preview the app renders (its @font-face rules point
    at ../_polices/, as a preview in the output folder's do)."""
    from ctgdocs.paths import FONTS_DIR

    if not _POLICE.fullmatch(nom):
        return None
    chemin = FONTS_DIR / nom
    return chemin if chemin.is_file() and not chemin.is_symlink() else None
