"""The text of a generated document, read back from each format.

`docx_text`, `pdf_text` and `html_text` return the words a reader sees in the body, in reading
order, without the running header and footer, so that `words()` (tests/support/similarity.py)
can compare the formats with each other.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml.etree import _Element

from ctgdocs.render.document import DocumentMeta

LIBREOFFICE_TIMEOUT = 180  # seconds: the first start creates a LibreOffice profile


# --- DOCX ---------------------------------------------------------------------------


SOMMAIRE_STYLES = ("TOCHeading", "TOC1", "TOC2", "TOC3")  # style ids of the sommaire


def _block_lines(container: _Element, parent: object, sommaire: bool = True) -> list[str]:
    """Paragraphs and tables of a body or a cell, in document order (without the sommaire's
    title and entries when `sommaire` is false)."""
    lines: list[str] = []
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            if not sommaire and child.style in SOMMAIRE_STYLES:
                continue
            lines.append(DocxParagraph(child, parent).text)
        elif child.tag == qn("w:tbl"):
            lines.extend(_table_lines(child, parent))
    return lines


def _table_lines(tbl: _Element, parent: object) -> list[str]:
    """Cell contents row by row; a vertically merged cell is read once, in its first row (a
    horizontally merged cell is a single w:tc in the XML already)."""
    lines: list[str] = []
    for tr in tbl.iterchildren(qn("w:tr")):
        for tc in tr.iterchildren(qn("w:tc")):
            if tc.vMerge == "continue":
                continue
            lines.extend(_block_lines(tc, parent))
    return lines


def docx_lines(path: Path, sommaire: bool = True) -> list[str]:
    """The body's paragraphs and table cells in document order (no header, no footer)."""
    document = docx.Document(str(path))
    return _block_lines(document.element.body, document, sommaire)


def docx_text(path: Path, sommaire: bool = True) -> str:
    return "\n".join(docx_lines(path, sommaire))


def docx_header_footer_text(path: Path) -> str:
    """The paragraphs of every section's header and footer (fields show their stored value)."""
    document = docx.Document(str(path))
    lines = []
    for section in document.sections:
        for part in (section.header, section.footer):
            lines.extend(p.text for p in part.paragraphs)
    return "\n".join(lines)


# --- PDF ----------------------------------------------------------------------------


def pdftotext(path: Path) -> str:
    """All the text of a PDF, pages separated by form feeds.

    `-raw` keeps the order in which the text was drawn, which is the document order for both
    WeasyPrint and LibreOffice. The default "reading order" mode post-processes the text in
    ways that change the words and not the document: it joins a line ending with a hyphen to
    the next one without the hyphen (« 2022-⏎2025 » becomes « 20222025 ») and splits a
    superscript from its base (« 1er » becomes « 1 er »); both were seen in LibreOffice's PDFs.
    """
    return subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    ).stdout


def _squash(text: str) -> str:
    return " ".join(text.split())


PROJET = "Projet"  # a draft's line above the running header (DocumentMeta.projet)


def is_running_line(line: str, meta: DocumentMeta) -> bool:
    """A line of the running header (`meta.header`, after « Projet » for a draft) or footer
    (`meta.footer — Page X / Y`)."""
    line = _squash(line)
    footer = re.escape(_squash(meta.footer)) + r" — Page \d+ / \d+"
    header = line == _squash(meta.header) or (meta.projet and line == PROJET)
    return header or re.fullmatch(footer, line) is not None


def strip_running_lines(text: str, meta: DocumentMeta) -> str:
    lines = text.replace("\f", "\n").splitlines()
    return "\n".join(line for line in lines if not is_running_line(line, meta))


def pdf_text(path: Path, meta: DocumentMeta) -> str:
    """The PDF's text without the header and footer printed on every page."""
    return strip_running_lines(pdftotext(path), meta)


def pdf_info(path: Path) -> dict[str, str]:
    """The `pdfinfo` fields: Title, Author, Subject, Pages…"""
    out = subprocess.run(
        ["pdfinfo", "-enc", "UTF-8", str(path)],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    ).stdout
    info = {}
    for line in out.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            info[key.strip()] = value.strip()
    return info


def pdf_pages(path: Path) -> int:
    return int(pdf_info(path)["Pages"])


# --- HTML ---------------------------------------------------------------------------

_VOID_TAGS = {"br", "hr", "img", "wbr"}  # no end tag
_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "tr", "div", "br", "hr"}


@dataclass
class HtmlPage:
    lang: str | None = None  # <html lang>
    meta: dict[str, str] = field(default_factory=dict)  # <meta name content>
    main: str = ""  # text of <main>: the body (a preview's notes and their calls apart)
    body: str = ""  # text of <body>: the running header and footer too
    notes: list[str] = field(default_factory=list)  # a preview's notes, at the end, in order


class _PageParser(HTMLParser):
    """Text with a line break at every block boundary; an ordered list's numbers are text, as
    in the PDF (WeasyPrint draws them) and in the DOCX (the writer writes them)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = HtmlPage()
        self._in_main = self._in_body = False
        self._main: list[str] = []
        self._body: list[str] = []
        self._lists: list[int | None] = []  # next number of each open list, None for <ul>
        self._skip = 0  # depth inside the sommaire (its page numbers exist only once laid out)
        self._note_depth = 0  # spans open inside a footnote span
        self._apart: list[str] = []  # open tags of a preview's note call or notes section
        self._back = False  # inside a note's link back to its call (its number)

    def _emit(self, text: str) -> None:
        if self._skip:
            return
        if self._in_body:
            self._body.append(text)
        if self._in_main:
            self._main.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if self._apart:  # a preview's note call, or its notes, compared apart as footnotes are
            if tag in _VOID_TAGS:
                return
            self._apart.append(tag)
            if tag == "p" and "note-fin" in classes:
                self.page.notes.append("")
            self._back = self._back or "retour-note" in classes
            return
        if (tag == "a" and "appel-note" in classes) or (tag == "section" and "notes" in classes):
            self._apart.append(tag)
            return
        if self._note_depth and tag == "span":
            self._note_depth += 1
            return
        if self._skip or (tag == "nav" and "sommaire" in (attributes.get("class") or "")):
            self._skip += tag == "nav"
            return
        if tag == "span" and "note" in (attributes.get("class") or "").split():
            self._skip += 1  # footnotes are compared apart (test_notes_sommaire, test_convention)
            self._note_depth = 1
            return
        if tag == "html":
            self.page.lang = attributes.get("lang")
        elif tag == "meta" and attributes.get("name"):
            self.page.meta[str(attributes["name"])] = attributes.get("content") or ""
        elif tag == "body":
            self._in_body = True
        elif tag == "main":
            self._in_main = True
        elif tag == "ol":
            self._lists.append(int(attributes.get("start") or 1))
        elif tag == "ul":
            self._lists.append(None)
        if tag in _BLOCK_TAGS:
            self._emit("\n")
        if tag == "li" and self._lists and self._lists[-1] is not None:
            number = self._lists[-1]
            self._lists[-1] = number + 1
            self._emit(f"{number}. ")

    def handle_endtag(self, tag: str) -> None:
        if self._apart:
            self._apart.pop()
            self._back = self._back and tag != "a"
            return
        if self._note_depth and tag == "span":
            self._note_depth -= 1
            if not self._note_depth:
                self._skip -= 1
            return
        if self._skip:
            self._skip -= tag == "nav"
            return
        if tag in _BLOCK_TAGS:
            self._emit("\n")
        if tag in ("ol", "ul") and self._lists:
            self._lists.pop()
        elif tag == "main":
            self._in_main = False
        elif tag == "body":
            self._in_body = False

    def handle_data(self, data: str) -> None:
        if self._apart:
            if self.page.notes and not self._back:
                self.page.notes[-1] += data
            return
        self._emit(data)

    def close(self) -> None:
        super().close()
        self.page.main = "".join(self._main)
        self.page.body = "".join(self._body)


def read_html(path: Path) -> HtmlPage:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.page


def html_text(path: Path) -> str:
    """The text of <main> only: the running header and footer divs are outside it."""
    return read_html(path).main


# --- LibreOffice --------------------------------------------------------------------


FONTS = Path(__file__).resolve().parent.parent.parent / "fonts"


def libreoffice_fontconfig(outdir: Path) -> Path:
    """A fontconfig file that adds the shipped fonts/ to the machine's own configuration.

    The DOCX frame asks for Arial; fontconfig's metric aliases map it to Liberation Sans, which
    fonts/ ships. So LibreOffice lays our DOCX out with the same font on every machine, whether or
    not a Liberation package is installed."""
    outdir.mkdir(parents=True, exist_ok=True)
    conf = outdir / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        "<fontconfig>\n"
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{FONTS}</dir>\n"
        f"  <cachedir>{outdir / 'fc-cache'}</cachedir>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


def libreoffice_pdf(docx_path: Path, outdir: Path) -> Path:
    """Convert a DOCX to PDF with LibreOffice, using a private profile under outdir and the
    shipped fonts (`libreoffice_fontconfig`)."""
    outdir.mkdir(parents=True, exist_ok=True)
    command = [
        "soffice",
        "--headless",
        f"-env:UserInstallation={(outdir / 'lo-profile').resolve().as_uri()}",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        str(docx_path),
    ]
    env = {**os.environ, "FONTCONFIG_FILE": str(libreoffice_fontconfig(outdir / "lo-fonts"))}
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=LIBREOFFICE_TIMEOUT, env=env
    )
    pdf = outdir / f"{docx_path.stem}.pdf"
    if result.returncode != 0 or not pdf.is_file():
        raise RuntimeError(
            f"LibreOffice could not convert {docx_path} (exit {result.returncode}):\n"
            f"{result.stderr}{result.stdout}"
        )
    return pdf
