"""HTML writer: the preview, the .html file a clerk opens in a browser, where there are no
pages. It is the print HTML's tree (render/html.py) with footnote calls linking to numbered
notes at the end of the document, each with a link back to its call; the footer has no page
counter; its fonts are the build's copy of them in the output folder (render/fonts.py), found
whatever --output is; preview.css adds the rules of a page without pages, and lays it out as a
sheet on screen. It keeps print.css. A page count the body prints is the pagination step's.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import ClassVar

from markupsafe import Markup

from ctgdocs.paths import TEMPLATES_DIR
from ctgdocs.render.document import RenderedDocument
from ctgdocs.render.fonts import link_fonts
from ctgdocs.render.html import CSS, HtmlTree, css_text, filled, page_html
from ctgdocs.writers.atomic import write_bytes_atomic

PREVIEW_CSS = TEMPLATES_DIR / "html" / "preview.css"


@cache
def preview_css_text() -> str:
    """preview.css, the preview's own rules, read once per process."""
    return PREVIEW_CSS.read_text(encoding="utf-8")


@cache
def preview_css() -> str:
    """print.css with its fonts at their copy in the output folder, then preview.css."""
    return link_fonts(css_text(), CSS.parent) + "\n" + preview_css_text()


def preview_html(document: RenderedDocument) -> str:
    """The HTML preview: notes at the end, no page counter, fonts in DIR/_polices/, preview.css."""
    body = HtmlTree(filled(document), preview=True).html()
    return page_html(document, body, Markup(preview_css()), preview=True)


class HtmlWriter:
    format: ClassVar[str] = "html"
    suffix: ClassVar[str] = ".html"
    heading_pages: ClassVar[bool] = False  # its sommaire links to the headings
    layout: ClassVar[bool] = False

    def write(self, document: RenderedDocument, dest: Path) -> None:
        write_bytes_atomic(dest, preview_html(document).encode("utf-8"))
