"""territoire.yaml read and written back with its comments, key order and quoting (ruamel.yaml
round trip): an import changes the values it owns, and nothing else of the file."""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from ctgdocs.errors import DataError, Location, Problem


def _null(representer: RoundTripRepresenter, _: None) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def _yaml() -> YAML:
    y = YAML()
    y.preserve_quotes = True
    y.width = 4096  # a long flow mapping (one commune a line) stays on its line
    y.indent(mapping=2, sequence=4, offset=2)
    y.representer.add_representer(type(None), _null)
    return y


def lire(texte: str, fichier: str) -> CommentedMap:
    """The file as a round-trip mapping; a located French error if it is not one."""
    try:
        doc = _yaml().load(texte)
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = Location(fichier, mark.line + 1, mark.column + 1) if mark else Location(fichier)
        raise DataError(
            [Problem(where, f"YAML illisible : {getattr(error, 'problem', error)}")]
        ) from None
    if doc is None:
        return CommentedMap()
    if not isinstance(doc, CommentedMap):
        raise DataError(
            [Problem(Location(fichier, 1, 1), "un mapping YAML (clé: valeur) est attendu")]
        )
    return doc


def ecrire(doc: CommentedMap) -> str:
    out = io.StringIO()
    _yaml().dump(doc, out)
    return out.getvalue()


def modifications(lignes: list[dict[str, Any]]) -> str:
    """An avenant's modifications as its file writes them: one block item each, the value on
    one line."""
    seq = CommentedSeq()
    for ligne in lignes:
        item = CommentedMap()
        for cle, valeur in ligne.items():
            item[cle] = _valeur(valeur, flux=True)
        seq.append(item)
    doc = CommentedMap()
    doc["modifications"] = seq
    return ecrire(doc)


def texte(valeur: Any) -> Any:
    """A value as the examples write it: codes in double quotes (« "86066" »), so a code with a
    leading zero is never read as a number."""
    if isinstance(valeur, str) and valeur.isdigit():
        return DoubleQuotedScalarString(valeur)
    return valeur


def en_ligne(champs: dict[str, Any]) -> CommentedMap:
    """A mapping written on one line: « {type: commune, nom: Thuré, …} »."""
    m = CommentedMap()
    for cle, valeur in champs.items():
        m[cle] = _valeur(valeur, flux=True)
    m.fa.set_flow_style()
    return m


def en_bloc(champs: dict[str, Any]) -> CommentedMap:
    m = CommentedMap()
    for cle, valeur in champs.items():
        m[cle] = _valeur(valeur, flux=False)
    return m


def _valeur(valeur: Any, *, flux: bool) -> Any:
    if isinstance(valeur, dict):
        return en_ligne(valeur) if flux else en_bloc(valeur)
    if isinstance(valeur, list):
        seq = CommentedSeq(_valeur(v, flux=True) for v in valeur)
        seq.fa.set_flow_style()
        return seq
    return texte(valeur)


def simple(valeur: Any) -> Any:
    """A round-trip value as plain Python (dict, list, str, int…), to compare and to print."""
    if isinstance(valeur, dict):
        return {str(k): simple(v) for k, v in valeur.items()}
    if isinstance(valeur, list):
        return [simple(v) for v in valeur]
    if isinstance(valeur, str):
        return str(valeur)
    return valeur
