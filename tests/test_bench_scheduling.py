"""How a batch hands out its work: one job per document (its files, PDF first), the longest
documents first (by their text at the last build, else by their kind), and every result
recorded in the order of the plan whatever the order the workers finish in."""

from __future__ import annotations

from pathlib import Path

from ctgdocs.app import BuildOptions, _prepare
from ctgdocs.build.batch import Batch
from ctgdocs.build.commit import text_path
from ctgdocs.build.manifest import Fingerprints, fingerprints


def jobs(output: Path, formats: tuple[str, ...] = ("html", "docx")) -> list[tuple[str, list[str]]]:
    options = BuildOptions(output=output, formats=formats)
    targets, report = _prepare([Path("data")], options)
    batch = Batch(targets, options, report)
    batch.decide()
    return [(job.doc.stem, [s.format for s in job.sorties]) for job in batch._jobs()]


def test_a_first_build_starts_with_the_longest_kinds_and_pdf(chantier):
    order = jobs(Path("neuf"), ("html", "docx", "pdf"))
    assert order[0] == ("acte-engagement", ["pdf", "docx", "html"])
    stems = [stem for stem, _ in order]
    assert stems.index("referentiel-poste-charge-cooperation") < stems.index(
        "poitiers-deliberation-2022-0301"
    )
    # the act sent to the préfecture has its @CTES metadata, written last (the cheapest)
    actes = {stem for stem, formats in order if formats == ["pdf", "docx", "html", "actes"]}
    assert actes == {"poitiers-deliberation-2022-0301"}
    assert all(formats[:3] == ["pdf", "docx", "html"] for _, formats in order)


def test_a_rebuild_starts_with_the_longest_texts(chantier, monkeypatch):
    fp = fingerprints()
    monkeypatch.setattr(
        "ctgdocs.build.batch.fingerprints", lambda: Fingerprints("autres", fp.version, fp.code)
    )
    order = [stem for stem, _ in jobs(chantier.out)]
    sizes = {p.stem: p.stat().st_size for p in (chantier.root / "out" / ".ctgdocs").rglob("*.txt")}
    assert order == sorted(sizes, key=lambda stem: -sizes[stem]) and len(order) == 6
    stored = text_path(chantier.root / "out", "le-pradet", "acte-engagement")
    assert order[0] == "acte-engagement" and stored.stat().st_size > 20_000


def test_parallel_results_are_recorded_in_the_order_of_the_plan(chantier):
    report = chantier.build(output=Path("neuf"), jobs=2)
    serial = chantier.build(output=Path("serie"), jobs=1)
    assert [c.document for c in report.changements] == [c.document for c in serial.changements]
    assert [c.document for c in report.changements] == [
        "grand-poitiers/poitiers-deliberation-2022-0301",
        "grand-poitiers/referentiel-poste-charge-cooperation",
        "grand-poitiers/referentiel-poste-coordinateur-petite-enfance",
        "grand-poitiers/referentiel-poste-coordinateur-proximite-poitiers",
        "le-pradet/acte-engagement",
        "vallee-des-baux-alpilles/maussane-les-alpilles-deliberation-2022-07-29-07",
    ]


def test_forked_workers_live_for_a_chunk_of_the_plan():
    """A worker copies the pages of the data it reads and WeasyPrint grows with each document:
    a pool of workers lives for one chunk of documents, taken in the order of the plan (so from
    one or two territories), so its memory does not grow with the batch. Each chunk keeps the
    longest-first order."""
    from dataclasses import dataclass

    from ctgdocs.build.produce import DocJob, chunks

    @dataclass(frozen=True)
    class Doc:
        territoire: str
        stem: str

    plan = [("a", 1), ("a", 5), ("b", 2), ("b", 9), ("b", 3), ("c", 4), ("d", 8), ("d", 7)]
    jobs = [DocJob(n, Doc(t, f"{t}{cost}"), (), cost) for n, (t, cost) in enumerate(plan)]  # type: ignore[arg-type]
    jobs.sort(key=lambda j: -j.cost)
    assert [[j.doc.stem for j in part] for part in chunks(jobs, 3)] == [
        ["a5", "b2", "a1"],
        ["b9", "c4", "b3"],
        ["d8", "d7"],
    ]
    assert [[j.doc.stem for j in part] for part in chunks(jobs, 100)] == [
        [j.doc.stem for j in jobs]
    ]


def test_a_build_in_several_chunks_writes_what_a_serial_build_writes(chantier, monkeypatch):
    monkeypatch.setattr("ctgdocs.build.produce.CHUNK", 2)  # 2 workers: chunks of 4, 2 documents
    chunked = chantier.build(output=Path("morceaux"), jobs=2)
    serial = chantier.build(output=Path("serie"), jobs=1)
    assert chunked.ok and len(chunked.ecrits) == len(serial.ecrits) == 12
    assert chantier.outputs(Path("morceaux")) == chantier.outputs(Path("serie"))
    manifests = [(chantier.root / d / "manifest.json").read_bytes() for d in ("morceaux", "serie")]
    assert manifests[0] == manifests[1]


def test_the_loaded_data_is_frozen_out_of_the_collector_while_documents_render(
    chantier, monkeypatch
):
    """A build renders with the data it loaded frozen (gc.freeze): in one process as in forked
    workers, and unfrozen once the batch is done."""
    import gc
    import os

    from ctgdocs.build import produce as pool

    seen = chantier.root / "gel.txt"
    produce = pool.produce

    def observed(job):
        with seen.open("a") as out:
            out.write(f"{os.getpid()} {gc.get_freeze_count()}\n")
        return produce(job)

    monkeypatch.setattr(pool, "produce", observed)
    assert gc.get_freeze_count() == 0
    for jobs in (1, 2):
        assert chantier.build(output=Path(f"gel{jobs}"), jobs=jobs).ok
        assert gc.get_freeze_count() == 0
    lines = [line.split() for line in seen.read_text().splitlines()]
    assert len(lines) == 12  # 6 documents, twice
    assert {pid for pid, _ in lines[:6]} == {str(os.getpid())}
    assert str(os.getpid()) not in {pid for pid, _ in lines[6:]}
    assert all(int(count) > 10_000 for _, count in lines)
