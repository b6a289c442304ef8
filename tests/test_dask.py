"""--executor: the same jobs on Dask distributed (a LocalCluster of 2 workers, or a scheduler's
address) give the same files, texts and manifest as a local build; its French messages; Dask is
imported only when asked for."""

from __future__ import annotations

import dataclasses
import logging
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DATA
from ctgdocs.cli import main

# Small, with a PDF of each of three kinds: a dozen files, a few seconds.
TERRITOIRES = ("grand-poitiers", "charente", "vallee-des-baux-alpilles")
KINDS = ("deliberation", "referentiel-poste", "tableau-etp")
BROKEN = "{{ inconnu.x }}\n"  # a template error that only rendering finds


def site(root: Path, territoires: tuple[str, ...] = TERRITOIRES) -> Path:
    for territoire in territoires:
        shutil.copytree(DATA / territoire, root / "data" / territoire)
    return root


def ctgdocs(root: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """`python -m ctgdocs build data …` in a fresh process, in root."""
    kinds = [a for k in KINDS for a in ("--kind", k)]
    proc = subprocess.run(
        [sys.executable, "-m", "ctgdocs", "build", "data", *kinds, *args],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )
    return proc.returncode, proc.stdout, proc.stderr


def tree(out: Path) -> dict[str, bytes]:
    """Every file of an output folder: documents, manifest, text store (the lock apart)."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != "verrou"
    }


def summary(out: str, folder: str) -> list[str]:
    return [line.replace(f"{folder}/", "OUT/") for line in out.splitlines()]


@pytest.mark.slow
def test_a_local_cluster_of_two_workers_writes_what_a_local_build_writes(tmp_path):
    root = site(tmp_path)
    local = ctgdocs(root, "--output", "local", "--jobs", "1")
    dask = ctgdocs(root, "--output", "dask", "--jobs", "2", "--executor", "dask")
    assert local[0] == dask[0] == 0 and local[2] == dask[2] == ""
    assert summary(local[1], "local") == summary(dask[1], "dask")
    files = tree(root / "local")
    assert files == tree(root / "dask")
    assert len([f for f in files if f.endswith(".pdf")]) == 6
    # txt: the text store, and the licence of the previews' fonts (ttf) beside them
    assert {f.rsplit(".", 1)[-1] for f in files} == {"pdf", "docx", "html", "json", "txt", "ttf"}

    # Rebuilt on the cluster after a change: only what changed, the same bytes as locally.
    seance = root / "data" / "grand-poitiers" / "seances" / "2023-06-26-poitiers.yaml"
    seance.write_text(
        seance.read_text(encoding="utf-8").replace("en début d'année 2023", "en 2023"), "utf-8"
    )
    local = ctgdocs(root, "--output", "local", "--jobs", "1")
    dask = ctgdocs(root, "--output", "dask", "--jobs", "2", "--executor", "dask")
    assert summary(local[1], "local") == summary(dask[1], "dask")
    assert summary(dask[1], "dask")[-1] == "Résumé : 3 écrits, 16 inchangés, 0 en échec, 0 protégé."
    assert tree(root / "local") == tree(root / "dask")


@pytest.mark.slow
def test_a_scheduler_address_runs_the_jobs_on_that_cluster(tmp_path):
    from distributed import LocalCluster

    root = site(tmp_path, ("charente",))
    with LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        scheduler_port=0,
        silence_logs=logging.ERROR,
    ) as cluster:
        remote = ctgdocs(root, "--output", "remote", "--executor", cluster.scheduler_address)
    local = ctgdocs(root, "--output", "local", "--jobs", "1")
    assert remote[0] == local[0] == 0 and remote[2] == ""
    assert summary(remote[1], "remote") == summary(local[1], "local")
    assert tree(root / "remote") == tree(root / "local")


@pytest.mark.slow
def test_an_error_on_a_worker_drops_its_territory_as_locally(tmp_path):
    """Templates broken for the deliberations only (found when rendering, on the workers):
    Maussane's territory writes nothing, the others are built, the same lines are printed."""
    root = site(tmp_path)
    templates = shutil.copytree(DATA.parent / "templates", tmp_path / "gabarits")
    recit = templates / "deliberation" / "recit.md.j2"
    recit.write_text(BROKEN + recit.read_text(encoding="utf-8"), encoding="utf-8")
    env = {"CTGDOCS_TEMPLATES": str(templates)}
    dask = ctgdocs(root, "--output", "dask", "--jobs", "2", "--executor", "dask", env=env)
    local = ctgdocs(root, "--output", "local", "--jobs", "1", env=env)
    assert dask[0] == local[0] == 1
    error = "erreur (modèle invalide) : gabarits/deliberation/recit.md.j2:1: valeur manquante « inconnu »\n"
    assert dask[2] == local[2] == error
    assert summary(dask[1], "dask") == summary(local[1], "local")
    assert summary(dask[1], "dask")[-2:] == [
        "échec : vallee-des-baux-alpilles : un document n'a pas pu être produit ; rien n'a été "
        "écrit pour ce territoire",
        "Résumé : 16 écrits, 0 inchangé, 1 en échec, 0 protégé.",  # with the @CTES JSON
    ]
    assert not (root / "dask" / "vallee-des-baux-alpilles").exists()
    assert tree(root / "dask") == tree(root / "local")


# --- messages ------------------------------------------------------------------------


@pytest.fixture
def pradet(tmp_path, monkeypatch):
    root = site(tmp_path, ("le-pradet",))
    monkeypatch.chdir(root)
    return root


def build(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["build", "data", "--format", "html", *args])
    return result.exit_code, result.stdout, result.stderr


def nothing_written(root: Path) -> bool:
    out = root / "out"
    return not (out / "manifest.json").exists() and not (out / "le-pradet").exists()


def test_an_unknown_executor_is_refused_before_anything_is_written(pradet):
    assert build("--output", "out", "--executor", "ssh://machine") == (
        1,
        "",
        "erreur (utilisation) : exécuteur inconnu « ssh://machine » ; attendu : local, dask ou "
        "l'adresse d'un ordonnanceur Dask (tcp://hôte:port)\n",
    )
    assert not (pradet / "out").exists()


def test_without_dask_installed_the_build_says_what_to_install(pradet, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    assert build("--output", "out", "--executor", "dask") == (
        1,
        "",
        "erreur (exécuteur) : --executor dask demande les paquets dask et distributed, absents "
        "ici : installez-les avec pip install 'ctgdocs[dask]'\n",
    )
    assert nothing_written(pradet)


def test_an_unreachable_scheduler_is_said_and_nothing_is_written(pradet, monkeypatch):
    monkeypatch.setattr("ctgdocs.build.executors.dask.CONNECT_TIMEOUT", 1)
    with socket.socket() as s:  # a port where nobody listens
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    assert build("--output", "out", "--executor", address) == (
        1,
        "",
        f"erreur (exécuteur) : ordonnanceur Dask injoignable à {address} (aucune réponse en "
        "1 s) ; vérifiez l'adresse et que dask scheduler y tourne\n",
    )
    assert nothing_written(pradet)


def test_dask_is_imported_only_when_asked_for(pradet):
    script = (
        "import sys\nfrom pathlib import Path\nfrom ctgdocs.app import BuildOptions, build\n"
        "report = build([Path('data')], BuildOptions(output=Path('out'), formats=('html',), "
        "jobs=2))\n"
        "print(report.ok, len(report.ecrits), "
        "sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], cwd=pradet, capture_output=True, text=True, check=True
    )
    assert proc.stdout == "True 1 []\n"


# --- lots ----------------------------------------------------------------------------


def test_jobs_travel_in_lots_of_one_territory_longest_first():
    from ctgdocs.build.executors.dask import lots
    from ctgdocs.build.produce import DocJob

    @dataclasses.dataclass(frozen=True)
    class Doc:
        territoire: str
        stem: str

    jobs = [
        DocJob(n, Doc(t, f"{t}{n}"), (), 10.0 - n)  # type: ignore[arg-type]
        for n, t in enumerate("aababbbca")
    ]
    assert [[j.doc.stem for j in lot] for lot in lots(jobs, 2)] == [
        ["a0", "a1"],
        ["b2", "b4"],
        ["a3", "a8"],
        ["b5", "b6"],
        ["c7"],
    ]


def test_a_scheduler_without_workers_is_said_and_nothing_is_written(pradet, monkeypatch):
    from distributed import LocalCluster

    monkeypatch.setattr("ctgdocs.build.executors.dask.CONNECT_TIMEOUT", 1)
    with LocalCluster(
        n_workers=0, dashboard_address=None, scheduler_port=0, silence_logs=logging.ERROR
    ) as cluster:
        address = cluster.scheduler_address
        assert build("--output", "out", "--executor", address) == (
            1,
            "",
            f"erreur (exécuteur) : aucun worker Dask n'est connecté à l'ordonnanceur {address} "
            f"(attendu 1 s) ; lancez dask worker {address} sur les machines de calcul\n",
        )
    assert nothing_written(pradet)
