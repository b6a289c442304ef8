"""Incremental builds: the manifest, what is rebuilt and why, what a no-op rebuild does."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from ctgdocs import __version__, paths
from ctgdocs.app import plan, validate
from ctgdocs.build import manifest
from ctgdocs.build.decide import input_name
from ctgdocs.build.manifest import Fingerprints, fingerprints
from ctgdocs.render.texte import document_text
from support.chantier import FORMATS, sha256

ACTE = ["le-pradet/acte-engagement.docx", "le-pradet/acte-engagement.html"]
DELIB_POITIERS = [
    "grand-poitiers/poitiers-deliberation-2022-0301.docx",
    "grand-poitiers/poitiers-deliberation-2022-0301.html",
]
SEANCE = "grand-poitiers/seances/2023-06-26-poitiers.yaml"
RESEAU = "a débuté en début d'année 2023"
OBJET_ACTE = "objet: Acte d'engagement dans la démarche"


def test_the_manifest_records_what_each_output_was_built_from(chantier):
    raw = (chantier.root / "out" / "manifest.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    assert raw == json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert sorted(data["fichiers"]) == sorted(chantier.outputs())
    entry = data["fichiers"]["le-pradet/acte-engagement.docx"]
    fp = fingerprints()
    acte = chantier.root / "data" / "le-pradet"
    (doc,) = plan(validate([acte]), ["acte-engagement"])
    text = document_text(doc.render().tree)
    assert entry == {
        "kind": "acte-engagement",
        "format": "docx",
        "territoire": "le-pradet",
        "stem": "acte-engagement",
        "inputs": {input_name(p, doc.dossier): sha256(p.read_bytes()) for p in doc.entrees},
        "templates": fp.templates,
        "version": __version__,
        "code": fp.code,
        "sha256": sha256(chantier.outputs()["le-pradet/acte-engagement.docx"]),
        "text_sha256": sha256(text.encode("utf-8")),
        "signe_le": None,
    }
    assert set(entry["inputs"]) == {"territoire.yaml", "acte.yaml"}
    html = data["fichiers"]["le-pradet/acte-engagement.html"]
    assert html["text_sha256"] == entry["text_sha256"]  # one text, whatever the format


def test_a_rebuild_with_nothing_changed_renders_nothing(chantier):
    before = chantier.outputs()
    manifest_bytes = (chantier.root / "out" / "manifest.json").read_bytes()
    report = chantier.build()
    assert report.ok and report.rendus == 0 and report.ecrits == []
    assert chantier.rel(report.inchanges) == sorted(chantier.documents())
    assert chantier.outputs() == before
    assert (chantier.root / "out" / "manifest.json").read_bytes() == manifest_bytes


def test_changing_one_data_file_rebuilds_exactly_the_outputs_that_declare_it(chantier):
    before = chantier.outputs()
    chantier.edit("le-pradet/acte.yaml", OBJET_ACTE, "objet: Acte d’engagement dans la démarche")
    dry = chantier.build(dry_run=True)
    assert [(chantier.rel([p])[0], why) for p, why in dry.a_reconstruire] == [
        ("le-pradet/acte-engagement.html", "données modifiées : acte.yaml"),
        ("le-pradet/acte-engagement.docx", "données modifiées : acte.yaml"),
    ]
    report = chantier.build()
    assert report.rendus == 1
    assert chantier.rel(report.ecrits) == ACTE
    after = chantier.outputs()
    assert [k for k in before if before[k] != after[k]] == ACTE


def test_changing_a_seance_rebuilds_its_deliberation_only(chantier):
    before = chantier.outputs()
    chantier.edit(SEANCE, RESEAU, "a débuté au printemps 2023")
    declaring = [
        f"{doc.territoire}/{doc.stem}.{fmt}"
        for doc in plan(validate([chantier.root / "data"]), ())
        if any(p.name == "2023-06-26-poitiers.yaml" for p in doc.entrees)
        for fmt in sorted(FORMATS)
    ]
    report = chantier.build()
    assert chantier.rel(report.ecrits) == sorted(declaring) == DELIB_POITIERS
    assert report.rendus == 1
    after = chantier.outputs()
    assert sorted(k for k in before if before[k] != after[k]) == DELIB_POITIERS


def test_same_bytes_after_a_data_change_are_not_rewritten(chantier):
    """A comment changes the file's hash, not the text: rendered again, the bytes are the same,
    and the file is left as it was (not even replaced)."""
    path = chantier.root / "out" / "le-pradet" / "acte-engagement.docx"
    stat = path.stat()
    chantier.edit("le-pradet/acte.yaml", "# The acte d'engagement", "# L'acte d'engagement")
    report = chantier.build()
    assert report.rendus == 1 and report.ecrits == []
    assert set(ACTE) <= set(chantier.rel(report.inchanges))
    assert (path.stat().st_ino, path.stat().st_mtime_ns) == (stat.st_ino, stat.st_mtime_ns)
    assert chantier.build().rendus == 0  # the manifest now knows the new data


def test_templates_or_a_new_version_rebuild_everything(chantier, monkeypatch):
    fp = fingerprints()
    outputs = sorted(chantier.documents())  # the fonts' bytes are the same: left as they are
    cases = [
        (Fingerprints("autres", fp.version, fp.code), "gabarits modifiés"),
        (Fingerprints(fp.templates, "9.9.9", fp.code), "nouvelle version de ctgdocs"),
        (Fingerprints(fp.templates, fp.version, "autre code"), "nouvelle version de ctgdocs"),
    ]
    for changed, why in cases:
        monkeypatch.setattr("ctgdocs.build.batch.fingerprints", lambda changed=changed: changed)
        report = chantier.build(dry_run=True)
        assert chantier.rel(report.a_reconstruire) == outputs
        assert {w for _, w in report.a_reconstruire} == {why}
    chantier.edit("le-pradet/acte.yaml", OBJET_ACTE, "objet: Acte d’engagement dans la démarche")
    monkeypatch.setattr("ctgdocs.build.batch.fingerprints", lambda: cases[0][0])
    report = chantier.build(dry_run=True)
    why = {chantier.rel([p])[0]: w for p, w in report.a_reconstruire}
    assert (
        why["le-pradet/acte-engagement.html"] == "données modifiées : acte.yaml ; gabarits modifiés"
    )


def test_fingerprints_follow_templates_fonts_references_and_code(tmp_path, monkeypatch):
    templates = tmp_path / "templates"
    shutil.copytree(paths.TEMPLATES_DIR, templates)
    code = tmp_path / "ctgdocs"
    (code / "render").mkdir(parents=True)  # a stage: its code can change an output
    (code / "render" / "a.py").write_text("A = 1\n")
    monkeypatch.setattr(paths, "TEMPLATES_DIR", templates)
    monkeypatch.setattr(paths, "PACKAGE_DIR", code)
    first = fingerprints()
    # Caches and hidden files (editors' lock files) are not templates, nor code.
    (templates / "__pycache__").mkdir()
    (templates / "__pycache__" / "x.pyc").write_bytes(b"\0")
    (templates / ".~lock.frame.docx#").write_text("verrou")
    (code / "render" / "b.pyc").write_bytes(b"\0")
    assert fingerprints() == first
    (templates / "html" / "print.css").write_text("body {}\n")
    assert fingerprints().templates != first.templates
    (code / "render" / "a.py").write_text("A = 2\n")
    assert fingerprints().code != first.code and fingerprints().version == first.version


def test_absent_and_new_outputs_are_built(chantier):
    (chantier.root / "out" / "le-pradet" / "acte-engagement.html").unlink()
    report = chantier.build(dry_run=True, formats=("html", "docx", "pdf"))
    why = {chantier.rel([p])[0]: w for p, w in report.a_reconstruire}
    assert why["le-pradet/acte-engagement.html"] == "absent"
    assert why["le-pradet/acte-engagement.pdf"] == "nouveau document"
    # with its PDF comes the @CTES metadata of the one act sent to the préfecture
    assert why["grand-poitiers/poitiers-deliberation-2022-0301.actes.json"] == "nouveau document"
    documents = (len(chantier.documents()) + 1) // 2  # html and docx each, one html deleted
    assert len(why) == 1 + documents + 1
    report = chantier.build()
    assert chantier.rel(report.ecrits) == ["le-pradet/acte-engagement.html"]
    assert report.rendus == 1


def test_a_pending_manifest_entry_is_settled_by_the_file_s_bytes(chantier):
    """A build killed between its two writes of the manifest: each pending entry becomes the
    new one if the file holds the new bytes, the previous one if it holds the old bytes."""
    data = chantier.manifest()
    files = data["fichiers"]
    renamed, kept, edited = ACTE[0], ACTE[1], DELIB_POITIERS[0]
    for key in (renamed, kept, edited):
        previous = dict(files[key], sha256="0" * 64)
        files[key] = dict(files[key], pending=True, previous=previous)
    files[kept]["previous"]["sha256"] = files[kept]["sha256"]
    files[kept]["sha256"] = "1" * 64
    (chantier.root / "out" / edited).write_bytes(b"edited by hand")
    (chantier.root / "out" / "manifest.json").write_text(json.dumps(data), encoding="utf-8")
    loaded = manifest.Manifest.load(chantier.out)
    assert loaded.entries[renamed].sha256 == files[renamed]["sha256"]
    assert loaded.entries[kept].sha256 == files[kept]["previous"]["sha256"]
    assert loaded.entries[edited].sha256 == "0" * 64  # the previous one: the file is protected
    report = chantier.build()
    assert chantier.rel(report.proteges) == [edited]
    assert "pending" not in json.dumps(chantier.manifest())  # settled, and saved so


def test_an_interrupted_rename_phase_is_recovered_without_false_protection(chantier, monkeypatch):
    """Stopped after two of four renames: each file is old or new, the manifest says which,
    and the next build finishes the job without calling anything hand-edited."""
    chantier.edit("le-pradet/acte.yaml", OBJET_ACTE, "objet: Acte d’engagement dans la démarche")
    chantier.edit(SEANCE, RESEAU, "a débuté au printemps 2023")
    old = chantier.outputs()
    calls = []
    real = os.replace

    def stop_after_two(src, dst):
        if "tmp-" in str(src) and "tmp-" not in str(dst):  # a rename into place
            if len(calls) == 2:
                raise KeyboardInterrupt
            calls.append(dst)
        real(src, dst)

    monkeypatch.setattr("ctgdocs.build.batch.os.replace", stop_after_two)
    with pytest.raises(KeyboardInterrupt):
        chantier.build()
    monkeypatch.setattr("ctgdocs.build.batch.os.replace", real)
    middle = chantier.outputs()
    changed = sorted(k for k in old if old[k] != middle[k])
    assert len(changed) == 2
    assert "pending" in json.dumps(chantier.manifest())
    report = chantier.build()
    assert report.proteges == [] and report.ok
    assert sorted(chantier.rel(report.ecrits)) == sorted(set(ACTE + DELIB_POITIERS) - set(changed))
    assert chantier.build().rendus == 0
    leftovers = list((chantier.root / "out" / ".ctgdocs").glob("tmp-*"))
    assert leftovers == []


def test_a_stale_staging_folder_is_removed_by_the_next_build(chantier):
    stale = chantier.root / "out" / ".ctgdocs" / "tmp-999999" / "le-pradet"
    stale.mkdir(parents=True)
    (stale / "acte-engagement.pdf").write_bytes(b"%PDF-")
    chantier.build()
    assert not stale.parent.exists()


def test_the_reasons_name_every_change():
    from ctgdocs.build.decide import changes, reason
    from ctgdocs.build.manifest import Entry

    fp = Fingerprints("t", "1", "c")
    entry = Entry(
        "avenant",
        "pdf",
        "g",
        "s",
        {"convention.yaml": "a", "avenants/01.yaml": "b"},
        "t",
        "1",
        "c",
        "x",
        "y",
        None,
    )
    now = {"convention.yaml": "A", "avenants/02.yaml": "c"}
    changed = changes(entry, now, Fingerprints("T", "2", "c"))
    assert changed == [
        "convention.yaml",
        "avenants/02.yaml",
        "avenants/01.yaml",
        "gabarits",
        "version de ctgdocs",
    ]
    assert reason(changed) == (
        "données modifiées : convention.yaml, avenants/02.yaml, avenants/01.yaml ; gabarits "
        "modifiés ; nouvelle version de ctgdocs"
    )
    assert changes(entry, dict(entry.inputs), fp) == []
