"""The shipped house styles of the deliberation extracts (templates/deliberation/styles.yaml),
read once, and a collectivité's style resolved over its layout's (model/style_deliberation.py).

The file is the defaults' one place: each layout's options, the labels of the counts, the
heading « registre: true » prints. A slip in it is the templates' error (TemplateError), not
the user's: every formula it holds names only values of the vocabulary."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, get_args

import yaml
from pydantic import ValidationError

from ctgdocs.errors import TemplateError
from ctgdocs.load import access
from ctgdocs.load.messages import problems_from_validation
from ctgdocs.model import valeurs
from ctgdocs.model.style_deliberation import (
    FORMULES,
    Compte,
    StyleDeliberation,
    ecrites,
    fusionner,
)
from ctgdocs.model.vocabulaire_deliberation import VOCABULAIRE_DELIBERATION
from ctgdocs.paths import TEMPLATES_DIR

FICHIER = Path("deliberation") / "styles.yaml"


@dataclass(frozen=True)
class StylesLivres:
    registre: str  # the heading's formula, for « registre: true »
    libelles: dict[str, str]  # every count's label
    mises_en_page: dict[str, dict[str, Any]]  # each layout's default options, as data


def styles_livres() -> StylesLivres:
    return _lire(TEMPLATES_DIR / FICHIER)


def defauts(mise_en_page: str) -> dict[str, Any]:
    """A layout's default options, as data (the options it uses, and only those)."""
    return styles_livres().mises_en_page[mise_en_page]


def resoudre(style: StyleDeliberation) -> StyleDeliberation:
    """A collectivité's style: its layout's defaults with its own options over them."""
    donnees = fusionner(defauts(style.mise_en_page), ecrites(style))
    return StyleDeliberation.model_validate({**donnees, "mise_en_page": style.mise_en_page})


def formules(
    style: StyleDeliberation, registre: str | None = None
) -> list[tuple[tuple[str | int, ...], str]]:
    """Every formula of a style, with its option's path: (("cloture", "formules", 0), « … »);
    `registre` is the heading « registre: true » prints (the shipped one, by default)."""
    found: list[tuple[tuple[str | int, ...], str]] = []
    e = style.en_tete
    if e.registre is True:
        found.append((("en_tete", "registre"), registre or styles_livres().registre))
    elif isinstance(e.registre, str):
        found.append((("en_tete", "registre"), e.registre))
    found += [(("en_tete", n), t) for n in ("titre", "seance", "objet") if (t := getattr(e, n))]
    for nom in ("ouverture", "adresse", "avant_decisions", "apres_decisions", "rejet"):
        if (texte := getattr(style, nom)) is not None:
            found.append(((nom,), texte))
    found += [(("cloture", "formules", i), f) for i, f in enumerate(style.cloture.formules or [])]
    assert {c[-1] for c, _ in found if isinstance(c[-1], str)} <= FORMULES
    return found


@cache
def _lire(path: Path) -> StylesLivres:
    try:
        data = yaml.safe_load(access.read_text(path, [TEMPLATES_DIR]))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
        raise TemplateError(f"{path}{where} : YAML illisible") from None
    if not isinstance(data, dict) or set(data) != {"registre", "libelles", "mises_en_page"}:
        raise TemplateError(f"{path} : registre, libelles et mises_en_page sont attendus")
    registre, libelles, layouts = data["registre"], data["libelles"], data["mises_en_page"]
    if not isinstance(libelles, dict) or set(libelles) != set(get_args(Compte)):
        raise TemplateError(f"{path} : libelles : un libellé par nombre est attendu")
    if not isinstance(layouts, dict) or not layouts:
        raise TemplateError(f"{path} : mises_en_page : une mise en page au moins est attendue")
    for nom, options_livrees in layouts.items():
        if not isinstance(options_livrees, dict):
            raise TemplateError(f"{path} : {nom} : ses options sont attendues")
        try:
            style = StyleDeliberation.model_validate({**options_livrees, "mise_en_page": nom})
        except ValidationError as error:
            ((champ, message), *_) = problems_from_validation(
                error, options_livrees, StyleDeliberation
            )
            where = "".join(f", {part}" for part in champ)
            raise TemplateError(f"{path} : {nom}{where} : {message}") from None
        for chemin, texte in [((), registre), *formules(style, registre)]:
            for valeur in valeurs.noms(texte):
                if valeurs.base(valeur) not in VOCABULAIRE_DELIBERATION:
                    where = "".join(f", {part}" for part in chemin)
                    raise TemplateError(f"{path} : {nom}{where} : valeur inconnue {{{valeur}}}")
    return StylesLivres(registre, dict(libelles), dict(layouts))
