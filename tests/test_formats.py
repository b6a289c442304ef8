"""The three formats of every example document say the same words.

Both example territories are built once (DOCX, PDF, HTML); each document's body is read back
from every format and compared word by word. LibreOffice, the program that will open the
DOCX files, converts them too (slow tests), and two independent readers read the DOCX files as
users' tools do: docx2python (document-management indexing) and mammoth (DOCX to HTML).
"""

from __future__ import annotations

import itertools
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import docx
import pypdf
import pytest

from ctgdocs import __version__
from ctgdocs.app import BuildOptions, build, plan, validate
from ctgdocs.build.decide import input_name
from ctgdocs.render.document import DocumentMeta
from ctgdocs.render.tree import (
    Div,
    Note,
    Table,
    Tree,
    inline_sequences,
    inline_text,
    notes,
    plain_text,
    remplir,
)
from support.docx_readers import (
    Reading,
    app_properties,
    asks_to_update_fields,
    cell_direct_formatting,
    compat_mode,
    docx_outline,
    read_docx2python,
    read_mammoth,
    root_namespaces,
    undeclared_prefixes,
    unexpected_messages,
)
from support.extract import (
    docx_text,
    html_text,
    libreoffice_pdf,
    pdf_info,
    pdf_pages,
    pdf_text,
    pdftotext,
    read_html,
)
from support.pdfa import pdfa_facts
from support.similarity import differences, without_notes, without_sequences, words

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "data").iterdir() if (p / "territoire.yaml").is_file())
FORMATS = ("docx", "pdf", "html")
MAX_PAGES = 25  # the longest example, the convention, has 16 pages; more means a layout gone wrong


def _planned() -> dict[str, tuple[str, DocumentMeta, list[str]]]:
    """territory/stem → (territory folder, meta, footnote texts) of every document the examples
    give (two territories may each have a document of the same name)."""
    planned = {}
    for doc in plan(validate(EXAMPLES), ()):
        rendered = doc.render()
        notes = _notes(rendered.tree.blocks)
        headers = [
            " ".join(inline_text(c) for c in row) for row in _header_rows(rendered.tree.blocks)
        ]
        planned[f"{doc.territoire}/{doc.stem}"] = (doc.territoire, rendered.meta, notes, headers)
        TREES[f"{doc.territoire}/{doc.stem}"] = rendered.tree
        KINDS[f"{doc.territoire}/{doc.stem}"] = doc.kind
        INPUTS[f"{doc.territoire}/{doc.stem}"] = {
            input_name(p, doc.dossier): p
            for p in doc.entrees  # a model's file: modeles/…
        }
    return planned


def _notes(blocks: tuple) -> list[tuple[str, str]]:
    """(the word before the call, the note's text) of every footnote, in reading order."""
    return [note for seq in inline_sequences(blocks) for note in _notes_of(seq)]


def _notes_of(inlines: tuple) -> list[tuple[str, str]]:
    found = []
    for i, inline in enumerate(inlines):
        if isinstance(inline, Note):
            before = words(inline_text(inlines[:i]))
            found.append((before[-1] if before else "", inline_text(inline.inlines)))
    return found


def _header_rows(blocks: tuple) -> list:
    rows = []
    for block in blocks:
        if isinstance(block, Table) and block.header_rows:
            rows += block.rows[: block.header_rows]
        elif isinstance(block, Div):
            rows += _header_rows(block.children)
    return rows


INPUTS: dict[str, dict[str, Path]] = {}  # territory/stem → its data files, by name in the folder
TREES: dict[str, Tree] = {}  # territory/stem → its rendered tree
KINDS: dict[str, str] = {}  # territory/stem → its document kind
PLANNED = _planned()
STEMS = sorted(PLANNED)


def _forme(stem: str) -> tuple[str, str, str]:
    """What sets a document's layout: its kind and territory (one model, one house style), and
    for a deliberation its collectivité (each has its own house style)."""
    territoire, nom = stem.split("/")
    kind = KINDS[stem]
    return kind, territoire, nom.partition("-deliberation-")[0] if kind == "deliberation" else ""


# LibreOffice converts one document of each layout (the nine grilles of a territory share
# theirs, so do its referentiels), not every document: the slow suite stays short as examples
# are added.
LIBREOFFICE_STEMS = sorted({_forme(s): s for s in reversed(STEMS)}.values())


@dataclass(frozen=True)
class Written:
    stem: str
    meta: DocumentMeta
    notes: list[tuple[str, str]]
    headers: list[str]  # table header rows, repeated by the PDF on each page a table spans
    docx: Path
    pdf: Path
    html: Path


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    out = tmp_path_factory.mktemp("formats")
    written = build(EXAMPLES, BuildOptions(output=out, formats=FORMATS, jobs=1)).ecrits
    return out, written


@pytest.fixture(params=STEMS)
def document(request: pytest.FixtureRequest, output: tuple[Path, list[Path]]) -> Written:
    return _written(request.param, output)


@pytest.fixture(params=LIBREOFFICE_STEMS)
def representant(request: pytest.FixtureRequest, output: tuple[Path, list[Path]]) -> Written:
    """One document of each kind in each territory, for the slow LibreOffice conversions."""
    return _written(request.param, output)


def _written(stem: str, output: tuple[Path, list[Path]]) -> Written:
    out, _ = output
    _territoire, meta, notes, headers = PLANNED[stem]
    base = out / stem
    return Written(
        stem,
        meta,
        notes,
        headers,
        base.with_suffix(".docx"),
        base.with_suffix(".pdf"),
        base.with_suffix(".html"),
    )


def assert_same_words(expected: str, actual: str, what: str, document: Written) -> None:
    """Same words, footnotes and table headers aside: each format places notes its own way
    (the DOCX keeps them in their own part, the PDF at the foot of each page, the HTML after
    the text) and the PDF repeats a table's header row on every page the table runs over."""
    headers = [words(h) for h in document.headers]
    found, wanted = without_notes(actual, expected, document.notes)
    found, wanted = without_sequences(found, headers), without_sequences(wanted, headers)
    assert found == wanted, f"{what} (found -> expected):\n" + "\n".join(
        differences(" ".join(found), " ".join(wanted))
    )


def test_the_examples_give_several_documents() -> None:
    assert len(STEMS) >= len(EXAMPLES) >= 2


def test_every_document_is_written_in_every_format(output: tuple[Path, list[Path]]) -> None:
    out, written = output
    expected = {out / f"{key}.{fmt}" for key in PLANNED for fmt in FORMATS}
    # the one example act sent to the préfecture has its @CTES metadata beside its PDF
    expected.add(out / "grand-poitiers/poitiers-deliberation-2022-0301.actes.json")
    assert sorted(written) == sorted(expected)
    assert all(path.stat().st_size > 0 for path in written)


# --- same words -----------------------------------------------------------------------


def test_docx_body_is_not_empty(document: Written) -> None:
    # Guards the comparisons below against two empty texts being equal.
    assert len(words(docx_text(document.docx))) > 100


def test_pdf_says_the_words_of_the_docx(document: Written) -> None:
    assert_same_words(
        docx_text(document.docx),
        pdf_text(document.pdf, document.meta),
        "PDF vs DOCX",
        document,
    )


def test_html_says_the_words_of_the_docx(document: Written) -> None:
    assert_same_words(
        docx_text(document.docx, sommaire=False),
        html_text(document.html),
        "HTML vs DOCX (sommaire aside: the HTML has no pages)",
        document,
    )


def test_html_lists_every_footnote_at_the_end_in_reading_order(document: Written) -> None:
    """The preview has no pages: its notes follow the text, numbered as the PDF numbers them."""
    assert [words(n) for n in read_html(document.html).notes] == [
        words(text) for _, text in document.notes
    ]


def test_pdf_prints_the_running_header_and_footer_on_every_page(document: Written) -> None:
    # pdf_text() removes these lines: make sure they are really there to be removed.
    text = pdftotext(document.pdf)
    pages = pdf_pages(document.pdf)
    for page in range(1, pages + 1):
        assert f"{document.meta.footer} — Page {page} / {pages}" in text
    assert text.count(document.meta.header) == pages
    # A draft: « Projet » above the header of every page.
    projets = text.count(f"Projet\n{document.meta.header}")
    assert projets == (pages if document.meta.projet else 0)


# --- independent DOCX readers ---------------------------------------------------------


def our_text(document: Written) -> tuple[list[str], list[list[str]]]:
    """The words of the document as ctgdocs.render.texte gives them (the tree's text, then each
    footnote's), the page count it prints being its PDF's."""
    filled = remplir(TREES[document.stem].blocks, {"pages": str(pdf_pages(document.pdf))})
    body = words(plain_text(Tree(filled)))
    return body, [words(inline_text(note.inlines)) for note in notes(filled)]


def assert_reads_our_text(reading: Reading, document: Written, reader: str) -> None:
    body, footnotes = our_text(document)
    assert words(reading.body) == body, f"{reader} vs our text (found -> expected):\n" + "\n".join(
        differences(" ".join(words(reading.body)), " ".join(body))
    )
    assert [words(note) for note in reading.notes] == footnotes


def test_docx2python_reads_our_words_and_footnotes(document: Written) -> None:
    assert_reads_our_text(read_docx2python(document.docx), document, "docx2python")


def test_mammoth_reads_our_words_and_footnotes(document: Written) -> None:
    reading = read_mammoth(document.docx)
    assert unexpected_messages(reading) == []
    assert_reads_our_text(reading, document, "mammoth")


def _title(blocks: tuple) -> str | None:
    """The text of the document's title line (its `titre` div), if it has one."""
    for block in blocks:
        if isinstance(block, Div):
            if "titre" in block.classes:
                return "\n".join(inline_text(p.inlines) for p in block.children)
            found = _title(block.children)
            if found is not None:
                return found
    return None


def test_docx_outline_starts_at_level_1_with_the_title(document: Written) -> None:
    outline = docx_outline(document.docx)
    levels = [level for level, _ in outline]
    if levels:
        assert levels[0] == 1
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels))  # no level skipped
    title = _title(TREES[document.stem].blocks)
    if title is not None:
        assert outline[0] == (1, title)


def test_docx_opens_in_current_word_mode_without_a_prompt(document: Written) -> None:
    assert compat_mode(document.docx) == "15"
    assert not asks_to_update_fields(document.docx)  # every cached field result is right


def test_docx_footnotes_part_declares_its_namespaces_as_word_does(document: Written) -> None:
    assert undeclared_prefixes(document.docx, "word/footnotes.xml") == set()
    document_ns = root_namespaces(document.docx, "word/document.xml")
    assert root_namespaces(document.docx, "word/footnotes.xml") == document_ns


def test_docx_app_properties_name_ctgdocs_and_the_document(document: Written) -> None:
    app = app_properties(document.docx)
    assert app["Application"] == f"ctgdocs/{__version__}"
    assert app["TitlesOfParts"] == document.meta.title
    assert app["Company"] == document.meta.author
    assert "Template" not in app and "AppVersion" not in app


def test_docx_table_cells_have_no_direct_formatting(document: Written) -> None:
    assert cell_direct_formatting(document.docx) == []


# --- metadata -------------------------------------------------------------------------


def test_pdf_metadata_has_title_and_author(document: Written) -> None:
    info = pdf_info(document.pdf)
    assert info["Title"] == document.meta.title
    assert info["Author"] == document.meta.author


def test_docx_properties_have_title_and_author(document: Written) -> None:
    props = docx.Document(str(document.docx)).core_properties
    assert props.title == document.meta.title
    assert props.author == document.meta.author
    assert props.language == document.meta.lang


def test_html_is_in_french(document: Written) -> None:
    assert read_html(document.html).lang == "fr"


# --- PDF/A ----------------------------------------------------------------------------


def test_pdf_is_pdf_a_3b_tagged_in_french_with_its_fonts(document: Written) -> None:
    facts = pdfa_facts(document.pdf)
    assert (facts.part, facts.conformance) == ("3", "B")
    assert facts.output_intents == ["/GTS_PDFA1"]
    assert facts.lang == "fr" and facts.tagged
    assert facts.fonts and not facts.unembedded_fonts
    assert (facts.title, facts.creator, facts.description) == (
        document.meta.title,
        document.meta.author,
        document.meta.subject,
    )
    assert facts.info["Subject"] == document.meta.subject


def test_pdf_embeds_the_data_files_it_was_made_from(document: Written) -> None:
    inputs = INPUTS[document.stem]
    assert "territoire.yaml" in inputs
    facts = pdfa_facts(document.pdf)
    assert sorted(facts.embedded) == sorted(name.replace("/", "_") for name in inputs)
    for name, path in inputs.items():
        embedded = facts.embedded[name.replace("/", "_")]
        assert embedded.contenu == path.read_bytes()
        mime = "/text/markdown" if name.endswith(".md") else "/application/yaml"
        assert (embedded.relation, embedded.type) == ("/Source", mime)
        assert embedded.description == f"Données sources de ce document : {name}"


# --- LibreOffice ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def libreoffice(tmp_path_factory: pytest.TempPathFactory):
    """stem → LibreOffice's PDF of that DOCX, converted on first use (one profile for all)."""
    outdir = tmp_path_factory.mktemp("libreoffice")
    converted: dict[str, Path] = {}

    def convert(document: Written) -> Path:
        if document.stem not in converted:  # territory/stem: one folder per territory
            folder = outdir / document.stem.split("/")[0]
            folder.mkdir(exist_ok=True)
            converted[document.stem] = libreoffice_pdf(document.docx, folder)
        return converted[document.stem]

    return convert


@pytest.mark.slow
def test_libreoffice_lays_the_docx_out_like_our_pdf(representant: Written, libreoffice) -> None:
    """Same page count give or take one: the DOCX frame and print.css share their metrics."""
    ours = pdf_pages(representant.pdf)
    assert 1 <= ours <= MAX_PAGES
    assert abs(pdf_pages(libreoffice(representant)) - ours) <= 1


@pytest.mark.slow
def test_libreoffice_sets_the_docx_in_the_shipped_font(representant: Written, libreoffice) -> None:
    """The frame's Arial is laid out with fonts/LiberationSans (its metric twin), never with a
    substitute such as DejaVu Sans: the page count and line breaks depend on it."""
    listing = subprocess.run(
        ["pdffonts", str(libreoffice(representant))], check=True, capture_output=True, text=True
    ).stdout
    fonts = {line.split()[0].split("+")[-1] for line in listing.splitlines()[2:] if line.strip()}
    text_fonts = {font for font in fonts if font != "OpenSymbol"}  # LibreOffice's own bullets
    assert text_fonts and all(font.startswith("LiberationSans") for font in text_fonts), fonts


@pytest.mark.slow
def test_libreoffice_computes_the_page_fields_of_the_footer(
    representant: Written, libreoffice
) -> None:
    pdf = libreoffice(representant)
    text = pdftotext(pdf)
    pages = pdf_pages(pdf)
    footers = re.findall(re.escape(representant.meta.footer) + r" — Page (\d+) / (\d+)", text)
    assert footers, f"no footer « {representant.meta.footer} — Page X / Y » in:\n{text[:2000]}"
    assert footers[0] == ("1", str(pages))
    assert footers == [(str(n), str(pages)) for n in range(1, pages + 1)]


@pytest.mark.slow
def test_libreoffice_says_the_words_of_our_pdf(representant: Written, libreoffice) -> None:
    assert_same_words(
        pdf_text(representant.pdf, representant.meta),
        pdf_text(libreoffice(representant), representant.meta),
        "LibreOffice's PDF vs ours",
        representant,
    )


@pytest.mark.slow
def test_libreoffice_bookmarks_follow_the_docx_outline(representant: Written, libreoffice) -> None:
    """The PDF LibreOffice exports has one bookmark per outline paragraph, at its level: the
    title at level 1, the articles under it."""

    def flatten(items: list, level: int = 1) -> list[tuple[int, str]]:
        found = []
        for item in items:
            if isinstance(item, list):
                found += flatten(item, level + 1)
            else:
                found.append((level, " ".join(item.title.split())))
        return found

    bookmarks = flatten(pypdf.PdfReader(libreoffice(representant)).outline)
    assert bookmarks == [
        (level, " ".join(text.split())) for level, text in docx_outline(representant.docx)
    ]
