"""The sandbox bounds time and size with a budget per render, not per-call caps alone: nested
loops, long strings, doubling concatenations and recursion are stopped, and the message names the
template and its line (issue 16, « Templates »)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ctgdocs.errors import TemplateError
from ctgdocs.render import budget
from ctgdocs.render.environment import body_environment, frame_environment, render_template

HOSTILE = {
    # name: (template, what the message says)
    "boucles.md.j2": (
        "Début\n{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n",
        "temps de calcul dépassé (0.5 s au plus par modèle)",
    ),
    "sortie.md.j2": (
        "Début\n{% for i in range(100000) %}{% for j in range(100) %}xxxxxxxxxx{% endfor %}{% endfor %}\n",
        "texte trop long (100 000 caractères au plus par modèle)",
    ),
    "repetition.md.j2": ("Début\n{{ 'a' * 1000000000 }}\n", "texte trop long"),
    "repetition_liste.md.j2": ("Début\n{{ (['a'] * 1000000000)|length }}\n", "texte trop long"),
    "doublement.md.j2": (
        "Début\n{% set ns = namespace(s='ab') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}\n",
        "texte trop long",
    ),
    "recursion.md.j2": (
        "Début\n{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}\n",
        "temps de calcul dépassé",
    ),
}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(budget, "SECONDS", 0.5)
    monkeypatch.setattr(budget, "MAX_CHARS", 100_000)
    for name, (text, _) in HOSTILE.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("name", sorted(HOSTILE))
@pytest.mark.parametrize("environment", [body_environment, frame_environment])
def test_a_hostile_template_is_stopped_at_its_line(folder, name, environment):
    started = time.monotonic()
    with pytest.raises(TemplateError) as error:
        render_template(environment(folder), name, {})
    message = str(error.value)
    assert message.startswith(f"{folder / name}:2: calcul refusé par le bac à sable : "), message
    assert HOSTILE[name][1] in message or "récursion trop profonde" in message
    assert time.monotonic() - started < 20


def test_a_deep_recursion_without_time_is_said(tmp_path):
    (tmp_path / "r.md.j2").write_text(
        "x\n{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}\n", encoding="utf-8"
    )
    with pytest.raises(
        TemplateError,
        match=r"r\.md\.j2:2: calcul refusé par le bac à sable : (récursion trop profonde|temps)",
    ):
        render_template(body_environment(tmp_path), "r.md.j2", {})


def test_ordinary_templates_spend_little_of_the_budget(tmp_path):
    (tmp_path / "ok.md.j2").write_text(
        "{% for i in range(1000) %}{{ i ~ '-' }}{{ 'ab' * 3 }}{% endfor %}\n", encoding="utf-8"
    )
    text = render_template(body_environment(tmp_path), "ok.md.j2", {})
    assert text.startswith("0\\-ababab1\\-ababab") and text.count("ababab") == 1000


def test_the_budget_is_per_render(tmp_path, monkeypatch):
    monkeypatch.setattr(budget, "MAX_CHARS", 1_000)
    (tmp_path / "t.md.j2").write_text("{{ 'a' * 600 }}\n", encoding="utf-8")
    for _ in range(3):  # 1 800 characters in all, 600 a render
        assert len(render_template(body_environment(tmp_path), "t.md.j2", {}).strip()) == 600


@pytest.mark.parametrize(
    "text",
    [
        "{{ 'a'|center(1000000000) }}",
        "{{ 'a\\nb'|indent(1000000000) }}",
        "{{ 'a b'|wordwrap(1000000000) }}",
        "{{ ('a' * 50000)|replace('a', 'b' * 50000) }}",
    ],
)
def test_a_filter_that_would_build_a_huge_text_is_stopped_before_it_runs(tmp_path, text):
    (tmp_path / "f.md.j2").write_text("x\n" + text + "\n", encoding="utf-8")
    with pytest.raises(
        TemplateError, match=r"f\.md\.j2:2: calcul refusé par le bac à sable : texte trop long"
    ):
        render_template(body_environment(tmp_path), "f.md.j2", {})


def test_the_sized_filters_still_work(tmp_path):
    (tmp_path / "g.md.j2").write_text(
        "{{ 'ab'|center(6) }}|{{ 'a b c'|replace(' ', '-') }}|{{ 'x\\ny'|indent(2) }}\n",
        encoding="utf-8",
    )
    assert render_template(frame_environment(tmp_path), "g.md.j2", {}) == "  ab  |a-b-c|x\n  y\n"
