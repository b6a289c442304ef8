"""Apply avenants to a territory's data: pure, in order, every problem located in the avenant.

The avenants change the files' plain data (as read from YAML); each changed file is validated
again with its model, so the consolidated data is checked like any other. A value that came
from an avenant is located in the avenant (file:line:col of its `valeur`), any other in its
own file.
"""

from __future__ import annotations

import copy
import dataclasses
import difflib
import re
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from ctgdocs.errors import Location, Problem
from ctgdocs.load.messages import problems_from_validation
from ctgdocs.load.territoire import DonneesTerritoire, Fichier, Marques, chemin
from ctgdocs.load.yamlfile import Mark, Path_
from ctgdocs.model.avenant import FichierAvenant, Modification
from ctgdocs.model.fichiers import MODIFIABLES

# The first key of a path names its file (the top-level keys of the files are all distinct).
# `sources` (the official files a territory was imported from) is no term of an act.
FICHIER_DE_CLE = {cle: f.nom for f in MODIFIABLES for cle in f.cles if cle != "sources"}
NOMS = {f.nom: f.chemin for f in MODIFIABLES}
MODELES: dict[str, type[BaseModel]] = {f.nom: f.modele for f in MODIFIABLES}
# The keys that identify an item of a list of mappings, tried in order: parties[caf-86]; a
# grouped party is chosen by any of its organisations, a representative of a group by its own.
CLES_ID = ("organisation", "personne", "id", "numero", "intitule", "clause", "titre")

_SEGMENT = re.compile(r"\.?([a-z0-9_-]+)|\[([^\[\]]+)\]")


class Refus(Exception):
    """A modification that cannot apply: its French reason."""


@dataclasses.dataclass(frozen=True)
class Selecteur:
    """A list item chosen in brackets: a position from 1, or the item's value or id."""

    texte: str


Segment = str | Selecteur
_Origine = tuple[Marques, Path_]  # where a value an avenant wrote is: its marks, its path


def segments(texte: str) -> list[Segment]:
    return [
        key if key else Selecteur(sel.strip()) for key, sel in _SEGMENT.findall(texte) if key or sel
    ]


class MarquesConsolidees:
    """Where each value of a consolidated file was written: in an avenant when it came from
    one, else in the file itself (list positions shifted back over the items removed)."""

    def __init__(self, base: Marques) -> None:
        self.base = base
        self.file = base.file
        self.origines: dict[Path_, _Origine] = {}  # path → (avenant marks, its path)
        self.retraits: list[tuple[Path_, int]] = []  # (list path, index removed), in order

    def location(self, path: Sequence[str | int]) -> Location:
        path = tuple(path)
        for end in range(len(path), 0, -1):
            origine = self.origines.get(path[:end])
            if origine is not None:
                marks, debut = origine
                return marks.location(debut + path[end:])
        return self.base.location(self._base(path))

    def nearest(self, path: Sequence[str | int]) -> Mark:
        return self.base.nearest(self._base(tuple(path)))

    def _base(self, path: Path_) -> Path_:
        parts = list(path)
        for liste, index in reversed(self.retraits):
            n = len(liste)
            dedans = tuple(parts[:n]) == liste and len(parts) > n
            rang = parts[n] if dedans else None
            if isinstance(rang, int) and rang >= index:
                parts[n] = rang + 1
        return tuple(parts)


def consolider(
    d: DonneesTerritoire, avenants: Sequence[Fichier[FichierAvenant]]
) -> tuple[DonneesTerritoire | None, list[Problem]]:
    """The territory's data with the avenants applied in order, validated again; or the
    problems, located in the avenants (or, for a value an avenant left as it was, its file)."""
    donnees = {nom: copy.deepcopy(getattr(d, nom).data) for nom in NOMS if getattr(d, nom)}
    marques = {nom: MarquesConsolidees(getattr(d, nom).marks) for nom in donnees}
    problems: list[Problem] = []
    touches: set[str] = set()
    for fichier in avenants:
        for i, modif in enumerate(fichier.model.avenant.modifications):
            where = ("avenant", "modifications", i, modif.operation)
            try:
                nom = _appliquer(donnees, marques, modif, (fichier.marks, (*where[:-1], "valeur")))
            except Refus as refus:
                problems.append(fichier.problem(where, str(refus)))
            else:
                touches.add(nom)
    if problems:
        return None, problems
    nouveaux: dict[str, Any] = {}  # a field of DonneesTerritoire → its consolidated Fichier
    for nom in sorted(touches):
        base = getattr(d, nom)
        try:
            model = MODELES[nom].model_validate(donnees[nom])
        except ValidationError as exc:
            problems += [
                Problem(marques[nom].location(p), msg, chemin(p))
                for p, msg in problems_from_validation(exc, donnees[nom], MODELES[nom])
            ]
            continue
        nouveaux[nom] = Fichier(base.path, model, marques[nom], donnees[nom])
    if problems:
        return None, problems
    return dataclasses.replace(d, avenants=tuple(avenants), **nouveaux), []


def _appliquer(
    donnees: dict[str, Any],
    marques: dict[str, MarquesConsolidees],
    modif: Modification,
    origine: _Origine,
) -> str:
    """Apply one modification; return the name of the file it changed."""
    parts = segments(modif.chemin)
    premier = parts[0]
    if not isinstance(premier, str) or premier not in FICHIER_DE_CLE:
        connus = ", ".join(FICHIER_DE_CLE)
        raise Refus(f"chemin « {modif.chemin} » : il commence par une de ces clés : {connus}")
    nom = FICHIER_DE_CLE[premier]
    if nom not in donnees:
        raise Refus(f"{NOMS[nom]} est absent du territoire : l'avenant ne peut pas le modifier")
    racine = donnees[nom]
    parent, cle, concret = _parent(racine, parts, modif.chemin)
    existe = _existe(parent, cle)
    if modif.operation == "remplace":
        if not existe:
            raise Refus(_introuvable(parent, cle, modif.chemin))
        if parent[cle] == modif.valeur:
            raise Refus(f"cette modification ne change rien : « {modif.chemin} » vaut déjà cela")
        parent[cle] = copy.deepcopy(modif.valeur)
        marques[nom].origines[concret] = origine
    elif modif.operation == "ajoute":
        if existe and isinstance(parent[cle], list):
            if modif.valeur in parent[cle]:
                raise Refus(f"« {modif.chemin} » contient déjà cet élément")
            parent[cle].append(copy.deepcopy(modif.valeur))
            marques[nom].origines[(*concret, len(parent[cle]) - 1)] = origine
        elif existe:
            raise Refus(
                f"« {modif.chemin} » existe déjà : pour changer sa valeur, utilisez « remplace »"
            )
        elif isinstance(parent, dict) and isinstance(cle, str):
            parent[cle] = copy.deepcopy(modif.valeur)
            marques[nom].origines[concret] = origine
        else:
            raise Refus(_introuvable(parent, cle, modif.chemin))
    else:  # retire
        if not existe:
            raise Refus(_introuvable(parent, cle, modif.chemin))
        del parent[cle]
        if isinstance(parent, list):
            marques[nom].retraits.append((concret[:-1], cle))
    return nom


def _parent(racine: Any, parts: list[Segment], texte: str) -> tuple[Any, Any, Path_]:
    """The container of the last segment, the key or index in it, and the concrete path."""
    courant = racine
    concret: list[Any] = []
    for n, part in enumerate(parts):
        cle = _cle(courant, part, texte)
        if n == len(parts) - 1:
            return courant, cle, (*concret, cle)
        if not _existe(courant, cle):
            raise Refus(_introuvable(courant, cle, texte))
        concret.append(cle)
        courant = courant[cle]
    raise AssertionError("a path has at least one segment")


def _cle(conteneur: Any, part: Segment, texte: str) -> Any:
    if isinstance(part, str):
        if not isinstance(conteneur, dict):
            raise Refus(
                f"chemin « {texte} » : « {part} » désigne une clé, mais ici la valeur "
                "n'est pas un dictionnaire"
            )
        return part
    if not isinstance(conteneur, list):
        raise Refus(
            f"chemin « {texte} » : [{part.texte}] désigne un élément de liste, mais "
            "ici la valeur n'est pas une liste"
        )
    if part.texte.isdigit():
        rang = int(part.texte)
        if not 1 <= rang <= len(conteneur):
            raise Refus(
                f"chemin « {texte} » : pas d'élément n° {rang} (la liste en a {len(conteneur)})"
            )
        return rang - 1
    trouves = [i for i, item in enumerate(conteneur) if _designe(item, part.texte)]
    if len(trouves) != 1:
        quoi = "aucun élément" if not trouves else f"{len(trouves)} éléments"
        raise Refus(f"chemin « {texte} » : {quoi} de la liste ne correspond à « {part.texte} »")
    return trouves[0]


def _designe(item: Any, ident: str) -> bool:
    if isinstance(item, dict):
        groupe = item.get("organisations")  # a grouped party: by any of its members
        if isinstance(groupe, list) and ident in map(str, groupe):
            return True
        return any(str(item.get(k)) == ident for k in CLES_ID if k in item)
    return str(item) == ident


def _existe(conteneur: Any, cle: Any) -> bool:
    if isinstance(conteneur, dict):
        return cle in conteneur
    return isinstance(cle, int) and 0 <= cle < len(conteneur)


def _introuvable(conteneur: Any, cle: Any, texte: str) -> str:
    if isinstance(conteneur, dict) and isinstance(cle, str):
        proche = difflib.get_close_matches(cle, list(conteneur), n=1, cutoff=0.6)
        hint = f" ; vouliez-vous dire « {proche[0]} » ?" if proche else ""
        return f"chemin « {texte} » : la clé « {cle} » n'existe pas{hint}"
    return f"chemin « {texte} » : cet élément n'existe pas"
