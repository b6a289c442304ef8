r"""The sommaire of a DOCX: a TOC field whose cached result lists the headings with their pages.

The cached result is what LibreOffice prints (it does not update a TOC field on load, even
with `w:updateFields` — tested with 7.4), so it carries real page numbers. The pagination
step found where each heading starts (render/pagination.py: WeasyPrint on the print HTML,
print.css mirroring the frame's page and styles) before this writer runs. Headings are matched
by rank: the n-th heading of the tree is the HTML's `titre-n`. A heading the layout did not
place (not expected) gets "—". Each number
stays inside its PAGEREF field, so Word recomputes it from its own layout when asked (F9, or on
printing). `w:updateFields` ("This document contains fields that may refer to other files…
update them?" when Word opens it) is set only when a cached number is unknown: a cached result
that is already right is not worth a prompt that users learn to dismiss.

The field is `TOC \o "1-depth" \h \z`: entries from the heading styles only. Without `\u`
(paragraph outline levels) an update in Word does not add the document's title (the Title
style has outline level 1, so that the outline starts at it) to the sommaire.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, cast

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run as DocxRun
from lxml import etree

from ctgdocs.render.document import RenderedDocument, pagination_of
from ctgdocs.render.tree import Break, Inline, Run, champs
from ctgdocs.writers.docx.inlines import format_run
from ctgdocs.writers.docx.oxml import element, fld_char, instr_text, text_run

TOC_MAX_DEPTH = 9  # the outline levels a TOC field can take
TOC_BOOKMARK = "_Toc{:09d}"  # Word's hidden heading bookmarks look like _Toc123456789
UNKNOWN_PAGE = "—"  # cached page number of a heading the layout did not place (not expected)
# The settings that come after w:updateFields in CT_Settings (ECMA-376), by local name.
AFTER_UPDATE_FIELDS = frozenset(
    [
        "hdrShapeDefaults",
        "footnotePr",
        "endnotePr",
        "compat",
        "docVars",
        "rsids",
        "mathPr",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "schemaLibrary",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    ]
)


@dataclass(slots=True)
class WrittenHeading:
    p: Any  # the heading's w:p
    level: int  # the written level (1 to len(HEADINGS)): the outline level Word's TOC sees
    inlines: tuple[Inline, ...]
    number: int  # its rank among all the headings of the tree (the HTML writer's numbering)
    bookmark: str = ""


@dataclass(frozen=True, slots=True)
class PendingSommaire:
    p: Any  # an empty paragraph where the TOC field goes
    depth: int


def layout_pages(document: RenderedDocument) -> Mapping[int, int]:
    """Heading number → page, found by the pagination step (render/pagination.py)."""
    return pagination_of(document, titres=True).titres or {}


def layout_values(document: RenderedDocument) -> dict[str, str]:
    """The values of the layout fields the body prints (tree.Champ): the page count the
    pagination step found, the cached result of a NUMPAGES field. Empty without fields."""
    if not champs(document.tree.blocks):
        return {}
    return {"pages": str(pagination_of(document).pages)}


def write_sommaires(
    sommaires: list[PendingSommaire],
    headings: list[WrittenHeading],
    style_id: Callable[[int], str],
    pages: Callable[[], Mapping[int, int]],
) -> bool:
    """Once the body is written: bookmark the listed headings, then put each sommaire's TOC
    field in place of its placeholder. `style_id(level)` is the toc style of an entry. Whether
    every cached page number is known (else Word should update the fields on opening)."""
    depth = max(pending.depth for pending in sommaires)
    listed = [h for h in headings if h.level <= depth]
    for number, heading in enumerate(listed, start=1):
        heading.bookmark = TOC_BOOKMARK.format(number)
        bookmark(heading.p, heading.bookmark, number)
    found = pages() if listed else {}
    complete = all(h.number in found for h in listed)
    for pending in sommaires:
        entries = [
            toc_entry(style_id(h.level), h, str(found.get(h.number, UNKNOWN_PAGE)))
            for h in listed
            if h.level <= pending.depth
        ]
        _fill(pending, entries)
    return complete


def _fill(pending: PendingSommaire, entries: list[Any]) -> None:
    """Replace the placeholder paragraph by the entries inside one TOC field: field begin,
    instruction and separate at the start of the first, field end at the end of the last.
    Without entries, the placeholder holds an empty field."""
    if entries:
        for entry in entries:
            pending.p.addprevious(entry)
        # python-docx types a paragraph's parent as required; these are detached, none is used.
        if DocxParagraph(pending.p, None).paragraph_format.page_break_before:  # type: ignore[arg-type]  # detached
            DocxParagraph(entries[0], None).paragraph_format.page_break_before = True  # type: ignore[arg-type]  # detached
        pending.p.getparent().remove(pending.p)
    else:
        entries = [pending.p]
    instruction = f'TOC \\o "1-{pending.depth}" \\h \\z'
    first = entries[0]
    anchor = first.pPr
    for run in reversed([fld_char("begin"), instr_text(instruction), fld_char("separate")]):
        if anchor is not None:
            anchor.addnext(run)
        else:
            first.insert(0, run)
    entries[-1].append(fld_char("end"))


def toc_entry(style_id: str, heading: WrittenHeading, page: str) -> Any:
    """One line of the cached TOC result, as Word writes it: a hyperlink to the heading's
    bookmark holding the heading's runs (no notes, breaks as spaces), a tab (dot leader in the
    style) and a PAGEREF field whose result is `page`."""
    p = cast(CT_P, OxmlElement("w:p"))  # python-docx's parser makes a w:p a CT_P
    p.get_or_add_pPr().style = style_id
    link = element("w:hyperlink", {"w:anchor": heading.bookmark, "w:history": "1"})
    for inline in heading.inlines:
        if isinstance(inline, Run):
            run = text_run(inline.text)
            format_run(DocxRun(run, None), inline)  # type: ignore[arg-type]  # detached: no style lookup
            link.append(run)
        elif isinstance(inline, Break):
            link.append(text_run(" "))
    pageref = f"PAGEREF {heading.bookmark} \\h"
    for run in (
        text_run("\t"),
        fld_char("begin"),
        instr_text(pageref),
        fld_char("separate"),
        text_run(page),
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


def ask_to_update_fields(settings: Any) -> None:
    """`<w:updateFields w:val="true"/>` in word/settings.xml, in schema order: Word then offers
    to update the fields (the sommaire's page numbers) when it opens the document. Only for a
    document whose cached page numbers are not all known (see write_sommaires)."""
    if settings.find(qn("w:updateFields")) is not None:
        return
    update = element("w:updateFields", {"w:val": "true"})
    for child in settings:
        if etree.QName(child).localname in AFTER_UPDATE_FIELDS:
            child.addprevious(update)
            return
    settings.append(update)
