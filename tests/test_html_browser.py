"""The HTML preview in a real browser: Debian's chromium, headless (tools/setup_system.sh).

One deliberation, given a footnote, is built into an output folder of a temporary directory,
away from the repository. Chromium opens it as a clerk would (file://), takes a screenshot and,
on a copy with tests/support/browser_probe.js inline, dumps its DOM once the fonts have loaded
or failed: the probe writes what the browser itself saw. The checks: every font face the page
uses loaded from the output folder (and the same page away from that folder reports them
failed, so the check can fail); no « Page 0 » or page counter anywhere visible; the note call
is set apart from its sentence and links to the note, in the notes at the end, which links back.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from html import unescape
from pathlib import Path

import pytest
from PIL import Image

from conftest import MAUSSANE, SEANCE_MAUSSANE
from ctgdocs.app import BuildOptions, build
from ctgdocs.render.fonts import FOLDER

pytestmark = pytest.mark.slow

PROBE = Path(__file__).parent / "support" / "browser_probe.js"
SENTENCE = "La démarche territoriale a été lancée le 11 décembre 2019."
NOTE = "Par le comité de pilotage réuni en mairie."
WINDOW = (1000, 1400)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium(tmp_path: Path, *args: str) -> str:
    """Run headless chromium with a new profile folder; its standard output."""
    binary = shutil.which("chromium")
    if binary is None:
        pytest.fail("chromium absent : make setup l'installe (tools/setup_system.sh)")
    profile = tempfile.mkdtemp(prefix="profil-", dir=tmp_path)
    command = [binary, *FLAGS, f"--user-data-dir={profile}", *args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def probe(tmp_path: Path, page: Path) -> dict:
    """What the browser saw of the page: a copy beside it with the probe inline, its DOM."""
    copy = page.with_name(f"sonde-{page.name}")
    script = f"<script>{PROBE.read_text(encoding='utf-8')}</script></body>"
    copy.write_text(page.read_text(encoding="utf-8").replace("</body>", script), encoding="utf-8")
    dom = chromium(tmp_path, "--virtual-time-budget=10000", "--dump-dom", copy.as_uri())
    found = re.search(r'<pre id="sonde">(.*?)</pre>', dom, re.S)
    assert found, "the probe wrote nothing: the page did not load, or its fonts never settled"
    return json.loads(unescape(found.group(1)))


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Maussane's deliberation, with a footnote, built as HTML far from the repository."""
    root = tmp_path_factory.mktemp("navigateur")
    data = shutil.copytree(Path(__file__).parent.parent / "data" / MAUSSANE, root / MAUSSANE)
    seance = data / SEANCE_MAUSSANE
    text = seance.read_text(encoding="utf-8")
    assert SENTENCE in text
    seance.write_text(text.replace(SENTENCE, f"{SENTENCE[:-1]}^[{NOTE}]."), encoding="utf-8")
    output = root / "ailleurs" / "sortie"
    report = build([data], BuildOptions(output=output, formats=("html",), jobs=1))
    assert not report.echecs and len(report.ecrits) == 1, report.echecs
    return report.ecrits[0]


@pytest.fixture(scope="module")
def seen(preview: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    return probe(tmp_path_factory.mktemp("profils"), preview)


def test_the_fonts_used_are_the_shipped_ones_from_the_output_folder(seen: dict) -> None:
    faces = {(f["weight"], f["style"]): f["status"] for f in seen["faces"]}
    assert {f["family"] for f in seen["faces"]} == {"Liberation Sans"}
    # the deliberation sets text in regular, bold and italics: those faces loaded, none failed
    assert faces[("normal", "normal")] == faces[("bold", "normal")] == "loaded"
    assert faces[("normal", "italic")] == "loaded"
    assert "error" not in faces.values()


def test_away_from_its_folder_the_page_reports_its_fonts_missing(preview: Path, tmp_path) -> None:
    """The check above can fail: the same page where ../_polices/ is not, as before the fix
    (fonts referred to by a path that led nowhere), gets no font."""
    alone = tmp_path / "seul" / "x" / preview.name
    alone.parent.mkdir(parents=True)
    shutil.copyfile(preview, alone)
    faces = {(f["weight"], f["style"]): f["status"] for f in probe(tmp_path, alone)["faces"]}
    assert faces[("normal", "normal")] == faces[("bold", "normal")] == "error"
    assert (preview.parent.parent / FOLDER / "LiberationSans-Regular.ttf").is_file()


def test_no_page_counter_is_visible(seen: dict) -> None:
    assert "Délibération n° 2022/07/29/07" in seen["text"]  # the footer is there…
    assert not re.search(r"Page\s*\d*\s*/", seen["text"])  # …without « Page 0 / 0 »
    assert not [c for c in seen["generated"] if "counter(page" in c or "Page" in c]


def test_the_note_is_set_apart_and_linked_both_ways(seen: dict) -> None:
    [call] = seen["calls"]
    assert call["text"] == "1"
    assert NOTE not in call["sentence"]  # not in the line
    assert call["sentence"].startswith(SENTENCE[:-6])
    assert call["target"] == "note-1" and call["target_visible"]
    assert call["target_text"] == f"1. {NOTE}"
    assert call["in_notes_section"] and call["notes_section_last"] and call["after_the_call"]
    assert call["back"] == f"#{call['id']}"
    assert seen["text"].count(NOTE) == 1


def test_a_screenshot_shows_the_document(preview: Path, tmp_path: Path) -> None:
    shot = tmp_path / "apercu.png"
    chromium(
        tmp_path,
        f"--window-size={WINDOW[0]},{WINDOW[1]}",
        f"--screenshot={shot}",
        preview.as_uri(),
    )
    image = Image.open(shot).convert("L")
    assert image.size == WINDOW
    # a white sheet on a grey ground, with black text: all three are there
    histogram = image.histogram()
    dark, white = sum(histogram[:64]), histogram[255]
    assert dark > 5_000 and white > 0.3 * WINDOW[0] * WINDOW[1]
    assert histogram[230] > 0.02 * WINDOW[0] * WINDOW[1]  # preview.css: the ground, #e6e6e6
