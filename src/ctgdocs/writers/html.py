"""HTML writer: the tree as semantic HTML inside the HTML frame with its print CSS."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from markupsafe import Markup, escape

from ctgdocs.paths import TEMPLATES_DIR
from ctgdocs.render.environment import frame_environment, render_template
from ctgdocs.tree import (
    Block,
    Break,
    Div,
    Heading,
    Inline,
    ListBlock,
    Paragraph,
    Rule,
    Table,
    Tree,
)
from ctgdocs.writers.atomic import write_bytes_atomic
from ctgdocs.writers.base import RenderedDocument

FRAME = "html/frame.html.j2"
CSS = TEMPLATES_DIR / "html" / "print.css"


def render_html(document: RenderedDocument) -> str:
    context = {
        "document": document.meta,
        "corps": Markup(tree_html(document.tree)),
        # Marked safe on purpose: escaped CSS silently loses fonts and page footers.
        "css": Markup(CSS.read_text(encoding="utf-8")),
    }
    return render_template(frame_environment(), FRAME, context)


class HtmlWriter:
    format: ClassVar[str] = "html"
    suffix: ClassVar[str] = ".html"

    def write(self, document: RenderedDocument, dest: Path) -> None:
        write_bytes_atomic(dest, render_html(document).encode("utf-8"))


def tree_html(tree: Tree) -> str:
    return "\n".join(block_html(b) for b in tree.blocks)


def block_html(block: Block) -> str:
    return _BLOCKS[type(block)](block)


def inline_html(inlines: tuple[Inline, ...]) -> str:
    out = []
    for item in inlines:
        if isinstance(item, Break):
            out.append("<br>")
            continue
        text = str(escape(item.text))
        if item.sup:
            text = f"<sup>{text}</sup>"
        if item.italic:
            text = f"<em>{text}</em>"
        if item.bold:
            text = f"<strong>{text}</strong>"
        out.append(text)
    return "".join(out)


def _paragraph(p: Paragraph) -> str:
    return f"<p>{inline_html(p.inlines)}</p>"


def _heading(h: Heading) -> str:
    return f"<h{h.level}>{inline_html(h.inlines)}</h{h.level}>"


def _list(lst: ListBlock) -> str:
    tag = "ol" if lst.ordered else "ul"
    start = f' start="{lst.start}"' if lst.ordered and lst.start != 1 else ""
    items = "".join(f"<li>{''.join(block_html(b) for b in item.blocks)}</li>" for item in lst.items)
    return f"<{tag}{start}>{items}</{tag}>"


def _table(table: Table) -> str:
    def cell(tag: str, content: tuple[Inline, ...], col: int) -> str:
        align = table.aligns[col] if col < len(table.aligns) else None
        cls = f' class="{align}"' if align else ""
        return f"<{tag}{cls}>{inline_html(content)}</{tag}>"

    head = "".join(
        "<tr>" + "".join(cell("th", c, i) for i, c in enumerate(row)) + "</tr>"
        for row in table.rows[: table.header_rows]
    )
    body = "".join(
        "<tr>" + "".join(cell("td", c, i) for i, c in enumerate(row)) + "</tr>"
        for row in table.rows[table.header_rows :]
    )
    thead = f"<thead>{head}</thead>" if head else ""
    return f"<table>{thead}<tbody>{body}</tbody></table>"


def _div(div: Div) -> str:
    classes = " ".join(str(escape(c)) for c in div.classes)
    inner = "\n".join(block_html(b) for b in div.children)
    return f'<div class="{classes}">{inner}</div>'


def _rule(_: Rule) -> str:
    return "<hr>"


_BLOCKS: dict[type, Callable] = {
    Paragraph: _paragraph,
    Heading: _heading,
    ListBlock: _list,
    Table: _table,
    Div: _div,
    Rule: _rule,
}
