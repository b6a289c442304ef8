"""PDF writer: the layout of the print HTML (render/layout.py) written as a PDF.

Every PDF is PDF/A-3b (ISO 19005-3, level B), tagged (the structure of the HTML), in French,
with title, author and subject, its fonts embedded, an sRGB output intent, and the data files
it was produced from embedded as associated files (AFRelationship /Source). Its bytes depend on
its inputs only: dates come from the act's date, the identifier from its title and sources.

The layout is the pagination step's when it made one for this document (a body that prints its
page count, or a sommaire for the DOCX), else a new one: a document is laid out once.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import os
import zlib
from pathlib import Path
from typing import ClassVar

import pydyf
from weasyprint import Attachment
from weasyprint.document import Document
from weasyprint.urls import FatalURLFetchingError

from ctgdocs.errors import OutputError
from ctgdocs.render.document import RenderedDocument
from ctgdocs.render.fetcher import ConfinedFetcher, unwrap
from ctgdocs.render.layout import mise_en_page
from ctgdocs.rules.teletransmission import TAILLE_MAX
from ctgdocs.writers.atomic import atomic_path
from ctgdocs.writers.pdf import structure as pdf_structure

PDF_VARIANT = "pdf/a-3b"
SOURCE_SCHEME = "ctgdocs-source:"
# Fixed here: a guess from the file name depends on the machine. A data file is YAML; a clause
# file of a model (modeles/…/*.md, clauses/*.md) is Markdown.
SOURCE_MIMES = {".md": "text/markdown"}
SOURCE_MIME = "application/yaml"


def source_mime(url: str) -> str:
    return next((m for suffix, m in SOURCE_MIMES.items() if url.endswith(suffix)), SOURCE_MIME)


DEFLATE_LEVEL = 6  # zlib's default: see _deflate


class PdfWriter:
    format: ClassVar[str] = "pdf"
    suffix: ClassVar[str] = ".pdf"
    heading_pages: ClassVar[bool] = False  # its sommaire's pages are print.css's target-counter
    layout: ClassVar[bool] = True  # it prints the pagination step's layout

    def write(self, document: RenderedDocument, dest: Path) -> None:
        # Dates inside the PDF come from the act's date (fontTools reads SOURCE_DATE_EPOCH for
        # the subset fonts), so the same inputs give the same bytes.
        os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(document.meta.date.timetuple()))
        try:
            self._write(document, dest)
        except FatalURLFetchingError as refused:  # a frame asked for a file it may not have
            raise unwrap(refused) from None

    def _write(self, document: RenderedDocument, dest: Path) -> None:
        rendered = mise_en_page(document)
        pdf_structure.drop_invisible_leaders(rendered)
        with atomic_path(dest) as tmp:
            rendered.write_pdf(
                str(tmp),
                pdf_variant=PDF_VARIANT,
                pdf_tags=True,
                pdf_identifier=identifier(document),
                attachments=attachments(document),
                finisher=_finish,
            )
            if document.actes is not None:
                _taille_teletransmission(document, tmp.stat().st_size)


def _mo(octets: int, spec: str) -> str:
    return format(octets / 1e6, spec).replace(".", ",")


def _taille_teletransmission(document: RenderedDocument, taille: int) -> None:
    """@CTES takes an act and its annexes up to 150 Mo: refuse a PDF that would not go."""
    if taille > TAILLE_MAX:
        raise OutputError(
            f"« {document.meta.title} » : le PDF fait {_mo(taille, '.1f')} Mo ; @CTES refuse un "
            f"acte et ses annexes au-delà de {_mo(TAILLE_MAX, 'g')} Mo"
        )


def _finish(_document: Document, pdf: pydyf.PDF) -> None:
    """The last touches before the PDF is written: `_unique_associated_files`, the structure
    WeasyPrint leaves out (writers/pdf/structure.py), `_deflate`."""
    _unique_associated_files(pdf)
    pdf_structure.sort_embedded_files(pdf)
    pdf_structure.tag_footnotes(pdf)
    pdf_structure.add_id_tree(pdf)
    _deflate(pdf)


def _unique_associated_files(pdf: pydyf.PDF) -> None:
    """WeasyPrint 70 lists each associated file twice in the catalog's /AF (from the name
    tree and from the file specifications): keep each once, in order."""
    if "AF" in pdf.catalog:
        pdf.catalog["AF"] = pydyf.Array(dict.fromkeys(pdf.catalog["AF"]))


def _deflate(pdf: pydyf.PDF) -> None:
    """The page contents, fonts and embedded files compressed at zlib's default level.

    pydyf deflates every stream at level 9: that took 15 ms of a 3-page deliberation's 115 ms,
    and level 6 is about 5 times faster for 1 % more bytes. Each stream WeasyPrint asked to
    compress is compressed here and handed to pydyf as it is, with its /FlateDecode filter,
    exactly as pydyf would write it but for the level. (The cross-reference and object streams
    pydyf builds while writing keep its level 9.)"""
    for stream in pdf.objects:
        if isinstance(stream, pydyf.Stream) and stream.compress:
            raw = b"\n".join(pydyf._to_bytes(item) for item in stream.stream)
            stream.stream = [zlib.compress(raw, DEFLATE_LEVEL)]
            stream.extra["Filter"] = "/FlateDecode"
            stream.compress = False


def identifier(document: RenderedDocument) -> bytes:
    """The PDF's permanent identifier (first half of /ID): the same for the same document from
    the same data, another when its title or a source file changes."""
    digest = hashlib.md5(document.meta.title.encode("utf-8"), usedforsecurity=False)
    for source in document.sources:
        digest.update(source.nom.encode("utf-8") + b"\0" + source.contenu)
    return digest.hexdigest().encode("ascii")


def attachments(document: RenderedDocument) -> list[Attachment]:
    """The source files as PDF/A-3 associated files, dated with the act (reproducible)."""
    when = dt.datetime.combine(document.meta.date, dt.time(), tzinfo=dt.UTC)
    fetcher = ConfinedFetcher(
        {SOURCE_SCHEME + s.nom: s.contenu for s in document.sources}, source_mime
    )
    return [
        Attachment(
            url=SOURCE_SCHEME + source.nom,
            url_fetcher=fetcher,
            name=source.nom.replace("/", "_"),
            description=f"Données sources de ce document : {source.nom}",
            created=when,
            modified=when,
            relationship="Source",
        )
        for source in document.sources
    ]
