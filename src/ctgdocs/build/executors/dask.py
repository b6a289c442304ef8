"""The same jobs on Dask distributed: a LocalCluster of --jobs processes (one thread each), or
the scheduler of a real cluster given by its address (`--executor tcp://host:port`).

A cluster's workers share no file system with the build: a worker renders a document, writes
its files into a temporary folder of its own and sends their bytes back with the text; the
build writes them into its staging folder, and the manifest, as a local build does. So the
outputs and the manifest are the same bytes as a local build's. The workers need ctgdocs
installed, at the same version, with its templates and fonts.

Jobs travel in lots of documents of one territory (its data is pickled once per lot), a few
lots per worker at a time, longest first. Dask is imported only here, only when used.
"""

from __future__ import annotations

import contextlib
import logging
import math
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ctgdocs.build.produce import IN_FLIGHT, DocJob, OnResult, Produit, Skip, produce
from ctgdocs.errors import CtgError

if TYPE_CHECKING:
    from distributed import Client, Future, LocalCluster

CONNECT_TIMEOUT = 10  # seconds to reach a scheduler
MAX_LOT = 32  # documents per task at most
LOTS_PER_WORKER = 4  # at least this many lots per worker when there are enough documents


class ExecutorError(CtgError):
    category = "exécuteur"


def produce_lot(lot: list[DocJob]) -> list[Produit]:
    """On a worker: render and write each document of the lot, send back texts and bytes."""
    return [produce(job, inline=False) for job in lot]


def _without_profiler() -> Any:
    """A worker plugin that stops the worker's statistical profiler. Every 10 ms it holds the
    frames of the running task (sys._current_frames), so a function that returns meanwhile
    keeps its locals alive: docxtpl's render then leaves a plain lxml proxy of the new DOCX
    body cached, and python-docx fails on it (« _Element has no attribute p_lst »), now and
    then. Defined here, so that ctgdocs imports distributed only when it is used."""
    from distributed import WorkerPlugin

    class SansProfileur(WorkerPlugin):
        name = "ctgdocs-sans-profileur"

        def setup(self, worker: Any) -> None:
            for name in ("profile", "profile-cycle"):
                callback = worker.periodic_callbacks.pop(name, None)
                if callback is not None:
                    callback.stop()

    return SansProfileur()


def lots(jobs: list[DocJob], size: int) -> list[list[DocJob]]:
    """The jobs (longest first) in lots of at most `size` documents of one territory, each
    lot as early as its first job."""
    open_lots: dict[str, list[DocJob]] = {}
    result: list[list[DocJob]] = []
    for job in jobs:
        lot = open_lots.get(job.doc.territoire)
        if lot is None:
            lot = open_lots[job.doc.territoire] = []
            result.append(lot)
        lot.append(job)
        if len(lot) >= size:
            del open_lots[job.doc.territoire]
    return result


class DaskExecutor:
    def __init__(self, address: str | None, workers: int) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as error:
            raise ExecutorError(
                "--executor dask demande les paquets dask et distributed, absents ici : "
                "installez-les avec pip install 'ctgdocs[dask]'"
            ) from error
        logging.getLogger("distributed").setLevel(logging.ERROR)
        self.cluster: LocalCluster | None = None
        if address is None:
            self.cluster = LocalCluster(
                n_workers=max(workers, 1),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            address = self.cluster.scheduler_address
        try:
            self.client: Client = Client(address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as error:
            self.close()
            raise ExecutorError(
                f"ordonnanceur Dask injoignable à {address} (aucune réponse en "
                f"{CONNECT_TIMEOUT} s) ; vérifiez l'adresse et que dask scheduler y tourne"
            ) from error
        try:
            self.client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        except TimeoutError as error:
            self.close()
            raise ExecutorError(
                f"aucun worker Dask n'est connecté à l'ordonnanceur {address} (attendu "
                f"{CONNECT_TIMEOUT} s) ; lancez dask worker {address} sur les machines de calcul"
            ) from error
        self.client.register_plugin(_without_profiler())

    def workers(self) -> int:
        return max(len(self.client.scheduler_info().get("workers", {})), 1)

    def run(self, jobs: list[DocJob], on_result: OnResult, skip: Skip) -> None:
        from distributed import as_completed
        from distributed.client import FutureCancelledError
        from distributed.scheduler import KilledWorker

        workers = self.workers()
        size = max(1, min(MAX_LOT, math.ceil(len(jobs) / (workers * LOTS_PER_WORKER))))
        todo: Iterator[list[DocJob]] = iter(lots(jobs, size))
        window = workers * IN_FLIGHT
        pending: dict[Future[list[Produit]], list[DocJob]] = {}
        running = as_completed()

        def submit_more() -> None:
            for lot in todo:
                kept = [job for job in lot if not skip(job)]
                if kept:
                    future = self.client.submit(produce_lot, kept, pure=False)
                    pending[future] = kept
                    running.add(future)
                if len(pending) >= window:
                    return

        submit_more()
        try:
            for future in running:
                lot = pending.pop(future)
                for job, produit in zip(lot, future.result(), strict=True):
                    on_result(job, produit)
                submit_more()
        except (KilledWorker, FutureCancelledError) as error:
            raise ExecutorError(
                f"un processus Dask s'est arrêté pendant le travail ({_why(error)}) ; "
                "rien n'a été écrit"
            ) from error
        finally:
            for future in pending:
                future.cancel()

    def close(self) -> None:
        for part in (getattr(self, "client", None), self.cluster):
            if part is not None:
                with contextlib.suppress(Exception):
                    part.close()


def _why(error: Any) -> str:
    return str(error) or type(error).__name__
