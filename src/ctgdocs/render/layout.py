"""The layout of a document's print HTML by WeasyPrint with print.css: what the pagination step
reads its pages from (render/pagination.py) and what the PDF writer prints. WeasyPrint is
imported here and by the PDF writer only.

A body that prints its own page count (`[[pages]]`) is laid out again with the count found until
it holds. The last layout made for the pagination step is kept for the PDF writer of the same
document (`mise_en_page`), so a document is laid out once per process.
"""

from __future__ import annotations

from functools import cache

from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError

from ctgdocs.errors import OutputError
from ctgdocs.paths import TEMPLATES_DIR
from ctgdocs.render.document import RenderedDocument
from ctgdocs.render.fetcher import ConfinedFetcher, unwrap
from ctgdocs.render.html import HEADING_ID, css_text, render_html
from ctgdocs.render.tree import champs

BASE_URL = (TEMPLATES_DIR / "html").as_uri() + "/"
MAX_PASSES = 4  # layouts tried until a printed page count is the document's own
_last: list[tuple[RenderedDocument, Document]] = []  # the last layout, for the PDF writer


def mise_en_page(document: RenderedDocument, garder: bool = False) -> Document:
    """The laid-out pages of the document's print HTML: the layout the pagination step made
    for it if it is the last one (it is then given away), else a new one. `garder`: keep this
    one for the next call."""
    if _last and _last[0][0] == document:
        return _last.pop()[1]
    _last.clear()
    try:
        laid_out = _lay_out(document)
    except FatalURLFetchingError as refused:  # a frame asked for a file it may not have
        raise unwrap(refused) from None
    if garder:
        _last.append((document, laid_out))
    return laid_out


def _lay_out(document: RenderedDocument) -> Document:
    count = (document.pagination.pages or 1) if champs(document.tree.blocks) else None
    stylesheet, fonts = style()
    for _ in range(MAX_PASSES):
        html = render_html(document, pages=count, css=False)
        laid_out = HTML(string=html, base_url=BASE_URL, url_fetcher=ConfinedFetcher()).render(
            stylesheets=[stylesheet], font_config=fonts
        )
        if count is None or len(laid_out.pages) == count:
            return laid_out
        count = len(laid_out.pages)
    raise OutputError(
        f"« {document.meta.title} » : le nombre de pages imprimé ne se stabilise pas "
        f"après {MAX_PASSES} mises en page"
    )


@cache
def style() -> tuple[CSS, FontConfiguration]:
    """print.css parsed once per process, with the one font configuration its @font-face rules
    load the repository's fonts into (a worker reuses both for every document it lays out)."""
    fonts = FontConfiguration()
    return (
        CSS(string=css_text(), base_url=BASE_URL, font_config=fonts, url_fetcher=ConfinedFetcher()),
        fonts,
    )


def heading_pages(laid_out: Document) -> dict[int, int]:
    """Heading number (1, 2… in reading order, as render/html.py numbers them) → the page,
    from 1, where that heading starts."""
    pages: dict[int, int] = {}
    prefix = HEADING_ID.format("")
    for number, page in enumerate(laid_out.pages, start=1):
        for anchor in page.anchors:
            if anchor.startswith(prefix) and anchor[len(prefix) :].isdigit():
                pages.setdefault(int(anchor[len(prefix) :]), number)
    return pages
