"""Agreement in gender and number: the `accord` filter of the templates.

A template writes a word in the masculine singular and says what it agrees with:
`{{ "désigné"|accord(feminin=p.feminin) }}` → « désignée » for a feminine party,
`{{ "Absent excusé"|accord(s.noms_absents) }}` → « Absents excusés » for two absents or more.
Every word of the text agrees, so a template puts the filter on the words that agree only
(« {{ "Secrétaire"|accord(s.secretaires) }} de séance »).

The rules are the regular ones (feminine: + « e » unless the word ends in « e »; plural:
+ « s » unless it ends in « s », « x » or « z »), with the few determiners and pronouns whose
feminine is another word (« le » → « la », « son » → « sa »). A word outside them that is
irregular is written in full by the template: the filter never guesses.
"""

from __future__ import annotations

from collections.abc import Sized

# Feminine of the words whose feminine is not the masculine + « e ».
FEMININS = {
    "le": "la",
    "un": "une",
    "ce": "cette",
    "son": "sa",
    "du": "de la",
    "au": "à la",
    "il": "elle",
    "celui": "celle",
    "lequel": "laquelle",
}
# Plural of the words whose plural is not the singular + « s », masculine and feminine.
PLURIELS = {
    "le": "les",
    "la": "les",
    "un": "des",
    "une": "des",
    "ce": "ces",
    "cette": "ces",
    "son": "ses",
    "sa": "ses",
    "du": "des",
    "de la": "des",
    "au": "aux",
    "à la": "aux",
    "celui": "ceux",
    "lequel": "lesquels",
    "laquelle": "lesquelles",
}


def accord(texte: str, nombre: int | Sized | None = None, feminin: bool = False) -> str:
    """Each word of `texte` (masculine singular) in the feminine if `feminin`, and in the
    plural if `nombre` (a count, or the sequence it counts) is more than one: French puts one
    and zero in the singular (« 0 délibération adoptée »)."""
    if isinstance(nombre, str):  # a text is not what it counts: a template's slip
        raise TypeError(f"accord : un nombre ou une liste est attendu, pas le texte « {nombre} »")
    compte = len(nombre) if isinstance(nombre, Sized) else (nombre or 0)
    return " ".join(_mot(mot, compte > 1, feminin) for mot in texte.split(" "))


def _mot(mot: str, pluriel: bool, feminin: bool) -> str:
    if not mot:
        return mot
    if feminin:
        mot = _casse(mot, FEMININS.get(mot.lower())) or (mot if mot.endswith("e") else mot + "e")
    if pluriel:
        mot = _casse(mot, PLURIELS.get(mot.lower())) or (
            mot if mot.endswith(("s", "x", "z")) else mot + "s"
        )
    return mot


def _casse(mot: str, forme: str | None) -> str | None:
    """The other form of a word, with the word's initial capital if it has one."""
    if forme is None:
        return None
    return forme[0].upper() + forme[1:] if mot[0].isupper() else forme
