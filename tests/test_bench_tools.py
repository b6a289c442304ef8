"""The bench's own arithmetic and measures: the memory sampler sees a worker's own memory, the
linear extrapolation to 35 000 communes, the marginal cost per document, and how each target
is judged met or missed."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import lots  # noqa: E402
import memoire  # noqa: E402
import run as bench  # noqa: E402


def test_the_sampler_sees_each_worker_and_its_own_memory(tmp_path):
    """A parent that forks two workers; one fills 80 MB of its own."""
    script = textwrap.dedent(
        """
        import os, time
        for size in (0, 80):
            if os.fork() == 0:
                block = bytearray(size * 2**20)
                block[::4096] = b"x" * len(block[::4096])
                time.sleep(1.5)
                os._exit(0)
        os.wait(); os.wait()
        """
    )
    mesure = memoire.run([sys.executable, "-c", script], tmp_path, interval=0.05)
    assert mesure.returncode == 0 and len(mesure.workers) == 2
    assert 80 <= mesure.worker_uss_mb < 120
    assert mesure.main_uss_mb < 40 and mesure.seconds >= 1.5


def test_a_timed_only_run_samples_no_memory(tmp_path):
    """The runs that measure the speedup are not sampled: the sampler's reads of each
    process's memory would take their share of a core from the workers."""
    script = "import time; block = bytearray(40 * 2**20); time.sleep(0.5); print('fini')"
    mesure = memoire.run([sys.executable, "-c", script], tmp_path, interval=0.05, sample=False)
    assert mesure.returncode == 0 and mesure.stdout == "fini\n" and mesure.seconds >= 0.5
    assert mesure.main.rss == mesure.main.uss == 0 and mesure.workers == {}


def test_a_linear_fit_and_the_national_extrapolation():
    assert lots.linear([(10, 3.0), (300, 32.0), (3000, 302.0)]) == (2.0, 0.1)

    def run(communes: int, seconds: float, build_mb: float, uss: float) -> lots.Run:
        mesure = memoire.Mesure(seconds, 0, "", "", memoire.Peaks(int(build_mb * memoire.MB)))
        mesure.workers = {1: memoire.Peaks(int(2 * uss * memoire.MB), int(uss * memoire.MB))}
        return lots.Run(communes, 2, "local", "pdf", mesure)

    runs = [run(10, 3.0, 51, 60), run(300, 32.0, 80, 90), run(3000, 302.0, 350, 92)]
    assert lots.national(runs) == {
        "fit_seconds": "2.00 + 100.0 ms × communes",
        "one_run_35000_h": 0.97,
        "per_department_runs_35000_h": 1.03,
        "departments": 100,
        "build_rss_mb_per_commune": 0.1,
        "build_rss_35000_one_run_gb": 3.5,
        "build_rss_one_department_mb": 85.0,
        "worker_uss_mb_min_max": [60.0, 92.0],
        "worker_rss_mb_min_max": [120.0, 184.0],
    }
    assert runs[1].row()["ms_per_document"] == 106.7


def test_the_marginal_cost_leaves_the_start_out():
    assert lots.marginal(10, 40, lambda n: 1.5 + 0.12 * n) == pytest.approx(0.12)


def result(noop: float, uss: list[float], pdf_ratio: float) -> dict:
    """A bench result with what the targets read."""
    row = {"kind": "deliberation", "pages": 3, "document": "t/d"}
    national = [
        {"communes": n, "worker_peak_uss_mb": mb, "worker_peak_rss_mb": 2 * mb}
        for n, mb in zip((10, 300, 3000), uss, strict=True)
    ]
    return {
        "per_document": [
            {**row, "format": "pdf", "ratio": pdf_ratio, "ctgdocs_ms": 120.0},
            {**row, "format": "docx", "ratio": 4.0, "ctgdocs_ms": 50.0},
        ],
        "libreoffice_route": {"ctgdocs_pdf_ms": 120.0, "ctgdocs_docx_ms": 40.0, "route_ms": 150.0},
        "department": {"speedup": 1.9, "communes": 300},
        "examples_batch": {"speedup": 1.5},
        "rebuilds": {"noop_s": noop},
        "cold": {"validate_data_s": 0.3},
        "national": {
            "runs": national,
            "extrapolation": {
                "departments": 100,
            },
        },
    }


def test_each_target_is_judged_on_its_measure():
    met = {t["target"]: t["met"] for t in bench.targets(result(0.4, [60.0, 120.0, 140.0], 1.05))}
    assert list(met.values()) == [True] * 7
    missed = bench.targets(result(1.2, [60.0, 120.0, 160.0], 1.2))
    assert [t["met"] for t in missed] == [False, True, True, True, False, True, False]
    assert missed[0]["measured"] == "worst 1.2 (t/d); median 1.2"
    assert missed[4]["measured"] == "1.2 s"
    assert missed[6]["measured"] == (
        "worker's own memory (USS) 60 / 120 / 160 MB, RSS 120 / 240 / 320 MB (with the "
        "build's data shared copy-on-write) at 10 / 300 / 3000 communes; 35 000 as 100 "
        "department runs"
    )
    assert not bench.targets(result(0.4, [60.0, 250.0, 310.0], 1.0))[6]["met"]
