"""Data texts are text: a layout directive typed in a data file prints literally, it never adds a
sommaire, a page field, a « ::: » block or an article (issue 16, « Data texts are text »).
What their documented Markdown allows (lists, emphasis, footnotes) still works."""

from __future__ import annotations

import pytest

from conftest import MAUSSANE, SEANCE_MAUSSANE
from ctgdocs.app import plan, validate
from ctgdocs.render.markdown import data_text, to_tree
from ctgdocs.render.tree import Champ, Div, Heading, ListBlock, Note, Sommaire, Tree, plain_text

HOSTILE = [
    "[[sommaire]]",
    "Ce texte a [[pages]] pages.",
    "::: signatures",
    ":::: page",
    "## Article 1er - Un article de plus",
    "# Titre",
    "Un titre souligné\n=====",
    "Un autre\n---",
    "---",
]


def walk(tree: Tree):
    stack = list(tree.blocks)
    while stack:
        block = stack.pop()
        yield block
        stack += list(getattr(block, "blocks", ()))
        for item in getattr(block, "items", ()):
            stack += list(item.blocks)
        yield from getattr(block, "inlines", ())


def kinds(tree: Tree) -> list[type]:
    return [type(node) for node in walk(tree)]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_directive_in_a_data_text_prints_literally(text):
    tree = to_tree(data_text(text))
    assert {Sommaire, Champ, Div, Heading}.isdisjoint(kinds(tree))
    assert plain_text(tree).split() == text.split()


def test_the_same_directives_in_a_template_still_work():
    tree = to_tree("[[sommaire]]\n\n## Article 1er\n\n::: signatures\nx\n:::\n\nPage [[pages]]\n")
    assert {Sommaire, Champ, Div, Heading} <= set(kinds(tree))


def test_a_data_text_keeps_its_documented_markdown():
    tree = to_tree(data_text("Un *mot* et une note^[la note].\n\n- un\n- deux\n\n1. premier"))
    found = kinds(tree)
    assert ListBlock in found and Note in found
    assert any(getattr(n, "italic", False) for n in walk(tree))


def test_an_escaped_bracket_of_the_user_is_kept():
    assert plain_text(to_tree(data_text(r"voir \[1] et [[x]]"))) == "voir [1] et [[x]]"


def headings(tree: Tree) -> list[str]:
    return [plain_text(Tree((n,))) for n in walk(tree) if isinstance(n, Heading)]


def signature_blocks(tree: Tree) -> int:
    return sum(isinstance(n, Div) and "signatures" in n.classes for n in walk(tree))


def test_a_deliberation_whose_expose_holds_directives_prints_them_and_nothing_more(copie):
    c = copie(MAUSSANE)
    (before,) = plan(validate([c.dir]), ["deliberation"])
    original = before.render().tree
    c.edit(
        SEANCE_MAUSSANE,
        "      - Enfin, la Ctg prévoit",
        "      - |\n        [[sommaire]]\n\n        ::: signatures\n        Faux signataire\n"
        "        :::\n\n        ## Article 1er\n\n        [[pages]] pages\n      - Enfin, la Ctg prévoit",
    )
    (doc,) = plan(validate([c.dir]), ["deliberation"])
    tree = doc.render().tree
    text = " ".join(plain_text(tree).split())
    for literal in (
        "[[sommaire]]",
        "::: signatures Faux signataire :::",
        "## Article 1er",
        "[[pages]] pages",
    ):
        assert literal in text
    assert Sommaire not in kinds(tree) and Champ not in kinds(tree)
    assert headings(tree) == headings(original)
    assert signature_blocks(tree) == signature_blocks(original) == 1
