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
from ctgdocs.render.tree import plain_text


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
    # The classic escapes from a template (server-side template injection), each refused.
    classics = {
        "lipsum.md.j2": "{{ lipsum.__globals__ }}",
        "format.md.j2": '{{ "{0.__class__}".format(1) }}',
        "attr.md.j2": "{{ ''|attr('__class__') }}",
        "self.md.j2": "{{ self._TemplateReference__context }}",
        "config.md.j2": "{{ config }}",
        "import.md.j2": "{% import 'os' as os %}",
        "parent.md.j2": "{% include '../../etc/passwd' %}",
        "range.md.j2": "{{ range(10**9)|list|length }}",
        "power.md.j2": "{{ 2 ** 100000 }}",
    }
    for name, text in classics.items():
        (tmp_path / name).write_text(text + "\n", encoding="utf-8")
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
        ("lipsum.md.j2", "accès refusé par le bac à sable : attribut « __globals__ »"),
        ("format.md.j2", "accès refusé par le bac à sable : attribut « __class__ »"),
        ("attr.md.j2", "accès refusé par le bac à sable : attribut « __class__ »"),
        (
            "self.md.j2",
            "accès refusé par le bac à sable : attribut « _TemplateReference__context »",
        ),
        ("config.md.j2", "valeur manquante « config »"),
        ("import.md.j2", "modèle introuvable « os » (les modèles sont dans templates/)"),
        (
            "parent.md.j2",
            "modèle introuvable « ../../etc/passwd » (les modèles sont dans templates/)",
        ),
        (
            "range.md.j2",
            "calcul refusé par le bac à sable : intervalle de plus de 100000 éléments",
        ),
        (
            "power.md.j2",
            "calcul refusé par le bac à sable : exposant trop grand (100000 ; 100 au plus)",
        ),
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


def test_a_hostile_template_override_is_refused_by_the_build(tmp_path):
    """Templates given with CTGDOCS_TEMPLATES run in the same sandbox: a real build says no."""
    import shutil

    from ctgdocs.paths import PROJECT_DIR, TEMPLATES_DIR
    from support.override import run_with_templates

    templates = tmp_path / "modeles"
    shutil.copytree(TEMPLATES_DIR, templates)
    recit = templates / "deliberation" / "recit.md.j2"
    recit.write_text(
        "{{ cycler.__init__.__globals__.os.system('touch pwned') }}\n"
        + recit.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    data = PROJECT_DIR / "data" / "vallee-des-baux-alpilles"
    result = run_with_templates(
        templates,
        "build",
        str(data),
        "--format",
        "html",
        "--output",
        str(tmp_path / "out"),
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert "accès refusé par le bac à sable : attribut « __init__ »" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "pwned").exists()
    assert not list((tmp_path / "out").rglob("*.html"))
