"""Hostile or unusual text in the data comes out literally in every format, never as code.

A copy of the Maussane example gets, through its YAML: a secretary's name full of Markdown,
HTML and Jinja syntax; an exposé paragraph with a script tag, an entity and a Word XML
fragment; an objet with HTML and Jinja; a commune name with Jinja (it goes into the running
header, which the DOCX frame renders with Jinja). The copy is built once in the three formats
and each text is read back from each format.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph

from ctgdocs.app import BuildOptions, build, plan, validate
from ctgdocs.errors import DataError
from ctgdocs.render.document import DocumentMeta
from ctgdocs.render.tree import (
    Block,
    Div,
    Heading,
    ListBlock,
    Paragraph,
    Run,
    Table,
    Tree,
    plain_text,
)
from support.extract import (
    docx_header_footer_text,
    docx_text,
    libreoffice_pdf,
    pdf_info,
    pdftotext,
    read_html,
)
from support.similarity import words

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data" / "vallee-des-baux-alpilles"
TERRITOIRE = "territoire.yaml"
SEANCE = "seances/2022-07-29-maussane-les-alpilles.yaml"
FORMATS = ("docx", "pdf", "html")

JINJA_EXPR = "{{ 7*7 }}"
JINJA_IF = "{% if true %}oui{% endif %}"
NAME = f'SAMUEL & <Fils> "Père" l\'Aîné *gras* _x_ [lien](http://x) # {JINJA_EXPR} {JINJA_IF}'
EXPOSE = f"Texte <script>alert(1)</script> et &amp; puis </w:t><w:t> et {JINJA_EXPR} fin."
OBJET_HOSTILE = f"Commune & Fils <b>objet</b> {JINJA_EXPR}"
COMMUNE = f"Maussane & <Fils> {JINJA_EXPR} {JINJA_IF}"

# Substrings that must come out exactly as typed, in the body of every format.
LITERALS = (
    'SAMUEL & <Fils> "Père" l\'Aîné *gras*',
    NAME,
    "<script>alert(1)</script>",
    "</w:t><w:t>",
    OBJET_HOSTILE,
    JINJA_EXPR,
    JINJA_IF,
)


def yaml_quoted(value: str) -> str:
    """A single-quoted YAML scalar: no escape but the doubled quote."""
    return "'" + value.replace("'", "''") + "'"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def make_hostile_copy(dest: Path) -> Path:
    copy = dest / EXAMPLE.name
    shutil.copytree(EXAMPLE, copy)
    edit(
        copy / TERRITOIRE,
        "{prenom: Bernadette, nom: SAMUEL}",
        f"{{prenom: Bernadette, nom: {yaml_quoted(NAME)}}}",
    )
    edit(
        copy / TERRITOIRE, "    nom: Maussane-les-Alpilles\n", f"    nom: {yaml_quoted(COMMUNE)}\n"
    )
    edit(
        copy / SEANCE,
        "      - La démarche territoriale a été lancée le 11 décembre 2019.\n",
        f"      - {yaml_quoted(EXPOSE)}\n",
    )
    objet = "CAF - Convention territoriale globale de services aux familles 2022-2025 Territoire Vallée des Baux-Alpilles"
    edit(
        copy / SEANCE,
        f"    objet: {objet}\n",
        f"    objet: {yaml_quoted(OBJET_HOSTILE + ' ' + objet)}\n",
    )
    return copy


@dataclass(frozen=True)
class Hostile:
    meta: DocumentMeta
    tree: Tree
    docx: Path
    pdf: Path
    html: Path


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    root = tmp_path_factory.mktemp("injection")
    data = make_hostile_copy(root / "data")
    (document,) = plan(validate([data]), ())
    rendered = document.render()
    written = build([data], BuildOptions(output=root / "out", formats=FORMATS, jobs=1)).ecrits
    by_suffix = {path.suffix: path for path in written}
    return Hostile(
        rendered.meta, rendered.tree, by_suffix[".docx"], by_suffix[".pdf"], by_suffix[".html"]
    )


# --- reading the formats back ---------------------------------------------------------


def plain(text: str) -> str:
    """French typography puts no-break spaces before : ; ! ? and inside « »: make them spaces."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def no_space(text: str) -> str:
    """A PDF breaks lines wherever the layout wants (even between « %} » and « oui »): compare
    PDF text without any white space."""
    return re.sub(r"\s+", "", text)


def body_text(hostile: Hostile, fmt: str) -> str:
    """The body as printed in that format, without the running header and footer."""
    if fmt == "docx":
        return plain(docx_text(hostile.docx))
    if fmt == "pdf":
        text = no_space(pdftotext(hostile.pdf)).replace(no_space(hostile.meta.header), "")
        return re.sub(re.escape(no_space(hostile.meta.footer)) + r"—Page\d+/\d+", "", text)
    return plain(read_html(hostile.html).main)


def all_text(hostile: Hostile, fmt: str) -> str:
    """Everything a reader sees in that format: the body, the running header and footer."""
    if fmt == "docx":
        return plain(docx_text(hostile.docx) + "\n" + docx_header_footer_text(hostile.docx))
    if fmt == "pdf":
        return no_space(pdftotext(hostile.pdf))
    return plain(read_html(hostile.html).body)


def as_printed(fmt: str, literal: str) -> str:
    return no_space(literal) if fmt == "pdf" else literal


def tree_count(hostile: Hostile, literal: str) -> int:
    return plain(plain_text(hostile.tree)).count(literal)


# --- the tree, the writers' common source ---------------------------------------------


@pytest.mark.parametrize("literal", LITERALS)
def test_the_document_tree_keeps_the_text_literally(hostile: Hostile, literal: str) -> None:
    assert tree_count(hostile, literal) >= 1


def test_the_name_is_printed_wherever_the_secretary_is_named(hostile: Hostile) -> None:
    # The list of those present, the secretary of the session, the secretary's signature.
    assert tree_count(hostile, NAME) == 3


# --- every format ---------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_prints_the_text_literally(hostile: Hostile, fmt: str) -> None:
    body = body_text(hostile, fmt)
    for literal in LITERALS:
        assert body.count(as_printed(fmt, literal)) == tree_count(hostile, literal), literal


@pytest.mark.parametrize("fmt", FORMATS)
def test_jinja_expressions_are_not_computed(hostile: Hostile, fmt: str) -> None:
    assert "49" not in words(all_text(hostile, fmt))  # the example itself has no « 49 »


@pytest.mark.parametrize("fmt", FORMATS)
def test_jinja_statements_are_not_run(hostile: Hostile, fmt: str) -> None:
    # « oui » may only appear inside the literal block (upper-cased in the heading): had the
    # block run, « oui » would stand alone.
    text = all_text(hostile, fmt)
    block = re.compile(re.escape(as_printed(fmt, JINJA_IF)), re.IGNORECASE)
    assert block.search(text)
    assert "oui" not in words(block.sub(" ", text))


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_entity_in_an_expose_is_decoded_once(hostile: Hostile, fmt: str) -> None:
    # An exposé paragraph is Markdown (model.seance: "a paragraph of text (Markdown)") and
    # CommonMark reads « &amp; » as the entity of « & »; it is decoded once and only once.
    text = all_text(hostile, fmt)
    assert text.count(as_printed(fmt, "et & puis")) == 1
    assert "&amp;" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_running_header_prints_the_commune_name_literally(hostile: Hostile, fmt: str) -> None:
    # The DOCX header is the one place where data goes through Jinja (docxtpl renders the frame).
    assert COMMUNE in plain(hostile.meta.header)
    text = all_text(hostile, fmt)
    assert as_printed(fmt, plain(hostile.meta.header)) in text


# --- HTML source ----------------------------------------------------------------------


def test_html_source_escapes_markup_of_the_data(hostile: Hostile) -> None:
    source = hostile.html.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in source
    assert "<script" not in source
    assert "&lt;b&gt;objet&lt;/b&gt;" in source
    assert "<b>" not in source
    assert "&lt;Fils&gt;" in source
    assert "<Fils>" not in source


# --- metadata -------------------------------------------------------------------------


def test_pdf_subject_is_the_literal_objet(hostile: Hostile) -> None:
    assert pdf_info(hostile.pdf)["Subject"] == hostile.meta.subject
    assert OBJET_HOSTILE in hostile.meta.subject


def test_docx_subject_is_the_literal_objet(hostile: Hostile) -> None:
    props = docx.Document(str(hostile.docx)).core_properties
    assert props.subject == hostile.meta.subject


def test_html_description_is_the_literal_objet(hostile: Hostile) -> None:
    assert read_html(hostile.html).meta["description"] == hostile.meta.subject


# --- Markdown in a name ---------------------------------------------------------------


def test_markdown_in_a_name_makes_no_bold_or_italic_in_the_tree(hostile: Hostile) -> None:
    runs = [run for run in _runs(hostile.tree.blocks) if "gras" in run.text]
    assert runs
    assert not [run for run in runs if run.bold or run.italic]


def test_markdown_in_a_name_makes_no_bold_or_italic_in_docx(hostile: Hostile) -> None:
    document = docx.Document(str(hostile.docx))
    paragraphs = [
        DocxParagraph(p, document) for p in document.element.body.iter(qn("w:p"))
    ]  # table cells included
    runs = [run for p in paragraphs for run in p.runs if "gras" in run.text]
    assert runs
    assert not [run.text for run in runs if run.bold or run.italic]


def test_markdown_in_a_name_makes_no_bold_italic_or_link_in_html(hostile: Hostile) -> None:
    # The PDF is drawn from this same HTML.
    source = hostile.html.read_text(encoding="utf-8")
    assert not re.search(r"<(em|strong)>[^<]*\b(gras|x)\b", source)
    assert "<a " not in source
    assert "[lien](http://x)" in source


def test_markdown_in_a_name_makes_no_link_in_docx(hostile: Hostile) -> None:
    document = docx.Document(str(hostile.docx))
    assert not document.element.body.findall(".//{*}hyperlink")


def _runs(blocks: tuple[Block, ...]) -> Iterator[Run]:
    """Every Run of the tree, at any depth."""
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            yield from (i for i in block.inlines if isinstance(i, Run))
        elif isinstance(block, Table):
            yield from (i for row in block.rows for cell in row for i in cell if isinstance(i, Run))
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from _runs(item.blocks)
        elif isinstance(block, Div):
            yield from _runs(block.children)


# --- characters no document can hold -------------------------------------------------


def test_a_control_character_from_a_yaml_escape_is_a_data_problem(tmp_path: Path) -> None:
    data = tmp_path / "data" / EXAMPLE.name
    shutil.copytree(EXAMPLE, data)
    # In a double-quoted YAML scalar, \x01 is an escape: the file itself is plain ASCII.
    edit(
        data / TERRITOIRE,
        "{prenom: Bernadette, nom: SAMUEL}",
        '{prenom: Bernadette, nom: "SAMUEL\\x01"}',
    )
    out = tmp_path / "out"
    with pytest.raises(DataError) as error:
        build([data], BuildOptions(output=out, formats=FORMATS, jobs=1))
    (problem,) = error.value.problems
    assert problem.message == "caractère de contrôle U+0001 interdit"
    assert (problem.location.line, problem.location.col) == (
        _line_of(data / TERRITOIRE, "SAMUEL"),
        _col_of(data / TERRITOIRE, '"SAMUEL'),
    )
    assert not [path for path in out.rglob("*") if path.is_file()]


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


def _col_of(path: Path, needle: str) -> int:
    line = path.read_text(encoding="utf-8").splitlines()[_line_of(path, needle) - 1]
    return line.index(needle) + 1


# --- LibreOffice ----------------------------------------------------------------------


@pytest.mark.slow
def test_libreoffice_opens_the_hostile_docx_and_prints_the_name(
    hostile: Hostile, tmp_path: Path
) -> None:
    pdf = libreoffice_pdf(hostile.docx, tmp_path)
    text = no_space(pdftotext(pdf))
    assert text.count(no_space(NAME)) == tree_count(hostile, NAME)
    assert no_space("<script>alert(1)</script>") in text
    assert no_space(hostile.meta.header) in text
