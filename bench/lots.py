"""Batches, each `ctgdocs` command run in a fresh process as a user runs it: throughput with
--jobs 1 and --jobs N, rebuilds, cold starts, synthetic departments and a national sample
(time and memory per worker), the Dask executor, and the docxtpl + LibreOffice route."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import memoire

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
AVENANT = "grand-chatellerault/avenants/02-commune-et-representant.yaml"
OBJET = "objet: intégrer la commune de La Puye"
PYTHONPATH = [str(ROOT / "src"), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(PYTHONPATH)}  # this tree's ctgdocs


def ctgdocs(*args: str | Path, cwd: Path = ROOT, check: bool = True) -> float:
    """Seconds for one `python -m ctgdocs …` in a fresh process."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "ctgdocs", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        env=ENV,
        text=True,
    )
    seconds = time.perf_counter() - start
    if check and proc.returncode != 0:
        raise RuntimeError(f"ctgdocs {' '.join(map(str, args))} : {proc.stderr[-2000:]}")
    return seconds


def best_s(fn, repeat: int) -> float:
    """The fastest of `repeat` runs: a busy machine only ever adds to the cost."""
    return min(fn() for _ in range(repeat))


_FRESH: list[Path] = []


def fresh() -> Path:
    """An empty temporary folder, removed when the bench ends."""
    _FRESH.append(Path(tempfile.mkdtemp(prefix="bench-")))
    return _FRESH[-1]


@atexit.register
def _remove_fresh() -> None:
    for folder in _FRESH:
        shutil.rmtree(folder, ignore_errors=True)


# --- the examples ----------------------------------------------------------------------


def examples_batch(jobs: int, repeat: int, documents: int) -> dict:
    """Every example in three formats into an empty folder, --jobs 1 and --jobs N."""
    one = best_s(lambda: ctgdocs("build", DATA, "--output", fresh(), "--jobs", 1), repeat)
    many = best_s(lambda: ctgdocs("build", DATA, "--output", fresh(), "--jobs", jobs), repeat)
    return {
        "documents": documents,
        "files": documents * 3,
        "jobs_1_s": round(one, 2),
        f"jobs_{jobs}_s": round(many, 2),
        "jobs_1_docs_per_s": round(documents / one, 2),
        f"jobs_{jobs}_docs_per_s": round(documents / many, 2),
        "speedup": round(one / many, 2),
    }


def rebuilds(jobs: int, repeat: int) -> dict:
    """A no-op rebuild of the examples, and the rebuild after one avenant changed."""
    site = fresh()
    shutil.copytree(DATA, site / "data")
    ctgdocs("build", "data", "--output", "out", "--jobs", jobs, cwd=site)
    noop = best_s(
        lambda: ctgdocs("build", "data", "--output", "out", "--jobs", jobs, cwd=site), repeat
    )
    avenant = site / "data" / AVENANT
    text = avenant.read_text(encoding="utf-8")
    assert OBJET in text
    times = []
    for n in range(repeat):  # the objet of avenant 2 changed, then back: each build renders
        avenant.write_text(
            text.replace(OBJET, f"{OBJET} (version {n})") if n % 2 == 0 else text, "utf-8"
        )
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "ctgdocs", "build", "data", "--output", "out", "--jobs", str(jobs)],
            cwd=site, capture_output=True, text=True, env=ENV, check=True,
        )  # fmt: skip
        times.append(time.perf_counter() - start)
    summary = proc.stdout.splitlines()[-1]
    shutil.rmtree(site)
    return {
        "noop_s": round(noop, 3),
        "avenant_s": round(min(times), 2),
        "avenant_summary": summary,
    }


def cold(repeat: int) -> dict:
    one = DATA / "vallee-des-baux-alpilles"  # one deliberation (4 pages)
    return {
        "validate_data_s": round(best_s(lambda: ctgdocs("validate", DATA), repeat), 3),
        "build_one_pdf_s": round(
            best_s(lambda: ctgdocs("build", one, "--format", "pdf", "--output", fresh()), repeat),
            2,
        ),
        "build_one_docx_s": round(
            best_s(lambda: ctgdocs("build", one, "--format", "docx", "--output", fresh()), repeat),
            2,
        ),
        "build_one_html_s": round(
            best_s(lambda: ctgdocs("build", one, "--format", "html", "--output", fresh()), repeat),
            2,
        ),
    }


# --- synthetic territories ---------------------------------------------------------------


def synthetic(communes: int, cache: Path) -> Path:
    """The synthetic data of `communes` communes (seed 0), generated once per run."""
    dest = cache / f"communes-{communes}"
    if not dest.exists():
        subprocess.run(
            [sys.executable, str(Path(__file__).parent / "synthetique.py"), str(dest), "--communes", str(communes)],
            check=True, capture_output=True, env=ENV,
        )  # fmt: skip
    return dest


@dataclass
class Run:
    communes: int
    jobs: int
    executor: str
    formats: str
    mesure: memoire.Mesure

    def row(self) -> dict:
        m = self.mesure
        return {
            "communes": self.communes,
            "documents": self.communes,
            "jobs": self.jobs,
            "executor": self.executor,
            "formats": self.formats,
            "wall_s": round(m.seconds, 2),
            "ms_per_document": round(1000 * m.seconds / self.communes, 1),
            "build_peak_rss_mb": round(m.main_rss_mb, 1),
            "build_peak_uss_mb": round(m.main_uss_mb, 1),
            "worker_processes": len(m.workers),
            "worker_peak_rss_mb": round(m.worker_rss_mb, 1),
            "worker_peak_uss_mb": round(m.worker_uss_mb, 1),
        }


def build_synthetic(
    communes: int,
    jobs: int,
    cache: Path,
    executor: str = "local",
    formats: str = "pdf,docx,html",
    sample: bool = True,
) -> Run:
    """One build of a synthetic territory, its memory sampled unless `sample` is False."""
    data = synthetic(communes, cache)
    out = fresh()
    argv = [sys.executable, "-m", "ctgdocs", "build", str(data), "--output", str(out)]
    argv += ["--jobs", str(jobs), "--executor", executor, "--format", formats]
    mesure = memoire.run(argv, ROOT, env=ENV, sample=sample)
    shutil.rmtree(out)
    if mesure.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} : {mesure.stderr[-2000:]}")
    return Run(communes, jobs, executor, formats, mesure)


def linear(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Least squares a + b·x through the points."""
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    b = sum((x - mx) * (y - my) for x, y in points) / sxx if sxx else 0.0
    return my - b * mx, b


def national(runs: list[Run], total: int = 35_000, departement: int = 350) -> dict:
    """Extrapolate the sample linearly: one run of `total` communes, and `total/departement`
    runs of one department each (what docs/dev/performances.md recommends)."""
    a, b = linear([(r.communes, r.mesure.seconds) for r in runs])
    ma, mb = linear([(r.communes, r.mesure.main_rss_mb) for r in runs])
    uss = [r.mesure.worker_uss_mb for r in runs]
    rss = [r.mesure.worker_rss_mb for r in runs]
    departements = -(-total // departement)
    return {
        "fit_seconds": f"{a:.2f} + {b * 1000:.1f} ms × communes",
        "one_run_35000_h": round((a + b * total) / 3600, 2),
        "per_department_runs_35000_h": round(departements * (a + b * departement) / 3600, 2),
        "departments": departements,
        "build_rss_mb_per_commune": round(mb, 3),
        "build_rss_35000_one_run_gb": round((ma + mb * total) / 1024, 1),
        "build_rss_one_department_mb": round(ma + mb * departement, 0),
        "worker_uss_mb_min_max": [round(min(uss), 1), round(max(uss), 1)],
        "worker_rss_mb_min_max": [round(min(rss), 1), round(max(rss), 1)],
    }


# --- the docxtpl + LibreOffice route -------------------------------------------------------


def marginal(small: int, large: int, seconds) -> float:
    """Seconds per document in a batch, the start apart: (T(large) − T(small)) / (large − small)."""
    return (seconds(large) - seconds(small)) / (large - small)


def libreoffice_route(small: int, large: int, cache: Path, repeat: int = 3) -> dict:
    """Per 3-page deliberation in a batch on one core: ctgdocs' PDF, against the DOCX (ctgdocs'
    docxtpl frame) converted by one `soffice --headless --convert-to pdf` call. Each batch
    size is timed `repeat` times, the fastest kept (one run of each varied by 10 to 25 %)."""
    soffice = shutil.which("soffice")

    def ctg(fmt: str):
        def once(n: int) -> float:
            return build_synthetic(n, 1, cache, formats=fmt, sample=False).mesure.seconds

        return lambda n: best_s(lambda: once(n), repeat)

    pdf = marginal(small, large, ctg("pdf"))
    docx = marginal(small, large, ctg("docx"))
    result = {"ctgdocs_pdf_ms": round(pdf * 1000, 1), "ctgdocs_docx_ms": round(docx * 1000, 1)}
    if soffice is None:
        return result | {"libreoffice": "soffice absent"}
    built = fresh()
    ctgdocs("build", synthetic(large, cache), "--format", "docx", "--output", built, "--jobs", 1)
    files = sorted(built.rglob("*.docx"))

    def convert(n: int) -> float:
        out, profile = fresh(), fresh()
        start = time.perf_counter()
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(out), *map(str, files[:n])],
            check=True, capture_output=True,
        )  # fmt: skip
        seconds = time.perf_counter() - start
        shutil.rmtree(out), shutil.rmtree(profile)
        return seconds

    convert(1)  # a first start sets the profile up; not counted
    lo = marginal(small, large, lambda n: best_s(lambda: convert(n), repeat))
    shutil.rmtree(built)
    return result | {
        "libreoffice_convert_ms": round(lo * 1000, 1),
        "route_ms": round((docx + lo) * 1000, 1),
        "libreoffice_start_s": round(convert(1), 2),
    }
