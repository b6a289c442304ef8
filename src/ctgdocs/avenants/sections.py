"""A contract's tree cut into the parts an avenant can amend: the parties, the préambule, each
article, each annex. Two renderings of an act are compared part by part (ctgdocs.documents.
avenant), so the new wording of an article is never typed twice.

The templates mark what headings cannot: `::: parties` around the designation of the parties,
`::: cloture` around the place, date and signature blocks (not a part: every act is signed anew).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ctgdocs.render.texte import document_text
from ctgdocs.render.tree import Block, Div, Heading, Tree, inline_text

PARTIES = "parties"
CLOTURE = "cloture"

_ARTICLE = re.compile(r"^Article (\d+)(?:er)?\s*[:.–-]\s*(.+)$")
_ANNEXE = re.compile(r"^Annexe (\d+)\s*[:.–-]\s*(.+)$")
_PREAMBULE = "Préambule"


@dataclass(frozen=True)
class Section:
    cle: str  # "parties", "preambule", "article-8", "annexe-2": the same part in two renderings
    genre: str  # "parties" | "preambule" | "article" | "annexe"
    numero: int | None
    titre: str | None
    blocks: tuple[Block, ...]  # the content, without its heading

    def texte(self) -> str:
        """What a reader reads in it, footnotes included: two parts differ when this does."""
        return document_text(Tree(self.blocks))


def sections(tree: Tree) -> list[Section]:
    """The parts of the tree, in order; text outside any part (title, sommaire) is left out."""
    found: list[Section] = []
    current: tuple[Heading | None, str, int | None, str | None, list[Block]] | None = None

    def close() -> None:
        if current is not None:
            _, genre, numero, titre, blocks = current
            cle = genre if numero is None else f"{genre}-{numero}"
            found.append(Section(cle, genre, numero, titre, tuple(blocks)))

    for block in tree.blocks:
        if isinstance(block, Div) and PARTIES in block.classes:
            close()
            current = None
            found.append(Section(PARTIES, PARTIES, None, None, block.children))
            continue
        if isinstance(block, Div) and CLOTURE in block.classes:
            close()
            current = None
            continue
        heading, rest = _heading(block)
        if heading is not None:
            kind = _classify(heading)
            if kind is not None or heading.level <= 2:
                close()
                current = (heading, *kind, list(rest)) if kind is not None else None
                continue
        if current is not None:
            current[4].append(block)
    close()
    return found


def _heading(block: Block) -> tuple[Heading | None, tuple[Block, ...]]:
    """A heading, alone or first in a layout div (a page break before it)."""
    if isinstance(block, Heading):
        return block, ()
    if isinstance(block, Div) and block.children and isinstance(block.children[0], Heading):
        return block.children[0], block.children[1:]
    return None, ()


def _classify(heading: Heading) -> tuple[str, int | None, str | None] | None:
    text = inline_text(heading.inlines).strip()
    if text == _PREAMBULE:
        return ("preambule", None, None)
    for genre, pattern in (("article", _ARTICLE), ("annexe", _ANNEXE)):
        m = pattern.match(text)
        if m:
            return (genre, int(m[1]), m[2].strip())
    return None
