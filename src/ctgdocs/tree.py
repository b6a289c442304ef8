"""The format-neutral document tree: rendered once from a body template, written by every writer.

A writer (html, pdf, docx) only walks these nodes; it never sees data or templates. Two
documents with the same tree say the same words in every format.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    sup: bool = False


@dataclass(frozen=True, slots=True)
class Break:
    """A line break inside a paragraph."""


@dataclass(frozen=True, slots=True)
class Note:
    """A footnote: its call stands here, its text goes to the foot of the page (real footnotes in
    PDF and DOCX), numbered by each format in reading order."""

    inlines: tuple[Run | Break, ...]


Inline = Run | Break | Note


@dataclass(frozen=True, slots=True)
class Paragraph:
    inlines: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    inlines: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class ListItem:
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class ListBlock:
    ordered: bool
    items: tuple[ListItem, ...]
    start: int = 1


@dataclass(frozen=True, slots=True)
class Table:
    """Rows of cells; each cell is a run of inlines. The first `header_rows` rows are headers."""

    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    header_rows: int = 0
    aligns: tuple[str | None, ...] = ()


@dataclass(frozen=True, slots=True)
class Div:
    """A block with a layout role, named by its classes (e.g. 'signatures', 'centre')."""

    classes: tuple[str, ...]
    children: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Sommaire:
    """A table of contents of the headings up to `depth`, with page numbers (PDF: target-counter;
    DOCX: a TOC field whose cached numbers come from the PDF layout, recomputed by Word)."""

    title: str = "Sommaire"
    depth: int = 2


@dataclass(frozen=True, slots=True)
class Rule:
    """A thematic break (a separator line)."""


Block = Paragraph | Heading | ListBlock | Table | Div | Rule | Sommaire


@dataclass(frozen=True, slots=True)
class Tree:
    blocks: tuple[Block, ...]
    classes: tuple[str, ...] = field(default=())


def inline_text(inlines: tuple[Inline, ...]) -> str:
    """The text of the inlines; footnote calls and texts are left out (they are not in the line)."""
    return "".join(
        i.text if isinstance(i, Run) else "\n" for i in inlines if not isinstance(i, Note)
    )


def notes(blocks: tuple[Block, ...]) -> list[Note]:
    """Every footnote of the blocks, in reading order."""
    found: list[Note] = []
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            found += [i for i in block.inlines if isinstance(i, Note)]
        elif isinstance(block, ListBlock):
            for item in block.items:
                found += notes(item.blocks)
        elif isinstance(block, Table):
            found += [i for row in block.rows for cell in row for i in cell if isinstance(i, Note)]
        elif isinstance(block, Div):
            found += notes(block.children)
    return found


def iter_text(blocks: tuple[Block, ...]) -> Iterator[str]:
    """Every piece of text of the blocks in reading order, one string per paragraph or cell."""
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            yield inline_text(block.inlines)
        elif isinstance(block, ListBlock):
            for number, item in enumerate(block.items, start=block.start):
                if block.ordered:
                    yield f"{number}."
                yield from iter_text(item.blocks)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    yield inline_text(cell)
        elif isinstance(block, Div):
            yield from iter_text(block.children)


def plain_text(tree: Tree) -> str:
    return "\n".join(iter_text(tree.blocks))
