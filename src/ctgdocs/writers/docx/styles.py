"""The style vocabulary of the DOCX frame: the names the frame tool creates and the writer uses,
and `FrameStyles`, the writer's lookup of them in a frame.

Layout roles travel from templates as `::: classes`; CLASS_STYLES maps them to paragraph styles.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.styles.style import BaseStyle

from ctgdocs.errors import TemplateError
from ctgdocs.writers.docx.sinks import StyleId

# The document's title line (a `titre` div, in the en-tête block): Word's Title style, which the
# frame gives the en-tête's look and outline level 1 (see tools/make_docx_frame.py).
TITLE = "Title"
# Div class -> paragraph style of the paragraphs inside the div (innermost div wins).
CLASS_STYLES: dict[str, str] = {
    "centre": "Centré",
    "en-tete": "En-tête de document",
    "objet": "Objet",
    "mention": "Mention",
    "signature": "Signature",
    "citation": "Citation",  # an avenant's quotation of a new wording
    "titre": TITLE,
}
NORMAL = "Normal"
HEADINGS = ("Heading 1", "Heading 2", "Heading 3")
BULLETS = ("List Bullet", "List Bullet 2")  # by nesting depth, capped
BULLET_CONTINUATIONS = ("List Continue", "List Continue 2")  # later paragraphs of an item
NUMBERED = "Liste numérotée"  # the number is written as text: "3." then a tab
# Tables: the table style keeps a table on one page (its paragraphs "keep with next") or lets it
# run over pages between rows; the paragraph styles of the cells give their alignment, and bold
# to the header rows. No cell carries direct formatting.
TABLE = "Tableau"  # based on Word's Table Grid; kept on one page
SPLIT_TABLE = "Tableau sur plusieurs pages"  # based on Table Grid too; rows never split
SIGNATURE_TABLE = "Tableau sans bordure"
CELL_STYLES: dict[tuple[bool, str | None], str] = {
    (False, None): "Texte de tableau",
    (False, "left"): "Texte de tableau",
    (False, "center"): "Texte de tableau centré",
    (False, "right"): "Texte de tableau à droite",
    (True, None): "Titre de colonne",
    (True, "left"): "Titre de colonne",
    (True, "center"): "Titre de colonne centré",
    (True, "right"): "Titre de colonne à droite",
}
AFTER_TABLE = "Espace après tableau"  # the small empty paragraph after every table
# Footnotes and sommaire: Word's built-in style names, as spelled in styles.xml.
FOOTNOTE_TEXT = "footnote text"
FOOTNOTE_REFERENCE = "footnote reference"  # a character style
TOC_HEADING = "TOC Heading"
TOC_LEVELS = ("toc 1", "toc 2", "toc 3")  # one per written heading level (HEADINGS)
STYLE_KINDS = {
    WD_STYLE_TYPE.PARAGRAPH: "paragraphe",
    WD_STYLE_TYPE.CHARACTER: "caractère",
    WD_STYLE_TYPE.TABLE: "tableau",
}


class FrameStyles:
    """The styles of one document's frame, each looked up once."""

    def __init__(self, doc: DocxDocument, where: str) -> None:
        self._doc = doc
        self._where = where  # the frame, named in errors
        self._styles: dict[str, BaseStyle] = {}
        self._ids: dict[str, StyleId] = {}

    def style(self, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH) -> BaseStyle:
        """The frame's style of that name; a TemplateError naming the frame when it lacks it."""
        if name not in self._styles:
            try:
                found = self._doc.styles[name]
            except KeyError:
                raise TemplateError(
                    f"{self._where} : le style « {name} » est absent du cadre"
                ) from None
            if found.type != kind:
                raise TemplateError(
                    f"{self._where} : le style « {name} » n'est pas un style de {STYLE_KINDS[kind]}"
                )
            self._styles[name] = found
        return self._styles[name]

    def style_id(self, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH) -> StyleId:
        """The id paragraphs or tables of that style refer to: none for the default style of
        its type, as python-docx writes it. (python-docx reads the type and default flag of
        every style of the frame to find the default, on every assignment; only the few styles
        that carry a default flag are read here, once.)"""
        if name not in self._ids:
            style = self.style(name, kind)
            flagged = self._doc.styles.element.xpath("w:style[@w:default]")
            defaults = [s for s in flagged if s.type == kind and s.default]
            default = defaults[-1] if defaults else None
            self._ids[name] = None if default is style.element else style.style_id
        return self._ids[name]
