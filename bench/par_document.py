"""Per document and format: ctgdocs' writer against the raw library on the same content
(WeasyPrint on ctgdocs' own HTML; docxtpl on the empty frame), warm, fastest of N runs."""

from __future__ import annotations

import gc
import io
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ctgdocs.app import plan, validate
from ctgdocs.render import layout
from ctgdocs.render.html import render_html
from ctgdocs.render.layout import BASE_URL
from ctgdocs.render.pagination import paginer
from ctgdocs.writers import get_writer
from ctgdocs.writers.pdf import writer as pdf_writer

ROOT = Path(__file__).resolve().parent.parent


def fastest_ms(*fns: Callable[[], object], repeat: int) -> list[float]:
    """The fastest of `repeat` runs of each function, in ms, after a warm-up; the functions
    alternate, so a neighbour's load slows them alike. The fastest run is the cost of the work
    itself: a busy machine only ever adds to it."""
    for fn in fns:
        fn()
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for n, fn in enumerate(fns):
            start = time.perf_counter()
            fn()
            best[n] = min(best[n], (time.perf_counter() - start) * 1000)
    return best


def raw_weasyprint(html: str, document) -> None:
    """WeasyPrint alone on the same HTML (print.css inline), with the PDF writer's options:
    PDF/A-3b, tags, the same identifier and embedded source files."""
    from weasyprint import HTML

    HTML(string=html, base_url=BASE_URL).write_pdf(
        io.BytesIO(),
        pdf_variant=pdf_writer.PDF_VARIANT,
        pdf_tags=True,
        pdf_identifier=pdf_writer.identifier(document),
        attachments=pdf_writer.attachments(document),
    )


def raw_docxtpl() -> None:
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(ROOT / "templates" / "docx" / "frame.docx")
    tpl.render({"document": {"header": "x", "footer": "y"}}, autoescape=True)
    tpl.save(io.BytesIO())


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))


def measure(repeat: int) -> tuple[list[dict], float, int]:
    """The rows (document, format, ctgdocs ms, raw ms, ratio, pages), the time to render every
    body (templates and trees), and the number of documents."""
    docs = plan(validate([ROOT / "data"]), [])
    # As a build does before it renders (build/executors: LocalExecutor.run): the data it loaded is frozen,
    # out of the collector's walks. WeasyPrint alone runs in this same process, frozen alike.
    gc.freeze()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for doc in docs:
            rendered = doc.render()
            # WeasyPrint gets the HTML the PDF writer gives it: with the page count printed,
            # for a document that prints its own (« comporte N pages »).
            html = render_html(paginer(rendered), pages=None)
            count = None
            for fmt in ("html", "docx", "pdf"):
                dest = Path(tmp) / f"{doc.stem}.{fmt}"

                # As a build writes one format: the pagination step (a layout for a page count
                # or the DOCX's sommaire), then the writer. The layout the step keeps for the
                # PDF writer is forgotten before each run, to time each run whole.
                def write(fmt: str = fmt, dest: Path = dest, doc=rendered) -> None:
                    layout._last.clear()
                    writer = get_writer(fmt)
                    writer.write(paginer(doc, titres=writer.heading_pages), dest)

                raw = None
                if fmt == "pdf":
                    ours, raw = fastest_ms(
                        write,
                        lambda html=html, doc=rendered: raw_weasyprint(html, doc),
                        repeat=repeat,
                    )
                    count = pages(dest)
                elif fmt == "docx":
                    ours, raw = fastest_ms(write, raw_docxtpl, repeat=repeat)
                else:
                    (ours,) = fastest_ms(write, repeat=repeat)
                rows.append(
                    {
                        "document": f"{doc.territoire}/{doc.stem}",
                        "kind": doc.kind,
                        "format": fmt,
                        "ctgdocs_ms": round(ours, 1),
                        "raw_ms": None if raw is None else round(raw, 1),
                        "ratio": None if raw is None else round(ours / raw, 2),
                        "pages": count if fmt == "pdf" else None,
                    }
                )
        (body,) = fastest_ms(lambda: [d.render() for d in docs], repeat=repeat)
    return rows, body, len(docs)
