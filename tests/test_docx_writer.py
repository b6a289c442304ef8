"""The DOCX writer: the frame around, the tree inside, read back with python-docx."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from ctgdocs.errors import TemplateError
from ctgdocs.paths import PROJECT_DIR
from ctgdocs.tree import (
    Break,
    Div,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Rule,
    Run,
    Table,
    Tree,
    iter_text,
)
from ctgdocs.writers.base import DocumentMeta, RenderedDocument
from ctgdocs.writers.docx import DEFAULT_FRAME, DocxWriter

HEADER = "A & B <C> \"D\" 'E'"
FOOTER = "CC du Pays de Fabre — Délibération 2022/07/29/07"


def p(*texts: str) -> Paragraph:
    return Paragraph(tuple(Run(text) for text in texts))


TREE = Tree(
    blocks=(
        Div(("en-tete",), (p("COMMUNAUTÉ DE COMMUNES DU PAYS DE FABRE"),)),
        Div(("objet",), (p("Objet : convention territoriale globale"),)),
        Rule(),
        Heading(1, (Run("Exposé des motifs"),)),
        Paragraph(
            (
                Run("Le 1"),
                Run("er", sup=True),
                Run(" juillet, "),
                Run("Fabre & Fils <b>", italic=True),
                Run(" a signé."),
                Break(),
                Run("Seconde ligne", bold=True),
            )
        ),
        Heading(2, (Run("Engagements"),)),
        ListBlock(
            ordered=False,
            items=(
                ListItem((p("Premier point"),)),
                ListItem(
                    (
                        p("Deuxième point"),
                        ListBlock(ordered=False, items=(ListItem((p("Sous-point"),)),)),
                        p("Suite du deuxième point"),
                    )
                ),
            ),
        ),
        Heading(4, (Run("Décision"),)),
        ListBlock(
            ordered=True,
            start=3,
            items=(
                ListItem((p("Approuver la convention."), p("Précision sur l'article."))),
                ListItem((p("Autoriser la signature."),)),
            ),
        ),
        Table(
            rows=(
                ((Run("Commune"),), (Run("Population"),)),
                ((Run("Fabre"),), (Run("1 234"),)),
            ),
            header_rows=1,
            aligns=("left", "right"),
        ),
        Div(
            ("formulaire",),
            (Table(rows=(((Run("Votants"),), (Run("32"),)),), header_rows=1),),
        ),
        Div(("mention",), (p("Acte rendu exécutoire."),)),
        Div(("centre",), (p("Fait à Fabre, le 29 juillet 2022"),)),
        Div(
            ("signatures",),
            (
                Div(("signature",), (p("Le président"), p("Jean Dupont"))),
                Div(("signature",), (p("La directrice"), p("Marie Durand"))),
            ),
        ),
    )
)

EXPECTED_BODY = [
    ("p", "En-tête de document", "COMMUNAUTÉ DE COMMUNES DU PAYS DE FABRE"),
    ("p", "Objet", "Objet : convention territoriale globale"),
    ("p", "Normal", ""),  # the rule
    ("p", "Heading 1", "Exposé des motifs"),
    ("p", "Normal", "Le 1er juillet, Fabre & Fils <b> a signé.\nSeconde ligne"),
    ("p", "Heading 2", "Engagements"),
    ("p", "List Bullet", "Premier point"),
    ("p", "List Bullet", "Deuxième point"),
    ("p", "List Bullet 2", "Sous-point"),
    ("p", "List Continue", "Suite du deuxième point"),
    ("p", "Heading 3", "Décision"),
    ("p", "Liste numérotée", "3.\tApprouver la convention."),
    ("p", "Liste numérotée", "Précision sur l'article."),
    ("p", "Liste numérotée", "4.\tAutoriser la signature."),
    ("table", "Table Grid", [["Commune", "Population"], ["Fabre", "1 234"]]),
    ("p", "Normal", ""),  # the spacer after a table
    ("table", "Table Grid", [["Votants", "32"]]),
    ("p", "Normal", ""),
    ("p", "Mention", "Acte rendu exécutoire."),
    ("p", "Centré", "Fait à Fabre, le 29 juillet 2022"),
    (
        "table",
        "Tableau sans bordure",
        [["Le président\nJean Dupont", "La directrice\nMarie Durand"]],
    ),
    ("p", "Normal", ""),
]


def meta(**changes: object) -> DocumentMeta:
    values: dict[str, object] = {
        "title": "Délibération n° 2022/07/29/07",
        "subject": "Convention territoriale globale",
        "author": "CC du Pays de Fabre",
        "date": dt.date(2022, 7, 29),
        "header": HEADER,
        "footer": FOOTER,
    }
    values.update(changes)
    return DocumentMeta(**values)  # type: ignore[arg-type]


def write(tmp_path: Path, tree: Tree = TREE, name: str = "out.docx", **kwargs: object) -> Path:
    dest = tmp_path / name
    frame = kwargs.pop("frame", None)
    DocxWriter(frame).write(RenderedDocument(meta(**kwargs), tree), dest)  # type: ignore[arg-type]
    return dest


def cell_text(cell) -> str:
    return "\n".join(paragraph.text for paragraph in cell.paragraphs)


def body_items(document) -> list[tuple[str, str, object]]:
    items: list[tuple[str, str, object]] = []
    for block in document.iter_inner_content():
        if isinstance(block, DocxParagraph):
            items.append(("p", block.style.name, block.text))
        else:
            rows = [[cell_text(cell) for cell in row.cells] for row in block.rows]
            items.append(("table", block.style.name, rows))
    return items


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(tmp_path_factory.mktemp("docx"))


@pytest.fixture(scope="module")
def document(written: Path):
    return docx.Document(str(written))


# --- body ---------------------------------------------------------------------


def test_body_paragraphs_tables_and_styles_in_order(document) -> None:
    assert body_items(document) == EXPECTED_BODY


def test_placeholder_is_gone(written: Path) -> None:
    assert "[[CORPS]]" not in zipfile.ZipFile(written).read("word/document.xml").decode()


def test_runs_keep_bold_italic_superscript_and_breaks(document) -> None:
    paragraph = document.paragraphs[4]
    runs = [(r.text, r.bold, r.italic, r.font.superscript) for r in paragraph.runs]
    assert ("er", None, None, True) in runs
    assert ("Fabre & Fils <b>", None, True, None) in runs
    assert ("Seconde ligne", True, None, None) in runs
    assert len(paragraph._p.findall(f".//{qn('w:br')}")) == 1


def test_rule_is_an_empty_paragraph_with_a_bottom_border(document) -> None:
    rule = document.paragraphs[2]
    assert rule.text == ""
    bottom = rule._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}")
    assert bottom is not None and bottom.get(qn("w:val")) == "single"


def test_ordered_list_continuation_is_indented_without_number(document) -> None:
    first, continuation = document.paragraphs[11], document.paragraphs[12]
    assert first.text.startswith("3.\t")
    assert continuation.paragraph_format.first_line_indent == 0
    assert continuation.paragraph_format.left_indent == first.style.paragraph_format.left_indent


def test_table_header_row_repeats_and_is_bold(document) -> None:
    table = document.tables[0]
    header, data = table.rows
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(run.bold for cell in header.cells for run in cell.paragraphs[0].runs)
    assert data._tr.trPr is None or data._tr.trPr.find(qn("w:tblHeader")) is None
    assert not any(run.bold for cell in data.cells for run in cell.paragraphs[0].runs)
    aligns = [cell.paragraphs[0].alignment for cell in data.cells]
    assert aligns == [WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT]


def test_form_table_has_no_header_row(document) -> None:
    row = document.tables[1].rows[0]
    assert row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None
    assert not any(run.bold for cell in row.cells for run in cell.paragraphs[0].runs)


def test_signatures_are_columns_of_a_borderless_table(document) -> None:
    table = document.tables[2]
    assert table.style.name == "Tableau sans bordure"
    assert len(table.rows) == 1 and len(table.columns) == 2
    assert table.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    styles = {q.style.name for cell in table.rows[0].cells for q in cell.paragraphs}
    assert styles == {"Signature"}


def test_every_text_of_the_tree_is_in_the_document(document) -> None:
    texts = [item[2] for item in body_items(document)]
    flat = "\n".join(t if isinstance(t, str) else str(t) for t in texts)
    for text in iter_text(TREE.blocks):
        for line in text.split("\n"):
            assert line in flat


def test_jinja_syntax_in_the_body_is_not_interpreted(tmp_path: Path) -> None:
    tree = Tree(blocks=(p("{{ document.title }} {% if x %}"),))
    document = docx.Document(str(write(tmp_path, tree)))
    assert document.paragraphs[0].text == "{{ document.title }} {% if x %}"


# --- frame: header, footer, properties ------------------------------------------


def test_header_and_footer_texts(document) -> None:
    section = document.sections[0]
    assert section.header.paragraphs[0].text == HEADER
    assert section.footer.paragraphs[0].text.startswith(f"{FOOTER} — Page 1 / 1")


def test_footer_has_page_and_numpages_fields(written: Path) -> None:
    footer = zipfile.ZipFile(written).read("word/footer1.xml").decode()
    assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", footer)
    assert re.search(r"<w:instrText[^>]*> NUMPAGES </w:instrText>", footer)
    kinds = re.findall(r'w:fldCharType="(\w+)"', footer)
    assert kinds == ["begin", "separate", "end"] * 2


def test_core_properties(document) -> None:
    props = document.core_properties
    assert props.title == "Délibération n° 2022/07/29/07"
    assert props.subject == "Convention territoriale globale"
    assert props.author == "CC du Pays de Fabre"
    assert props.language == "fr-FR"
    assert props.last_modified_by == "ctgdocs"
    assert props.revision == 1
    assert props.comments == props.keywords == ""
    midnight = dt.datetime(2022, 7, 29, 0, 0)
    assert props.created.replace(tzinfo=None) == midnight
    assert props.modified.replace(tzinfo=None) == midnight


def test_long_subject_is_clipped_for_the_properties(tmp_path: Path) -> None:
    document = docx.Document(str(write(tmp_path, subject="x" * 400)))
    assert len(document.core_properties.subject) == 255


def test_special_characters_come_out_literally_and_the_package_is_valid(tmp_path: Path) -> None:
    tree = Tree(blocks=(p("Fabre & Fils <b> \"q\" 'a'"),))
    dest = write(tmp_path, tree, title="T & <U>", author="A \"B\" 'C'")
    with zipfile.ZipFile(dest) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(package.read(name))  # every part is well-formed XML
    document = docx.Document(str(dest))
    assert document.sections[0].header.paragraphs[0].text == HEADER
    assert document.paragraphs[0].text == "Fabre & Fils <b> \"q\" 'a'"
    assert document.core_properties.title == "T & <U>"
    assert document.core_properties.author == "A \"B\" 'C'"


# --- bytes ----------------------------------------------------------------------


def test_two_writes_give_identical_bytes(tmp_path: Path) -> None:
    first = write(tmp_path, name="a.docx").read_bytes()
    second = write(tmp_path, name="b.docx").read_bytes()
    assert first == second


def test_zip_entries_have_fixed_dates_and_order(written: Path) -> None:
    infos = zipfile.ZipFile(written).infolist()
    names = [info.filename for info in infos]
    assert names[0] == "[Content_Types].xml"
    assert names[1:] == sorted(names[1:])
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {info.compress_type for info in infos} == {zipfile.ZIP_DEFLATED}


def test_write_replaces_an_existing_file(tmp_path: Path) -> None:
    dest = tmp_path / "out.docx"
    dest.write_text("old")
    write(tmp_path)
    assert zipfile.is_zipfile(dest)
    assert [f.name for f in tmp_path.iterdir()] == ["out.docx"]


# --- frame errors -----------------------------------------------------------------


def _broken_frame(tmp_path: Path, change) -> Path:
    frame = docx.Document(str(DEFAULT_FRAME))
    change(frame)
    path = tmp_path / "cadre.docx"
    frame.save(str(path))
    return path


def _drop_style(name: str):
    def change(frame) -> None:
        element = frame.styles[name].element
        element.getparent().remove(element)

    return change


def test_missing_paragraph_style_names_the_frame_and_the_style(tmp_path: Path) -> None:
    frame = _broken_frame(tmp_path, _drop_style("Centré"))
    with pytest.raises(TemplateError) as info:
        write(tmp_path, frame=frame)
    assert str(info.value) == f"{frame} : le style « Centré » est absent du cadre"


def test_missing_table_style_is_reported(tmp_path: Path) -> None:
    frame = _broken_frame(tmp_path, _drop_style("Tableau sans bordure"))
    with pytest.raises(TemplateError, match="le style « Tableau sans bordure » est absent"):
        write(tmp_path, frame=frame)


def test_unused_missing_style_is_not_an_error(tmp_path: Path) -> None:
    frame = _broken_frame(tmp_path, _drop_style("Centré"))
    write(tmp_path, Tree(blocks=(p("Sans centrage"),)), frame=frame)


def test_missing_placeholder_names_the_frame(tmp_path: Path) -> None:
    def change(frame) -> None:
        frame.paragraphs[0].text = "Corps"

    frame = _broken_frame(tmp_path, change)
    with pytest.raises(TemplateError) as info:
        write(tmp_path, frame=frame)
    assert str(info.value) == f"{frame} : le paragraphe « [[CORPS]] » est absent du cadre"


def test_undefined_frame_value_is_a_template_error(tmp_path: Path) -> None:
    def change(frame) -> None:
        frame.sections[0].header.paragraphs[0].runs[0].text = "{{ document.inconnu }}"

    frame = _broken_frame(tmp_path, change)
    with pytest.raises(TemplateError, match="valeur manquante « inconnu »"):
        write(tmp_path, frame=frame)


def test_missing_or_unreadable_frame(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="cadre DOCX introuvable"):
        write(tmp_path, frame=tmp_path / "absent.docx")
    bad = tmp_path / "bad.docx"
    bad.write_text("pas un zip")
    with pytest.raises(TemplateError, match="cadre DOCX illisible"):
        write(tmp_path, frame=bad)


# --- the frame itself ---------------------------------------------------------------


def test_frame_layout_and_styles() -> None:
    frame = docx.Document(str(DEFAULT_FRAME))
    section = frame.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert round(section.left_margin.cm, 2) == round(section.right_margin.cm, 2) == 2.0
    assert round(section.top_margin.cm, 2) == round(section.bottom_margin.cm, 2) == 1.8
    normal = frame.styles["Normal"]
    assert normal.font.name == "Arial" and normal.font.size.pt == 10.5
    lang = normal.element.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "fr-FR"
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        style = frame.styles[name]
        assert style.font.color.rgb == RGBColor(0, 0, 0)
        assert style.font.name == "Arial" and style.font.bold
    with zipfile.ZipFile(DEFAULT_FRAME) as package:
        assert b"updateFields" not in package.read("word/settings.xml")
    assert [q.text for q in frame.paragraphs] == ["[[CORPS]]"]


def test_frame_is_what_the_tool_builds() -> None:
    spec = importlib.util.spec_from_file_location(
        "make_docx_frame", PROJECT_DIR / "tools" / "make_docx_frame.py"
    )
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    assert tool.build_frame() == DEFAULT_FRAME.read_bytes(), "run tools/make_docx_frame.py"


# --- LibreOffice --------------------------------------------------------------------


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.slow
def test_libreoffice_renders_every_paragraph_and_the_page_numbers(
    tmp_path: Path, written: Path
) -> None:
    source = tmp_path / "deliberation.docx"
    shutil.copy(written, source)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pdf = tmp_path / "deliberation.pdf"
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = _words(text)
    for piece in iter_text(TREE.blocks):
        for line in piece.split("\n"):
            assert _words(line) in flat
    assert _words(HEADER) in flat
    assert f"{FOOTER} — Page 1 / 1" in flat
