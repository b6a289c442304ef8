"""Markdown (the rendered body template) → document tree, with French typography applied.

The body dialect is CommonMark plus pipe tables and `::: classes` containers (nested with
more colons: `:::: signatures` around `::: signature`). Raw HTML is off: it comes out as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin

from ctgdocs.render.typography import espaces_fr, segments_ordinaux
from ctgdocs.tree import (
    Block,
    Break,
    Div,
    Heading,
    Inline,
    ListBlock,
    ListItem,
    Paragraph,
    Rule,
    Run,
    Table,
    Tree,
)


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
    container_plugin(md, "div", validate=lambda params, *_: bool(params.strip()))
    return md


def to_tree(markdown: str) -> Tree:
    tokens = _parser().parse(markdown)
    blocks, _ = _blocks(tokens, 0, None)
    return Tree(tuple(blocks))


def _blocks(tokens: Sequence[Token], i: int, close: str | None) -> tuple[list[Block], int]:
    out: list[Block] = []
    while i < len(tokens):
        tok = tokens[i]
        if close is not None and tok.type == close:
            return out, i + 1
        handler = _HANDLERS.get(tok.type)
        if handler is None:
            i += 1
            continue
        block, i = handler(tokens, i)
        if block is not None:
            out.append(block)
    return out, i


def _paragraph(tokens: Sequence[Token], i: int) -> tuple[Block, int]:
    return Paragraph(inlines(tokens[i + 1].children or [])), i + 3


def _heading(tokens: Sequence[Token], i: int) -> tuple[Block, int]:
    level = int(tokens[i].tag[1])
    return Heading(level, inlines(tokens[i + 1].children or [])), i + 3


def _list(tokens: Sequence[Token], i: int) -> tuple[Block, int]:
    open_tok = tokens[i]
    ordered = open_tok.type == "ordered_list_open"
    close = "ordered_list_close" if ordered else "bullet_list_close"
    start = int(open_tok.attrGet("start") or 1)
    items: list[ListItem] = []
    i += 1
    while tokens[i].type != close:
        children, i = _blocks(tokens, i + 1, "list_item_close")
        items.append(ListItem(tuple(children)))
    return ListBlock(ordered, tuple(items), start), i + 1


def _container(tokens: Sequence[Token], i: int) -> tuple[Block, int]:
    classes = tuple(tokens[i].info.split())
    children, i = _blocks(tokens, i + 1, "container_div_close")
    return Div(classes, tuple(children)), i


def _rule(tokens: Sequence[Token], i: int) -> tuple[Block, int]:
    return Rule(), i + 1


def _code(tokens: Sequence[Token], i: int) -> tuple[Block, int]:
    return Paragraph((Run(tokens[i].content.rstrip("\n")),)), i + 1


def _table(tokens: Sequence[Token], i: int) -> tuple[Block, int]:
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
            row.append(inlines(tokens[i + 1].children or []))
            i += 3
            continue
        if tok.type == "tr_close":
            rows.append(tuple(row))
            header_rows += tokens[i - 1].type == "th_close"
            row = []
        i += 1
    return Table(tuple(rows), header_rows, tuple(aligns)), i + 1


_HANDLERS = {
    "paragraph_open": _paragraph,
    "heading_open": _heading,
    "bullet_list_open": _list,
    "ordered_list_open": _list,
    "container_div_open": _container,
    "hr": _rule,
    "code_block": _code,
    "fence": _code,
    "table_open": _table,
}


def inlines(children: Sequence[Token]) -> tuple[Inline, ...]:
    """Inline tokens → runs: same-format text merged first, so typography sees whole phrases."""
    pieces: list[tuple[str, bool, bool] | Break] = []
    bold = italic = False
    for tok in children:
        if tok.type == "strong_open":
            bold = True
        elif tok.type == "strong_close":
            bold = False
        elif tok.type == "em_open":
            italic = True
        elif tok.type == "em_close":
            italic = False
        elif tok.type == "hardbreak":
            pieces.append(Break())
        elif tok.type in ("text", "code_inline", "softbreak", "image"):
            text = " " if tok.type == "softbreak" else tok.content
            last = pieces[-1] if pieces else None
            if isinstance(last, tuple) and last[1:] == (bold, italic):
                pieces[-1] = (last[0] + text, bold, italic)
            else:
                pieces.append((text, bold, italic))
    return tuple(_typeset(pieces))


def _typeset(pieces: list[tuple[str, bool, bool] | Break]) -> list[Inline]:
    out: list[Inline] = []
    for piece in pieces:
        if isinstance(piece, Break):
            out.append(piece)
            continue
        text, bold, italic = piece
        for n, line in enumerate(text.split("\u2028")):
            if n:
                out.append(Break())
            for segment, sup in segments_ordinaux(espaces_fr(line)):
                out.append(Run(segment, bold=bold, italic=italic, sup=sup))
    return out
