"""The pagination step: what only a laid-out page knows, found before any writer runs, as Sphinx
resolves its doctree before its builders write.

The print HTML of a document (render/html.py) is laid out by WeasyPrint with print.css, which
mirrors the DOCX frame's page and styles (so LibreOffice puts the headings on the same pages).
From that layout come:

- the page count a body prints (`[[pages]]`, tree.Champ): a document that prints it is laid
  out again with the count found until it holds (at most MAX_PASSES layouts);
- the page where each heading starts, for a writer that prints a sommaire with page numbers
  (the DOCX writer: `Writer.heading_pages`).

`paginer` returns the document with its `Pagination` (render/document.py); the writers read
it and never lay a document out for another. A document that needs neither is not laid out
here, and WeasyPrint is then imported by the PDF writer only. The layout itself is
render/layout.py; the last one made is kept for the PDF writer of the same document, so a
document is laid out once per process.
"""

from __future__ import annotations

import dataclasses

from ctgdocs.render.document import Pagination, RenderedDocument
from ctgdocs.render.tree import Block, Heading, Sommaire, champs, walk


def paginer(document: RenderedDocument, titres: bool = False) -> RenderedDocument:
    """The document with its page count when its body prints it, and its heading pages when
    `titres` (a writer prints a sommaire with page numbers) and its sommaire lists a heading."""
    pages = champs(document.tree.blocks)
    titres = titres and listes(document.tree.blocks)
    if not pages and not titres:
        return document
    from ctgdocs.render import layout  # WeasyPrint: only for a document that needs it

    laid_out = layout.mise_en_page(document, garder=True)
    return dataclasses.replace(
        document,
        pagination=Pagination(
            pages=len(laid_out.pages) if pages else None,
            titres=layout.heading_pages(laid_out) if titres else None,
        ),
    )


def listes(blocks: tuple[Block, ...]) -> bool:
    """Whether a sommaire of the blocks lists a heading (one no deeper than its depth)."""
    found = list(walk(blocks))
    depth = max((b.depth for b in found if isinstance(b, Sommaire)), default=0)
    return any(isinstance(b, Heading) and b.level <= depth for b in found)
