"""Template loaders read only regular files inside their folder (issue 16, « Reading »): a clause
of a template override that is a link out of it, or a named pipe, is refused, nothing read."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ctgdocs.errors import TemplateError
from ctgdocs.paths import PROJECT_DIR, TEMPLATES_DIR
from ctgdocs.render.environment import body_environment, render_template
from support.override import run_with_templates

SECRET = "SECRET-HORS-DES-MODELES"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    templates = tmp_path / "modeles"
    templates.mkdir()
    (templates / "t.md.j2").write_text(
        "Avant {% include 'clause.md.j2' %} après\n", encoding="utf-8"
    )
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    return templates


def test_a_clause_linked_out_of_the_templates_is_refused(folder):
    (folder / "clause.md.j2").symlink_to(folder.parent / "secret.txt")
    with pytest.raises(TemplateError) as error:
        render_template(body_environment(folder), "t.md.j2", {})
    message = str(error.value)
    assert message.startswith("modèle « clause.md.j2 » : lien symbolique qui sort de ")
    assert message.endswith(" : refusé, rien n'a été lu")
    assert SECRET not in message


def test_a_clause_that_is_a_named_pipe_is_refused_without_waiting(folder):
    os.mkfifo(folder / "clause.md.j2")
    with pytest.raises(TemplateError, match="un tube nommé \\(FIFO\\), pas un fichier ordinaire"):
        render_template(body_environment(folder), "t.md.j2", {})


def test_a_link_that_stays_inside_the_templates_is_followed(folder):
    (folder / "commun").mkdir()
    (folder / "commun" / "vraie.md.j2").write_text("la clause", encoding="utf-8")
    (folder / "clause.md.j2").symlink_to(Path("commun") / "vraie.md.j2")
    assert (
        render_template(body_environment(folder), "t.md.j2", {}).strip() == "Avant la clause après"
    )


def test_a_missing_clause_is_still_not_found(folder):
    with pytest.raises(TemplateError, match=r"modèle introuvable « clause\.md\.j2 »"):
        render_template(body_environment(folder), "t.md.j2", {})


def test_a_build_with_an_override_whose_clause_leaves_the_folder_publishes_nothing(tmp_path):
    templates = tmp_path / "modeles"
    shutil.copytree(TEMPLATES_DIR, templates)
    secret = tmp_path / "secret.md"
    secret.write_text(SECRET, encoding="utf-8")
    clause = next((templates / "clauses").glob("*.md.j2"))
    clause.unlink()
    clause.symlink_to(secret)
    result = run_with_templates(
        templates,
        "build",
        str(PROJECT_DIR / "data"),
        "--format",
        "html",
        "--output",
        str(tmp_path / "out"),
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert f"modèle « clauses/{clause.name} » : lien symbolique qui sort de" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    leaked = [
        p
        for p in (tmp_path / "out").rglob("*")
        if p.is_file() and SECRET.encode() in p.read_bytes()
    ]
    assert leaked == []


def test_a_docx_frame_linked_out_of_the_templates_is_refused(tmp_path):
    from ctgdocs.writers.docx.writer import DEFAULT_FRAME

    templates = tmp_path / "modeles"
    (templates / "docx").mkdir(parents=True)
    outside = tmp_path / "ailleurs.docx"
    outside.write_bytes(DEFAULT_FRAME.read_bytes())
    (templates / "docx" / "frame.docx").symlink_to(outside)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from ctgdocs.writers.docx.writer import DocxWriter; "
            "from ctgdocs.errors import TemplateError\n"
            "try:\n    DocxWriter()._render_frame(None)\n"
            "except TemplateError as e:\n    print(e)",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "CTGDOCS_TEMPLATES": str(templates)},
    )
    assert "frame.docx : lien symbolique qui sort de " in result.stdout, (
        result.stdout + result.stderr
    )
    assert "refusé, rien n'a été lu" in result.stdout
