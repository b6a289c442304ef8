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


def _occurrences(ws: list[str], seq: list[str]) -> list[int]:
    return [i for i in range(len(ws) - len(seq) + 1) if seq and ws[i : i + len(seq)] == seq]


def without_notes(
    found: str, wanted: str, notes: list[tuple[str, str]]
) -> tuple[list[str], list[str]]:
    """The words of two texts of one document with its footnotes taken out, wherever each
    format put them. Each note is (the word its call follows, its text), numbered 1… in reading
    order. Removed: a note's text after its number (the foot of a PDF page, which may be another
    page in another layout); the occurrences one text has more than the other (a note printed at
    its call); the call that pdftotext glues to the word before (« habitants1 », « N-11 »),
    where the other text has the bare word. The DOCX keeps notes in their own part."""
    texts = [words(found), words(wanted)]
    numbers = {str(n) for n in range(1, len(notes) + 1)}
    for _, note in notes:
        seq = words(note)
        for ws in texts:  # at the foot of a PDF page, after its number: wherever the page ends
            for start in reversed(_occurrences(ws, seq)):
                if start and ws[start - 1] in numbers:  # notes may share a text
                    del ws[start - 1 : start + len(seq)]
        base = min(len(_occurrences(ws, seq)) for ws in texts)
        for ws in texts:  # printed at the call (HTML): the extra occurrences, last first
            for start in reversed(_occurrences(ws, seq)[base:]):
                del ws[start : start + len(seq)]
    glued = {f"{anchor}{number}": anchor for number, (anchor, _) in enumerate(notes, start=1)}
    for ws, other in (texts, texts[::-1]):
        matcher = difflib.SequenceMatcher(None, ws, other, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "replace" and i2 - i1 == j2 - j1:
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                    if glued.get(ws[i]) == other[j]:
                        ws[i] = other[j]
    return texts[0], texts[1]


def without_sequences(ws: list[str], sequences: list[list[str]]) -> list[str]:
    """The words without any occurrence of the given word sequences (e.g. table header rows,
    which a PDF repeats on every page a table runs over)."""
    out = list(ws)
    for seq in sequences:
        if not seq:
            continue
        i = 0
        while i <= len(out) - len(seq):
            if out[i : i + len(seq)] == seq:
                del out[i : i + len(seq)]
            else:
                i += 1
    return out
