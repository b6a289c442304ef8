"""What the home page shows of each territory: its documents and their state, decided as a
build would decide (`ctgdocs build --dry-run`) and read from the output's manifest."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ctgdocs.build.manifest import MANIFEST
from ctgdocs.build.plan import BuildOptions
from ctgdocs.build.report import BuildReport
from ctgdocs.errors import CtgError
from ctgdocs.fr.dates import date_fr
from ctgdocs.load.territoire import find_territoires


@dataclass(frozen=True, slots=True)
class Fichier:
    chemin: str  # in the output folder: « grand-chatellerault/convention.pdf »
    etat: str  # « à jour », « à reconstruire (…) », « protégé (…) », « signé le … »
    classe: str  # for the page's style: a-jour, a-reconstruire, protege, signe
    present: bool  # the file is there to open


# The order of the states, the most pressing first: a document shows its files' worst.
_ORDRE = ("protege", "a-reconstruire", "signe", "a-jour")


@dataclass(frozen=True, slots=True)
class Document:
    """One document and its files (DOCX, PDF, HTML, @CTES metadata)."""

    nom: str  # « acte-engagement »
    fichiers: tuple[Fichier, ...]

    @property
    def pire(self) -> Fichier:
        return min(self.fichiers, key=lambda f: _ORDRE.index(f.classe))


@dataclass(slots=True)
class Territoire:
    nom: str
    fichiers: list[Fichier] = field(default_factory=list)
    erreurs: list[str] = field(default_factory=list)

    @property
    def documents(self) -> list[Document]:
        par_nom: dict[str, list[Fichier]] = {}
        for f in self.fichiers:
            nom = f.chemin.split("/", 1)[1].split(".", 1)[0]
            par_nom.setdefault(nom, []).append(f)
        return [Document(nom, tuple(fs)) for nom, fs in par_nom.items()]


# The pipeline's build (ctgdocs.app.build), handed down by the command line: the app sits
# beside it, over the stages, and calls what `ctgdocs build` calls.
Construire = Callable[[Sequence[Path], BuildOptions], BuildReport]


def territoires(
    donnees: Path, sortie: Path, construire: Construire
) -> tuple[list[Territoire], list[str]]:
    """Each territory under `donnees` with its documents' states; and the problems that stop
    any territory from being read (a folder that is none)."""
    dossiers, problemes = find_territoires([donnees])
    vues = {d.name: Territoire(d.name) for d in dossiers}
    if not dossiers:
        return [], [str(p) for p in problemes]
    try:
        rapport = construire([donnees], BuildOptions(output=sortie, dry_run=True))
    except CtgError as erreur:
        return list(vues.values()), [str(erreur)]
    signes = _signes(sortie)
    etats: dict[str, tuple[str, str]] = {}
    for chemin in rapport.inchanges:
        etats[_relatif(chemin, sortie)] = ("à jour", "a-jour")
    for chemin, pourquoi in rapport.a_reconstruire:
        etats[_relatif(chemin, sortie)] = (f"à reconstruire ({pourquoi})", "a-reconstruire")
    for chemin, pourquoi in rapport.proteges:
        etats[_relatif(chemin, sortie)] = (f"protégé ({pourquoi})", "protege")
    for rel, (etat, classe) in sorted(etats.items()):
        territoire, _, _ = rel.partition("/")
        if rel in signes and classe == "a-jour":
            etat, classe = f"signé le {signes[rel]}, gelé", "signe"
        if territoire in vues:
            vues[territoire].fichiers.append(Fichier(rel, etat, classe, (sortie / rel).is_file()))
    for echec in rapport.echecs:
        if echec.territoire in vues:
            vues[echec.territoire].erreurs.extend(echec.erreurs)
    return list(vues.values()), [str(p) for p in problemes]


def _relatif(chemin: Path, sortie: Path) -> str:
    try:
        return chemin.resolve().relative_to(sortie.resolve()).as_posix()
    except ValueError:
        return chemin.as_posix()


def _signes(sortie: Path) -> dict[str, str]:
    """The output's files recorded signed, with their date in French."""
    try:
        manifeste = json.loads((sortie / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    signes = {}
    for rel, entree in (manifeste.get("fichiers") or {}).items():
        if isinstance(entree, dict) and entree.get("signe_le"):
            try:
                signes[rel] = date_fr(dt.date.fromisoformat(entree["signe_le"]))
            except (TypeError, ValueError):
                continue
    return signes
