"""Markdown bodies become the format-neutral tree, French typography applied."""

from __future__ import annotations

from ctgdocs.render.markdown import to_tree
from ctgdocs.render.tree import Break, Div, Heading, ListBlock, Paragraph, Run, Table


def test_paragraph_runs_and_typography():
    (p,) = to_tree("Le 1er août, **Pouvoirs :** A ; B ?").blocks
    assert isinstance(p, Paragraph)
    assert p.inlines == (
        Run("Le 1"),
        Run("er", sup=True),
        Run(" août, "),
        Run("Pouvoirs\u00a0:", bold=True),
        Run(" A\u202f; B\u202f?"),
    )


def test_lists_headings_tables_and_containers():
    tree = to_tree(
        "# Titre\n\n- un\n- deux\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n"
        ":::: signatures\n::: signature\nLe Maire,\\\nJean\n:::\n::::\n"
    )
    heading, liste, table, div = tree.blocks
    assert isinstance(heading, Heading) and heading.level == 1
    assert isinstance(liste, ListBlock) and not liste.ordered and len(liste.items) == 2
    assert isinstance(table, Table) and table.header_rows == 1 and table.aligns == ("left", "right")
    assert isinstance(div, Div) and div.classes == ("signatures",)
    (signature,) = div.children
    assert signature.classes == ("signature",)
    (para,) = signature.children
    assert para.inlines == (Run("Le Maire,"), Break(), Run("Jean"))


def test_line_separator_is_a_break_inside_table_cells():
    (table,) = to_tree("| a | b\u2028c |\n|--|--|\n| 1 | 2 |\n").blocks
    assert table.rows[0][1] == (Run("b"), Break(), Run("c"))


def test_raw_html_is_text():
    (p,) = to_tree("<b>gras</b> & co").blocks
    assert p.inlines == (Run("<b>gras</b> & co"),)
