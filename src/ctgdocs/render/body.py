"""Body rendering: a Markdown Jinja template, rendered once, parsed into the document tree."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from ctgdocs.render.environment import body_environment, render_template
from ctgdocs.render.markdown import data_text, to_tree
from ctgdocs.render.tree import Tree


def render_body(template: str, context: Mapping[str, Any]) -> Tree:
    return to_tree(render_template(body_environment(), template, context))


def render_fragment(template: str, context: Mapping[str, Any], *, inline: bool = False) -> str:
    """A shared clause as Markdown, to be placed inside a body; inline clauses lose their newlines."""
    text = render_template(body_environment(), template, context).strip()
    return " ".join(text.split()) if inline else text


def render_bloc(
    texte: str | None, clause: str | None, context: Mapping[str, Any], *, inline: bool = False
) -> Markup:
    """A block of a data file: its text is Markdown, never a template; a clause is a shared
    template (templates/clauses/) rendered with the document's context."""
    if texte is not None:
        return Markup(data_text(texte.strip()))
    return Markup(render_fragment(f"clauses/{clause}.md.j2", context, inline=inline))
