"""Numbers as French writes them: in figures (« 1 234,5 », « 24 000 € », « 62,5 % »), in words
(« vingt et un », amounts « mille deux cents euros »), ordinals (« 1er », « 2e »), and lists
(« A, B et C »). All functions are pure; render/filters.py gives them to the templates."""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_decimal, get_group_symbol
from num2words import num2words

LOCALE = "fr_FR"
NNBSP = "\u202f"  # NARROW NO-BREAK SPACE: thousands separator
NBSP = "\u00a0"  # NO-BREAK SPACE: before "€" and "%"

Number = int | float | Decimal

_CENT = Decimal("0.01")


# --- numbers -----------------------------------------------------------------


def _to_decimal(x: Number) -> Decimal:
    """Convert to Decimal; floats keep 15 significant digits to drop binary noise."""
    if isinstance(x, bool) or not isinstance(x, int | float | Decimal):
        raise TypeError(f"expected a number, got {type(x).__name__}")
    d = Decimal(format(x, ".15g")) if isinstance(x, float) else Decimal(x)
    if not d.is_finite():
        raise ValueError(f"not a finite number: {x!r}")
    return d


def _format(d: Decimal, pattern: str, quantize: bool) -> str:
    if d == 0:
        d = abs(d)  # no "-0"
    text = format_decimal(d, format=pattern, locale=LOCALE, decimal_quantization=quantize)
    return text.replace(get_group_symbol(locale=LOCALE), NNBSP)


def nombre(x: Number, decimales: int | None = None) -> str:
    """French number: "1 234,5" (U+202F groups, comma decimal); fixed decimals if given."""
    d = _to_decimal(x)
    if decimales is None:
        d = d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()
        return _format(d, "#,##0.###", quantize=False)
    if decimales < 0:
        raise ValueError("decimales must be >= 0")
    d = d.quantize(Decimal(1).scaleb(-decimales), rounding=ROUND_HALF_UP)
    return _format(d, "#,##0" + ("." + "0" * decimales if decimales else ""), quantize=True)


def euros(x: Number) -> str:
    """Amount in figures: "24 000 €", "1 234,50 €" (cents only when not whole)."""
    d = _to_decimal(x).quantize(_CENT, rounding=ROUND_HALF_UP)
    decimales = 0 if d == d.to_integral_value() else 2
    return f"{nombre(d, decimales)}{NBSP}€"


def pourcentage(x: Number, decimales: int | None = None) -> str:
    """Percentage from a ratio: 0.625 → "62,5 %"."""
    return f"{nombre(_to_decimal(x) * 100, decimales)}{NBSP}%"


def nombre_lettres(n: int, feminin: bool = False) -> str:
    """Cardinal in words, traditional spelling: "vingt et un", "quatre-vingts"."""
    words: str = num2words(operator.index(n), lang="fr")
    if feminin:
        words = re.sub(r"\bun$", "une", words)
    return words


def ordinal(n: int, feminin: bool = False) -> str:
    """Abbreviated ordinal: "1er", "1re", "2e" (superscript is applied elsewhere)."""
    n = operator.index(n)
    if n < 1:
        raise ValueError(f"no ordinal for {n}")
    if n == 1:
        return "1re" if feminin else "1er"
    return f"{n}e"


# --- amounts in words --------------------------------------------------------


def _quantite(n: int, singulier: str, pluriel: str) -> str:
    """ "un euro", "deux euros", "un million d'euros"."""
    words = nombre_lettres(n)
    if re.search(r"(million|milliard)s?$", words):
        de = "d'" if pluriel[0] in "aeiouyéh" else "de "
        return f"{words} {de}{pluriel}"
    return f"{words} {singulier if n <= 1 else pluriel}"


def montant_lettres(x: Number) -> str:
    """Amount in words: "mille deux cent trente-quatre euros et cinquante centimes"."""
    d = _to_decimal(x).quantize(_CENT, rounding=ROUND_HALF_UP)
    if d < 0:
        raise ValueError(f"negative amount: {x!r}")
    unites = int(d)
    centimes = int((d - unites) * 100)
    if unites == 0 and centimes:
        return _quantite(centimes, "centime", "centimes")
    texte = _quantite(unites, "euro", "euros")
    if centimes:
        texte += " et " + _quantite(centimes, "centime", "centimes")
    return texte


# --- text --------------------------------------------------------------------


def liste(items: Iterable[str], conjonction: str = "et") -> str:
    """French enumeration: "A, B et C" (no serial comma); empty items are skipped."""
    elements = [str(item) for item in items if item]
    if len(elements) < 2:
        return "".join(elements)
    return f"{', '.join(elements[:-1])} {conjonction} {elements[-1]}"


def abrege(items: Sequence[str], n: int) -> str:
    """The first n items and how many more: « a, b, c et 44 autres » (a message naming a long
    list of ids)."""
    return ", ".join(items[:n]) + (f" et {len(items) - n} autres" if len(items) > n else "")


def majuscule_initiale(s: str) -> str:
    """Upper-case the first letter when the text starts with one (after punctuation)."""
    return re.sub(r"^(\W*)([^\W\d_])", lambda m: m[1] + m[2].upper(), s, count=1)
