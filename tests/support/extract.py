"""The body text of a generated document, read back from each format.

Each helper returns the words a reader sees in the body, in reading order, without the running
header and footer, so that `words()` (tests/support/similarity.py) can compare the formats.
"""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from ctgdocs.writers.base import DocumentMeta

LIBREOFFICE_TIMEOUT = 180  # seconds: a cold LibreOffice profile takes a while on first start


# --- DOCX ---------------------------------------------------------------------------


def _table_lines(table: DocxTable) -> list[str]:
    """Cell paragraphs row by row; a merged cell (same XML cell repeated) is read once."""
    lines: list[str] = []
    for row in table.rows:
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            for child in cell._tc.iterchildren():
                if child.tag == qn("w:p"):
                    lines.append(DocxParagraph(child, cell).text)
                elif child.tag == qn("w:tbl"):
                    lines.extend(_table_lines(DocxTable(child, cell)))
    return lines


def docx_lines(path: Path) -> list[str]:
    """The body's paragraphs and table cells in document order (no header, no footer)."""
    document = docx.Document(str(path))
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(DocxParagraph(child, document).text)
        elif child.tag == qn("w:tbl"):
            lines.extend(_table_lines(DocxTable(child, document)))
    return lines


def docx_text(path: Path) -> str:
    return "\n".join(docx_lines(path))


def docx_header_footer_text(path: Path) -> str:
    """The paragraphs of every section's header and footer (fields show their cached value)."""
    document = docx.Document(str(path))
    lines = []
    for section in document.sections:
        for part in (section.header, section.footer):
            lines.extend(p.text for p in part.paragraphs)
    return "\n".join(lines)


# --- PDF ----------------------------------------------------------------------------


def pdftotext(path: Path) -> str:
    """All the text of a PDF in reading order (pages separated by form feeds)."""
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    ).stdout


def _squash(text: str) -> str:
    return " ".join(text.split())


def is_running_line(line: str, meta: DocumentMeta) -> bool:
    """A line of the running header (`meta.header`) or footer (`meta.footer — Page X / Y`)."""
    line = _squash(line)
    footer = re.escape(_squash(meta.footer)) + r" — Page \d+ / \d+"
    return line == _squash(meta.header) or re.fullmatch(footer, line) is not None


def strip_running_lines(text: str, meta: DocumentMeta) -> str:
    return "\n".join(
        line for line in text.replace("\f", "\n").splitlines() if not is_running_line(line, meta)
    )


def pdf_text(path: Path, meta: DocumentMeta) -> str:
    """The PDF's text without the header and footer printed on every page."""
    return strip_running_lines(pdftotext(path), meta)


def pdf_info(path: Path) -> dict[str, str]:
    """`pdfinfo` fields: Title, Author, Pages…"""
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

_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "tr", "div", "br", "hr"}


class _MainText(HTMLParser):
    """Collects the text inside <main>, with a line break at every block boundary."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # > 0 inside <main>
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "main":
            self.depth += 1
        elif self.depth and tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.depth -= 1
        elif self.depth and tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)


def html_text(path: Path) -> str:
    """The text of <main> only: the running header and footer divs are outside it."""
    parser = _MainText()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return "".join(parser.parts)


# --- LibreOffice --------------------------------------------------------------------


def libreoffice_pdf(docx_path: Path, outdir: Path) -> Path:
    """Convert a DOCX to PDF with LibreOffice (a private profile under outdir)."""
    outdir.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{outdir.resolve()}/lo-profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(docx_path),
        ],
        capture_output=True,
        text=True,
        timeout=LIBREOFFICE_TIMEOUT,
    )
    pdf = outdir / f"{docx_path.stem}.pdf"
    if result.returncode != 0 or not pdf.is_file():
        raise RuntimeError(
            f"LibreOffice failed on {docx_path} (exit {result.returncode}):\n"
            f"{result.stderr}\n{result.stdout}"
        )
    return pdf
