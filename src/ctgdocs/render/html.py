"""The print HTML of a rendered document: the tree as semantic HTML inside the HTML frame. The
pagination step lays it out with WeasyPrint (render/pagination.py) and the PDF writer prints
that layout; the HTML preview (writers/html.py) is the same tree with its notes at the end.

- In the print HTML (`render_html`), footnotes are floats WeasyPrint moves to the foot of their
  page, and the running footer counts the pages.
- In the preview (`HtmlTree(tree, preview=True)`), footnote calls link to numbered notes at the
  end of the document, each with a link back to its call.

Headings get the ids `titre-1`, `titre-2`… in reading order (every heading of the tree, in divs
and list items too): the sommaire links to them, and the pagination step reads their pages from
the print layout of this HTML. A div keeps its classes: print.css gives them their layout
(`saut-de-page`: the div starts on a new page).

The document's title is its one `h1`, so that the outline and the PDF's structure tree start at
level 1: the tree's own level-1 heading when it has one, or else its title block (the first
`en-tete` div), whose paragraphs become the lines of the `h1`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache

from markupsafe import Markup, escape

from ctgdocs.paths import TEMPLATES_DIR
from ctgdocs.render.document import RenderedDocument, pagination_of
from ctgdocs.render.environment import frame_environment, render_template
from ctgdocs.render.tree import (
    Block,
    Break,
    Div,
    Heading,
    Inline,
    ListBlock,
    Note,
    Paragraph,
    Rule,
    Run,
    Sommaire,
    Table,
    Tree,
    champs,
    remplir,
    walk,
)

NoteHtml = Callable[[Note], str]  # how a note is written where it stands: its call, its text…

FRAME = "html/frame.html.j2"
CSS = TEMPLATES_DIR / "html" / "print.css"
HEADING_ID = "titre-{}"  # the id of the n-th heading, from 1
NOTE_ID = "note-{}"  # the preview's n-th note, at the end, from 1
CALL_ID = "appel-note-{}"  # its call in the text
NOTES_TITLE = "Notes"
BACK_TO_CALL = "Retour à l’appel de la note {}"
TITLE_BLOCK = "en-tete"  # the class of the div that opens a document with its title
# Where a sommaire entry's dots go, between its title and its page (print.css draws them).
LEADER = '<span class="points-de-conduite"></span>'


@cache
def css_text() -> str:
    """print.css, read once per process."""
    return CSS.read_text(encoding="utf-8")


def render_html(document: RenderedDocument, pages: int | None = None, css: bool = True) -> str:
    """The print HTML; a page count in the body (`[[pages]]`) is the PDF layout's unless given.
    Without `css`, the page has no style: the PDF writer gives WeasyPrint the parsed print.css."""
    body = HtmlTree(filled(document, pages)).html()
    # Marked safe on purpose: escaped CSS silently loses fonts and page footers.
    return page_html(document, body, Markup(css_text() if css else ""), preview=False)


def page_html(document: RenderedDocument, body: str, css: Markup, preview: bool) -> str:
    """The HTML frame around a body: the print HTML's, or the preview's (`apercu`)."""
    context = {"document": document.meta, "corps": Markup(body), "css": css, "apercu": preview}
    return render_template(frame_environment(), FRAME, context)


def filled(document: RenderedDocument, pages: int | None = None) -> Tree:
    """The tree with its page count written in (`[[pages]]`): `pages`, or else the count the
    pagination step found (render/pagination.py)."""
    tree = document.tree
    if champs(tree.blocks):
        if pages is None:
            pages = pagination_of(document).pages
        tree = Tree(remplir(tree.blocks, {"pages": str(pages)}), tree.classes)
    return tree


def tree_html(tree: Tree) -> str:
    """The print HTML of the tree's blocks (footnotes as WeasyPrint footnotes)."""
    return HtmlTree(tree).html()


class HtmlTree:
    """One tree to HTML. Headings get ids in reading order, so the sommaire can point at them.
    In a preview, notes are numbered in reading order and listed after the last block."""

    def __init__(self, tree: Tree, preview: bool = False) -> None:
        self.tree = tree
        self.headings = list(_headings(tree.blocks))
        self.next_heading = 0
        self.notes: list[str] = []  # the preview's notes, as HTML, in reading order
        self.note: NoteHtml = self.endnote if preview else footnote
        self.title_pending = all(h.level > 1 for h in self.headings)
        self.blocks: dict[type, Callable[..., str]] = {
            Paragraph: lambda p: f"<p>{self.inlines(p.inlines)}</p>",
            Heading: self.heading,
            ListBlock: self.list,
            Table: self.table,
            Div: self.div,
            Rule: lambda _: "<hr>",
            Sommaire: self.sommaire,
        }

    def html(self) -> str:
        body = "\n".join(self.block(b) for b in self.tree.blocks)
        if not self.notes:
            return body
        return (
            f'{body}\n<section class="notes" role="doc-endnotes" aria-label="{NOTES_TITLE}">'
            f'<p class="titre-notes">{NOTES_TITLE}</p>{"".join(self.notes)}</section>'
        )

    def block(self, block: Block) -> str:
        return self.blocks[type(block)](block)

    def inlines(self, inlines: tuple[Inline, ...]) -> str:
        return inline_html(inlines, self.note)

    def endnote(self, note: Note) -> str:
        """The call of the next note, a link to the note at the end, which links back to it."""
        self.notes.append("")  # the number is taken before a note inside this one is read
        n = len(self.notes)
        back = escape(BACK_TO_CALL.format(n))
        self.notes[n - 1] = (
            f'<p class="note-fin" id="{NOTE_ID.format(n)}" role="doc-endnote">'
            f'<a class="retour-note" href="#{CALL_ID.format(n)}" role="doc-backlink" '
            f'title="{back}" aria-label="{back}">{n}.</a> {self.inlines(note.inlines)}</p>'
        )
        return (
            f'<a class="appel-note" id="{CALL_ID.format(n)}" href="#{NOTE_ID.format(n)}" '
            f'role="doc-noteref"><sup>{n}</sup></a>'
        )

    def heading(self, h: Heading) -> str:
        self.next_heading += 1
        anchor = HEADING_ID.format(self.next_heading)
        return f'<h{h.level} id="{anchor}">{self.inlines(h.inlines)}</h{h.level}>'

    def sommaire(self, s: Sommaire) -> str:
        entries = "".join(
            f'<li class="niveau-{h.level}"><a href="#{HEADING_ID.format(n)}">{inline_html(h.inlines, None)}{LEADER}</a></li>'
            for n, h in enumerate(self.headings, start=1)
            if h.level <= s.depth
        )
        return f'<nav class="sommaire"><p class="titre-sommaire">{escape(s.title)}</p><ul>{entries}</ul></nav>'

    def list(self, lst: ListBlock) -> str:
        tag = "ol" if lst.ordered else "ul"
        start = (
            f' start="{lst.start}" style="counter-reset: numero {lst.start - 1}"'
            if lst.ordered and lst.start != 1
            else ""
        )
        items = "".join(
            f"<li>{''.join(self.block(b) for b in item.blocks)}</li>" for item in lst.items
        )
        return f"<{tag}{start}>{items}</{tag}>"

    def table(self, table: Table) -> str:
        def cell(tag: str, content: tuple[Inline, ...], col: int) -> str:
            align = table.aligns[col] if col < len(table.aligns) else None
            cls = f' class="{align}"' if align else ""
            return f"<{tag}{cls}>{self.inlines(content)}</{tag}>"

        def rows(selected: tuple[tuple[tuple[Inline, ...], ...], ...], tag: str) -> str:
            return "".join(
                "<tr>" + "".join(cell(tag, c, i) for i, c in enumerate(row)) + "</tr>"
                for row in selected
            )

        head = rows(table.rows[: table.header_rows], "th")
        body = rows(table.rows[table.header_rows :], "td")
        thead = f"<thead>{head}</thead>" if head else ""
        # The wrapper's ::after block (print.css) is the DOCX writer's 6pt paragraph after a table.
        return f'<div class="tableau"><table>{thead}<tbody>{body}</tbody></table></div>'

    def div(self, div: Div) -> str:
        classes = " ".join(str(escape(c)) for c in div.classes)
        if self.title_pending and TITLE_BLOCK in div.classes:
            self.title_pending = False
            if (paragraphs := _lines(div)) is not None:
                # One line per paragraph (those of the nested title div too, which marks the
                # title line for the DOCX); the spaces between them keep the words apart in the
                # PDF's bookmark and in what a screen reader says.
                lines = " ".join(f"<span>{inline_html(p.inlines)}</span>" for p in paragraphs)
                return f'<h1 class="{classes}">{lines}</h1>'
        inner = "\n".join(self.block(b) for b in div.children)
        return f'<div class="{classes}">{inner}</div>'


def _lines(div: Div) -> list[Paragraph] | None:
    """The paragraphs of a div made of paragraphs and of divs made of paragraphs, in order;
    None if it holds anything else."""
    found: list[Paragraph] = []
    for block in div.children:
        if isinstance(block, Paragraph):
            found.append(block)
        elif isinstance(block, Div) and (inner := _lines(block)) is not None:
            found += inner
        else:
            return None
    return found


def _headings(blocks: tuple[Block, ...]) -> Iterator[Heading]:
    """Every heading in the order `heading` numbers them: inside divs and list items too."""
    return (block for block in walk(blocks) if isinstance(block, Heading))


def footnote(note: Note) -> str:
    """A note where its call stands: WeasyPrint moves it to the foot of the page and numbers
    the call (print.css: float: footnote)."""
    return f'<span class="note">{inline_html(note.inlines)}</span>'


def inline_html(inlines: tuple[Inline, ...], note: NoteHtml | None = footnote) -> str:
    """The inlines as HTML; each note as `note` writes it, or left out (None: the sommaire)."""
    out = []
    for item in inlines:
        if isinstance(item, Break):
            out.append("<br>")
        elif isinstance(item, Note):
            if note is not None:
                out.append(note(item))
        elif isinstance(item, Run):
            out.append(_run_html(item))
        else:  # a Champ: filled() writes its value in before any HTML is made
            raise AssertionError(f"layout field {item.nom!r} left in the tree")
    return "".join(out)


def _run_html(run: Run) -> str:
    text = str(escape(run.text))
    if run.sup:
        text = f"<sup>{text}</sup>"
    if run.italic:
        text = f"<em>{text}</em>"
    if run.bold:
        text = f"<strong>{text}</strong>"
    return text
