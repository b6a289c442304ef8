"""\\u escapes of a UTF-16 pair (as JSON writes an emoji: "\\ud83d\\udc6a") in double-quoted YAML.

libyaml refuses each half of the pair; the loader asks `surrogate_pair` for the text with the
pair written as the one \\U escape libyaml reads, and tries again. A half without the other is
said by `lone_surrogate`.
"""

from __future__ import annotations

import re

import yaml

_BAD_ESCAPE = "found invalid Unicode character escape code"
_PAIR = re.compile(r"\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})")
_LONE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _escape_at(exc: yaml.MarkedYAMLError, text: str) -> int | None:
    """Where the \\u escape libyaml refused starts in the text (at its backslash)."""
    mark = exc.problem_mark
    if exc.problem != _BAD_ESCAPE or mark is None or mark.column < 2:
        return None
    lines = text.split("\n")
    if mark.line >= len(lines):
        return None
    return sum(len(line) + 1 for line in lines[: mark.line]) + mark.column - 2


def surrogate_pair(exc: yaml.MarkedYAMLError, text: str) -> str | None:
    """The text with the refused UTF-16 pair of escapes (as JSON writes an emoji) written as
    the one \\U escape libyaml reads; None when the refused escape is not such a pair."""
    start = _escape_at(exc, text)
    pair = _PAIR.match(text, start) if start is not None else None
    if pair is None:
        return None
    high, low = int(pair.group(1), 16), int(pair.group(2), 16)
    code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    return f"{text[: pair.start()]}\\U{code:08x}{text[pair.end() :]}"


def lone_surrogate(exc: yaml.MarkedYAMLError, text: str) -> str | None:
    start = _escape_at(exc, text)
    lone = _LONE.match(text, start) if start is not None else None
    return lone.group(0) if lone else None


__all__ = ["lone_surrogate", "surrogate_pair"]
