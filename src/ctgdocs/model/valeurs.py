"""Computed values inside data texts: « autour de {nombre_communes} communes ».

Data texts and the clause files of a model are Markdown, never templates (a text of the data
cannot run code). The only thing they may ask for is a value from a closed list of names, each
computed by Python, written `{nom}`; `{Nom}` is the same value with a capital initial, for the
start of a sentence (« {Acte} est conclue… »), and `{NOM}` the same value in capitals, for a
formula printed in capitals (« ADOPTE {VOTE} » → « ADOPTE À L'UNANIMITÉ »). Anything else with
braces stays as typed: `{{ 7*7 }}` is not a value, it is text, and so is `{NoM}`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

VALEUR = re.compile(r"(?<!\{)\{([A-Za-z][a-z0-9_]*|[A-Z][A-Z0-9_]*)\}(?!\})")


def noms(texte: str) -> list[str]:
    """The value names a text asks for, in order, as written."""
    return VALEUR.findall(texte)


def base(nom: str) -> str:
    """The value a name asks for: `Acte` is `acte` with a capital initial, `ACTE` is `acte` in
    capitals."""
    if majuscules(nom):
        return nom.lower()
    return nom[:1].lower() + nom[1:]


def majuscules(nom: str) -> bool:
    """Whether a name asks for its value in capitals (`VOTE`; a one-letter name is an initial)."""
    return len(nom) > 1 and nom.isupper()


def positions(texte: str) -> list[tuple[str, int, int]]:
    """Each value name with its line (from 1) and column (from 1) in the text."""
    found = []
    for n, ligne in enumerate(texte.splitlines(), start=1):
        found += [(m[1], n, m.start() + 1) for m in VALEUR.finditer(ligne)]
    return found


def substituer(texte: str, valeurs: Mapping[str, object]) -> str:
    """Each `{nom}` replaced by its value (with a capital initial for `{Nom}`, in capitals for
    `{NOM}`); an unknown name is a KeyError (validation reports it before rendering)."""

    def valeur(m: re.Match[str]) -> str:
        nom = m[1]
        texte = str(valeurs[base(nom)])
        if majuscules(nom):
            return texte.upper()
        return texte[:1].upper() + texte[1:] if nom[:1].isupper() else texte

    return VALEUR.sub(valeur, texte)
