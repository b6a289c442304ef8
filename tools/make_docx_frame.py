"""Build the Word frame `templates/docx/frame.docx` from python-docx's default template.

The frame is a docxtpl template that holds the layout only (page, styles, header, footer); the
DOCX writer puts the body where the `[[CORPS]]` paragraph stands. Run it again after a change:

    .venv/bin/python tools/make_docx_frame.py

The output is byte-for-byte reproducible (fixed properties, fixed zip entry dates and order).

Besides the page and the styles, the frame carries what the writer needs for footnotes (the
`word/footnotes.xml` part with its two separators, the footnote styles) and for the sommaire
(the `TOC Heading` and `toc 1`-`toc 3` styles); python-docx has no API for either.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph
from lxml import etree

from ctgdocs.writers.docx.package import normalize_zip, set_app_properties
from ctgdocs.writers.docx.sinks import SPACER_HEIGHT
from ctgdocs.writers.docx.styles import (
    AFTER_TABLE,
    CELL_STYLES,
    CLASS_STYLES,
    FOOTNOTE_REFERENCE,
    FOOTNOTE_TEXT,
    NUMBERED,
    SIGNATURE_TABLE,
    SPLIT_TABLE,
    TABLE,
    TITLE,
    TOC_HEADING,
)
from ctgdocs.writers.docx.tables import ALIGNMENTS, CELL_SPACING

ROOT = Path(__file__).resolve().parent.parent
DEST = ROOT / "templates" / "docx" / "frame.docx"

FONT = "Arial"
LANG = "fr-FR"
BLACK = RGBColor(0, 0, 0)
PLACEHOLDER = "[[CORPS]]"
FIXED_DATE = dt.datetime(2000, 1, 1)  # naive: python-docx writes it as UTC
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
TEXT_WIDTH = Cm(17)  # A4 width minus the 2 cm margins: where the sommaire's page numbers stand

# The two special footnotes every footnotes part starts with (ids -1 and 0); the writer appends
# the document's notes from id 1. They are referenced from settings.xml (w:footnotePr) too.
SPECIAL_FOOTNOTE = (
    '<w:footnote w:type="{kind}" w:id="{id}"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:{kind}/></w:r></w:p></w:footnote>"
)
SPECIAL_FOOTNOTES = SPECIAL_FOOTNOTE.format(kind="separator", id="-1") + SPECIAL_FOOTNOTE.format(
    kind="continuationSeparator", id="0"
)
MC_IGNORABLE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Ignorable"
COMPAT_MODE = "15"  # Word 2013 and later: the document opens in current mode, not compatibility


def main() -> int:
    DEST.parent.mkdir(parents=True, exist_ok=True)
    DEST.write_bytes(build_frame())
    print(f"cadre écrit : {DEST.relative_to(ROOT)}")
    return 0


def build_frame() -> bytes:
    """The frame's bytes: the same on every run."""
    doc = Document()
    _setup_page(doc)
    _setup_defaults(doc)
    _setup_builtin_styles(doc)
    _add_custom_styles(doc)
    _add_table_styles(doc)
    _add_note_and_sommaire_styles(doc)
    _setup_header_footer(doc)
    _setup_body(doc)
    _add_footnotes_part(doc)
    _setup_package(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalize_zip(buffer.getvalue())


# --- page ---------------------------------------------------------------------


def _setup_page(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(1.8)
    section.header_distance = section.footer_distance = Cm(1)


# --- styles -------------------------------------------------------------------


def _set_font(rpr) -> None:
    """Give run properties (w:rPr) the frame font, dropping the theme font references."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in THEME_FONT_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _set_lang(rpr) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANG)


def _drop(element, *tags: str) -> None:
    for tag in tags:
        for child in element.findall(qn(tag)):
            element.remove(child)


def _setup_defaults(doc: DocxDocument) -> None:
    styles = doc.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_font(rpr)
    _set_lang(rpr)
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), "21")
    normal = doc.styles["Normal"]
    _set_font(normal.element.get_or_add_rPr())
    _set_lang(normal.element.get_or_add_rPr())
    normal.font.size = Pt(10.5)
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(6)
    fmt.line_spacing = 1.1
    fmt.widow_control = True


def _black_bold_arial(style: BaseStyle, size: float) -> None:
    rpr = style.element.get_or_add_rPr()
    _set_font(rpr)
    _drop(rpr, "w:spacing", "w:kern", "w:szCs")
    style.font.size = Pt(size)
    size_cs = OxmlElement("w:szCs")
    size_cs.set(qn("w:val"), str(round(size * 2)))
    rpr.find(qn("w:sz")).addnext(size_cs)
    style.font.bold = True
    style.font.color.rgb = BLACK


def _setup_title(doc: DocxDocument) -> None:
    """Title: the document's title line, which stands among the en-tête block's lines and looks
    like them (En-tête de document: Normal's spacing, centred, bold, 11 pt). Outline level 1, so
    the outline of Word (navigation pane), of LibreOffice (navigator, PDF bookmarks) starts at the
    title and the articles (Heading 2) come under it; the sommaire's TOC field lists heading
    styles only (no \\u switch), so an update in Word does not add the title to it."""
    title = doc.styles[TITLE]
    _black_bold_arial(title, 11)
    ppr = title.element.get_or_add_pPr()
    _drop(ppr, "w:pBdr", "w:contextualSpacing", "w:spacing")
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.keep_with_next = True
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), "0")
    ppr.append(outline)  # last in CT_PPr order here (no rPr, sectPr or change inside)


def _setup_builtin_styles(doc: DocxDocument) -> None:
    _setup_title(doc)

    spacing = {1: (12, 6), 2: (10, 4), 3: (8, 3)}
    for level, size in ((1, 12), (2, 11), (3, 10.5)):
        heading = doc.styles[f"Heading {level}"]
        _black_bold_arial(heading, size)
        fmt = heading.paragraph_format
        fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
        fmt.keep_with_next = True
        fmt.space_before, fmt.space_after = (Pt(p) for p in spacing[level])

    # The linked character styles Word shows beside them: same look.
    linked = {"Title Char": 11, "Heading 1 Char": 12, "Heading 2 Char": 11, "Heading 3 Char": 10.5}
    for name, size in linked.items():
        _black_bold_arial(doc.styles[name], size)

    for name, align in (
        ("Header", WD_ALIGN_PARAGRAPH.RIGHT),
        ("Footer", WD_ALIGN_PARAGRAPH.CENTER),
    ):
        style = doc.styles[name]
        style.font.size = Pt(8)
        style.paragraph_format.alignment = align
        style.paragraph_format.space_after = Pt(0)
        _drop(style.element.get_or_add_pPr(), "w:tabs")
        tabs = style.paragraph_format.tab_stops
        tabs.add_tab_stop(Cm(8.5), WD_TAB_ALIGNMENT.CENTER)
        tabs.add_tab_stop(Cm(17), WD_TAB_ALIGNMENT.RIGHT)


def _paragraph_style(doc: DocxDocument, name: str, style_id: str):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.element.set(qn("w:styleId"), style_id)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    return style


def _add_custom_styles(doc: DocxDocument) -> None:
    numbered = _paragraph_style(doc, NUMBERED, "ListeNumerotee")
    numbered.paragraph_format.left_indent = Cm(0.75)
    numbered.paragraph_format.first_line_indent = Cm(-0.75)
    numbered.paragraph_format.tab_stops.add_tab_stop(Cm(0.75))

    centred = _paragraph_style(doc, CLASS_STYLES["centre"], "Centre")
    centred.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    head = _paragraph_style(doc, CLASS_STYLES["en-tete"], "EnteteDocument")
    head.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head.font.bold = True
    head.font.size = Pt(11)

    subject = _paragraph_style(doc, CLASS_STYLES["objet"], "Objet")
    subject.font.bold = True

    mention = _paragraph_style(doc, CLASS_STYLES["mention"], "Mention")
    mention.font.size = Pt(9)

    quotation = _paragraph_style(doc, CLASS_STYLES["citation"], "Citation")
    quotation.paragraph_format.left_indent = Cm(1)  # print.css: .citation

    signature = _paragraph_style(doc, CLASS_STYLES["signature"], "Signature")
    signature.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    signature.paragraph_format.space_after = Pt(0)
    signature.paragraph_format.keep_together = True

    borderless = doc.styles.add_style(SIGNATURE_TABLE, WD_STYLE_TYPE.TABLE)
    borderless.element.set(qn("w:styleId"), "TableauSansBordure")
    borderless.base_style = doc.styles["Normal Table"]
    tbl_pr = OxmlElement("w:tblPr")
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{side}")
        border.set(qn("w:val"), "nil")
        borders.append(border)
    tbl_pr.append(borders)
    margins = OxmlElement("w:tblCellMar")  # text of the first column flush with the body's
    for side, width in (("left", 0), ("right", 108)):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(width))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    tbl_pr.append(margins)
    borderless.element.append(tbl_pr)


def _table_style(doc: DocxDocument, name: str, style_id: str):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.TABLE)
    style.element.set(qn("w:styleId"), style_id)
    style.base_style = doc.styles["Table Grid"]
    style.quick_style = True
    return style


CELL_STYLE_IDS = {
    "Texte de tableau": "TexteTableau",
    "Texte de tableau centré": "TexteTableauCentre",
    "Texte de tableau à droite": "TexteTableauDroite",
    "Titre de colonne": "TitreColonne",
    "Titre de colonne centré": "TitreColonneCentre",
    "Titre de colonne à droite": "TitreColonneDroite",
}


def _add_table_styles(doc: DocxDocument) -> None:
    """The two bordered table styles and the paragraph styles of their cells.

    A table kept on one page (print.css: `page-break-inside: avoid`) has "keep with next" on
    all its paragraphs through its table style, as Word keeps a table together; the last row's
    keeps the table with the small paragraph that follows it (Espace après tableau). The cells'
    text: 2 pt above and below, left-aligned unless its column says otherwise, bold in the
    header rows."""
    kept = _table_style(doc, TABLE, "Tableau")
    kept.paragraph_format.keep_with_next = True
    _table_style(doc, SPLIT_TABLE, "TableauPlusieursPages")

    bases = {False: CELL_STYLES[False, None], True: CELL_STYLES[True, None]}
    text = _paragraph_style(doc, bases[False], CELL_STYLE_IDS[bases[False]])
    text.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    text.paragraph_format.space_before = text.paragraph_format.space_after = CELL_SPACING
    header = _paragraph_style(doc, bases[True], CELL_STYLE_IDS[bases[True]])
    header.base_style = text
    header.font.bold = True
    for (is_header, align), name in CELL_STYLES.items():
        if align in (None, "left"):
            continue
        style = _paragraph_style(doc, name, CELL_STYLE_IDS[name])
        style.base_style = doc.styles[bases[is_header]]
        style.paragraph_format.alignment = ALIGNMENTS[align]

    spacer = _paragraph_style(doc, AFTER_TABLE, "EspaceApresTableau")
    spacer.quick_style = False
    fmt = spacer.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = SPACER_HEIGHT  # an exact height


def _builtin_style(doc: DocxDocument, name: str, style_id: str, kind: WD_STYLE_TYPE, priority: int):
    """A Word built-in style (`name` as Word spells it in styles.xml), hidden until used."""
    style = doc.styles.add_style(name, kind, builtin=True)
    style.element.set(qn("w:styleId"), style_id)
    style.priority = priority
    style.unhide_when_used = True
    return style


def _add_note_and_sommaire_styles(doc: DocxDocument) -> None:
    """Footnote text and call; the sommaire's title and entries (TOC field levels 1-3)."""
    note = _builtin_style(doc, FOOTNOTE_TEXT, "FootnoteText", WD_STYLE_TYPE.PARAGRAPH, 99)
    note.base_style = doc.styles["Normal"]
    note.font.size = Pt(8)
    note.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    note.paragraph_format.space_after = Pt(0)

    call = _builtin_style(doc, FOOTNOTE_REFERENCE, "FootnoteReference", WD_STYLE_TYPE.CHARACTER, 99)
    call.base_style = doc.styles["Default Paragraph Font"]
    call.font.superscript = True

    title = doc.styles[TOC_HEADING]  # in python-docx's template: based on Heading 1, level 9
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Pt(6)
    title.paragraph_format.space_after = Pt(12)

    for level in (1, 2, 3):
        entry = _builtin_style(doc, f"toc {level}", f"TOC{level}", WD_STYLE_TYPE.PARAGRAPH, 39)
        entry.base_style = doc.styles["Normal"]
        entry.next_paragraph_style = doc.styles["Normal"]
        fmt = entry.paragraph_format
        fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
        fmt.left_indent = Cm(0.5) * (level - 1)
        fmt.space_after = Pt(3)
        fmt.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)


# --- header, footer, body -----------------------------------------------------


def _add_field(paragraph: Paragraph, code: str) -> None:
    """A complex field: begin, instruction, separate, placeholder result "1", end."""

    def fld_char(kind: str) -> None:
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(char)

    fld_char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {code} "
    paragraph.add_run()._r.append(instr)
    fld_char("separate")
    paragraph.add_run("1")
    fld_char("end")


def _setup_header_footer(doc: DocxDocument) -> None:
    section = doc.sections[0]
    # A draft (document.projet) has « Projet » in bold on a line of its own above the running
    # header, on every page; docxtpl drops the two {%p %} paragraphs and, for any other
    # document, the line between them.
    header = section.header.paragraphs[0]
    header.add_run("{%p if document.projet %}")
    section.header.add_paragraph(style="Header").add_run("Projet").bold = True
    section.header.add_paragraph("{%p endif %}", style="Header")
    section.header.add_paragraph("{{ document.header }}", style="Header")

    footer = section.footer.paragraphs[0]
    footer.add_run("{{ document.footer }} — Page ")
    _add_field(footer, "PAGE")
    footer.add_run(" / ")
    _add_field(footer, "NUMPAGES")


def _setup_body(doc: DocxDocument) -> None:
    for paragraph in doc.paragraphs:
        paragraph._p.getparent().remove(paragraph._p)
    doc.add_paragraph(PLACEHOLDER, style="Normal")


# --- package ------------------------------------------------------------------


def footnotes_xml(document: etree._Element) -> bytes:
    """The footnotes part with its two separators, its root declaring the namespaces of the
    document part's root, as Word writes every story part (readers such as docx2python look
    the `r` prefix up on any element)."""
    root = etree.Element(qn("w:footnotes"), nsmap=document.nsmap)
    ignorable = document.get(MC_IGNORABLE)
    if ignorable:
        root.set(MC_IGNORABLE, ignorable)
    wrapper = parse_xml(f'<w:x xmlns:w="{root.nsmap["w"]}">{SPECIAL_FOOTNOTES}</w:x>')
    root.extend(list(wrapper))
    return serialize_part_xml(root)


def _add_footnotes_part(doc: DocxDocument) -> None:
    """`word/footnotes.xml` with the separators, related from the document part."""
    part = Part(
        PackURI("/word/footnotes.xml"),
        CT.WML_FOOTNOTES,
        footnotes_xml(doc.element),
        doc.part.package,
    )
    doc.part.relate_to(part, RT.FOOTNOTES)
    settings = doc.settings.element
    note_pr = OxmlElement("w:footnotePr")  # schema order: just before w:endnotePr / w:compat
    for note_id in ("-1", "0"):
        special = OxmlElement("w:footnote")
        special.set(qn("w:id"), note_id)
        note_pr.append(special)
    settings.find(qn("w:compat")).addprevious(note_pr)


def _setup_package(doc: DocxDocument) -> None:
    """Fixed properties, French settings, no python-docx thumbnail or Word 2010 style copy."""
    props = doc.core_properties
    props.title = props.subject = props.keywords = props.comments = props.category = ""
    props.author = props.last_modified_by = "ctgdocs"
    props.language = LANG
    props.revision = 1
    props.created = props.modified = FIXED_DATE
    set_app_properties(doc, title="", company="")

    package_rels = doc.part.package.rels
    for rels, reltype in ((package_rels, RT.THUMBNAIL), (doc.part.rels, STYLES_WITH_EFFECTS)):
        for rid in [r for r, rel in rels.items() if rel.reltype == reltype]:
            rels.pop(rid)

    settings = doc.settings.element
    _drop(settings, "w:savePreviewPicture", "w:updateFields")
    # A justified line ending with a manual line break is not stretched (Word, LibreOffice).
    compat = settings.find(qn("w:compat"))
    compat.insert(0, OxmlElement("w:doNotExpandShiftReturn"))
    for setting in compat.iterfind(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), COMPAT_MODE)
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), LANG)


if __name__ == "__main__":
    sys.exit(main())
