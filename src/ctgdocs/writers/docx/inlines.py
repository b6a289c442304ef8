"""DOCX runs and footnotes: they contain each other (a note holds runs; a run may call a note)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run as DocxRun
from lxml import etree

from ctgdocs.errors import TemplateError
from ctgdocs.render.tree import Break, Champ, Inline, Note, Run
from ctgdocs.writers.docx.oxml import element, fld_char, instr_text
from ctgdocs.writers.docx.styles import FOOTNOTE_REFERENCE, FOOTNOTE_TEXT

FOOTNOTES_PART = "word/footnotes.xml"


def _add_run(paragraph: DocxParagraph, inline: Run, notes: Footnotes) -> None:
    format_run(paragraph.add_run(inline.text), inline)


def format_run(run: DocxRun, inline: Run) -> None:
    """The run's own formatting (bold, italic, superscript in the text): the formatting of
    its paragraph comes from its style."""
    if inline.bold:
        run.bold = True
    if inline.italic:
        run.italic = True
    if inline.sup:
        run.font.superscript = True


def _add_break(paragraph: DocxParagraph, inline: Break, notes: Footnotes) -> None:
    paragraph.add_run().add_break()


def _add_note(paragraph: DocxParagraph, inline: Note, notes: Footnotes) -> None:
    notes.call(paragraph, inline)


FIELDS = {"pages": "NUMPAGES"}  # Champ → the Word field that computes it


def _add_champ(paragraph: DocxParagraph, inline: Champ, notes: Footnotes) -> None:
    """A Word field (NUMPAGES) whose cached result is the value of our layout: Word and
    LibreOffice recompute it, and a reader without fields sees the same number as the PDF."""
    p = paragraph._p
    p.append(fld_char("begin"))
    p.append(instr_text(FIELDS[inline.nom]))
    p.append(fld_char("separate"))
    result = paragraph.add_run(notes.valeurs[inline.nom])
    format_run(result, Run("", bold=inline.bold, italic=inline.italic))
    p.append(fld_char("end"))


_INLINE_HANDLERS: dict[type, Callable[[DocxParagraph, Any, Footnotes], None]] = {
    Run: _add_run,
    Break: _add_break,
    Note: _add_note,
    Champ: _add_champ,
}


def add_inlines(paragraph: DocxParagraph, inlines: tuple[Inline, ...], notes: Footnotes) -> None:
    for inline in inlines:
        _INLINE_HANDLERS[type(inline)](paragraph, inline, notes)


class Footnotes:
    """The frame's footnotes part, loaded at the first note: each note becomes
    `<w:footnote w:id="N">` there, N counting up from the frame's last footnote (the frame has
    only the separators -1 and 0, so the notes are 1, 2, … in reading order)."""

    def __init__(self, doc: DocxDocument, where: str, style: Callable[..., BaseStyle]) -> None:
        self._doc = doc
        self._where = where
        self._style = style
        self._part: Part | None = None
        self._root: Any = None
        self._last_id = 0
        # Values of the layout fields (tree.Champ) the body prints, set by the writer when the
        # tree has some; the runs of a note and of the body share this object.
        self.valeurs: dict[str, str] = {}

    def call(self, paragraph: DocxParagraph, note: Note) -> None:
        """The call in the text (a footnoteReference run) and the note in the footnotes part."""
        reference = self._style(FOOTNOTE_REFERENCE, WD_STYLE_TYPE.CHARACTER)
        text_style = self._style(FOOTNOTE_TEXT)
        root = self._load()
        self._last_id += 1
        note_id = str(self._last_id)

        call = paragraph.add_run()
        call._r.style = reference.style_id  # not a default style: python-docx's id, its scan spared
        call._r.append(element("w:footnoteReference", {"w:id": note_id}))

        footnote = element("w:footnote", {"w:id": note_id})
        p = cast(CT_P, OxmlElement("w:p"))  # python-docx's parser makes a w:p a CT_P
        p.get_or_add_pPr().style = text_style.style_id
        mark = p.add_r()
        mark.style = reference.style_id
        mark.append(OxmlElement("w:footnoteRef"))  # type: ignore[arg-type]  # types-lxml: a CT_R takes only CT_R
        footnote.append(p)
        root.append(footnote)
        text = DocxParagraph(p, None)  # type: ignore[arg-type]  # detached from any part: no style lookups below
        text.add_run(" ")
        add_inlines(text, note.inlines, self)

    def _load(self) -> Any:
        if self._root is not None:
            return self._root
        parts = [
            rel.target_part
            for rel in self._doc.part.rels.values()
            if rel.reltype == RT.FOOTNOTES and not rel.is_external
        ]
        if not parts:
            raise TemplateError(
                f"{self._where} : la partie des notes de bas de page ({FOOTNOTES_PART}) est "
                "absente du cadre"
            )
        self._part = parts[0]
        try:
            root = parse_xml(self._part.blob)
            ids = [int(n.get(qn("w:id"), "0")) for n in root.iterchildren(qn("w:footnote"))]
        except (etree.XMLSyntaxError, ValueError) as exc:
            raise TemplateError(f"{self._where} : {FOOTNOTES_PART} illisible ({exc})") from exc
        if root.tag != qn("w:footnotes"):
            raise TemplateError(f"{self._where} : {FOOTNOTES_PART} illisible (pas de w:footnotes)")
        self._last_id = max([0, *ids])
        self._root = root
        return root

    def save(self) -> None:
        """Write the notes back into the part (python-docx keeps unknown parts as bytes)."""
        if self._part is not None:
            self._part._blob = serialize_part_xml(self._root)
