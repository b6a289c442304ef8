"""Word-level similarity between a generated text and a seed document."""

from __future__ import annotations

import difflib
import re
import unicodedata

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Words after Unicode normalisation (NFKC, case folding: the seeds' capitals are layout
    noise, « Conseil Municipal » and « Conseil municipal » are the same words); markup is not a word."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def similarity(generated: str, seed: str) -> float:
    return difflib.SequenceMatcher(None, words(generated), words(seed), autojunk=False).ratio()


def differences(generated: str, seed: str) -> list[str]:
    a, b = words(generated), words(seed)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            out.append(f"{op}: {' '.join(a[i1:i2])!r} -> {' '.join(b[j1:j2])!r}")
    return out
