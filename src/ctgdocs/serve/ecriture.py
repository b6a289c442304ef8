"""The séance file the form writes: a new file as a person writes one, or an existing file with
only the values the form changed replaced, its comments, key order and other keys kept
(ruamel.yaml round trip, imports/yamlrt). Saved atomically, and never over a file that
changed on disk since the form read it."""

from __future__ import annotations

import difflib
import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from ctgdocs.imports import yamlrt
from ctgdocs.paths import PROJECT_DIR
from ctgdocs.serve.champs import CLES_DELIBERATION, CLES_SEANCE, EnLigne, ListeEnLigne

SCHEMA = PROJECT_DIR / "schema" / "seance.schema.json"


def empreinte(texte: str | None) -> str:
    """What the form remembers of the file it opened: its text's hash, « » for no file."""
    return "" if texte is None else hashlib.sha256(texte.encode("utf-8")).hexdigest()


def _ruamel(valeur: Any) -> Any:
    """A value of the form's data as the round trip writes it."""
    if isinstance(valeur, EnLigne):
        return yamlrt.en_ligne(valeur)
    if isinstance(valeur, ListeEnLigne):
        seq = CommentedSeq(_ruamel(v) for v in valeur)
        seq.fa.set_flow_style()
        return seq
    if isinstance(valeur, dict):
        return CommentedMap((k, _ruamel(v)) for k, v in valeur.items())
    if isinstance(valeur, list):
        return CommentedSeq(_ruamel(v) for v in valeur)
    if isinstance(valeur, str) and "\n" in valeur:
        return LiteralScalarString(valeur + "\n")
    return yamlrt.texte(valeur)


def _pareil(ancien: Any, nouveau: Any) -> bool:
    a, n = yamlrt.simple(ancien), yamlrt.simple(nouveau)
    if isinstance(a, str) and isinstance(n, str):
        return a.rstrip("\n") == n.rstrip("\n")
    return bool(a == n)


def _fusionner(cible: CommentedMap, nouveau: dict[str, Any], cles: Sequence[str]) -> None:
    """`cible` holds `nouveau`'s values for the keys the form owns; a value unchanged keeps its
    node (and its comments); a new key goes after the form's keys that precede it."""
    for cle in cles:
        if cle not in nouveau:
            if cle in cible:
                del cible[cle]
            continue
        valeur = nouveau[cle]
        if cle in cible:
            ancien = cible[cle]
            if _pareil(ancien, valeur):
                continue
            if (
                _liste_bloc(ancien)
                and isinstance(valeur, list)
                and not isinstance(valeur, ListeEnLigne)
            ):
                _fusionner_liste(ancien, valeur)
                continue
            cible[cle] = _ruamel(valeur)
            continue
        avant = [c for c in cles[: cles.index(cle)] if c in cible]
        position = list(cible).index(avant[-1]) + 1 if avant else 0
        cible.insert(position, cle, _ruamel(valeur))


def _liste_bloc(valeur: Any) -> bool:
    return isinstance(valeur, CommentedSeq) and not valeur.fa.flow_style()


def _fusionner_liste(cible: CommentedSeq, nouveau: list[Any]) -> None:
    """Item by item: an unchanged item keeps its node and comments."""
    for i, valeur in enumerate(nouveau):
        if i < len(cible):
            if not _pareil(cible[i], valeur):
                cible[i] = _ruamel(valeur)
        else:
            cible.append(_ruamel(valeur))
    del cible[len(nouveau) :]


def composer(
    ancien: str | None,
    fichier: Path,
    seance: dict[str, Any],
    deliberations: list[dict[str, Any]],
    cles: tuple[str, ...] = CLES_SEANCE,
) -> str:
    """The file's new text: `ancien` with the form's values for the séance's keys `cles`, or a
    new file."""
    if ancien is None:
        return _nouveau(fichier, seance, deliberations)
    doc = yamlrt.lire(ancien, str(fichier))
    if not isinstance(doc.get("seance"), CommentedMap):
        doc["seance"] = CommentedMap()
    _fusionner(doc["seance"], seance, cles)
    seq = doc.get("deliberations")
    if not isinstance(seq, CommentedSeq):
        doc["deliberations"] = seq = CommentedSeq()
    for i, delib in enumerate(deliberations):
        if i < len(seq) and isinstance(seq[i], CommentedMap):
            _fusionner(seq[i], delib, CLES_DELIBERATION)
        elif i < len(seq):
            seq[i] = _ruamel(delib)
        else:
            seq.append(_ruamel(delib))
    del seq[len(deliberations) :]
    return yamlrt.ecrire(doc)


def _nouveau(fichier: Path, seance: dict[str, Any], deliberations: list[dict[str, Any]]) -> str:
    schema = os.path.relpath(SCHEMA, fichier.parent.resolve())
    doc = CommentedMap()
    doc["seance"] = _ruamel(seance)
    doc["deliberations"] = _ruamel(deliberations)
    texte = yamlrt.ecrire(doc).replace("\ndeliberations:", "\n\ndeliberations:", 1)
    return (
        f"# yaml-language-server: $schema={schema}\n"
        "#\n"
        "# Écrit avec le formulaire de « ctgdocs serve » ; il se modifie aussi à la main.\n"
        "\n" + texte
    )


def difference(ancien: str | None, nouveau: str, nom: str) -> str:
    """The change the save makes, as a unified diff (an empty text: nothing changes)."""
    return "".join(
        difflib.unified_diff(
            (ancien or "").splitlines(keepends=True),
            nouveau.splitlines(keepends=True),
            fromfile=f"{nom} (sur le disque)" if ancien is not None else "/dev/null",
            tofile=f"{nom} (enregistré)",
        )
    )


@dataclass(frozen=True, slots=True)
class Conflit:
    """The file changed on disk since the form read it: both versions, to compare."""

    sur_le_disque: str | None
    saisie: str


def lire(fichier: Path) -> str | None:
    """The file's text, None if there is none."""
    try:
        return fichier.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def enregistrer(fichier: Path, texte: str, attendu: str) -> Conflit | None:
    """Write `texte` atomically unless the file is no longer the one the form read (`attendu`,
    its empreinte): then nothing is written and both versions are returned."""
    from ctgdocs.writers.atomic import write_bytes_atomic

    actuel = lire(fichier)
    if empreinte(actuel) != attendu:
        return Conflit(actuel, texte)
    fichier.parent.mkdir(exist_ok=True)
    write_bytes_atomic(fichier, texte.encode("utf-8"))
    return None
