"""The HTML preview: what a clerk opens in a browser from DIR/<territoire>/<document>.html.

Its notes are listed at the end, numbered in reading order, each call linked to its note and
back; its footer has no page counter; its fonts are the build's copy of fonts/ in
DIR/_polices/, named from the page as ../_polices/<file>, recorded in the manifest and kept like
the documents. The print HTML, that WeasyPrint lays out for the PDF, keeps its footnotes and
page counter. A browser reads the preview in tests/test_html_browser.py.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from conftest import MAUSSANE
from ctgdocs import paths
from ctgdocs.app import BuildOptions, build
from ctgdocs.build.decide import MODIFIE
from ctgdocs.build.manifest import sha256_bytes
from ctgdocs.errors import OutputError
from ctgdocs.render.document import DocumentMeta, RenderedDocument
from ctgdocs.render.fonts import FOLDER, assets, font_file, link_fonts
from ctgdocs.render.html import css_text, render_html
from ctgdocs.render.tree import (
    Div,
    Heading,
    ListBlock,
    ListItem,
    Note,
    Paragraph,
    Run,
    Sommaire,
    Table,
    Tree,
)
from ctgdocs.writers.html import preview_css, preview_html
from support.extract import read_html

META = DocumentMeta("Convention", "Objet", "Auteur", dt.date(2022, 7, 1), "En-tête", "Pied")
FONTS = sorted(p.name for p in paths.FONTS_DIR.glob("*.ttf"))


def note(text: str) -> Note:
    return Note((Run(text),))


def p(*inlines) -> Paragraph:
    return Paragraph(tuple(Run(i) if isinstance(i, str) else i for i in inlines))


# Notes in a paragraph, a heading (not repeated by the sommaire), a list item and a table cell.
TREE = Tree(
    (
        Sommaire(),
        Heading(2, (Run("Article 1er"), note("Note du titre."))),
        p("Une phrase", note("Première source."), " qui continue."),
        ListBlock(False, (ListItem((p("Un point", note("Note du point.")),)),)),
        Div(("centre",), (Table(((((Run("Case"), note("Note de la case."))),),)),)),
        p("Fin du texte."),
    )
)
DOCUMENT = RenderedDocument(META, TREE)
NOTES = ["Note du titre.", "Première source.", "Note du point.", "Note de la case."]


@pytest.fixture
def page(tmp_path: Path):
    path = tmp_path / "apercu.html"
    path.write_text(preview_html(DOCUMENT), encoding="utf-8")
    return read_html(path), path.read_text(encoding="utf-8")


# --- the print HTML, WeasyPrint's input, is what it was --------------------------------


def test_the_print_html_keeps_its_footnotes_and_page_counter() -> None:
    html = render_html(DOCUMENT, css=False)
    assert '<p>Une phrase<span class="note">Première source.</span> qui continue.</p>' in html
    assert '<span class="numero-page"></span> / <span class="nombre-pages"></span>' in html
    assert "appel-note" not in html and 'class="notes"' not in html


# --- notes --------------------------------------------------------------------------


def test_the_preview_lists_the_notes_at_the_end_in_reading_order(page) -> None:
    read, html = page
    assert [n.strip() for n in read.notes] == NOTES
    assert not any(n in read.main for n in NOTES)  # not in the line
    assert "Une phrase qui continue." in read.main
    last_block = html.index("<p>Fin du texte.</p>")
    assert html.index('<section class="notes"') > last_block
    assert html.index('<section class="notes"') < html.index("</main>")


def test_each_call_links_to_its_note_and_back(page) -> None:
    _, html = page
    calls = re.findall(
        r'<a class="appel-note" id="([^"]+)" href="#([^"]+)"[^>]*><sup>(\d+)</sup>', html
    )
    assert calls == [(f"appel-note-{n}", f"note-{n}", str(n)) for n in range(1, len(NOTES) + 1)]
    for number, text in enumerate(NOTES, start=1):
        found = re.search(
            rf'<p class="note-fin" id="note-{number}"[^>]*><a class="retour-note" '
            rf'href="#appel-note-{number}"[^>]*>{number}\.</a> {re.escape(text)}</p>',
            html,
        )
        assert found, (number, text)


def test_the_sommaire_carries_no_note_call(page) -> None:
    _, html = page
    sommaire = html[html.index('<nav class="sommaire">') : html.index("</nav>")]
    assert "Article 1er" in sommaire and "appel-note" not in sommaire and "note" not in sommaire


# --- no page counter ----------------------------------------------------------------


def test_the_preview_has_no_page_counter(page) -> None:
    read, html = page
    body = html[html.index("<body>") :]  # print.css, in the head, still has its rules
    assert "numero-page" not in body and "nombre-pages" not in body
    assert "Page" not in read.body
    assert read.body.count("Pied") == 1  # the footer, once, after the document
    assert html.index('<div class="pied-courant">Pied</div>') > html.index("</main>")
    assert ".sommaire a::after { content: none; }" in html  # no page numbers without pages


# --- fonts --------------------------------------------------------------------------


def test_the_preview_names_its_fonts_in_the_output_folder_and_nothing_else(page) -> None:
    _, html = page
    # data: URLs (the sommaire's dots) are inside the page; every file is a copied font
    urls = [u for u in re.findall(r'url\("?([^")]+)"?\)', html) if not u.startswith("data:")]
    assert sorted(urls) == sorted(f"../{FOLDER}/{name}" for name in FONTS)
    assert "../../fonts" not in html
    # nothing else leaves the page: every link is to a place in it
    assert {ref[0] for ref in re.findall(r'(?:href|src)="([^"]*)"', html)} == {"#"}


def test_the_preview_keeps_print_css_but_its_font_sources() -> None:
    def rules(css: str) -> list[str]:
        return [line for line in css.splitlines() if not line.startswith("@font-face")]

    linked = link_fonts(css_text(), paths.TEMPLATES_DIR / "html")
    assert rules(linked) == rules(css_text())
    assert preview_css().startswith(linked)
    faces = [line for line in linked.splitlines() if line.startswith("@font-face")]
    assert len(faces) == len(FONTS) == 4
    assert 'font-weight: bold; font-style: italic; src: url("../_polices/' in linked


def test_the_output_folder_gets_the_shipped_fonts_and_their_licence() -> None:
    expected = {f"{FOLDER}/{name}": paths.FONTS_DIR / name for name in FONTS}
    expected[f"{FOLDER}/LICENSE-liberation.txt"] = paths.FONTS_DIR / "LICENSE-liberation.txt"
    assert assets() == expected


def test_a_font_outside_the_project_never_reaches_an_output(tmp_path: Path) -> None:
    outside = tmp_path / "Etrangere.ttf"
    outside.write_bytes((paths.FONTS_DIR / FONTS[0]).read_bytes())
    with pytest.raises(OutputError, match=r"police « .*Etrangere\.ttf » introuvable dans fonts/"):
        font_file(str(outside), tmp_path)
    with pytest.raises(OutputError, match="introuvable"):
        font_file("../../../../../../etc/passwd", paths.TEMPLATES_DIR / "html")
    # templates copied elsewhere (CTGDOCS_TEMPLATES): the project's font of that name
    copied = tmp_path / "gabarits" / "html"
    copied.mkdir(parents=True)
    assert font_file(f"../../fonts/{FONTS[0]}", copied) == paths.FONTS_DIR / FONTS[0]


# --- the build keeps DIR/_polices/ ---------------------------------------------------


@pytest.fixture
def site(copie, tmp_path: Path):
    """Maussane built as HTML into an output folder; the build's options for more."""
    options = BuildOptions(output=tmp_path / "loin" / "sortie", formats=("html",), jobs=1)
    folder = copie(MAUSSANE).dir
    report = build([folder], options)
    assert report.ok, report.echecs
    return folder, options, report


def _fonts(output: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((output / FOLDER).iterdir())}


def test_the_build_copies_the_fonts_beside_the_previews_and_records_them(site) -> None:
    _, options, report = site
    shipped = {key.split("/")[1]: path.read_bytes() for key, path in assets().items()}
    assert _fonts(options.output) == shipped
    assert [p.suffix for p in report.ecrits] == [".html"]  # the summary counts documents
    files = json.loads((options.output / "manifest.json").read_text(encoding="utf-8"))["fichiers"]
    recorded = {key: entry for key, entry in files.items() if entry["kind"] == "police"}
    assert sorted(recorded) == sorted(assets())
    assert all(
        entry["sha256"] == sha256_bytes(shipped[key.split("/")[1]])
        for key, entry in recorded.items()
    )


def test_a_rebuild_leaves_the_fonts_and_a_deleted_one_comes_back(site) -> None:
    folder, options, _ = site
    regular = options.output / FOLDER / FONTS[-1]
    stat = regular.stat()
    report = build([folder], options)
    assert report.rendus == 0 and report.ecrits == []
    assert (regular.stat().st_ino, regular.stat().st_mtime_ns) == (stat.st_ino, stat.st_mtime_ns)
    regular.unlink()
    report = build([folder], options)
    assert report.rendus == 0 and report.ecrits == [] and report.ok
    assert regular.read_bytes() == (paths.FONTS_DIR / FONTS[-1]).read_bytes()


def test_a_font_edited_by_hand_is_protected_and_force_sets_it_aside(site) -> None:
    folder, options, _ = site
    bold = options.output / FOLDER / "LiberationSans-Bold.ttf"
    bold.write_bytes(b"modifiee")
    report = build([folder], options)
    assert report.proteges == [(bold, MODIFIE)]
    assert bold.read_bytes() == b"modifiee"
    forced = BuildOptions(output=options.output, formats=("html",), jobs=1, force=True)
    report = build([folder], forced)
    aside = bold.with_name("LiberationSans-Bold.modifie-1.ttf")
    assert report.mis_de_cote == [(bold, aside)] and report.proteges == []
    assert aside.read_bytes() == b"modifiee"
    assert bold.read_bytes() == (paths.FONTS_DIR / bold.name).read_bytes()


def test_without_a_preview_no_fonts_are_copied(copie, tmp_path: Path) -> None:
    options = BuildOptions(output=tmp_path / "sortie", formats=("docx",), jobs=1)
    assert build([copie(MAUSSANE).dir], options).ok
    assert not (options.output / FOLDER).exists()
