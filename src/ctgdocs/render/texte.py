"""The text of a document as a reader reads it, whatever the format: the words of its tree,
then its footnotes. The manifest hashes it (a signed document's text is frozen) and the build
keeps it, to show what changed from one build to the next."""

from __future__ import annotations

import difflib

from ctgdocs.render.tree import Tree, inline_text, notes, plain_text


def document_text(tree: Tree) -> str:
    lines = [plain_text(tree)]
    lines += [f"[{n}] {inline_text(note.inlines)}" for n, note in enumerate(notes(tree.blocks), 1)]
    return "\n".join(lines) + "\n"


def unified(name: str, avant: str, apres: str) -> list[str]:
    """The lines that changed, as a unified diff (old → new)."""
    return list(
        difflib.unified_diff(
            avant.splitlines(),
            apres.splitlines(),
            fromfile=f"{name} (avant)",
            tofile=f"{name} (après)",
            lineterm="",
        )
    )
