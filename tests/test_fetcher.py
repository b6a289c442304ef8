"""WeasyPrint may load only our fonts, the HTML frame's folder, the document's sources and data:
URLs (issue 16, « Reading »): a template override whose frame asks for another file, as an image,
as an attachment or as a font, or for a network address, publishes nothing of it."""

from __future__ import annotations

import shutil
import zlib
from pathlib import Path

import pytest

from ctgdocs.paths import PROJECT_DIR, TEMPLATES_DIR
from support.override import run_with_templates

SECRET = "SECRET-DU-POSTE-DU-GREFFIER"
MAUSSANE = PROJECT_DIR / "data" / "vallee-des-baux-alpilles"


def override(tmp_path: Path, tag: str) -> Path:
    templates = tmp_path / "modeles"
    shutil.copytree(TEMPLATES_DIR, templates)
    frame = templates / "html" / "frame.html.j2"
    text = frame.read_text(encoding="utf-8")
    frame.write_text(
        text.replace("<body", tag + "<body", 1) if "<body" in text else tag + text, encoding="utf-8"
    )
    return templates


ROUTES = {
    "image": '<img src="file://{secret}">',
    "piece-jointe": '<a rel="attachment" href="file://{secret}">pièce</a>',
    "feuille": '<link rel="stylesheet" href="file://{secret}">',
    "police": '<style>@font-face {{ font-family: X; src: url("file://{secret}"); }} body {{ font-family: X; }}</style>',
    "reseau": '<img src="http://127.0.0.1:9/x.png">',
}


@pytest.mark.slow
@pytest.mark.parametrize("route", sorted(ROUTES))
def test_a_frame_that_asks_for_a_file_outside_publishes_nothing(tmp_path, route):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    templates = override(tmp_path, ROUTES[route].format(secret=secret))
    out = tmp_path / "out"
    result = run_with_templates(
        templates, "build", str(MAUSSANE), "--format", "pdf", "--output", str(out), cwd=tmp_path
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "erreur (modèle invalide) : le modèle demande « " in result.stderr
    if route == "reseau":
        assert "aucune adresse réseau n'est lue" in result.stderr
    else:
        assert "fichier hors de " in result.stderr and "refusé, rien n'a été lu" in result.stderr
    assert "Traceback" not in result.stderr
    for file in (p for p in out.rglob("*") if p.is_file()):
        data = file.read_bytes()
        assert SECRET.encode() not in data
        assert zlib.compress(SECRET.encode()) not in data
    assert not list(out.rglob("*.pdf"))


def test_the_fetcher_serves_our_fonts_and_sources(tmp_path):
    from ctgdocs.paths import FONTS_DIR
    from ctgdocs.render.fetcher import ConfinedFetcher

    fetcher = ConfinedFetcher({"ctgdocs-source:a.yaml": b"a: 1\n"}, lambda url: "application/yaml")
    font = next(FONTS_DIR.glob("*.ttf"))
    assert fetcher.fetch(font.as_uri()).read() == font.read_bytes()
    response = fetcher.fetch("ctgdocs-source:a.yaml")
    assert response.read() == b"a: 1\n"
