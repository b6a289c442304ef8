"""Every place a command writes goes through here: never a file it read, never into the data.

- `check_folder` (build --output, diff --output) and `check_file` (export scdl -o) refuse a
  destination that is, or lies inside, a folder ctgdocs reads (a territory's data, the templates,
  the references, the fonts), or that would put a file where one is read; links are resolved
  first, so a link to territoire.yaml is the file itself.
- `output_error` says in French why a folder could not be used (a file, read-only, full) and
  what to do; `reason` says it for one file.
- `move_into_place` renames a staged file onto its destination, and copies it there atomically
  when the destination is on another device.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from ctgdocs import paths
from ctgdocs.errors import OutputError, display_path
from ctgdocs.load.clauses import dossier_modeles
from ctgdocs.writers.atomic import atomic_path

_READ_ONLY = (errno.EROFS, errno.EACCES, errno.EPERM)
_FULL = (errno.ENOSPC, errno.EDQUOT)


def resources() -> list[tuple[Path, str]]:
    """The folders every build reads besides the data, with what they are (in French)."""
    return [
        (paths.TEMPLATES_DIR, "le dossier des modèles"),
        (paths.REFERENCES_DIR, "le dossier des textes de référence"),
        (paths.FONTS_DIR, "le dossier des polices"),
    ]


def _read(data_folders: Iterable[Path]) -> list[tuple[Path, str]]:
    data_folders = list(data_folders)
    folders = [(f, f"le dossier de données {display_path(f)}") for f in data_folders]
    modeles = dict.fromkeys(dossier_modeles(f) for f in data_folders)
    folders += [(m, f"le dossier des modèles de clauses {display_path(m)}") for m in modeles]
    return [(f.resolve(), what) for f, what in folders + resources()]


def _overlap(a: Path, b: Path) -> bool:
    return a == b or a.is_relative_to(b) or b.is_relative_to(a)


def check_folder(output: Path, data_folders: Iterable[Path], written: Iterable[str]) -> None:
    """Refuse an output folder whose written parts (`written`: the subfolders a build writes,
    one per territory, and the work folder) would be, or hold, a folder that is read; or that
    lies inside one."""
    out = output.resolve()
    for folder, what in _read(data_folders):
        inside = out == folder or out.is_relative_to(folder)
        if inside or any(_overlap(out / part, folder) for part in written):
            raise OutputError(
                f"--output {display_path(output)} : ctgdocs écrirait dans {what} ; "
                "choisissez un dossier de sortie hors des données et des modèles "
                "(par défaut : output/)"
            )


def check_file(path: Path, data_folders: Iterable[Path]) -> None:
    """Refuse to write a file that is read (or lies inside a folder that is read), or a folder."""
    target = path.resolve()
    for folder, what in _read(data_folders):
        if target == folder or target.is_relative_to(folder):
            raise OutputError(
                f"{display_path(path)} : dans {what}, que ctgdocs lit ; "
                "écrivez l'export hors des données (ex. : -o export.csv)"
            )
    if target.is_dir():
        raise OutputError(
            f"{display_path(path)} : est un dossier ; donnez le nom du fichier à écrire "
            "(ex. : -o export.csv)"
        )


def reason(error: OSError) -> str:
    """Why a file could not be written, in French, with what to do."""
    if error.errno in _FULL:
        return "disque plein ; libérez de la place ou écrivez sur un autre disque"
    if error.errno in _READ_ONLY:
        return "écriture interdite (dossier en lecture seule ou sans droit d'écriture)"
    if error.errno in (errno.ENOTDIR, errno.EEXIST):
        return "un fichier occupe la place d'un dossier de sortie"
    if error.errno == errno.EISDIR:
        return "un dossier occupe la place du fichier"
    if error.errno == errno.ENAMETOOLONG:
        return "nom de fichier trop long pour ce disque"
    return f"écriture impossible (erreur système {error.errno} : {error.strerror or error})"


def output_error(error: OSError, output: Path) -> OutputError:
    """The French message for an output folder that could not be used; the previous outputs
    stay as they were (nothing is renamed into place before every file is staged)."""
    where = display_path(output)
    kept = "les fichiers déjà en place n'ont pas changé"
    if error.errno in (errno.ENOTDIR, errno.EEXIST) and output.exists() and not output.is_dir():
        return OutputError(
            f"{where} : est un fichier, pas un dossier ; donnez à --output un dossier "
            "(il est créé s'il n'existe pas)"
        )
    if error.errno in _READ_ONLY:
        return OutputError(
            f"{where} : dossier en lecture seule ou sans droit d'écriture ; donnez à --output "
            f"un dossier où vous pouvez écrire ; {kept}"
        )
    if error.errno in _FULL:
        return OutputError(
            f"{where} : disque plein ; libérez de la place ou donnez à --output un dossier sur "
            f"un autre disque ; {kept}"
        )
    culprit = f" ({display_path(error.filename)})" if error.filename else ""
    return OutputError(f"{where} : {reason(error)}{culprit} ; {kept}")


def aside(dest: Path, stem: str, suffix: str) -> Path:
    """The first free « <stem>.modifie-<n><suffix> » beside dest, where --force sets aside a
    file edited by hand."""
    n = 1
    while (path := dest.with_name(f"{stem}.modifie-{n}{suffix}")).exists():
        n += 1
    return path


def move_into_place(staged: Path, dest: Path) -> None:
    """Rename the staged file onto dest; across devices, copy it beside dest then rename (a
    reader still sees the old file or the new one, never half of one)."""
    try:
        os.replace(staged, dest)
    except OSError as error:
        if error.errno != errno.EXDEV:
            raise
        with atomic_path(dest) as tmp:
            shutil.copyfile(staged, tmp)
        staged.unlink()


__all__ = ["aside", "check_file", "check_folder", "move_into_place", "output_error", "reason"]
