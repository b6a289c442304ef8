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
    PDF and DOCX), numbered by each format in reading order. Its text may print a layout value
    (Champ), resolved like the body's."""

    inlines: tuple[Run | Break | Champ, ...]


@dataclass(frozen=True, slots=True)
class Champ:
    """A value only the page layout knows, written `[[pages]]` in a body: the document's page
    count. The PDF writer lays the document out until the count it prints is its own; the DOCX
    writes a NUMPAGES field holding that count; the HTML prints it too."""

    nom: str  # "pages"
    bold: bool = False
    italic: bool = False


Inline = Run | Break | Note | Champ


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
        i.text if isinstance(i, Run) else "\n" for i in inlines if not isinstance(i, Note | Champ)
    )


def inline_sequences(blocks: tuple[Block, ...]) -> Iterator[tuple[Inline, ...]]:
    """The inlines of every paragraph, heading and table cell of the blocks, in reading order."""
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            yield block.inlines
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from inline_sequences(item.blocks)
        elif isinstance(block, Table):
            yield from (cell for row in block.rows for cell in row)
        elif isinstance(block, Div):
            yield from inline_sequences(block.children)


def notes(blocks: tuple[Block, ...]) -> list[Note]:
    """Every footnote of the blocks, in reading order."""
    return [i for seq in inline_sequences(blocks) for i in seq if isinstance(i, Note)]


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


def walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Every block in reading order, those in divs and list items too."""
    for block in blocks:
        yield block
        if isinstance(block, Div):
            yield from walk(block.children)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from walk(item.blocks)


def champs(blocks: tuple[Block, ...]) -> bool:
    """Whether the blocks hold a layout value (Champ), in their text or their footnotes: only
    then do writers need the layout."""
    return any(
        isinstance(i, Champ)
        or (isinstance(i, Note) and any(isinstance(n, Champ) for n in i.inlines))
        for seq in inline_sequences(blocks)
        for i in seq
    )


def remplir(blocks: tuple[Block, ...], valeurs: dict[str, str]) -> tuple[Block, ...]:
    """The blocks with each Champ, in the text and in the footnotes, replaced by a run of its
    value (for formats without fields)."""

    def value(champ: Champ) -> Run:
        return Run(valeurs[champ.nom], bold=champ.bold, italic=champ.italic)

    def note(n: Note) -> Note:
        return Note(tuple(value(i) if isinstance(i, Champ) else i for i in n.inlines))

    def inl(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
        return tuple(
            value(i) if isinstance(i, Champ) else note(i) if isinstance(i, Note) else i
            for i in inlines
        )

    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(Paragraph(inl(block.inlines)))
        elif isinstance(block, Heading):
            out.append(Heading(block.level, inl(block.inlines)))
        elif isinstance(block, ListBlock):
            items = tuple(ListItem(remplir(item.blocks, valeurs)) for item in block.items)
            out.append(ListBlock(block.ordered, items, block.start))
        elif isinstance(block, Table):
            rows = tuple(tuple(inl(cell) for cell in row) for row in block.rows)
            out.append(Table(rows, block.header_rows, block.aligns))
        elif isinstance(block, Div):
            out.append(Div(block.classes, remplir(block.children, valeurs)))
        else:
            out.append(block)
    return tuple(out)
