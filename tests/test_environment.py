"""The Jinja environments: strict, sandboxed, escaping on."""

from __future__ import annotations

from pathlib import Path

import pytest
from markupsafe import Markup

from ctgdocs.errors import TemplateError
from ctgdocs.render.environment import (
    body_environment,
    frame_environment,
    md_escape,
    render_template,
)
from ctgdocs.render.markdown import to_tree
from ctgdocs.tree import plain_text


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    (tmp_path / "t.md.j2").write_text("Ligne 1\n\nBonjour {{ personne.nom }}.\n", encoding="utf-8")
    (tmp_path / "none.md.j2").write_text("Valeur : {{ valeur }}\n", encoding="utf-8")
    (tmp_path / "escape.md.j2").write_text(
        "{{ ().__class__.__mro__[1].__subclasses__() }}\n", encoding="utf-8"
    )
    (tmp_path / "globals.md.j2").write_text(
        "{{ cycler.__init__.__globals__.os }}\n", encoding="utf-8"
    )
    (tmp_path / "file.md.j2").write_text("{% include '/etc/passwd' %}\n", encoding="utf-8")
    (tmp_path / "frame.html.j2").write_text("<p>{{ nom }}</p>\n", encoding="utf-8")
    return tmp_path


def test_a_missing_value_names_the_template_line_and_variable(templates):
    env = body_environment(templates)
    with pytest.raises(TemplateError) as error:
        render_template(env, "t.md.j2", {"personne": {}})
    assert str(error.value) == f"{templates / 't.md.j2'}:3: valeur manquante « nom »"


def test_none_never_prints(templates):
    env = body_environment(templates)
    with pytest.raises(TemplateError) as error:
        render_template(env, "none.md.j2", {"valeur": None})
    assert (
        str(error.value)
        == f"{templates / 'none.md.j2'}:1: valeur manquante : une valeur est absente (None)"
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("escape.md.j2", "accès refusé par le bac à sable : attribut « __class__ »"),
        ("globals.md.j2", "accès refusé par le bac à sable : attribut « __init__ »"),
        ("file.md.j2", "modèle introuvable « /etc/passwd » (les modèles sont dans templates/)"),
    ],
)
def test_the_sandbox_refuses_python_internals_and_files(templates, name, message):
    env = body_environment(templates)
    with pytest.raises(TemplateError) as error:
        render_template(env, name, {})
    assert str(error.value) == f"{templates / name}:1: {message}"


def test_data_cannot_add_markdown(templates):
    env = body_environment(templates)
    hostile = "*gras* _x_ [lien](http://x) # titre\n- liste <b>&amp;</b> {{ 7*7 }}"
    text = render_template(env, "t.md.j2", {"personne": {"nom": hostile}})
    tree = to_tree(text)
    assert plain_text(tree).splitlines()[1] == "Bonjour " + hostile.replace("\n", " ") + "."
    assert len(tree.blocks) == 2 and all(
        not r.bold and not r.italic for r in tree.blocks[1].inlines
    )


def test_trusted_markdown_passes_as_markup(templates):
    env = body_environment(templates)
    text = render_template(env, "t.md.j2", {"personne": {"nom": Markup("**X**")}})
    assert to_tree(text).blocks[1].inlines[1].bold


def test_frames_escape_xml(templates):
    env = frame_environment(templates)
    assert (
        render_template(env, "frame.html.j2", {"nom": 'A & B <C> "D"'})
        == "<p>A &amp; B &lt;C&gt; &#34;D&#34;</p>\n"
    )


def test_md_escape_escapes_every_ascii_punctuation():
    assert md_escape("a*b_c[d](e)#f!g") == r"a\*b\_c\[d\]\(e\)\#f\!g"
    assert md_escape("ligne 1\nligne 2") == "ligne 1 ligne 2"
