"""The sommaire of a DOCX: a TOC field whose cached result lists the headings (Word and
LibreOffice recompute it on update; LibreOffice does not on load — tested)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.oxml import OxmlElement
from docx.text.run import Run as DocxRun

from ctgdocs.tree import Break, Inline, Run
from ctgdocs.writers.docx_inlines import format_run
from ctgdocs.writers.docx_xml import element, fld_char, instr_text, text_run

TOC_MAX_DEPTH = 9  # the outline levels a TOC field can take
TOC_BOOKMARK = "_Toc{:09d}"  # Word's hidden heading bookmarks look like _Toc123456789
UNKNOWN_PAGE = "—"  # cached page number: the writer has no layout (Word computes it on update)


@dataclass(slots=True)
class WrittenHeading:
    p: Any  # the heading's w:p
    level: int  # the written level (1 to len(HEADINGS)): the outline level Word's TOC sees
    inlines: tuple[Inline, ...]
    bookmark: str = ""


@dataclass(frozen=True, slots=True)
class PendingSommaire:
    p: Any  # an empty paragraph where the TOC field goes
    depth: int


def toc_entry(style_id: str, heading: WrittenHeading) -> Any:
    """One line of the cached TOC result, as Word writes it: a hyperlink to the heading's
    bookmark holding the heading's runs (no notes, breaks as spaces), a tab (dot leader in the
    style) and a PAGEREF field."""
    p = OxmlElement("w:p")
    p.get_or_add_pPr().style = style_id
    link = element("w:hyperlink", {"w:anchor": heading.bookmark, "w:history": "1"})
    for inline in heading.inlines:
        if isinstance(inline, Run):
            run = text_run(inline.text)
            format_run(DocxRun(run, None), inline, bold=False)  # detached: direct formatting only
            link.append(run)
        elif isinstance(inline, Break):
            link.append(text_run(" "))
    pageref = f"PAGEREF {heading.bookmark} \\h"
    for run in (
        text_run("\t"),
        fld_char("begin"),
        instr_text(pageref),
        fld_char("separate"),
        text_run(UNKNOWN_PAGE),
        fld_char("end"),
    ):
        link.append(run)
    p.append(link)
    return p


def bookmark(p: Any, name: str, bookmark_id: int) -> None:
    """A bookmark around the whole content of the paragraph p (after its properties)."""
    start = element("w:bookmarkStart", {"w:id": str(bookmark_id), "w:name": name})
    ppr = p.pPr
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(element("w:bookmarkEnd", {"w:id": str(bookmark_id)}))
