"""The legal text exists once: no sentence of a template is written in a second template file
(shared clauses are included, never copied)."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from support.similarity import words

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
MIN_WORDS = 8  # shorter pieces ("Pour extrait certifié conforme.") may recur as layout


def sentences(text: str) -> list[str]:
    """The sentences of a template's text, Jinja tags and comments removed, as word strings."""
    text = re.sub(r"\{#.*?#\}", " ", text, flags=re.S)
    text = re.sub(r"\{%.*?%\}", "\n", text, flags=re.S)
    text = re.sub(r"\{\{.*?\}\}", " X ", text, flags=re.S)
    found = []
    for piece in re.split(r"[.;:!?\n]", text):
        ws = words(piece)
        if len(ws) >= MIN_WORDS:
            found.append(" ".join(ws))
    return found


def written_twice(texts: dict[str, str]) -> dict[str, list[str]]:
    """Sentence → the files that write it, for the sentences written in more than one file."""
    where: dict[str, set[str]] = defaultdict(set)
    for name, text in texts.items():
        for sentence in sentences(text):
            where[sentence].add(name)
    return {s: sorted(f) for s, f in where.items() if len(f) > 1}


def test_no_sentence_is_written_in_two_template_files():
    files = sorted(TEMPLATES.rglob("*.j2"))
    assert len(files) > 20
    texts = {p.relative_to(TEMPLATES).as_posix(): p.read_text(encoding="utf-8") for p in files}
    assert written_twice(texts) == {}


def test_a_copied_clause_sentence_is_found():
    """The scan can fail: a sentence of a shared clause copied into a kind's template, with other
    values and tags around it, is reported."""
    clause = (TEMPLATES / "clauses" / "confidentialite.md.j2").read_text(encoding="utf-8")
    copy = "{% set x = 1 %}\n## Article 14 : Confidentialité\n\n" + clause.replace(
        "{{ acte.du }}", "{{ autre }}"
    )
    found = written_twice({"clauses/confidentialite.md.j2": clause, "acte/acte.md.j2": copy})
    assert list(found.values()) == [["acte/acte.md.j2", "clauses/confidentialite.md.j2"]]
