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
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from ctgdocs.errors import TemplateError
from ctgdocs.paths import PROJECT_DIR
from ctgdocs.render.document import DocumentMeta, RenderedDocument
from ctgdocs.render.pagination import paginer
from ctgdocs.render.tree import (
    Break,
    Div,
    Heading,
    ListBlock,
    ListItem,
    Note,
    Paragraph,
    Rule,
    Run,
    Sommaire,
    Table,
    Tree,
    iter_text,
    notes,
)
from ctgdocs.writers.docx.writer import DEFAULT_FRAME, DocxWriter
from support.extract import libreoffice_pdf

HEADER = "A & B <C> \"D\" 'E'"
FOOTER = "CC du Pays de Fabre — Délibération 2022/07/29/07"


def p(*texts: str) -> Paragraph:
    return Paragraph(tuple(Run(text) for text in texts))


TREE = Tree(
    blocks=(
        Div(
            ("en-tete",),
            (
                p("COMMUNAUTÉ DE COMMUNES DU PAYS DE FABRE"),
                Div(("titre",), (p("DÉLIBÉRATION DU CONSEIL COMMUNAUTAIRE"),)),
            ),
        ),
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
    ("p", "Title", "DÉLIBÉRATION DU CONSEIL COMMUNAUTAIRE"),
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
    ("table", "Tableau", [["Commune", "Population"], ["Fabre", "1 234"]]),
    ("p", "Espace après tableau", ""),
    ("table", "Tableau", [["Votants", "32"]]),
    ("p", "Espace après tableau", ""),
    ("p", "Mention", "Acte rendu exécutoire."),
    ("p", "Centré", "Fait à Fabre, le 29 juillet 2022"),
    (
        "table",
        "Tableau sans bordure",
        [["Le président\nJean Dupont", "La directrice\nMarie Durand"]],
    ),
    ("p", "Espace après tableau", ""),
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
    # As the build does: the pagination step, then the writer
    document = paginer(RenderedDocument(meta(**kwargs), tree), titres=True)
    DocxWriter(frame).write(document, dest)  # type: ignore[arg-type]
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
    paragraph = document.paragraphs[5]
    runs = [(r.text, r.bold, r.italic, r.font.superscript) for r in paragraph.runs]
    assert ("er", None, None, True) in runs
    assert ("Fabre & Fils <b>", None, True, None) in runs
    assert ("Seconde ligne", True, None, None) in runs
    assert len(paragraph._p.findall(f".//{qn('w:br')}")) == 1


def test_rule_is_an_empty_paragraph_with_a_bottom_border(document) -> None:
    rule = document.paragraphs[3]
    assert rule.text == ""
    bottom = rule._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}")
    assert bottom is not None and bottom.get(qn("w:val")) == "single"


def test_ordered_list_continuation_is_indented_without_number(document) -> None:
    first, continuation = document.paragraphs[12], document.paragraphs[13]
    assert first.text.startswith("3.\t")
    assert continuation.paragraph_format.first_line_indent == 0
    assert continuation.paragraph_format.left_indent == first.style.paragraph_format.left_indent


def cell_styles(row) -> list:
    return [cell.paragraphs[0].style for cell in row.cells]


def test_table_header_row_repeats_and_is_bold_by_its_style(document) -> None:
    table = document.tables[0]
    header, data = table.rows
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert data._tr.trPr is None or data._tr.trPr.find(qn("w:tblHeader")) is None
    assert [s.name for s in cell_styles(header)] == [
        "Titre de colonne",
        "Titre de colonne à droite",
    ]
    assert [s.name for s in cell_styles(data)] == ["Texte de tableau", "Texte de tableau à droite"]
    text, right = cell_styles(data)
    assert text.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert right.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert right.base_style == text
    title, title_right = cell_styles(header)
    assert title.font.bold and title.base_style == text and title_right.base_style == title
    # the cells' text has no formatting of its own: it is all in the styles
    runs = [run for row in table.rows for cell in row.cells for run in cell.paragraphs[0].runs]
    assert runs and all(run._r.rPr is None for run in runs)


def test_form_table_has_no_header_row(document) -> None:
    row = document.tables[1].rows[0]
    assert row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None
    assert [s.name for s in cell_styles(row)] == ["Texte de tableau", "Texte de tableau"]


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


def _style_refs(path: Path) -> list[str | None]:
    """The style each paragraph and table of the body refers to (None: its type's default)."""
    body = xml_part(path, "word/document.xml").find("w:body", NS)
    refs = []
    for element in body.iter(f"{{{W}}}p", f"{{{W}}}tbl"):
        ref = element.find("w:pPr/w:pStyle", NS) if element.tag == f"{{{W}}}p" else None
        if element.tag == f"{{{W}}}tbl":
            ref = element.find("w:tblPr/w:tblStyle", NS)
        refs.append(None if ref is None else ref.get(f"{{{W}}}val"))
    return refs


def _python_docx_refs(path: Path) -> list[str | None]:
    """The same, had python-docx's own `.style = …` assigned each element's style by name."""
    document = docx.Document(str(path))
    names = [
        (block.style.name, kind)
        for block, kind in (
            (DocxParagraph(e, document._body), WD_STYLE_TYPE.PARAGRAPH)
            if e.tag == f"{{{W}}}p"
            else (docx.table.Table(e, document._body), WD_STYLE_TYPE.TABLE)
            for e in document.element.body.iter(f"{{{W}}}p", f"{{{W}}}tbl")
        )
    ]
    return [document.part.get_style_id(name, kind) for name, kind in names]


def test_style_references_are_the_ones_python_docx_writes(tmp_path: Path) -> None:
    refs = _style_refs(write(tmp_path))
    assert refs == _python_docx_refs(tmp_path / "out.docx")
    assert None in refs and "Heading1" in refs  # Normal is the default: no reference to it


def test_a_frame_with_another_default_style_gets_references_accordingly(tmp_path: Path) -> None:
    def change(frame) -> None:
        frame.styles["Normal"].element.set(qn("w:default"), "0")
        frame.styles["Centré"].element.set(qn("w:default"), "1")

    path = write(tmp_path, frame=_broken_frame(tmp_path, change))
    refs = _style_refs(path)
    assert refs == _python_docx_refs(path)
    assert "Normal" in refs and frame_style_id(path, "Centré") not in refs


def frame_style_id(path: Path, name: str) -> str:
    return docx.Document(str(path)).styles[name].style_id


def test_missing_placeholder_names_the_frame(tmp_path: Path) -> None:
    def change(frame) -> None:
        frame.paragraphs[0].text = "Corps"

    frame = _broken_frame(tmp_path, change)
    with pytest.raises(TemplateError) as info:
        write(tmp_path, frame=frame)
    assert str(info.value) == f"{frame} : le paragraphe « [[CORPS]] » est absent du cadre"


def test_undefined_frame_value_is_a_template_error(tmp_path: Path) -> None:
    def change(frame) -> None:
        # The running header's line: the last paragraph of the header (a draft's « Projet »
        # line comes before it).
        frame.sections[0].header.paragraphs[-1].runs[0].text = "{{ document.inconnu }}"

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


def test_frame_title_looks_like_the_en_tete_at_outline_level_1() -> None:
    frame = docx.Document(str(DEFAULT_FRAME))
    title, head = frame.styles["Title"], frame.styles["En-tête de document"]
    assert title.element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "0"
    assert head.element.pPr.find(qn("w:outlineLvl")) is None
    for style in (title, head):
        assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert style.font.bold and style.font.size.pt == 11
    # the spacing of both is Normal's: the title line sits where an en-tête line would
    assert title.paragraph_format.space_after is None and head.paragraph_format.space_after is None
    assert title.base_style.name == head.base_style.name == "Normal"


def test_frame_opens_in_current_mode_and_names_ctgdocs() -> None:
    with zipfile.ZipFile(DEFAULT_FRAME) as package:
        settings = package.read("word/settings.xml").decode()
        app = package.read("docProps/app.xml").decode()
    assert (
        'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"'
        in settings
    )
    assert "<Application>ctgdocs/" in app and "Microsoft" not in app


def test_an_act_has_its_actes_identifier_in_the_core_properties(tmp_path: Path) -> None:
    from ctgdocs.rules.teletransmission import Teletransmission

    actes = Teletransmission(
        "DE", "7.1", "2022_0301", "Objet", dt.date(2023, 6, 26), "Ville", "218601946", "86"
    )
    path = tmp_path / "acte.docx"
    DocxWriter().write(RenderedDocument(meta(), TREE, actes=actes), path)
    props = docx.Document(str(path)).core_properties
    assert props.identifier == "086-218601946-20230626-2022_0301-DE" == actes.identifiant
    assert docx.Document(str(write(tmp_path))).core_properties.identifier == ""


def test_app_properties_describe_the_document(written: Path) -> None:
    from ctgdocs import __version__

    root = xml_part(written, "docProps/app.xml")
    ep = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
    assert root.findtext(f"{ep}Application") == f"ctgdocs/{__version__}"
    assert root.findtext(f"{ep}Company") == "CC du Pays de Fabre"
    assert "".join(root.find(f"{ep}TitlesOfParts").itertext()) == "Délibération n° 2022/07/29/07"
    assert root.find(f"{ep}Pages") is None and root.find(f"{ep}Words") is None  # unknown here


def test_a_frame_without_app_properties_gets_them(tmp_path: Path) -> None:
    def drop_app(frame) -> None:
        rels = frame.part.package.rels
        for rid in [r for r, rel in rels.items() if rel.reltype == RT.EXTENDED_PROPERTIES]:
            rels.pop(rid)

    path = write(tmp_path, frame=_broken_frame(tmp_path, drop_app))
    with zipfile.ZipFile(path) as package:
        assert "<Application>ctgdocs/" in package.read("docProps/app.xml").decode()
        assert "extended-properties+xml" in package.read("[Content_Types].xml").decode()
        assert "relationships/extended-properties" in package.read("_rels/.rels").decode()


def test_frame_is_what_the_tool_builds() -> None:
    spec = importlib.util.spec_from_file_location(
        "make_docx_frame", PROJECT_DIR / "tools" / "make_docx_frame.py"
    )
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    assert tool.build_frame() == DEFAULT_FRAME.read_bytes(), "run tools/make_docx_frame.py"


# --- footnotes and sommaire -----------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
FILL = p("Texte de remplissage qui occupe la page pour pousser la suite plus loin. " * 40)

NOTE_TEXTS = [
    " Source : Insee, RP 2016e",
    " A & <B>\nsuite",
    " Note de cellule",
    " Date fixée par les parties.",
]

NOTES_TREE = Tree(
    blocks=(
        Sommaire(),
        Heading(1, (Run("Préambule"),)),
        Paragraph(
            (
                Run("Le territoire compte 84 904 habitants"),
                Note(
                    (
                        Run("Source : Insee, "),
                        Run("RP", bold=True),
                        Run(" 2016", italic=True),
                        Run("e", sup=True),
                    )
                ),
                Run(" et 47 communes."),
            )
        ),
        ListBlock(
            ordered=False,
            items=(
                ListItem(
                    (Paragraph((Run("Un point"), Note((Run("A & <B>"), Break(), Run("suite"))))),)
                ),
            ),
        ),
        Table(
            rows=(
                ((Run("Commune"),), (Run("Population"),)),
                ((Run("Fabre"), Note((Run("Note de cellule"),))), (Run("1 234"),)),
            ),
            header_rows=1,
        ),
        FILL,
        Heading(2, (Run("Article 1"), Run("er", sup=True), Run("\u00a0: Objet"))),
        Heading(3, (Run("Détail hors sommaire"),)),
        FILL,
        FILL,
        Heading(1, (Run("Durée"), Note((Run("Date fixée par les parties."),)))),
        p("La convention prend fin le 31 décembre 2024."),
    )
)
# (text, style) of the sommaire entries: levels 1-2, no note text, the page from the PDF layout
# (tests/test_toc_pages.py checks those numbers against the PDF and LibreOffice).
TOC_ENTRIES = [
    ("Préambule\t1", "toc 1"),
    ("Article 1er\u00a0: Objet\t1", "toc 2"),
    ("Durée\t3", "toc 1"),
]


def xml_part(path: Path, name: str):
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(name))


def xtext(element) -> str:
    """The text of a footnote or paragraph: w:t texts, w:br as a newline."""
    pieces = element.xpath(".//w:t | .//w:br", namespaces=NS)
    return "".join("\n" if el.tag == f"{{{W}}}br" else el.text or "" for el in pieces)


@pytest.fixture(scope="module")
def noted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(tmp_path_factory.mktemp("notes"), NOTES_TREE, name="notes.docx")


def note_text(note: Note) -> str:
    return "".join(i.text if isinstance(i, Run) else "\n" for i in note.inlines)


def test_tree_notes_are_in_the_expected_reading_order() -> None:
    assert [" " + note_text(note) for note in notes(NOTES_TREE.blocks)] == NOTE_TEXTS


def test_footnotes_part_has_the_separators_then_one_footnote_per_note(noted: Path) -> None:
    root = xml_part(noted, "word/footnotes.xml")
    footnotes = root.findall("w:footnote", NS)
    kinds = [(f.get(f"{{{W}}}id"), f.get(f"{{{W}}}type")) for f in footnotes]
    assert kinds == [("-1", "separator"), ("0", "continuationSeparator")] + [
        (str(n), None) for n in range(1, 5)
    ]
    assert footnotes[0].find(".//w:separator", NS) is not None
    assert footnotes[1].find(".//w:continuationSeparator", NS) is not None
    assert [xtext(f) for f in footnotes[2:]] == NOTE_TEXTS
    for footnote in footnotes[2:]:
        (paragraph,) = footnote.findall("w:p", NS)
        assert paragraph.find("w:pPr/w:pStyle", NS).get(f"{{{W}}}val") == "FootnoteText"
        mark = paragraph.find("w:r", NS)  # the number, first: a footnoteRef run
        assert mark.find("w:footnoteRef", NS) is not None
        assert mark.find("w:rPr/w:rStyle", NS).get(f"{{{W}}}val") == "FootnoteReference"


def test_footnote_runs_keep_bold_italic_superscript_and_breaks(noted: Path) -> None:
    root = xml_part(noted, "word/footnotes.xml")
    first = root.find("w:footnote[@w:id='1']", NS)
    runs = {
        r.findtext("w:t", namespaces=NS): r.find("w:rPr", NS) for r in first.findall(".//w:r", NS)
    }
    assert runs["RP"].find("w:b", NS) is not None
    assert runs[" 2016"].find("w:i", NS) is not None
    assert runs["e"].find("w:vertAlign", NS).get(f"{{{W}}}val") == "superscript"
    assert runs["Source : Insee, "] is None
    second = root.find("w:footnote[@w:id='2']", NS)
    assert len(second.findall(".//w:br", NS)) == 1


def test_note_text_is_escaped_and_comes_out_literally(noted: Path) -> None:
    with zipfile.ZipFile(noted) as package:
        raw = package.read("word/footnotes.xml").decode()
    assert "A &amp; &lt;B&gt;" in raw
    second = xml_part(noted, "word/footnotes.xml").find("w:footnote[@w:id='2']", NS)
    assert "A & <B>" in xtext(second)


def test_note_calls_are_footnote_references_in_reading_order(noted: Path) -> None:
    body = xml_part(noted, "word/document.xml").find("w:body", NS)
    calls = body.findall(".//w:footnoteReference", NS)
    assert [c.get(f"{{{W}}}id") for c in calls] == ["1", "2", "3", "4"]
    for call in calls:
        run = call.getparent()
        assert run.find("w:rPr/w:rStyle", NS).get(f"{{{W}}}val") == "FootnoteReference"
    paragraph_of = [c.getparent().getparent() for c in calls]
    assert xtext(paragraph_of[0]) == "Le territoire compte 84 904 habitants et 47 communes."
    assert paragraph_of[1].find("w:pPr/w:pStyle", NS).get(f"{{{W}}}val") == "ListBullet"
    assert paragraph_of[2].getparent().tag == f"{{{W}}}tc"  # in a table cell
    assert paragraph_of[3].find("w:pPr/w:pStyle", NS).get(f"{{{W}}}val") == "Heading1"


def test_note_texts_are_not_in_the_body_text(noted: Path) -> None:
    document = docx.Document(str(noted))
    texts = [paragraph.text for paragraph in document.paragraphs]
    texts += [
        cell_text(cell) for table in document.tables for row in table.rows for cell in row.cells
    ]
    flat = "\n".join(texts)
    assert "Le territoire compte 84 904 habitants et 47 communes." in texts
    for note in ("Source", "A & <B>", "Note de cellule", "Date fixée"):
        assert note not in flat


def test_sommaire_is_a_toc_field_with_one_entry_per_heading(noted: Path) -> None:
    document = docx.Document(str(noted))
    title, *entries = document.paragraphs[: 1 + len(TOC_ENTRIES)]
    assert (title.style.name, title.text) == ("TOC Heading", "Sommaire")
    assert [(e.text, e.style.name) for e in entries] == TOC_ENTRIES
    assert document.paragraphs[len(TOC_ENTRIES) + 1].style.name == "Heading 1"

    body = xml_part(noted, "word/document.xml").find("w:body", NS)
    toc = body.findall("w:p", NS)[1 : 1 + len(TOC_ENTRIES)]
    instructions = [i.text for p in toc for i in p.iterfind(".//w:instrText", NS)]
    assert instructions[0] == ' TOC \\o "1-2" \\h \\z '
    kinds = [c.get(f"{{{W}}}fldCharType") for p in toc for c in p.iterfind(".//w:fldChar", NS)]
    # The TOC field around everything, a PAGEREF field per entry inside it.
    assert kinds == ["begin", "separate"] + ["begin", "separate", "end"] * 3 + ["end"]
    assert toc[0].find("w:r/w:fldChar", NS).get(f"{{{W}}}fldCharType") == "begin"
    assert toc[-1][-1].find("w:fldChar", NS).get(f"{{{W}}}fldCharType") == "end"


def test_toc_entries_link_to_bookmarks_around_the_headings(noted: Path) -> None:
    body = xml_part(noted, "word/document.xml").find("w:body", NS)
    links = body.findall("w:p/w:hyperlink", NS)
    anchors = [link.get(f"{{{W}}}anchor") for link in links]
    assert len(anchors) == len(set(anchors)) == len(TOC_ENTRIES)
    pagerefs = [link.findtext(".//w:instrText", namespaces=NS) for link in links]
    assert pagerefs == [f" PAGEREF {anchor} \\h " for anchor in anchors]
    for anchor, (entry, _) in zip(anchors, TOC_ENTRIES, strict=True):
        assert anchor.startswith("_Toc")
        (start,) = body.xpath(f".//w:bookmarkStart[@w:name='{anchor}']", namespaces=NS)
        heading = start.getparent()
        assert heading.find("w:pPr/w:pStyle", NS).get(f"{{{W}}}val").startswith("Heading")
        assert start.getprevious().tag == f"{{{W}}}pPr"  # the bookmark holds the whole heading
        end = heading[-1]
        assert end.tag == f"{{{W}}}bookmarkEnd"
        assert end.get(f"{{{W}}}id") == start.get(f"{{{W}}}id")
        assert xtext(heading) == entry.split("\t")[0]
    # The level-3 heading is out of a depth-2 sommaire: no bookmark.
    assert len(body.findall(".//w:bookmarkStart", NS)) == len(TOC_ENTRIES)


def test_toc_entries_keep_the_formatting_of_the_heading(noted: Path) -> None:
    body = xml_part(noted, "word/document.xml").find("w:body", NS)
    link = body.findall("w:p/w:hyperlink", NS)[1]
    sup = link.xpath("w:r[w:t='er']/w:rPr/w:vertAlign/@w:val", namespaces=NS)
    assert sup == ["superscript"]


@pytest.mark.parametrize(("depth", "entries"), [(1, ["Préambule", "Durée"]), (3, None)])
def test_sommaire_depth_sets_the_field_and_the_entries(tmp_path: Path, depth: int, entries) -> None:
    blocks = (Sommaire(title="Table", depth=depth), *NOTES_TREE.blocks[1:])
    document = docx.Document(str(write(tmp_path, Tree(blocks))))
    body = document.element.body
    assert body.xpath("string(.//w:instrText)").startswith(f' TOC \\o "1-{depth}"')
    found = [
        (q.text.split("\t")[0], q.style.name)
        for q in document.paragraphs
        if q.style.name.startswith("toc ")
    ]
    if entries is None:  # every heading, the level-3 one with its own style
        assert ("Détail hors sommaire", "toc 3") in found and len(found) == 4
    else:
        assert [text for text, _ in found] == entries
    assert document.paragraphs[0].text == "Table"


def test_sommaire_without_headings_is_an_empty_field(tmp_path: Path) -> None:
    document = docx.Document(str(write(tmp_path, Tree((Sommaire(title=""), p("Texte"))))))
    field, text = document.paragraphs
    kinds = [c.get(qn("w:fldCharType")) for c in field._p.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    assert (field.text, text.text) == ("", "Texte")


def test_documents_without_notes_or_sommaire_have_neither(written: Path) -> None:
    with zipfile.ZipFile(written) as package:
        body = package.read("word/document.xml").decode()
        footnotes = xml_part(written, "word/footnotes.xml")
    assert "w:footnoteReference" not in body and "w:bookmarkStart" not in body
    assert "w:instrText" not in body
    assert [f.get(f"{{{W}}}id") for f in footnotes] == ["-1", "0"]


def test_notes_and_sommaire_package_is_valid_and_reproducible(tmp_path: Path, noted: Path) -> None:
    with zipfile.ZipFile(noted) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(package.read(name))
        types = package.read("[Content_Types].xml").decode()
        settings = package.read("word/settings.xml").decode()
    assert 'PartName="/word/footnotes.xml"' in types
    # Every cached page number is the layout's: no prompt to update the fields on opening.
    assert "updateFields" not in settings
    again = write(tmp_path, NOTES_TREE, name="again.docx")
    assert again.read_bytes() == noted.read_bytes()


def _drop_footnotes(frame) -> None:
    for rid, rel in list(frame.part.rels.items()):
        if rel.reltype == RT.FOOTNOTES:
            frame.part.drop_rel(rid)


def test_missing_footnotes_part_is_a_template_error(tmp_path: Path) -> None:
    frame = _broken_frame(tmp_path, _drop_footnotes)
    with zipfile.ZipFile(frame) as package:
        assert "word/footnotes.xml" not in package.namelist()
    with pytest.raises(TemplateError) as info:
        write(tmp_path, NOTES_TREE, frame=frame)
    expected = "la partie des notes de bas de page (word/footnotes.xml) est absente du cadre"
    assert str(info.value) == f"{frame} : {expected}"
    write(tmp_path, Tree((Sommaire(), *TREE.blocks)), frame=frame)  # no note: no need of it


def test_missing_footnote_or_toc_style_is_reported(tmp_path: Path) -> None:
    frame = _broken_frame(tmp_path, _drop_style("footnote reference"))
    with pytest.raises(TemplateError, match="le style « footnote reference » est absent"):
        write(tmp_path, NOTES_TREE, frame=frame)
    frame = _broken_frame(tmp_path, _drop_style("toc 2"))
    with pytest.raises(TemplateError, match="le style « toc 2 » est absent"):
        write(tmp_path, NOTES_TREE, frame=frame)


def test_frame_has_the_footnotes_part_and_the_note_and_toc_styles() -> None:
    frame = docx.Document(str(DEFAULT_FRAME))
    (part,) = [r.target_part for r in frame.part.rels.values() if r.reltype == RT.FOOTNOTES]
    assert str(part.partname) == "/word/footnotes.xml"
    root = etree.fromstring(part.blob)
    specials = [(f.get(f"{{{W}}}id"), f.get(f"{{{W}}}type")) for f in root]
    assert specials == [("-1", "separator"), ("0", "continuationSeparator")]

    text = frame.styles["footnote text"]
    assert (text.type, text.style_id, text.base_style.name) == (
        WD_STYLE_TYPE.PARAGRAPH,
        "FootnoteText",
        "Normal",
    )
    assert text.font.size.pt == 8
    assert text.paragraph_format.space_after.pt == 0
    assert text.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT
    reference = frame.styles["footnote reference"]
    assert (reference.type, reference.style_id) == (WD_STYLE_TYPE.CHARACTER, "FootnoteReference")
    assert reference.font.superscript

    for level in (1, 2, 3):
        entry = frame.styles[f"toc {level}"]
        assert entry.style_id == f"TOC{level}"
        (tab,) = entry.paragraph_format.tab_stops
        assert (tab.alignment, tab.leader) == (WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        section = frame.sections[0]
        text_width = section.page_width - section.left_margin - section.right_margin
        assert abs(tab.position - text_width) < 1000  # EMU: at the right margin
    assert frame.styles["TOC Heading"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER


# --- LibreOffice --------------------------------------------------------------------


def _words(text: str) -> str:
    return " ".join(text.split())


def _pdf_pages(pdf: Path, *options: str) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *options, str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return text.split("\f")[:-1]


@pytest.mark.slow
def test_libreoffice_renders_every_paragraph_and_the_page_numbers(
    tmp_path: Path, written: Path
) -> None:
    source = tmp_path / "deliberation.docx"
    shutil.copy(written, source)
    flat = _words("\n".join(_pdf_pages(libreoffice_pdf(source, tmp_path))))
    for piece in iter_text(TREE.blocks):
        for line in piece.split("\n"):
            assert _words(line) in flat
    assert _words(HEADER) in flat
    assert f"{FOOTER} — Page 1 / 1" in flat


def _lines(page: str) -> list[str]:
    """The non-empty lines of a page, a footnote number alone on its line (it is raised)
    joined to the note's first line."""
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    joined: list[str] = []
    for line in lines:
        if joined and re.fullmatch(r"\d+", joined[-1]) and not re.fullmatch(r"\d+", line):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


@pytest.fixture(scope="module")
def noted_pages(tmp_path_factory: pytest.TempPathFactory, noted: Path) -> list[str]:
    tmp = tmp_path_factory.mktemp("lo-notes")
    source = tmp / "notes.docx"
    shutil.copy(noted, source)
    return _pdf_pages(libreoffice_pdf(source, tmp), "-layout")


def _page_of(pages: list[str], needle: str) -> int:
    return next(n for n, page in enumerate(pages, start=1) if needle in page)


@pytest.mark.slow
def test_libreoffice_puts_the_notes_at_the_foot_of_their_pages(noted_pages: list[str]) -> None:
    # Body text next to each call -> what ends that page, after all of its body text and
    # before the running footer: the numbered notes of the page, in order.
    feet = {
        "84 904 habitants": [
            "1 Source : Insee, RP 2016e",
            "2 A & <B>",
            "suite",
            "3 Note de cellule",
        ],
        "31 décembre 2024": ["4 Date fixée par les parties."],
    }
    assert _page_of(noted_pages, "Note de cellule") == _page_of(noted_pages, "1 234")
    for call_text, foot in feet.items():
        lines = _lines(noted_pages[_page_of(noted_pages, call_text) - 1])
        assert lines[-1].startswith(FOOTER) and "Page" in lines[-1]
        assert lines[-1 - len(foot) : -1] == foot
        body = lines[1 : -1 - len(foot)]  # between the running header and the notes
        assert any(call_text in line for line in body)


@pytest.mark.slow
def test_libreoffice_prints_the_cached_sommaire(noted_pages: list[str]) -> None:
    # Tested with LibreOffice 7.4: it imports the TOC field as a table of contents but does
    # NOT update it when it loads the DOCX (headless or not, with or without
    # <w:updateFields/>, with an empty or a filled cached result, inside a w:sdt or not, and
    # PAGEREF fields inside the TOC keep their cached text). So the PDF shows the cached
    # result, whose page numbers the DOCX writer computes from the PDF layout.
    first = _lines(noted_pages[0])
    entries = {}
    for line in first:
        match = re.fullmatch(r"(.+?)\.{3,}\s*(\S+)", line)
        if match:
            entries[_words(match[1])] = match[2]
    assert entries == {"Préambule": "1", "Article 1er : Objet": "1", "Durée": "3"}
    # Where LibreOffice lays the headings out: the same pages.
    pages = {
        title: n
        for n, page in enumerate(noted_pages, start=1)
        for line in _lines(page)
        for title in entries
        if re.fullmatch(rf"{re.escape(title)}\d*", _words(line))  # \d*: a note call
    }
    assert pages == {"Préambule": 1, "Article 1er : Objet": 1, "Durée": 3}
