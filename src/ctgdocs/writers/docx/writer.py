r"""DOCX writer: the Word frame (docxtpl) for the layout, the document tree for the body.

The frame `templates/docx/frame.docx` (built by `tools/make_docx_frame.py`) holds the page,
the styles, the header and the footer. Only `document` (the DocumentMeta) is rendered into it,
with the strict XML-escaping frame environment. The body never goes through Jinja: it is built
from the tree with python-docx, in place of the frame's `[[CORPS]]` paragraph, so no text of
the data can be read as a template or as XML.

Footnotes (`Note`) are real Word footnotes: python-docx has no API for them, so the writer
appends `<w:footnote w:id="N">` elements (N from 1, in reading order) to the frame's
`word/footnotes.xml` and puts a `w:footnoteReference` run at each call.

A `Sommaire` is a real TOC field (`TOC \o "1-depth" \h \z`) after a `TOC Heading` title. Its
cached result lists the headings (hyperlinks to `_Toc…` bookmarks around the headings), each
with its page number inside a PAGEREF field. LibreOffice 7.4 prints that cached result (it does
not update the field on load, not even with `w:updateFields` — tested), so the numbers are
computed here: the page where each heading starts in the PDF writer's layout of the same
document (WeasyPrint, imported only when a sommaire lists a heading; print.css mirrors the
frame's page and styles, so LibreOffice breaks the pages at the same lines — see
tests/test_toc_pages.py for how close). A heading is matched to its page by its rank among all
the headings of the tree, the HTML writer's `titre-N` ids. Word recomputes them when asked; only
a document with a page number the layout could not give gets `w:updateFields`, the prompt to
update fields on opening (see docx_toc).

The document's title line (a `titre` div in the en-tête block) has Word's Title style, at
outline level 1: the outline of Word, LibreOffice and the PDF they export starts at the title,
the articles (Heading 2) under it. Everything is formatted through the frame's styles, table
cells included (see docx_tables); only the text's own emphasis is written on its runs.

A `saut-de-page` div starts on a new page: `w:pageBreakBefore` on its first paragraph, or on an
empty one-point paragraph before a table that opens it (see docx_breaks). Table rows never
split, and a table is kept on one page unless it is in a `grille` div (see docx_tables), as
print.css does.

The package describes the document and ctgdocs (docProps/core.xml and app.xml, see
docx_package), and its bytes are reproducible: properties from the document only (dates from
the act's date) and a zip rewritten with fixed entry dates and order.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, ClassVar

import docxtpl
import jinja2
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from ctgdocs.errors import TemplateError, display_path
from ctgdocs.load import access
from ctgdocs.paths import TEMPLATES_DIR
from ctgdocs.render.document import DocumentMeta, RenderedDocument
from ctgdocs.render.environment import frame_environment, template_error
from ctgdocs.render.tree import (
    Block,
    Div,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Rule,
    Sommaire,
    Table,
)
from ctgdocs.writers.atomic import write_bytes_atomic
from ctgdocs.writers.docx.breaks import PAGE_BREAK, PageBreakBefore
from ctgdocs.writers.docx.inlines import Footnotes, add_inlines
from ctgdocs.writers.docx.package import normalize_zip, set_app_properties, set_core_properties
from ctgdocs.writers.docx.sinks import BeforeParagraph, InCell, Sink, styled
from ctgdocs.writers.docx.styles import (
    AFTER_TABLE,
    BULLET_CONTINUATIONS,
    BULLETS,
    CELL_STYLES,
    CLASS_STYLES,
    HEADINGS,
    NORMAL,
    NUMBERED,
    SIGNATURE_TABLE,
    SPLIT_TABLE,
    TABLE,
    TOC_HEADING,
    TOC_LEVELS,
    FrameStyles,
)
from ctgdocs.writers.docx.tables import (
    COLUMNS,
    SPLITTABLE,
    row_property,
    rows_never_split,
    set_columns,
)
from ctgdocs.writers.docx.toc import (
    TOC_MAX_DEPTH,
    PendingSommaire,
    WrittenHeading,
    ask_to_update_fields,
    layout_pages,
    layout_values,
    write_sommaires,
)

DEFAULT_FRAME = TEMPLATES_DIR / "docx" / "frame.docx"
PLACEHOLDER = "[[CORPS]]"

SIGNATURES = "signatures"  # a div of `signature` divs: a borderless table, one column each
SIGNATURE = "signature"
FORM = "formulaire"  # tables inside it have no header row (their first row is data too)
NUMBER_INDENT = Cm(0.75)  # the indent step of `Liste numérotée`


class DocxWriter:
    format: ClassVar[str] = "docx"
    suffix: ClassVar[str] = ".docx"
    heading_pages: ClassVar[bool] = True  # its sommaire is a TOC field with cached pages
    layout: ClassVar[bool] = False

    def __init__(self, frame: Path | None = None) -> None:
        self.frame = frame if frame is not None else DEFAULT_FRAME

    def write(self, document: RenderedDocument, dest: Path) -> None:
        tpl = self._render_frame(document.meta)
        doc = tpl.docx
        anchor = self._placeholder(doc)
        builder = _BodyBuilder(doc, display_path(self.frame), lambda: layout_pages(document))
        sink = BeforeParagraph(doc, anchor, builder.styles.style_id(AFTER_TABLE))
        builder.notes.valeurs = layout_values(document)
        builder.blocks(document.tree.blocks, _Context(sink))
        builder.finish()
        sink.close()
        meta = document.meta
        actes = document.actes.identifiant if document.actes is not None else ""
        set_core_properties(doc, meta, identifier=actes)
        set_app_properties(doc, meta.title, meta.author)
        buffer = io.BytesIO()
        tpl.save(buffer)
        write_bytes_atomic(dest, normalize_zip(buffer.getvalue()))

    def _render_frame(self, meta: DocumentMeta) -> docxtpl.DocxTemplate:
        where = display_path(self.frame)
        if not (self.frame.is_file() or self.frame.is_symlink()):
            raise TemplateError(f"{where} : cadre DOCX introuvable")
        # Read as any template: a regular file inside its folder (the templates', or the folder
        # of a frame given by name), never a link out of it nor a pipe.
        root = TEMPLATES_DIR if self.frame == DEFAULT_FRAME else self.frame.parent
        try:
            frame = access.read_bytes(self.frame, [root])
        except access.AccessRefused as refused:
            raise TemplateError(f"{where} : {refused.reason}") from None
        tpl = docxtpl.DocxTemplate(io.BytesIO(frame))
        # With a jinja_env, autoescape=True only sets env.autoescape = True: the frame
        # environment already escapes (&, <, >, ", ' become XML entities), so it changes nothing.
        try:
            tpl.render({"document": meta}, jinja_env=frame_environment(), autoescape=True)
        except jinja2.TemplateError as exc:
            raise template_error(exc, where) from exc
        except (KeyError, ValueError, zipfile.BadZipFile) as exc:
            raise TemplateError(f"{where} : cadre DOCX illisible ({exc})") from exc
        return tpl

    def _placeholder(self, doc: DocxDocument) -> DocxParagraph:
        for paragraph in doc.paragraphs:
            if paragraph.text.strip() == PLACEHOLDER:
                return paragraph
        where = display_path(self.frame)
        raise TemplateError(f"{where} : le paragraphe « {PLACEHOLDER} » est absent du cadre")


# --- where blocks go ------------------------------------------------------------


@dataclass(slots=True)
class _Item:
    """The list item being written: its first paragraph carries the bullet or the number."""

    style: str
    label: str  # "3.\t" for an ordered list, "" for bullets
    indent: Length | None  # left indent of a nested ordered list
    started: bool = False


@dataclass(frozen=True, slots=True)
class _Context:
    sink: Sink
    style: str | None = None  # paragraph style imposed by a div or a list item
    indent: Length | None = None  # later paragraphs of an ordered item: left indent, no hanging
    item: _Item | None = None
    depth: int = 0  # list nesting
    form: bool = False  # inside a `formulaire` div
    split_tables: bool = False  # inside a `grille` div: tables may break between rows
    columns: tuple[float, ...] | None = None  # shares of the width of a table's first columns


# --- the body -----------------------------------------------------------------


class _BodyBuilder:
    """Writes tree blocks through a sink; one method per node type."""

    def __init__(
        self, doc: DocxDocument, where: str, pages: Callable[[], Mapping[int, int]]
    ) -> None:
        self._doc = doc
        self._pages = pages  # heading number → page, computed only if a sommaire needs it
        self.styles = FrameStyles(doc, where)
        self.notes = Footnotes(doc, where, self.styles.style)
        self._heading_count = 0  # every heading of the tree, as the HTML writer numbers them
        self._headings: list[WrittenHeading] = []
        self._sommaires: list[PendingSommaire] = []

    def blocks(self, blocks: tuple[Block, ...], ctx: _Context) -> None:
        for block in blocks:
            _BLOCK_HANDLERS[type(block)](self, block, ctx)

    def finish(self) -> None:
        """Once the body is written: the sommaires (they list headings written after them too),
        the heading bookmarks they point at, and the footnotes part."""
        if self._sommaires and not write_sommaires(
            self._sommaires, self._headings, self._toc_style, self._pages
        ):
            ask_to_update_fields(self._doc.settings.element)
        self.notes.save()

    # paragraphs

    def new_paragraph(self, ctx: _Context, style: str | None = None) -> DocxParagraph:
        """A paragraph in ctx; the first one of a list item gets the item's style and label."""
        item = ctx.item
        if item is not None and not item.started:
            item.started = True
            paragraph = ctx.sink.paragraph(self.styles.style_id(item.style))
            if item.label:
                paragraph.add_run(item.label)
            if item.indent is not None:
                paragraph.paragraph_format.left_indent = item.indent
            return paragraph
        paragraph = ctx.sink.paragraph(self.styles.style_id(style or ctx.style or NORMAL))
        if ctx.indent is not None and style is None:
            paragraph.paragraph_format.left_indent = ctx.indent
            paragraph.paragraph_format.first_line_indent = Cm(0)
        return paragraph

    def flush_label(self, ctx: _Context) -> None:
        """Before a list or a table opening a list item: the item's own paragraph first."""
        if ctx.item is not None and not ctx.item.started:
            self.new_paragraph(ctx)

    def paragraph(self, block: Paragraph, ctx: _Context) -> None:
        add_inlines(self.new_paragraph(ctx), block.inlines, self.notes)

    def heading(self, block: Heading, ctx: _Context) -> None:
        level = min(max(block.level, 1), len(HEADINGS))
        # The first paragraph of a list item keeps the item's style: no heading for Word there.
        as_heading = ctx.item is None or ctx.item.started
        paragraph = self.new_paragraph(ctx, HEADINGS[level - 1])
        add_inlines(paragraph, block.inlines, self.notes)
        self._heading_count += 1
        if as_heading:
            heading = WrittenHeading(paragraph._p, level, block.inlines, self._heading_count)
            self._headings.append(heading)

    def rule(self, block: Rule, ctx: _Context) -> None:
        self.flush_label(ctx)
        paragraph = ctx.sink.paragraph(self.styles.style_id(NORMAL))
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for attr, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1")):
            bottom.set(qn(attr), value)
        bottom.set(qn("w:color"), "auto")
        borders.append(bottom)
        properties: etree._Element = paragraph._p.get_or_add_pPr()  # a w:pPr: takes a w:pBdr
        properties.append(borders)

    # lists

    def list_block(self, block: ListBlock, ctx: _Context) -> None:
        self.flush_label(ctx)
        depth = ctx.depth + 1
        for number, item in enumerate(block.items, start=block.start):
            if block.ordered:
                self._ordered_item(item, number, replace(ctx, depth=depth))
            else:
                self._bullet_item(item, replace(ctx, depth=depth))

    def _bullet_item(self, item: ListItem, ctx: _Context) -> None:
        level = min(ctx.depth, len(BULLETS)) - 1
        marker = _Item(style=BULLETS[level], label="", indent=None)
        inner = replace(ctx, style=BULLET_CONTINUATIONS[level], indent=None, item=marker)
        self.blocks(item.blocks, inner)
        self.flush_label(inner)

    def _ordered_item(self, item: ListItem, number: int, ctx: _Context) -> None:
        indent = NUMBER_INDENT * ctx.depth
        nested = Length(indent) if ctx.depth > 1 else None
        marker = _Item(style=NUMBERED, label=f"{number}.\t", indent=nested)
        inner = replace(ctx, style=NUMBERED, indent=Length(indent), item=marker)
        self.blocks(item.blocks, inner)
        self.flush_label(inner)

    # tables

    def table(self, block: Table, ctx: _Context) -> None:
        cols = max((len(row) for row in block.rows), default=0)
        if cols == 0:
            return
        self.flush_label(ctx)
        style = SPLIT_TABLE if ctx.split_tables else TABLE
        table = ctx.sink.table(
            len(block.rows), cols, self.styles.style_id(style, WD_STYLE_TYPE.TABLE)
        )
        header_rows = 0 if ctx.form else block.header_rows
        for index, (cells, row) in enumerate(zip(block.rows, table.rows, strict=True)):
            header = index < header_rows
            if header:
                row_property(row._tr, "w:tblHeader")
            for col, inlines in enumerate(cells):
                align = block.aligns[col] if col < len(block.aligns) else None
                cell_style = CELL_STYLES.get((header, align), CELL_STYLES[header, None])
                paragraph = styled(row.cells[col].paragraphs[0], self.styles.style_id(cell_style))
                add_inlines(paragraph, inlines, self.notes)
        rows_never_split(table)
        if ctx.columns is not None and cols > 1:
            section = self._doc.sections[-1]
            page, left, right = section.page_width, section.left_margin, section.right_margin
            assert page is not None and left is not None and right is not None  # set by the frame
            width = page - left - right
            set_columns(table, ctx.columns, width)

    # sommaire

    def sommaire(self, block: Sommaire, ctx: _Context) -> None:
        """The title now; the TOC field once every heading is written (see finish)."""
        self.flush_label(ctx)
        if block.title:
            ctx.sink.paragraph(self.styles.style_id(TOC_HEADING)).add_run(block.title)
        depth = min(max(block.depth, 1), TOC_MAX_DEPTH)
        self._sommaires.append(
            PendingSommaire(ctx.sink.paragraph(self.styles.style_id(NORMAL))._p, depth)
        )

    def _toc_style(self, level: int) -> str:
        return self.styles.style(TOC_LEVELS[level - 1]).style_id

    # divs

    def div(self, block: Div, ctx: _Context) -> None:
        if PAGE_BREAK in block.classes:
            ctx = replace(ctx, sink=PageBreakBefore(ctx.sink, self.styles.style_id(NORMAL)))
        if SIGNATURES in block.classes and _is_signature_row(block):
            self._signatures(block, ctx)
            return
        styles = [CLASS_STYLES[name] for name in block.classes if name in CLASS_STYLES]
        inner = replace(
            ctx,
            style=styles[0] if styles else ctx.style,
            form=ctx.form or FORM in block.classes,
            split_tables=ctx.split_tables or SPLITTABLE in block.classes,
            columns=next((COLUMNS[c] for c in block.classes if c in COLUMNS), ctx.columns),
        )
        self.blocks(block.children, inner)

    def _signatures(self, block: Div, ctx: _Context) -> None:
        self.flush_label(ctx)
        style = self.styles.style_id(SIGNATURE_TABLE, WD_STYLE_TYPE.TABLE)
        table = ctx.sink.table(1, len(block.children), style)
        row = table.rows[0]
        row_property(row._tr, "w:cantSplit")  # a signature block never splits across pages
        for cell, signature in zip(row.cells, block.children, strict=True):
            cell_ctx = _Context(sink=InCell(cell), form=ctx.form)
            self.blocks((signature,), cell_ctx)


_BLOCK_HANDLERS: dict[type, Callable[[_BodyBuilder, Any, _Context], None]] = {
    Paragraph: _BodyBuilder.paragraph,
    Heading: _BodyBuilder.heading,
    ListBlock: _BodyBuilder.list_block,
    Table: _BodyBuilder.table,
    Div: _BodyBuilder.div,
    Rule: _BodyBuilder.rule,
    Sommaire: _BodyBuilder.sommaire,
}


def _is_signature_row(block: Div) -> bool:
    return bool(block.children) and all(
        isinstance(child, Div) and SIGNATURE in child.classes for child in block.children
    )


# --- inlines ------------------------------------------------------------------
