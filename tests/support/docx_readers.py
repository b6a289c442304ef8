"""Our DOCX as other programs read it: docx2python (document-management indexing), mammoth (DOCX
to HTML), and the outline that Word and LibreOffice build from the paragraphs' outline levels.

Each reader returns the body's text without the sommaire (its entries are headings and page
numbers, compared apart) and without the footnote calls, and the footnotes' texts in order.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import mammoth
from docx2python import docx2python
from docx2python.iterators import iter_paragraphs
from lxml import etree

from support.extract import SOMMAIRE_STYLES

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
BODY_TEXT = 9  # w:outlineLvl 9: "body text", not in the outline


@dataclass
class Reading:
    body: str
    notes: list[str]
    messages: list[str] = field(default_factory=list)  # what the reader reported


# --- docx2python ----------------------------------------------------------------------

FOOTNOTE_CALL = re.compile(r"----footnote\d+----")  # how docx2python writes a call in the text
FOOTNOTE_NUMBER = re.compile(r"^footnote\d+\)\t")  # and the number before a note's text


def read_docx2python(path: Path) -> Reading:
    with docx2python(path) as document:
        body = [
            "".join(FOOTNOTE_CALL.sub("", run.text) for run in par.runs)
            for par in iter_paragraphs(document.body_pars)
            if par.style not in SOMMAIRE_STYLES
        ]
        notes = [
            FOOTNOTE_NUMBER.sub("", "".join(run.text for run in par.runs))
            for par in iter_paragraphs(document.footnotes_pars)
            if par.runs and par.style == "FootnoteText"
        ]
    return Reading("\n".join(body), notes)


# --- mammoth --------------------------------------------------------------------------

# The sommaire's paragraphs are left out ("!"), as a user converting the text would do.
MAMMOTH_STYLE_MAP = "\n".join(
    f"p[style-name='{name}'] => !" for name in ("TOC Heading", "toc 1", "toc 2", "toc 3")
)
UNKNOWN_STYLE = re.compile(r"Unrecognised (paragraph|run|table) style: ")
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "tr", "br"}


class _MammothHtml(HTMLParser):
    """The body's text and the notes' (`<li id="footnote-N">`), without the links between the
    calls and the notes (`[1]`, `↑`)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.body: list[str] = []
        self.notes: list[list[str]] = []
        self._note_depth = 0  # elements open inside the current note's <li>
        self._skip = 0  # inside a link to or from a note

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "a" and (attributes.get("href") or "").startswith("#footnote"):
            self._skip += 1
        elif tag == "li" and (attributes.get("id") or "").startswith("footnote-"):
            self.notes.append([])
            self._note_depth = 1
            return
        elif self._note_depth:
            self._note_depth += 1
        if tag in _BLOCKS:
            self._text("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._skip:
            self._skip -= 1
        elif self._note_depth:
            self._note_depth -= 1
        if tag in _BLOCKS:
            self._text("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._text(data)

    def _text(self, text: str) -> None:
        (self.notes[-1] if self._note_depth else self.body).append(text)


def read_mammoth(path: Path) -> Reading:
    with path.open("rb") as file:
        result = mammoth.convert_to_html(file, style_map=MAMMOTH_STYLE_MAP)
    parser = _MammothHtml()
    parser.feed(result.value)
    parser.close()
    messages = [f"{m.type}: {m.message}" for m in result.messages]
    return Reading("".join(parser.body), ["".join(n) for n in parser.notes], messages)


def unexpected_messages(reading: Reading) -> list[str]:
    """mammoth's messages other than "this style has no HTML mapping" (every custom style of
    the frame gets one: mammoth maps Word's built-in styles only)."""
    return [
        m for m in reading.messages if not (m.startswith("warning: ") and UNKNOWN_STYLE.search(m))
    ]


# --- the outline ----------------------------------------------------------------------


def _part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(name))


def _style_levels(styles: etree._Element) -> dict[str, int]:
    """Style id → outline level (1-9), from the style or the styles it is based on."""
    own: dict[str, int | None] = {}
    based: dict[str, str] = {}
    for style in styles.iterfind("w:style", NS):
        sid = style.get(f"{{{W}}}styleId")
        level = style.find("w:pPr/w:outlineLvl", NS)
        own[sid] = None if level is None else int(level.get(f"{{{W}}}val"))
        parent = style.find("w:basedOn", NS)
        if parent is not None:
            based[sid] = parent.get(f"{{{W}}}val")

    def resolve(sid: str, seen: frozenset[str] = frozenset()) -> int | None:
        if own.get(sid) is not None:
            return own[sid]
        parent = based.get(sid)
        return resolve(parent, seen | {sid}) if parent and parent not in seen else None

    levels = {}
    for sid in own:
        level = resolve(sid)
        if level is not None and level < BODY_TEXT:
            levels[sid] = level + 1
    return levels


def docx_outline(path: Path) -> list[tuple[int, str]]:
    """(level from 1, text) of every paragraph of the body that has an outline level (its
    own or its style's), in document order: what Word's navigation pane and LibreOffice's
    navigator list, and the bookmarks of the PDF they export."""
    levels = _style_levels(_part(path, "word/styles.xml"))
    outline = []
    for p in _part(path, "word/document.xml").iterfind(".//w:body//w:p", NS):
        direct = p.find("w:pPr/w:outlineLvl", NS)
        if direct is not None:
            value = int(direct.get(f"{{{W}}}val"))
            level = value + 1 if value < BODY_TEXT else None
        else:
            style = p.find("w:pPr/w:pStyle", NS)
            level = levels.get(style.get(f"{{{W}}}val") if style is not None else "Normal")
        if level is not None:
            outline.append((level, "".join(p.itertext())))
    return outline


# --- package facts --------------------------------------------------------------------

TEXT_FORMATTING = {f"{{{W}}}{name}" for name in ("b", "i", "vertAlign")}


def cell_direct_formatting(path: Path) -> list[str]:
    """What the table cells of the body format directly: paragraph properties other than the
    style, run properties other than the text's own emphasis (bold, italic, superscript)."""
    body = _part(path, "word/document.xml")
    found = []
    for ppr in body.iterfind(".//w:tc/w:p/w:pPr", NS):
        found += [etree.QName(c).localname for c in ppr if c.tag != f"{{{W}}}pStyle"]
    for rpr in body.iterfind(".//w:tc/w:p//w:r/w:rPr", NS):
        allowed = TEXT_FORMATTING | {f"{{{W}}}rStyle"}  # a note call's character style
        found += [etree.QName(c).localname for c in rpr if c.tag not in allowed]
    return found


def undeclared_prefixes(path: Path, name: str) -> set[str]:
    """Namespace prefixes used by a part's elements and attributes that its root element does
    not declare (a reader may look them up there, as docx2python does for `r`)."""
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read(name))
    declared = set(root.nsmap.values())
    used = set()
    for element in root.iter():
        if isinstance(element.tag, str):
            used.add(etree.QName(element).namespace)
            used |= {etree.QName(a).namespace for a in element.attrib}
    return {ns for ns in used if ns and ns != "http://www.w3.org/XML/1998/namespace"} - declared


def compat_mode(path: Path) -> str | None:
    settings = _part(path, "word/settings.xml")
    for setting in settings.iterfind("w:compat/w:compatSetting", NS):
        if setting.get(f"{{{W}}}name") == "compatibilityMode":
            return setting.get(f"{{{W}}}val")
    return None


def app_properties(path: Path) -> dict[str, str]:
    """The text of docProps/app.xml's simple elements, by local name (vectors joined)."""
    root = _part(path, "docProps/app.xml")
    return {etree.QName(child).localname: "".join(child.itertext()) for child in root}


def asks_to_update_fields(path: Path) -> bool:
    return _part(path, "word/settings.xml").find("w:updateFields", NS) is not None


def root_namespaces(path: Path, name: str) -> dict[str | None, str]:
    return dict(_part(path, name).nsmap)
