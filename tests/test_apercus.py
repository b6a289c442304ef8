"""tools/apercus.py: the first page of each PDF as a PNG, and the README gallery rewritten."""

from __future__ import annotations

import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

TOOL = ROOT / "tools" / "apercus.py"
apercus = runpy.run_path(str(TOOL))


def _run(*args: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(TOOL), *map(str, args)], capture_output=True, text=True
    )


@pytest.mark.slow
def test_previews_and_the_gallery(tmp_path) -> None:
    from weasyprint import HTML

    for name in ("a/un", "a/deux", "b/trois"):
        (tmp_path / "out" / name).parent.mkdir(parents=True, exist_ok=True)
        HTML(string=f"<p>{name}</p>").write_pdf(tmp_path / "out" / f"{name}.pdf")
    readme = tmp_path / "README.md"
    readme.write_text("avant\n<!-- apercus:debut -->\nancienne\n<!-- apercus:fin -->\naprès\n")
    result = _run(tmp_path / "out", readme)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "aperçus : 3 images dans docs/apercus, galerie de README.md\n"
    pngs = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.png"))
    assert pngs == [
        "docs/apercus/a/deux.png",
        "docs/apercus/a/un.png",
        "docs/apercus/b/trois.png",
    ]
    assert (tmp_path / pngs[0]).read_bytes().startswith(b"\x89PNG")
    text = readme.read_text()
    assert text.startswith("avant\n<!-- apercus:debut -->\n|") and "ancienne" not in text
    assert text.endswith("<!-- apercus:fin -->\naprès\n")
    assert "![a/deux](docs/apercus/a/deux.png)<br>`a/deux`" in text


def test_the_gallery_has_four_previews_a_row(tmp_path) -> None:
    pngs = [tmp_path / "t" / f"d{n}.png" for n in range(5)]
    lines = apercus["galerie"](pngs, tmp_path).splitlines()
    assert len(lines) == 4 and lines[1] == "|---|---|---|---|"
    assert lines[3].count("![") == 1


def test_without_pdfs_or_markers_it_says_why(tmp_path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("pas de marqueurs\n")
    (tmp_path / "out").mkdir()
    result = _run(tmp_path / "out", readme)
    assert (result.returncode, result.stderr) == (
        1,
        f"aucun PDF dans {tmp_path / 'out'} : lancez d'abord ctgdocs build\n",
    )
    (tmp_path / "out" / "t").mkdir()
    (tmp_path / "out" / "t" / "x.pdf").write_bytes(b"%PDF-1.7\n")
    result = _run(tmp_path / "out", readme)
    assert (result.returncode, result.stderr) == (
        1,
        f"{readme} : marqueurs <!-- apercus:debut --> … <!-- apercus:fin --> absents\n",
    )
