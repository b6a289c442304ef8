"""French typographic spacing and ordinal superscripts for plain text runs."""

from __future__ import annotations

import re

NNBSP = "\u202f"  # NARROW NO-BREAK SPACE: before ; ! ?
NBSP = "\u00a0"  # NO-BREAK SPACE: before :, inside « »

_SPACES = " \u00a0\u202f\u2009"
_SIGNS = ";:!?"

# Spans left untouched: URLs, "www." addresses, e-mail addresses.
_PROTECTED = re.compile(
    r"\b\w+://[^\s«»]+|\bwww\.[^\s«»]+|\bmailto:[^\s«»]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
)

# One pass over the text; the groups tell which rule matched.
_RULES = re.compile(
    rf"(?P<high>[{_SPACES}]*[;!?])"
    rf"|(?P<colon>[{_SPACES}]*:)(?=\s|»|$)"
    rf"|(?P<open>«[{_SPACES}]*)"
    rf"|(?P<close>[{_SPACES}]*»)"
)

# Where a sign may receive an inserted space: before a space, the end, a sign or a closer.
_AFTER_SIGN = re.compile(r"[\s;:!?.,)\]»\"'’…]|$")

# Figures typed in data texts: « 84 904 habitants », « 19,4 % », « 48 000 € » must not break.
_NUMBER_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?!\d)")
_UNIT = re.compile(r"(?<=\d) (?=[%€](?!\w))")

_ORDINAL = re.compile(r"(?<![\w\-/])(?<!\d[.,])(\d+)(ers|res|er|re|es|e)(?![\w]|-\d)")


def _protected_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PROTECTED.finditer(text)]


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in spans)


def _before_sign(m: re.Match[str], space: str) -> str:
    """Space before a sign: replace the existing spaces, or insert one after a word."""
    text, start, sign = m.string, m.start(), m.group()[-1]
    previous = text[start - 1] if start else ""
    if previous == "" or previous.isspace() or previous in _SIGNS:
        return m.group()  # start of line, or second sign of "?!"
    if len(m.group()) == 1 and (previous in "([{«\"'" or not _AFTER_SIGN.match(text, m.end())):
        return m.group()  # "(?)" or a token such as "page?id=3"
    return space + sign


def _guillemet(m: re.Match[str]) -> str:
    text = m.string
    if m["open"]:
        following = text[m.end() : m.end() + 1]
        return "«" if following in ("", "\n", "\r") else "«" + NBSP
    previous = text[m.start() - 1] if m.start() else ""
    if previous in ("", "«") or previous.isspace():
        return m.group()  # start of line, empty « », or spaces already handled
    return NBSP + "»"


def _chiffres(text: str, spans: list[tuple[int, int]]) -> str:
    """Thousands separated by U+202F, U+00A0 before % and €: the figures never break."""

    def groups(m: re.Match[str]) -> str:
        return m.group() if _overlaps(m.span(), spans) else m.group().replace(" ", NNBSP)

    text = _NUMBER_GROUPS.sub(groups, text)
    return _UNIT.sub(lambda m: m.group() if _overlaps(m.span(), spans) else NBSP, text)


def espaces_fr(text: str) -> str:
    """Apply French spacing: U+202F before ; ! ? and between thousands, U+00A0 before : % €
    and inside « »."""
    text = _chiffres(text, _protected_spans(text))  # same length: the spans stay valid
    spans = _protected_spans(text)

    def replace(m: re.Match[str]) -> str:
        if _overlaps(m.span(), spans):
            return m.group()
        if m["high"]:
            return _before_sign(m, NNBSP)
        if m["colon"]:
            return _before_sign(m, NBSP)
        return _guillemet(m)

    return _RULES.sub(replace, text)


def segments_ordinaux(text: str) -> list[tuple[str, bool]]:
    """Split text into (segment, superscript) pairs: "le 1er" → [("le 1", False), ("er", True)]."""
    segments: list[tuple[str, bool]] = []
    position = 0
    for m in _ORDINAL.finditer(text):
        segments.append((text[position : m.end(1)], False))
        segments.append((m[2], True))
        position = m.end()
    if position < len(text):
        segments.append((text[position:], False))
    return segments
