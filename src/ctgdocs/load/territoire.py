"""Load a territory folder: territoire.yaml and seances/*.yaml, each validated, every problem kept."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from pydantic import BaseModel, ValidationError

from ctgdocs.errors import Location, Problem, display_path
from ctgdocs.load.clauses import MODELES, Bibliotheque, charger_modele, charger_propres
from ctgdocs.load.messages import problems_from_validation
from ctgdocs.load.yamlfile import Mark, Path_, parse_yaml, read_yaml
from ctgdocs.model import FichierConvention, FichierCoordination, FichierSeance, FichierTerritoire
from ctgdocs.model.avenant import FichierAvenant
from ctgdocs.model.engagement import FichierActe
from ctgdocs.model.fichiers import ACTE, AVENANTS, CONVENTION, COORDINATION, OPTIONNELS, SEANCES
from ctgdocs.model.fichiers import TERRITOIRE as TERRITOIRE_

M = TypeVar("M", bound=BaseModel)

FICHIER_TERRITOIRE = TERRITOIRE_.chemin


def chemin(path: Path_) -> str:
    """A field path as the user reads it: seance.pouvoirs[2].mandataire."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


class Marques(Protocol):
    """Where each value of a file was written: its MarkIndex as read, or the
    MarquesConsolidees of avenants/apply.py for a file the avenants changed."""

    @property
    def file(self) -> str: ...
    def location(self, path: Path_) -> Location: ...
    def nearest(self, path: Path_) -> Mark: ...


@dataclass(frozen=True)
class Fichier(Generic[M]):
    """One validated YAML file: its model, and where each value was written."""

    path: str
    model: M
    marks: Marques
    data: Any = None  # the file's plain data, as read (avenants apply to it)

    def problem(self, path: Path_, message: str, needle: str | None = None) -> Problem:
        """A problem at a value; with `needle`, at the line and column where that piece of the
        value is written (inside a multi-line text), searched from the value's start."""
        location = self.marks.location(path)
        if needle is not None:
            location = localiser(location, needle)
        return Problem(location, message, chemin(path))


def localiser(location: Location, needle: str) -> Location:
    """Where `needle` is first written from `location` on: the line and column of a piece of a
    value (inside a multi-line text)."""
    if location.line is None:
        return location
    try:
        lines = Path(location.file).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):  # a draft not written yet (ctgdocs serve)
        return location
    for n in range(location.line - 1, len(lines)):
        if needle in lines[n]:
            return Location(location.file, n + 1, lines[n].index(needle) + 1)
    return location


@dataclass(frozen=True)
class Brouillon:
    """A séance file as a form holds it (`ctgdocs serve`), read in its place instead of the
    file on disk, which may not exist yet: the territory is checked and rendered with it."""

    chemin: Path  # <territoire>/seances/<nom>.yaml
    texte: str


@dataclass(frozen=True)
class DonneesTerritoire:
    slug: str
    dossier: Path
    territoire: Fichier[FichierTerritoire]
    seances: tuple[Fichier[FichierSeance], ...]
    convention: Fichier[FichierConvention] | None = None
    coordination: Fichier[FichierCoordination] | None = None
    acte: Fichier[FichierActe] | None = None
    # Every avenant, in order (by the act it modifies, then its number).
    avenants: tuple[Fichier[FichierAvenant], ...] = ()
    clauses: Bibliotheque | None = None  # the territory's own clauses/
    modeles: dict[str, Bibliotheque] = field(default_factory=dict)  # the models it names
    brouillon: Brouillon | None = None  # a séance read from a form, not from its file


def load_file(
    path: Path, model: type[M], root: Path | None = None, texte: str | None = None
) -> tuple[Fichier[M] | None, list[Problem]]:
    """One data file, read only if it is a regular file inside `root` (the territory's folder);
    or, given its `texte`, that text in its place."""
    doc = read_yaml(path, root) if texte is None else parse_yaml(texte, str(path))
    if doc.problems:
        return None, list(doc.problems)
    try:
        parsed = model.model_validate(doc.data)
    except ValidationError as exc:
        problems = [
            Problem(doc.marks.location(p), msg, chemin(p))
            for p, msg in problems_from_validation(exc, doc.data, model)
        ]
        return None, problems
    return Fichier(str(path), parsed, doc.marks, doc.data), []


def load_territoire(
    dossier: Path, brouillon: Brouillon | None = None
) -> tuple[DonneesTerritoire | None, list[Problem]]:
    """The territory of a folder, every file checked; with `brouillon`, that séance file read
    from its text (written or not)."""
    problems = list(_unexpected_files(dossier))
    territoire, found = load_file(dossier / FICHIER_TERRITOIRE, FichierTerritoire, dossier)
    problems += found
    seances = _load_folder(dossier, SEANCES.chemin, FichierSeance, problems, brouillon)
    optional: dict[str, Fichier[Any] | None] = {}
    for type_ in OPTIONNELS:
        optional[type_.nom] = None
        if _present(dossier / type_.chemin):
            optional[type_.nom], found = load_file(dossier / type_.chemin, type_.modele, dossier)
            problems += found
    avenants = _load_folder(dossier, AVENANTS.chemin, FichierAvenant, problems)
    avenants.sort(key=lambda a: (a.model.avenant.modifie, a.model.avenant.numero))
    if territoire is None or problems:
        return None, problems
    propres, found = charger_propres(dossier)
    problems += found
    modeles: dict[str, Bibliotheque] = {}
    for fichier, path, nom in _modeles_nommes(territoire, optional):
        if nom in modeles:
            continue
        modele, found = charger_modele(dossier, nom)
        problems += found
        if modele is None:
            problems.append(
                fichier.problem(
                    path,
                    f"modèle « {nom} » introuvable : un dossier {MODELES}/{nom}/ est attendu à "
                    f"côté des territoires ({display_path(dossier.absolute().parent / MODELES / nom)})",
                )
            )
        else:
            modeles[nom] = modele
    if problems:
        return None, problems
    return (
        DonneesTerritoire(
            dossier.name,
            dossier,
            territoire,
            tuple(seances),
            convention=optional[CONVENTION.nom],
            coordination=optional[COORDINATION.nom],
            acte=optional[ACTE.nom],
            avenants=tuple(avenants),
            clauses=propres,
            modeles=modeles,
            brouillon=brouillon,
        ),
        [],
    )


def _modeles_nommes(
    territoire: Fichier[FichierTerritoire], optional: dict[str, Fichier[Any] | None]
) -> Iterable[tuple[Fichier[Any], Path_, str]]:
    """Each model the data names, with the file and the field that name it."""
    for cle, org in territoire.model.organisations.items():
        if org.modele:
            yield territoire, ("organisations", cle, "modele"), org.modele
    for nom, racine in ((CONVENTION.nom, "convention"), (ACTE.nom, "acte_engagement")):
        f = optional.get(nom)
        modele = getattr(getattr(f.model, racine), "modele", None) if f else None
        if f is not None and modele:
            yield f, (racine, "modele"), modele


def _load_folder(
    dossier: Path,
    name: str,
    model: type[M],
    problems: list[Problem],
    brouillon: Brouillon | None = None,
) -> list[Fichier[M]]:
    """Every YAML file of a subfolder of the territory, in name order, and the draft if it is
    one of them; their problems are added to `problems`. Each must lie inside the territory's
    folder once resolved."""
    found: list[Fichier[M]] = []
    paths = set((dossier / name).glob("*.yaml"))
    if brouillon is not None and brouillon.chemin.parent == dossier / name:
        paths.add(brouillon.chemin)
    for path in sorted(paths):
        texte = brouillon.texte if brouillon is not None and path == brouillon.chemin else None
        fichier, more = load_file(path, model, dossier, texte)
        problems += more
        if fichier:
            found.append(fichier)
    return found


def _present(path: Path) -> bool:
    """A name in the folder, whatever it is (a link to nothing, a pipe): reading it decides."""
    return path.is_symlink() or path.exists()


def _walk(dossier: Path) -> Iterable[Path]:
    """Every file under the folder, links to folders not followed (a loop ends nowhere)."""
    for folder, dirs, files in os.walk(dossier, followlinks=False):
        dirs.sort()
        for name in sorted(files + [d for d in dirs if (Path(folder) / d).is_symlink()]):
            yield Path(folder) / name


def _unexpected_files(dossier: Path) -> Iterable[Problem]:
    for path in _walk(dossier):
        rel = path.relative_to(dossier)
        if rel.name.startswith("."):
            continue
        expected = rel in (Path(FICHIER_TERRITOIRE), *(Path(f.chemin) for f in OPTIONNELS)) or (
            rel.parent in (Path(SEANCES.chemin), Path(AVENANTS.chemin)) and rel.suffix == ".yaml"
        )
        if path.suffix in (".yaml", ".yml") and not expected:
            optionnels = ", ".join(f.chemin for f in OPTIONNELS)
            yield Problem(
                Location(str(path)),
                f"fichier non reconnu : un territoire contient {FICHIER_TERRITOIRE}, "
                f"{SEANCES.chemin}/*.yaml et, s'il y a lieu, {optionnels} "
                f"et {AVENANTS.chemin}/*.yaml",
            )


def find_territoires(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """Each path is a territory folder, or a folder of territory folders."""
    found: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if _present(path / FICHIER_TERRITOIRE):
            found.append(path)
            continue
        children = (
            sorted(p for p in path.iterdir() if _present(p / FICHIER_TERRITOIRE))
            if path.is_dir()
            else []
        )
        if children:
            found += children
        elif not path.exists():
            problems.append(Problem(Location(str(path)), "dossier introuvable"))
        else:
            problems.append(
                Problem(
                    Location(str(path)), f"aucun territoire ici (aucun {FICHIER_TERRITOIRE} trouvé)"
                )
            )
    return found, problems
