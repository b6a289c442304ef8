"""Turn pydantic validation errors into French problems located in the YAML file."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ctgdocs.fr.accord import accord

Loc = tuple[int | str, ...]  # a place in the data: keys and list indices

# Values that ctgdocs computes: typing them is refused with an explanation, not just "unknown".
CALCULES = {
    "quorum": "le quorum est calculé à partir des membres en exercice et de la date de la séance",
    "votants": "le nombre de votants est calculé (présents + représentés − ne prenant pas part)",
    "exprimes": "les suffrages exprimés sont calculés (pour + contre)",
    "representes": "le nombre de représentés est calculé à partir des pouvoirs",
    "resultat": "le résultat du vote est calculé à partir des voix",
}

_PATTERNS = {
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "identifiant invalide « {input} » : minuscules sans accent, "
    "chiffres et tirets seulement (ex. « jc-carre »)",
    r"^\d\.\d{1,2}$": "code matière attendu au format « 7.1 », reçu « {input} »",
    r"^\d{9}$": "numéro SIREN attendu (9 chiffres), reçu « {input} »",
    r"^[a-z0-9_]+$": "nom de clause invalide « {input} » : minuscules, chiffres et _ seulement",
    r"^[a-z_]+(\.[a-z0-9_-]+|\[[^\[\]]+\])*$": "chemin invalide « {input} » : des clés séparées "
    "par des points, un élément de liste entre crochets (ex. « territoire.ctg.fin », "
    "« convention.parties[caf-86].representants »)",
    r"^[^\n]+$": "une seule ligne attendue (pas de retour à la ligne)",
}

_TYPE_WORDS = {"int", "str", "float", "bool", "date", "time", "dict", "list", "decimal"}


def problems_from_validation(
    error: ValidationError, data: Any, model: type[BaseModel]
) -> list[tuple[Loc, str]]:
    """French (path, message) pairs for every error, union alternatives merged."""
    found: dict[Loc, list[tuple[bool, ErrorDetails]]] = {}
    for err in error.errors(include_url=False):
        path, from_union = _clean_loc(err["loc"], data, missing=err["type"] == "missing")
        found.setdefault(path, []).append((from_union, err))
    result = []
    for path, errs in found.items():
        for err in _pick(errs):
            if err["type"] == "missing" and _misspelt(path, found, model):
                continue  # the unknown key beside it already says « vouliez-vous dire … »
            result.append((path, message(err, path, model)))
    return result


def _misspelt(
    path: Loc, found: dict[Loc, list[tuple[bool, ErrorDetails]]], model: type[BaseModel]
) -> bool:
    """Is a missing field explained by a misspelt key next to it?"""
    parent, name = path[:-1], path[-1]
    for other, errs in found.items():
        unknown = other[:-1] == parent and any(e["type"] == "extra_forbidden" for _, e in errs)
        if unknown and difflib.get_close_matches(str(other[-1]), [str(name)], n=1, cutoff=0.6):
            return True
    return False


def _clean_loc(loc: Loc, data: Any, missing: bool = False) -> tuple[Loc, bool]:
    """Drop pydantic's union-member tags from loc, keeping only real keys and indices. A
    missing field's name ends its loc, even a name like a tag's (« date »)."""
    path: list[int | str] = []
    node = data
    tagged = False
    for i, part in enumerate(loc):
        if _has(node, part):
            path.append(part)
            node = node[part]
        elif _is_tag(part) and not (missing and i == len(loc) - 1):
            tagged = True
        else:
            path.append(part)
            node = None
    return tuple(path), tagged


def _has(node: Any, part: int | str) -> bool:
    """Is `part` a key of `node`, a mapping, or an index of `node`, a list?"""
    return (isinstance(node, dict) and part in node) or (
        isinstance(node, list) and isinstance(part, int) and part < len(node)
    )


def _is_tag(part: Any) -> bool:
    if not isinstance(part, str):
        return False
    return (
        part in _TYPE_WORDS or "[" in part or part[:1].isupper() or part.startswith("constrained")
    )


def _pick(errs: list[tuple[bool, ErrorDetails]]) -> list[ErrorDetails]:
    """Among union alternatives at one place, keep the specific errors over 'wrong type' ones."""
    if not any(tagged for tagged, _ in errs):
        return [e for _, e in errs]
    specific = [e for _, e in errs if not e["type"].endswith("_type")]
    if specific:
        return specific[:1]
    merged = errs[0][1].copy()
    merged["type"] = "union_type"
    return [merged]


def message(err: ErrorDetails, path: Loc, model: type[BaseModel]) -> str:
    kind = err["type"]
    value = err.get("input")
    ctx = err.get("ctx") or {}
    shown = _show(value)
    if kind == "missing":
        return "champ obligatoire manquant"
    if kind == "extra_forbidden":
        return _unknown_key(path, model)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"nombre entier attendu, reçu « {shown} »"
    if kind in ("decimal_type", "decimal_parsing", "float_type", "float_parsing"):
        return f"nombre attendu, reçu « {shown} »"
    if kind == "greater_than_equal":
        return f"nombre supérieur ou égal à {ctx.get('ge')} attendu, reçu « {shown} »"
    if kind == "greater_than":
        return f"nombre supérieur à {ctx.get('gt')} attendu, reçu « {shown} »"
    if kind == "less_than_equal":
        return f"nombre inférieur ou égal à {_nombre(ctx.get('le'))} attendu, reçu « {shown} »"
    if kind == "finite_number":
        return f"nombre attendu, reçu « {shown} » (ni NaN ni infini)"
    if kind == "decimal_max_places":
        places = ctx.get("decimal_places")
        return f"au plus {places} chiffres après la virgule (des centimes), reçu « {shown} »"
    if kind == "string_type":
        hint = " (mettez la valeur entre guillemets)" if not isinstance(value, dict | list) else ""
        return f"texte attendu, reçu « {shown} »{hint}"
    if kind == "string_too_short":
        return "texte vide : une valeur est attendue"
    if kind == "string_too_long":
        return f"texte trop long ({len(str(value))} caractères ; maximum {ctx.get('max_length')})"
    if kind == "string_pattern_mismatch":
        template = _PATTERNS.get(str(ctx.get("pattern")), "valeur « {input} » au format invalide")
        return template.format(input=shown)
    if kind.startswith("date_"):
        return f"date attendue au format AAAA-MM-JJ, reçu « {shown} »"
    if kind == "literal_error":
        choix = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return f"valeur attendue parmi {', '.join(f'« {c} »' for c in choix)} ; reçu « {shown} »"
    if kind == "list_type":
        return "liste attendue (un élément par ligne, précédé de « - »)"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "dictionnaire attendu (des lignes « clé: valeur »)"
    if kind == "too_short":
        n = ctx.get("min_length", 1)
        return f"au moins {n} {accord('élément attendu', n)}"
    if kind == "bool_type" or kind == "bool_parsing":
        return f"true ou false attendu, reçu « {shown} »"
    if kind == "union_type":
        return f"valeur de type inattendu « {shown} » : {_union_expected(path)}"
    if kind == "value_error":
        return _value_error(str(ctx.get("error", "")), shown)
    return f"valeur invalide « {shown} »"


def _value_error(code: str, shown: str) -> str:
    if code == "heure":
        return f"heure attendue (ex. « 19h00 » ou « 19:00 »), reçu « {shown} »"
    if code == "date-bornes":
        from ctgdocs.fr.dates import date_fr
        from ctgdocs.model.base import DATE_MAX, DATE_MIN

        return (
            f"date entre le {date_fr(DATE_MIN)} et le {date_fr(DATE_MAX)} attendue, "
            f"reçu « {shown} »"
        )
    if code == "bloc":
        return "un bloc contient soit « texte », soit « clause » (exactement l'un des deux)"
    if code == "article-source":
        return "un article prend son texte d'une clause (clause) ou des données de l'acte (donnees), pas des deux"
    if code == "article-propre":
        return (
            "un article tiré d'une clause ou des données n'a pas de texte propre (texte, "
            "sous_articles) : pour compléter la clause, écrire « ajout »"
        )
    if code == "article-vide":
        return "un article est une clause (clause), un texte des données (donnees) ou un texte propre (titre et texte)"
    if code == "article-titre":
        return "un article au texte propre a un titre (titre)"
    if code == "remplacement-vide":
        return "un article réécrit a un texte (texte) ou des sous-articles (sous_articles)"
    if code == "avenant-vide":
        return (
            "un avenant modifie quelque chose : des données (modifications), des articles "
            "réécrits (remplace_articles) ou ses propres articles (articles)"
        )
    if code == "vote-unanimite":
        return "un vote à l'unanimité ne donne pas ses nombres : ils sont calculés (pour = votants)"
    if code == "vote-chiffres":
        return "un vote donne pour, contre et abstentions, ou s'écrit « vote: unanimite »"
    if code == "modification":
        return "une modification contient exactement une opération : « remplace », « ajoute » ou « retire »"
    if code == "modification-valeur":
        return "« valeur » manque : la nouvelle valeur (remplace) ou l'élément ajouté (ajoute)"
    if code == "modification-retire":
        return "« retire » ne prend pas de « valeur » : le chemin désigne l'élément retiré"
    return f"valeur invalide « {shown} »"


def _union_expected(path: Loc) -> str:
    if path and path[-1] in ("presents", "pouvoirs"):
        return "liste (un identifiant par ligne) ou nombre entier attendu"
    return "autre type attendu"


def _show(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _unknown_key(path: Loc, model: type[BaseModel]) -> str:
    key = str(path[-1]) if path else ""
    if key in CALCULES:
        return f"clé « {key} » refusée : {CALCULES[key]}"
    known = known_keys(model, path[:-1])
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = f" ; vouliez-vous dire « {close[0]} » ?" if close else ""
    listing = f" (clés possibles : {', '.join(sorted(known))})" if known and not close else ""
    return f"clé inconnue « {key} »{hint}{listing}"


def known_keys(model: type[BaseModel], path: Iterable[int | str]) -> list[str]:
    """The keys allowed at path inside model (walking lists, dicts and optionals)."""
    current: Any = model
    for part in path:
        current = _descend(current, part)
        if current is None:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _descend(annotation: Any, part: Any) -> Any:
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        field = annotation.model_fields.get(part) if isinstance(part, str) else None
        return field.annotation if field else None
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is list and args:
        return args[0]
    if origin is dict and len(args) == 2:
        return args[1]
    return None


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated and Optional/unions down to the model or container inside."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            structured = [
                a for a in options if typing.get_origin(a) in (list, dict) or _is_model(a)
            ]
            annotation = structured[0] if structured else options[0]
        else:
            return annotation


def _is_model(annotation: Any) -> bool:
    annotation = (
        typing.get_args(annotation)[0]
        if typing.get_origin(annotation) is typing.Annotated
        else annotation
    )
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _nombre(value: object) -> str:
    """A bound as a French reader reads it: 100 000 000, not 100000000."""
    text = str(value)
    if text.isdigit() and len(text) > 4:
        return f"{int(text):,}".replace(",", "\u202f")
    return text
