"""The gallery of the docs: tools/apercus.py renders the first page of each PDF as a PNG, the
docs hook lays them out, and the committed images are exactly the examples' PDFs."""

from __future__ import annotations

import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

TOOL = ROOT / "tools" / "apercus.py"
hooks = runpy.run_path(str(ROOT / "tools" / "docs_hooks.py"))


def _run(*args: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(TOOL), *map(str, args)], capture_output=True, text=True
    )


@pytest.mark.slow
def test_previews_replace_the_folder(tmp_path) -> None:
    from weasyprint import HTML

    for name in ("a/un", "a/deux", "b/trois", "b/trois.modifie-1"):
        (tmp_path / "out" / name).parent.mkdir(parents=True, exist_ok=True)
        HTML(string=f"<p>{name}</p>").write_pdf(tmp_path / "out" / f"{name}.pdf")
    dossier = tmp_path / "apercus"
    (dossier / "vieux").mkdir(parents=True)
    (dossier / "vieux" / "disparu.png").write_bytes(b"\x89PNG")
    result = _run(tmp_path / "out", dossier)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"aperçus : 3 images dans {dossier}\n"
    pngs = sorted(p.relative_to(dossier).as_posix() for p in dossier.rglob("*.png"))
    assert pngs == ["a/deux.png", "a/un.png", "b/trois.png"]  # the stale one is gone
    assert (dossier / pngs[0]).read_bytes().startswith(b"\x89PNG")


def test_without_pdfs_it_says_why(tmp_path) -> None:
    (tmp_path / "out").mkdir()
    result = _run(tmp_path / "out", tmp_path / "apercus")
    assert (result.returncode, result.stderr) == (
        1,
        f"aucun PDF dans {tmp_path / 'out'} : lancez d'abord make demo (ou ctgdocs build)\n",
    )
    assert not (tmp_path / "apercus").exists()


def test_the_gallery_has_four_previews_a_row(tmp_path) -> None:
    for n in range(5):
        (tmp_path / "t").mkdir(exist_ok=True)
        (tmp_path / "t" / f"d{n}.png").write_bytes(b"\x89PNG")
    lines = hooks["galerie"](tmp_path).splitlines()
    assert lines[0] == "5 aperçus."
    assert lines[3] == "|---|---|---|---|"
    assert lines[4].count("![") == 4 and lines[5].count("![") == 1
    assert "![t/d0](apercus/t/d0.png)<br>`t/d0`" in lines[4]


def test_an_empty_gallery_says_how_to_fill_it(tmp_path) -> None:
    assert "make previews" in hooks["galerie"](tmp_path)


def test_the_committed_gallery_is_every_example_pdf(tmp_path) -> None:
    """docs/apercus/ holds one preview per PDF the examples build, and no other: a document
    added, renamed or removed needs `make demo && make previews`."""
    command = ["build", str(ROOT / "data"), "--format", "pdf", "--dry-run"]
    result = subprocess.run(
        [sys.executable, "-m", "ctgdocs", *command, "--output", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=True,
    )
    built = {
        Path(line.split(" : ", 1)[1].split(" (", 1)[0]).relative_to(tmp_path / "out")
        for line in result.stdout.splitlines()
        if line.startswith("à reconstruire : ") and ".pdf (" in line
    }
    expected = sorted(p.with_suffix(".png").as_posix() for p in built)
    shown = sorted(
        p.relative_to(ROOT / "docs" / "apercus").as_posix()
        for p in (ROOT / "docs" / "apercus").glob("*/*.png")
    )
    assert expected, result.stdout
    assert shown == expected
