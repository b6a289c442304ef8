"""Nothing is lost: files edited by hand, signed documents, builds killed or run at once."""

from __future__ import annotations

import fcntl
import io
import json
import os
import select
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest

from ctgdocs.paths import FONTS_DIR
from ctgdocs.render.fonts import FOLDER
from support.chantier import Chantier, built_site, sha256, shared_site

MAUSSANE = "vallee-des-baux-alpilles"
SEANCE_MAUSSANE = f"{MAUSSANE}/seances/2022-07-29-maussane-les-alpilles.yaml"
LANCEE = "La démarche territoriale a été lancée le 11 décembre 2019."
DELIB = f"{MAUSSANE}/maussane-les-alpilles-deliberation-2022-07-29-07"
RAPPEL = "--force le met de côté puis le régénère"
ACTES_POITIERS = "grand-poitiers/poitiers-deliberation-2022-0301.actes.json"


def test_a_docx_edited_in_word_is_protected_then_set_aside_with_force(chantier):
    path = chantier.root / "out" / f"{DELIB}.docx"
    document = docx.Document(str(path))
    document.add_paragraph("Paragraphe ajouté dans Word.")
    document.save(str(path))
    edited = path.read_bytes()
    chantier.edit(SEANCE_MAUSSANE, LANCEE, "La démarche territoriale a été lancée en 2019.")
    code, out, err = chantier.cli("build")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"écrit : out/{DELIB}.html",
        f"protégé : out/{DELIB}.docx (modifié depuis sa génération ; {RAPPEL})",
        "Résumé : 1 écrit, 10 inchangés, 0 en échec, 1 protégé.",
    ]
    assert path.read_bytes() == edited
    code, out, err = chantier.cli("build", "--force")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"écrit : out/{DELIB}.docx",
        f"mis de côté : out/{DELIB}.docx → out/{DELIB}.modifie-1.docx",
        "Résumé : 1 écrit, 11 inchangés, 0 en échec, 0 protégé.",
    ]
    assert (chantier.root / "out" / f"{DELIB}.modifie-1.docx").read_bytes() == edited
    assert chantier.manifest()["fichiers"][f"{DELIB}.docx"]["sha256"] == sha256(path.read_bytes())
    chantier.build(output=Path("frais"))
    assert path.read_bytes() == (chantier.root / "frais" / f"{DELIB}.docx").read_bytes()
    # A second hand edit, forced again, goes to the next free name.
    path.write_bytes(edited)
    code, out, _ = chantier.cli("build", "--force")
    assert f"mis de côté : out/{DELIB}.docx → out/{DELIB}.modifie-2.docx" in out.splitlines()


def test_a_file_the_manifest_does_not_know_is_not_overwritten(chantier):
    data = chantier.manifest()
    del data["fichiers"][f"{DELIB}.html"]
    (chantier.root / "out" / "manifest.json").write_text(json.dumps(data), encoding="utf-8")
    before = (chantier.root / "out" / f"{DELIB}.html").read_bytes()
    code, out, _ = chantier.cli("build", "--dry-run")
    assert out.splitlines() == [
        f"protégé : out/{DELIB}.html (fichier inconnu du manifeste ; {RAPPEL})",
        "Résumé : 0 à reconstruire, 11 inchangés, 0 en échec, 1 protégé "
        "(--dry-run : rien n'a été écrit).",
    ]
    chantier.edit(SEANCE_MAUSSANE, LANCEE, "La démarche territoriale a été lancée en 2019.")
    code, out, _ = chantier.cli("build")
    assert code == 0
    assert out.splitlines() == [
        f"écrit : out/{DELIB}.docx",
        f"protégé : out/{DELIB}.html (fichier inconnu du manifeste ; {RAPPEL})",
        "Résumé : 1 écrit, 10 inchangés, 0 en échec, 1 protégé.",
    ]
    assert (chantier.root / "out" / f"{DELIB}.html").read_bytes() == before


# --- signed documents ------------------------------------------------------------------

SIGNE = "grand-chatellerault"
FIGE = (
    "erreur : grand-chatellerault/convention : document signé le 31 décembre 2019 ; son texte "
    "ne peut plus changer (modifié depuis : convention.yaml). Pour le modifier, écrivez un "
    "avenant dans data/grand-chatellerault/avenants/ ; le document signé reste tel quel.\n"
)


@pytest.fixture
def base_signee(tmp_path_factory):
    return shared_site(tmp_path_factory, (SIGNE, "le-pradet"), ("html",))


@pytest.fixture
def signee(base_signee, tmp_path, monkeypatch) -> Chantier:
    return Chantier.copy(base_signee, tmp_path, monkeypatch, formats=("html",))


def _edit_signed_and_pradet(chantier: Chantier) -> None:
    chantier.edit(
        f"{SIGNE}/convention.yaml", "territoire en mouvement", "territoire en plein mouvement"
    )
    chantier.edit(
        "le-pradet/acte.yaml",
        "objet: Acte d'engagement dans la démarche",
        "objet: Acte d’engagement dans la démarche",
    )


def test_a_signed_document_s_text_is_frozen(signee):
    assert signee.manifest()["fichiers"][f"{SIGNE}/convention.html"]["signe_le"] == "2019-12-31"
    before = signee.outputs()
    _edit_signed_and_pradet(signee)
    n = len(signee.build(dry_run=True).inchanges)  # of grand-chatellerault, not depending on it
    echec = (
        "échec : grand-chatellerault : document signé modifié (convention) ; rien n'a été écrit "
        "pour ce territoire"
    )
    code, out, err = signee.cli("build")
    assert (code, err) == (1, FIGE)
    assert out.splitlines() == [
        "écrit : out/le-pradet/acte-engagement.html",
        echec,
        f"Résumé : 1 écrit, {n} inchangé{'s' if n > 1 else ''}, 1 en échec, 0 protégé.",
    ]
    code, out, err = signee.cli("build", "--force")  # --force does not unfreeze a signed text
    assert (code, err) == (1, FIGE)
    assert out.splitlines() == [
        echec,
        f"Résumé : 0 écrit, {n + 1} inchangés, 1 en échec, 0 protégé.",
    ]
    after = signee.outputs()
    assert {k: v for k, v in after.items() if k.startswith(SIGNE)} == {
        k: v for k, v in before.items() if k.startswith(SIGNE)
    }
    assert after["le-pradet/acte-engagement.html"] != before["le-pradet/acte-engagement.html"]
    code, out, err = signee.cli("diff")  # shows what changed in the signed text, and refuses it
    assert (code, err) == (1, FIGE)
    assert "--- grand-chatellerault/convention (avant)" in out.splitlines()
    changed = [line for line in out.splitlines() if line.startswith(("+", "-"))]
    assert any(line.startswith("+") and "en plein mouvement" in line for line in changed)


def test_a_draft_recorded_unsigned_may_still_change(signee):
    """Signing freezes from the first build that records the document signed."""
    data = signee.manifest()
    for entry in data["fichiers"].values():
        if entry["stem"] == "convention":
            entry["signe_le"] = None
    (signee.root / "out" / "manifest.json").write_text(json.dumps(data), encoding="utf-8")
    _edit_signed_and_pradet(signee)
    report = signee.build()
    assert report.ok
    assert "grand-chatellerault/convention.html" in signee.rel(report.ecrits)
    entry = signee.manifest()["fichiers"]["grand-chatellerault/convention.html"]
    assert entry["signe_le"] == "2019-12-31"  # and from now on, frozen
    signee.edit(f"{SIGNE}/convention.yaml", "en plein mouvement", "en mouvement")
    code, _, err = signee.cli("build")
    assert (code, err) == (1, FIGE)


# --- the lock: builds at once ----------------------------------------------------------


def test_a_second_build_waits_for_the_first_and_says_so(chantier):
    lock = chantier.root / "out" / ".ctgdocs" / "verrou"
    fd = os.open(lock, os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        proc = chantier.process("--format", "html,docx")
        ready, _, _ = select.select([proc.stderr], [], [], 30)
        assert ready, "the build did not say it waits"
        assert proc.stderr.readline() == "attente : un autre build écrit dans out/…\n"
        time.sleep(0.2)
        assert proc.poll() is None  # still waiting
    finally:
        os.close(fd)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and err == ""
    assert out == "Résumé : 0 écrit, 12 inchangés, 0 en échec, 0 protégé.\n"


def test_two_builds_at_once_on_one_output_folder(chantier):
    procs = [chantier.process("--format", "html,docx", "--output", "neuf") for _ in range(2)]
    results = [proc.communicate(timeout=120) for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0]
    assert sorted(out.splitlines()[-1] for out, _ in results) == [
        "Résumé : 0 écrit, 12 inchangés, 0 en échec, 0 protégé.",
        "Résumé : 12 écrits, 0 inchangé, 0 en échec, 0 protégé.",
    ]
    assert {err for _, err in results} <= {"", "attente : un autre build écrit dans neuf/…\n"}
    files = json.loads((chantier.root / "neuf" / "manifest.json").read_text())["fichiers"]
    outputs = chantier.outputs(Path("neuf"))
    assert sorted(files) == sorted(outputs)
    assert all(files[k]["sha256"] == sha256(v) for k, v in outputs.items())


# --- a build killed midway -------------------------------------------------------------


def whole(name: str, data: bytes) -> bool:
    if name.endswith(".pdf"):
        return data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    if name.endswith(".docx"):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return z.testzip() is None and "word/document.xml" in z.namelist()
    if name.endswith(".actes.json"):
        return isinstance(json.loads(data), dict)
    if name.startswith(f"{FOLDER}/"):  # the previews' fonts: the shipped files
        return data == (FONTS_DIR / name.split("/")[1]).read_bytes()
    return data.rstrip().endswith(b"</html>")


# Run as `python -c SLOW_RENAMES build …`: ctgdocs, with a pause after each file renamed into
# place, so that a kill lands between two renames.
SLOW_RENAMES = """
import os, sys, time
real = os.replace
def replace(src, dst):
    real(src, dst)
    if "tmp-" in str(src) and "tmp-" not in str(dst):
        time.sleep(0.3)
os.replace = replace
sys.argv[0] = "ctgdocs"
from ctgdocs.cli import main
main()
"""


def _staged(out: Path) -> bool:
    return any(p.is_file() for p in (out / ".ctgdocs").glob("tmp-*/*/*"))


def _pending(out: Path) -> bool:
    try:
        return '"pending": true' in (out / "manifest.json").read_text(encoding="utf-8")
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.parametrize("moment", ["staging", "renames"])
def test_a_build_killed_midway_leaves_whole_files_old_or_new(tmp_path, monkeypatch, moment):
    root = built_site(tmp_path / "site", ("grand-poitiers", MAUSSANE), ("pdf", "docx", "html"))
    chantier = Chantier(root, formats=("pdf", "docx", "html"))
    monkeypatch.chdir(root)
    old = chantier.outputs()
    chantier.edit("grand-poitiers/territoire.yaml", "Caf de la Vienne\n", "Caf de Vienne\n")
    chantier.edit(
        "grand-poitiers/seances/2023-06-26-poitiers.yaml", "en début d'année 2023", "en 2023"
    )
    chantier.edit(SEANCE_MAUSSANE, LANCEE, "La démarche territoriale a été lancée en 2019.")
    assert chantier.build(output=Path("nouveau"), jobs=2).ok
    new = chantier.outputs(Path("nouveau"))
    # every document's file is rebuilt; the @CTES metadata of the Poitiers act says nothing
    # edited here; the previews' fonts are the same files
    documents = chantier.documents()
    assert len(documents) == 16 and [k for k in documents if old[k] == new[k]] == [ACTES_POITIERS]
    assert all(old[k] == new[k] for k in old.keys() - documents.keys())

    args = ["build", "data", "--output", "out", "--jobs", "2"]
    if moment == "staging":
        command = [sys.executable, "-m", "ctgdocs", *args]
        ready = _staged
    else:
        command = [sys.executable, "-c", SLOW_RENAMES, *args]

        def ready(out: Path) -> bool:  # the manifest is pending and a first file renamed
            return _pending(out) and chantier.outputs() != old

    proc = subprocess.Popen(command, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not ready(root / "out") and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL  # killed, not finished

    now = chantier.outputs()
    assert sorted(now) == sorted(old)
    assert all(whole(k, v) for k, v in now.items())
    assert all(v in (old[k], new[k]) for k, v in now.items())
    if moment == "renames":
        assert any(v != old[k] for k, v in now.items())  # killed between two renames

    report = chantier.build()
    assert report.ok and report.proteges == []
    assert chantier.outputs() == new
    assert not list((root / "out" / ".ctgdocs").glob("tmp-*"))
    # the text store is brought up to date too: each stored text is the one of its files
    assert _texts(root / "out") == _texts(root / "nouveau")
    assert not list((root / "out" / ".ctgdocs").rglob("*.nouveau"))


def _texts(out: Path) -> dict[str, str]:
    store = out / ".ctgdocs" / "textes"
    return {str(p.relative_to(store)): p.read_text(encoding="utf-8") for p in store.rglob("*.txt")}


def test_a_staged_text_is_kept_only_if_its_files_hold_it(tmp_path):
    import hashlib

    from ctgdocs.build import commit as workdir

    out = tmp_path / "out"
    for stem, text in (("renomme", "nouveau texte A"), ("pas-renomme", "nouveau texte B")):
        workdir.text_path(out, "t", stem).parent.mkdir(parents=True, exist_ok=True)
        workdir.text_path(out, "t", stem).write_text("ancien", encoding="utf-8")
        workdir.stage_text(out, "t", stem, text)
    in_place = {("t", "renomme"): {hashlib.sha256(b"nouveau texte A").hexdigest()}}
    workdir.settle_texts(out, lambda t, s: in_place.get((t, s), {"autre"}))
    assert workdir.read_text(out, "t", "renomme") == "nouveau texte A"
    assert workdir.read_text(out, "t", "pas-renomme") == "ancien"
    assert not list(out.rglob("*.nouveau"))
