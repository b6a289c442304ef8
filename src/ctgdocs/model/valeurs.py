"""Computed values inside data texts: « autour de {nombre_communes} communes ».

Data texts are Markdown, never templates (a text of the data cannot run code). The only thing
they may ask for is a value from a closed list of names, each computed by Python, written
`{nom}`. Anything else with braces stays as typed: `{{ 7*7 }}` is not a value, it is text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

VALEUR = re.compile(r"(?<!\{)\{([a-z_]+)\}(?!\})")


def noms(texte: str) -> list[str]:
    """The value names a text asks for, in order."""
    return VALEUR.findall(texte)


def substituer(texte: str, valeurs: Mapping[str, object]) -> str:
    """Each `{nom}` replaced by its value; an unknown name is a KeyError (validation reports it
    before rendering)."""
    return VALEUR.sub(lambda m: str(valeurs[m[1]]), texte)
