"""Run a command and sample the memory of it and of every process it starts (its workers).

RSS counts the pages a forked worker shares with the build that forked it (copy-on-write);
USS counts only the worker's own pages, what it really adds. Both are reported, per process,
as peaks over the run (sampled every `interval` seconds).
"""

from __future__ import annotations

import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

MB = 1024 * 1024


@dataclass
class Peaks:
    rss: int = 0
    uss: int = 0

    def see(self, rss: int, uss: int) -> None:
        self.rss = max(self.rss, rss)
        self.uss = max(self.uss, uss)


@dataclass
class Mesure:
    """One run: wall time, exit status, output, and the memory peaks."""

    seconds: float
    returncode: int
    stdout: str
    stderr: str
    main: Peaks
    workers: dict[int, Peaks] = field(default_factory=dict)

    @property
    def worker_rss_mb(self) -> float:
        return max((p.rss for p in self.workers.values()), default=0) / MB

    @property
    def worker_uss_mb(self) -> float:
        return max((p.uss for p in self.workers.values()), default=0) / MB

    @property
    def main_rss_mb(self) -> float:
        return self.main.rss / MB

    @property
    def main_uss_mb(self) -> float:
        return self.main.uss / MB


def _sample(proc: psutil.Process, peaks: Peaks) -> None:
    try:
        info = proc.memory_full_info()
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        return
    peaks.see(info.rss, info.uss)


def run(
    argv: list[str],
    cwd: Path,
    interval: float = 0.2,
    env: dict | None = None,
    sample: bool = True,
) -> Mesure:
    """`sample=False` for a run that measures time only: reading a process's USS (its smaps)
    costs about 2 ms, a few per cent of a core taken from the build's workers."""
    start = time.perf_counter()
    proc = psutil.Popen(
        argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    main = Peaks()
    workers: dict[int, Peaks] = {}
    # Read the pipes in the background so a chatty build never blocks on a full pipe.
    import threading

    out: dict[str, str] = {}

    def drain(name: str, stream) -> None:
        out[name] = stream.read()

    readers = [
        threading.Thread(target=drain, args=(n, s))
        for n, s in (("out", proc.stdout), ("err", proc.stderr))
    ]
    for reader in readers:
        reader.start()
    while sample and proc.poll() is None:
        _sample(proc, main)
        try:
            children = proc.children(recursive=True)
        except psutil.NoSuchProcess:
            children = []
        for child in children:
            _sample(child, workers.setdefault(child.pid, Peaks()))
        time.sleep(interval)
    proc.wait()
    for reader in readers:
        reader.join()
    seconds = time.perf_counter() - start
    workers = {pid: p for pid, p in workers.items() if p.rss}
    return Mesure(seconds, proc.returncode, out.get("out", ""), out.get("err", ""), main, workers)
