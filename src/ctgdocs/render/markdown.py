"""Markdown (the rendered body template) → document tree, with French typography applied.

The body dialect is CommonMark plus pipe tables, footnotes (inline `^[texte]` or `[^n]` with
its definition) and `::: classes` containers (nested with more colons: `:::: signatures`
around `::: signature`). A paragraph `[[sommaire]]` places the table of contents. Raw HTML is
off: it comes out as text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.footnote import footnote_plugin

from ctgdocs.fr.typographie import espaces_fr, segments_ordinaux
from ctgdocs.render.tree import (
    Block,
    Break,
    Champ,
    Div,
    Heading,
    Inline,
    ListBlock,
    ListItem,
    Note,
    Paragraph,
    Rule,
    Run,
    Sommaire,
    Table,
    Tree,
)

SOMMAIRE = "[[sommaire]]"
PAGES = "[[pages]]"  # inline: the document's page count (tree.Champ)
_LITERAL_BRACKET = "\ue000"  # an escaped « [ » while fields are found (a private-use character)
LINE_SEPARATOR = "\u2028"  # a line break inside a table cell (Markdown cells are one line)


# What a data text may not do, since it is a template's vocabulary: place a field or the
# sommaire (« [[…]] »), open a « ::: » block (signatures, a page), or make a heading (an ATX
# « # » or a setext underline), which would become an article or a section.
_DIRECTIVE_LINE = re.compile(r"^( {0,3})(:{3,}|#{1,6}(?=[ \t]|$)|=+[ \t]*$|-{3,}[ \t]*$)", re.M)


def data_text(texte: str) -> str:
    """A text written in a data file, as Markdown that can hold what its documentation allows
    (paragraphs, lists, emphasis, footnotes) and prints every layout directive literally:
    « [[sommaire]] », « ::: signatures » or « ## Article 1er » come out as typed."""
    escaped = texte.replace("[[", r"\[\[")
    return _DIRECTIVE_LINE.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


# What opens a block at the start of a line besides the directives: a list item (« - », « * »,
# « + », « 7. », « 7) »), a quotation (« > »), a code block (four spaces).
_BLOC_LINE = re.compile(r"^[ \t]*(?:(\d{1,9})([.)])|([-+*>]))(?=[ \t]|$)", re.M)


def paragraphe(markdown: str) -> str:
    """One paragraph of Markdown (a formula of a house style): emphasis and the like as
    written, but nothing at the start of a line opens a list, a quotation or a code block
    (« {ordre}. {objet} » is « 7. CAF… », not a list)."""
    sans_retrait = "\n".join(ligne.lstrip(" \t") for ligne in markdown.splitlines())
    return _BLOC_LINE.sub(
        lambda m: f"{m[1]}\\{m[2]}" if m[1] is not None else f"\\{m[3]}", sans_retrait
    )


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
    md.disable("text_join")  # an escaped « [ » stays its own token: it never opens a field
    md.use(footnote_plugin, inline=True)
    container_plugin(md, "div", validate=lambda params, *_: bool(params.strip()))
    return md


def to_tree(markdown: str) -> Tree:
    tokens = _parser().parse(markdown)
    converter = _Converter(_footnotes(tokens))
    blocks, _ = converter.blocks(tokens, 0, None)
    return Tree(tuple(blocks))


def _footnotes(tokens: Sequence[Token]) -> dict[int, tuple[Run | Break | Champ, ...]]:
    """The text of every footnote definition, by id (paragraphs of one note joined by a space)."""
    notes: dict[int, list[Inline]] = {}
    current: int | None = None
    for tok in tokens:
        if tok.type == "footnote_open":
            current = tok.meta["id"]
            notes[current] = []
        elif tok.type == "footnote_close":
            current = None
        elif current is not None and tok.type == "inline":
            if notes[current]:
                notes[current].append(Run(" "))
            notes[current].extend(inlines(tok.children or [], {}))
    return {k: tuple(i for i in v if not isinstance(i, Note)) for k, v in notes.items()}


class _Converter:
    def __init__(self, notes: dict[int, tuple[Run | Break | Champ, ...]]) -> None:
        self.notes = notes
        self.handlers: dict[str, Callable[[Sequence[Token], int], tuple[Block | None, int]]] = {
            "paragraph_open": self.paragraph,
            "heading_open": self.heading,
            "bullet_list_open": self.list,
            "ordered_list_open": self.list,
            "container_div_open": self.container,
            "hr": lambda tokens, i: (Rule(), i + 1),
            "code_block": self.code,
            "fence": self.code,
            "table_open": self.table,
            "footnote_block_open": self.skip_footnotes,
        }

    def blocks(self, tokens: Sequence[Token], i: int, close: str | None) -> tuple[list[Block], int]:
        out: list[Block] = []
        while i < len(tokens):
            tok = tokens[i]
            if close is not None and tok.type == close:
                return out, i + 1
            handler = self.handlers.get(tok.type)
            if handler is None:
                i += 1
                continue
            block, i = handler(tokens, i)
            if block is not None:
                out.append(block)
        return out, i

    def inlines(self, tok: Token) -> tuple[Inline, ...]:
        return inlines(tok.children or [], self.notes)

    def paragraph(self, tokens: Sequence[Token], i: int) -> tuple[Block, int]:
        if tokens[i + 1].content.strip() == SOMMAIRE:
            return Sommaire(), i + 3
        return Paragraph(self.inlines(tokens[i + 1])), i + 3

    def heading(self, tokens: Sequence[Token], i: int) -> tuple[Block, int]:
        return Heading(int(tokens[i].tag[1]), self.inlines(tokens[i + 1])), i + 3

    def list(self, tokens: Sequence[Token], i: int) -> tuple[Block, int]:
        ordered = tokens[i].type == "ordered_list_open"
        close = "ordered_list_close" if ordered else "bullet_list_close"
        start = int(tokens[i].attrGet("start") or 1)
        items: list[ListItem] = []
        i += 1
        while tokens[i].type != close:
            children, i = self.blocks(tokens, i + 1, "list_item_close")
            items.append(ListItem(tuple(children)))
        return ListBlock(ordered, tuple(items), start), i + 1

    def container(self, tokens: Sequence[Token], i: int) -> tuple[Block, int]:
        classes = tuple(tokens[i].info.split())
        children, i = self.blocks(tokens, i + 1, "container_div_close")
        return Div(classes, tuple(children)), i

    def code(self, tokens: Sequence[Token], i: int) -> tuple[Block, int]:
        return Paragraph((Run(tokens[i].content.rstrip("\n")),)), i + 1

    def skip_footnotes(self, tokens: Sequence[Token], i: int) -> tuple[None, int]:
        while tokens[i].type != "footnote_block_close":
            i += 1
        return None, i + 1

    def table(self, tokens: Sequence[Token], i: int) -> tuple[Block, int]:
        rows: list[tuple[tuple[Inline, ...], ...]] = []
        aligns: list[str | None] = []
        header_rows = 0
        row: list[tuple[Inline, ...]] = []
        i += 1
        while tokens[i].type != "table_close":
            tok = tokens[i]
            if tok.type in ("th_open", "td_open"):
                if tok.type == "th_open":
                    style = str(tok.attrGet("style") or "")
                    aligns.append(style.removeprefix("text-align:") or None)
                row.append(self.inlines(tokens[i + 1]))
                i += 3
                continue
            if tok.type == "tr_close":
                rows.append(tuple(row))
                header_rows += tokens[i - 1].type == "th_close"
                row = []
            i += 1
        return Table(tuple(rows), header_rows, tuple(aligns)), i + 1


def inlines(
    children: Sequence[Token], notes: dict[int, tuple[Run | Break | Champ, ...]]
) -> tuple[Inline, ...]:
    """Inline tokens → runs: same-format text merged first, so typography sees whole phrases."""
    pieces: list[tuple[str, bool, bool] | Break | Note] = []
    bold = italic = False
    for tok in children:
        if tok.type in ("strong_open", "strong_close"):
            bold = tok.type == "strong_open"
        elif tok.type in ("em_open", "em_close"):
            italic = tok.type == "em_open"
        elif tok.type == "hardbreak":
            pieces.append(Break())
        elif tok.type == "footnote_ref":
            pieces.append(Note(notes.get(tok.meta["id"], ())))
        elif tok.type in ("text", "text_special", "code_inline", "softbreak", "image"):
            text = " " if tok.type == "softbreak" else tok.content
            if tok.type == "text_special" and text == "[":
                text = _LITERAL_BRACKET
            last = pieces[-1] if pieces else None
            if isinstance(last, tuple) and last[1:] == (bold, italic):
                pieces[-1] = (last[0] + text, bold, italic)
            else:
                pieces.append((text, bold, italic))
    return tuple(_typeset(pieces))


def _typeset(pieces: list[tuple[str, bool, bool] | Break | Note]) -> list[Inline]:
    out: list[Inline] = []
    for piece in pieces:
        if not isinstance(piece, tuple):
            out.append(piece)
            continue
        text, bold, italic = piece
        for n, line in enumerate(text.split(LINE_SEPARATOR)):
            if n:
                out.append(Break())
            for m, part in enumerate(line.split(PAGES)):
                if m:
                    out.append(Champ("pages", bold=bold, italic=italic))
                part = part.replace(_LITERAL_BRACKET, "[")
                for segment, sup in segments_ordinaux(espaces_fr(part)):
                    out.append(Run(segment, bold=bold, italic=italic, sup=sup))
    return out
