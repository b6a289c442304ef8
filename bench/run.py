"""Benchmark: ctgdocs against the raw libraries on the same content, and cold starts.

Run with `make bench`. Prints a table and writes bench/results/latest.json. Medians of several
runs; the machines are noisy, so read the ratios rather than the absolute times.
"""

from __future__ import annotations

import io
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from ctgdocs.app import plan, validate  # noqa: E402
from ctgdocs.writers import get_writer  # noqa: E402
from ctgdocs.writers.html import render_html  # noqa: E402
from ctgdocs.writers import pdf as pdf_writer  # noqa: E402
from ctgdocs.writers.pdf import BASE_URL  # noqa: E402

REPEAT = int(os.environ.get("BENCH_REPEAT", "7"))


def median_ms(fn, repeat: int = REPEAT) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def raw_weasyprint(html: str) -> None:
    from weasyprint import HTML

    HTML(string=html, base_url=BASE_URL).write_pdf(io.BytesIO())


def raw_docxtpl() -> None:
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(ROOT / "templates" / "docx" / "frame.docx")
    tpl.render({"document": {"header": "x", "footer": "y"}}, autoescape=True)
    tpl.save(io.BytesIO())


def cold(args: list[str], repeat: int = 5) -> float:
    def once() -> None:
        # "{output}": a fresh output folder each run (a build into a built folder is a no-op).
        argv = [tempfile.mkdtemp() if a == "{output}" else a for a in args]
        subprocess.run([sys.executable, "-m", "ctgdocs", *argv], cwd=ROOT, check=True, capture_output=True)

    return median_ms(once, repeat)


def main() -> None:
    docs = plan(validate([ROOT / "data"]), [])
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for doc in docs:
            rendered = doc.render()
            html = render_html(rendered)
            pages = None
            for fmt in ("html", "docx", "pdf"):
                dest = Path(tmp) / f"{doc.stem}.{fmt}"
                # The DOCX of a document with a sommaire lays it out with WeasyPrint; the layout
                # is remembered per process, so forget it before each run to time it honestly.
                def write(fmt=fmt, dest=dest) -> None:
                    pdf_writer._pages.clear()
                    get_writer(fmt).write(rendered, dest)

                ours = median_ms(write)
                raw = None
                if fmt == "pdf":
                    raw = median_ms(lambda: raw_weasyprint(html))
                    pages = subprocess.run(["pdfinfo", str(dest)], capture_output=True, text=True).stdout
                    pages = int(next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages")))
                elif fmt == "docx":
                    raw = median_ms(raw_docxtpl)
                rows.append({"document": doc.stem, "format": fmt, "ctgdocs_ms": round(ours, 1),
                             "raw_ms": None if raw is None else round(raw, 1),
                             "ratio": None if raw is None else round(ours / raw, 2), "pages": pages if fmt == "pdf" else None})
        body = median_ms(lambda: [d.render() for d in docs])
    built = tempfile.mkdtemp()
    subprocess.run([sys.executable, "-m", "ctgdocs", "build", "data", "--output", built], cwd=ROOT, check=True, capture_output=True)
    starts = {
        "ctgdocs validate data/ (cold)": round(cold(["validate", "data"]), 0),
        f"ctgdocs build data/ --format docx,pdf,html --jobs 1 (cold, {len(docs)} documents)": round(
            cold(["build", "data", "--output", "{output}", "--jobs", "1"], 3), 0),
        f"ctgdocs build data/ --jobs 2 (cold, {len(docs)} documents)": round(
            cold(["build", "data", "--output", "{output}", "--jobs", "2"], 3), 0),
        "ctgdocs build data/ again, nothing changed (cold, renders nothing)": round(
            cold(["build", "data", "--output", built, "--jobs", "2"], 5), 0),
    }
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}",
        "date": time.strftime("%Y-%m-%d"),
        "per_document": rows,
        "body_render_ms_all_documents": round(body, 2),
        "cold_ms": starts,
    }
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"machine : {result['machine']}")
    print(f"{'document':52} {'format':6} {'ctgdocs ms':>10} {'brut ms':>8} {'ratio':>6}")
    for r in rows:
        raw = "" if r["raw_ms"] is None else f"{r['raw_ms']:8.1f}"
        ratio = "" if r["ratio"] is None else f"{r['ratio']:6.2f}"
        print(f"{r['document']:52} {r['format']:6} {r['ctgdocs_ms']:10.1f} {raw:>8} {ratio:>6}")
    print(f"rendu des corps (modèle + arbre), {len(docs)} documents : {body:.2f} ms")
    for name, ms in starts.items():
        print(f"{name} : {ms:.0f} ms")


if __name__ == "__main__":
    main()
