"""The PDF writer compresses the streams itself, at zlib's default level (pydyf uses level 9,
about five times slower for 1 % fewer bytes): the PDF says exactly what it said before."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject, StreamObject

from ctgdocs.render.document import DocumentMeta, RenderedDocument, Source
from ctgdocs.render.tree import Heading, Paragraph, Run, Tree
from ctgdocs.writers.pdf import writer as pdf_writer

# The second byte of a zlib header gives the level: 0x9C for the default (6), 0xDA for 7 to 9.
DEFAULT_LEVEL, BEST_LEVEL = b"\x78\x9c", b"\x78\xda"

DOCUMENT = RenderedDocument(
    DocumentMeta(
        title="Délibération n° 2024-12",
        subject="Convention territoriale globale",
        author="Commune fictive 0001",
        date=dt.date(2024, 12, 16),
        header="Commune fictive 0001",
        footer="Délibération n° 2024-12",
    ),
    Tree(
        blocks=(
            Heading(1, (Run("Exposé des motifs"),)),
            *(Paragraph((Run(f"Considérant le point {n} de la convention."),)) for n in range(60)),
        )
    ),
    sources=(Source("territoire.yaml", b"communes: []\n" * 200),),
)


def streams(path: Path) -> dict[int, StreamObject]:
    """Every stream object of the PDF (the object streams pypdf unpacks are not listed)."""
    reader = PdfReader(path)
    found = {}
    for number in range(1, int(reader.trailer["/Size"])):
        obj = reader.get_object(IndirectObject(number, 0, reader))
        if isinstance(obj, StreamObject) and obj.get("/Type") not in ("/ObjStm", "/XRef"):
            found[number] = obj
    return found


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("deflate")
    ours, pydyf_level = folder / "ours.pdf", folder / "pydyf.pdf"
    pdf_writer.PdfWriter().write(DOCUMENT, ours)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf_writer, "_deflate", lambda pdf: None)
        pdf_writer.PdfWriter().write(DOCUMENT, pydyf_level)
    return ours, pydyf_level


def test_every_stream_says_what_pydyf_would_have_written(written) -> None:
    ours, theirs = (streams(path) for path in written)
    assert ours.keys() == theirs.keys() and len(ours) >= 5  # pages, fonts, profile, file…
    for number, stream in ours.items():
        assert stream.get("/Filter") == theirs[number].get("/Filter") == "/FlateDecode"
        assert stream.get_data() == theirs[number].get_data()
        assert {k: v for k, v in stream.items() if k != "/Length"} == {
            k: v for k, v in theirs[number].items() if k != "/Length"
        }


def test_streams_are_deflated_at_the_default_level(written) -> None:
    ours, theirs = (streams(path) for path in written)
    assert {s._data[:2] for s in ours.values()} == {DEFAULT_LEVEL}
    assert {s._data[:2] for s in theirs.values()} == {BEST_LEVEL}
    sizes = [path.stat().st_size for path in written]
    assert sizes[1] < sizes[0] < sizes[1] * 1.05


def test_the_embedded_file_comes_out_whole(written) -> None:
    ours, _ = written
    (content,) = PdfReader(ours).attachments["territoire.yaml"]
    assert content == DOCUMENT.sources[0].contenu
