"""The style vocabulary of the DOCX frame: the names the frame tool creates and the writer uses.

Layout roles travel from templates as `::: classes`; CLASS_STYLES maps them to paragraph styles.
"""

from __future__ import annotations

# Div class -> paragraph style of the paragraphs inside the div (innermost div wins).
CLASS_STYLES: dict[str, str] = {
    "centre": "Centré",
    "en-tete": "En-tête de document",
    "objet": "Objet",
    "mention": "Mention",
    "signature": "Signature",
    "citation": "Citation",  # an avenant's quotation of a new wording
}
NORMAL = "Normal"
HEADINGS = ("Heading 1", "Heading 2", "Heading 3")
BULLETS = ("List Bullet", "List Bullet 2")  # by nesting depth, capped
BULLET_CONTINUATIONS = ("List Continue", "List Continue 2")  # later paragraphs of an item
NUMBERED = "Liste numérotée"  # the number is written as text: "3." then a tab
TABLE = "Table Grid"
SIGNATURE_TABLE = "Tableau sans bordure"
# Footnotes and sommaire: Word's built-in style names, as spelled in styles.xml.
FOOTNOTE_TEXT = "footnote text"
FOOTNOTE_REFERENCE = "footnote reference"  # a character style
TOC_HEADING = "TOC Heading"
TOC_LEVELS = ("toc 1", "toc 2", "toc 3")  # one per written heading level (HEADINGS)
