"""The three formats of every example document say the same words.

Both example territories are built once (DOCX, PDF, HTML); each document's body is read back
from every format and compared word by word. LibreOffice, the program that will open the
DOCX files, converts them too (slow tests).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest

from ctgdocs.app import BuildOptions, build, plan, validate
from ctgdocs.writers.base import DocumentMeta
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
from support.similarity import differences, words

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(path for path in (ROOT / "data").iterdir() if path.is_dir())
FORMATS = ("docx", "pdf", "html")
MAX_PAGES = 10  # a deliberation extract is a few pages; more means a layout gone wrong


def _planned() -> dict[str, tuple[str, DocumentMeta]]:
    """stem → (territory folder, meta) of every document the examples give."""
    return {doc.stem: (doc.territoire, doc.render().meta) for doc in plan(validate(EXAMPLES), ())}


PLANNED = _planned()
STEMS = sorted(PLANNED)


@dataclass(frozen=True)
class Written:
    stem: str
    meta: DocumentMeta
    docx: Path
    pdf: Path
    html: Path


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    out = tmp_path_factory.mktemp("formats")
    written = build(EXAMPLES, BuildOptions(output=out, formats=FORMATS, jobs=1))
    return out, written


@pytest.fixture(params=STEMS)
def document(request: pytest.FixtureRequest, output: tuple[Path, list[Path]]) -> Written:
    out, _ = output
    territoire, meta = PLANNED[request.param]
    base = out / territoire / request.param
    return Written(
        request.param,
        meta,
        base.with_suffix(".docx"),
        base.with_suffix(".pdf"),
        base.with_suffix(".html"),
    )


def assert_same_words(expected: str, actual: str, what: str) -> None:
    assert words(actual) == words(expected), f"{what} (found -> expected):\n" + "\n".join(
        differences(actual, expected)
    )


def test_the_examples_give_several_documents() -> None:
    assert len(STEMS) >= len(EXAMPLES) >= 2


def test_every_document_is_written_in_every_format(output: tuple[Path, list[Path]]) -> None:
    out, written = output
    expected = {
        out / territoire / f"{stem}.{fmt}"
        for stem, (territoire, _) in PLANNED.items()
        for fmt in FORMATS
    }
    assert sorted(written) == sorted(expected)
    assert all(path.stat().st_size > 0 for path in written)


# --- same words -----------------------------------------------------------------------


def test_docx_body_is_not_empty(document: Written) -> None:
    # Guards the comparisons below against two empty texts being equal.
    assert len(words(docx_text(document.docx))) > 100


def test_pdf_says_the_words_of_the_docx(document: Written) -> None:
    assert_same_words(
        docx_text(document.docx), pdf_text(document.pdf, document.meta), "PDF vs DOCX"
    )


def test_html_says_the_words_of_the_docx(document: Written) -> None:
    assert_same_words(docx_text(document.docx), html_text(document.html), "HTML vs DOCX")


def test_pdf_prints_the_running_header_and_footer_on_every_page(document: Written) -> None:
    # pdf_text() removes these lines: make sure they are really there to be removed.
    text = pdftotext(document.pdf)
    pages = pdf_pages(document.pdf)
    for page in range(1, pages + 1):
        assert f"{document.meta.footer} — Page {page} / {pages}" in text
    assert text.count(document.meta.header) == pages


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


# --- LibreOffice ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def libreoffice(tmp_path_factory: pytest.TempPathFactory):
    """stem → LibreOffice's PDF of that DOCX, converted on first use (one profile for all)."""
    outdir = tmp_path_factory.mktemp("libreoffice")
    converted: dict[str, Path] = {}

    def convert(document: Written) -> Path:
        if document.stem not in converted:
            converted[document.stem] = libreoffice_pdf(document.docx, outdir)
        return converted[document.stem]

    return convert


@pytest.mark.slow
def test_libreoffice_lays_the_docx_out_on_a_few_pages(document: Written, libreoffice) -> None:
    assert 1 <= pdf_pages(libreoffice(document)) <= MAX_PAGES


@pytest.mark.slow
def test_libreoffice_computes_the_page_fields_of_the_footer(document: Written, libreoffice) -> None:
    pdf = libreoffice(document)
    text = pdftotext(pdf)
    pages = pdf_pages(pdf)
    footers = re.findall(re.escape(document.meta.footer) + r" — Page (\d+) / (\d+)", text)
    assert footers, f"no footer « {document.meta.footer} — Page X / Y » in:\n{text[:2000]}"
    assert footers[0] == ("1", str(pages))
    assert footers == [(str(n), str(pages)) for n in range(1, pages + 1)]


@pytest.mark.slow
def test_libreoffice_says_the_words_of_our_pdf(document: Written, libreoffice) -> None:
    assert_same_words(
        pdf_text(document.pdf, document.meta),
        pdf_text(libreoffice(document), document.meta),
        "LibreOffice's PDF vs ours",
    )
