"""Batch builds from the command line: one territory failing leaves the others built, the
summary, --dry-run, --verbose and `ctgdocs diff`, in French."""

from __future__ import annotations

import dataclasses
import io
import sys
from pathlib import Path

import pytest

import ctgdocs.app
from ctgdocs.build.report import BuildReport, Echec, summary_lines
from ctgdocs.errors import TemplateError

SEANCE = "grand-poitiers/seances/2023-06-26-poitiers.yaml"
DELIB = "grand-poitiers/poitiers-deliberation-2022-0301"
MAUSSANE = "vallee-des-baux-alpilles"
DELIB_MAUSSANE = f"{MAUSSANE}/maussane-les-alpilles-deliberation-2022-07-29-07"
RESEAU = "Un travail de mise en réseau des coordonnateurs a débuté"
AVANT = (
    f"{RESEAU} en début d'année 2023 afin d'accompagner au mieux les réponses à apporter aux "
    "besoins des familles et dans l'orientation des politiques publiques menées sur les "
    "territoires."
)
APRES = AVANT.replace("en début d'année 2023", "au printemps 2023")
# Every output of the site, in the order of the plan (territory, kind, document), html first.
OUTPUTS = [
    f"{stem}.{fmt}"
    for stem in (
        DELIB,
        "grand-poitiers/referentiel-poste-charge-cooperation",
        "grand-poitiers/referentiel-poste-coordinateur-petite-enfance",
        "grand-poitiers/referentiel-poste-coordinateur-proximite-poitiers",
        "le-pradet/acte-engagement",
        DELIB_MAUSSANE,
    )
    for fmt in ("html", "docx")
]


def test_one_invalid_territory_does_not_stop_the_others(chantier):
    chantier.edit(
        f"{MAUSSANE}/seances/2022-07-29-maussane-les-alpilles.yaml",
        "date: 2022-07-29",
        "date: 2022-08-01",
    )
    code, out, err = chantier.cli("build", "--output", "neuf")
    assert code == 1
    errors = err.splitlines()
    assert len(errors) == 4
    assert all(
        e.startswith(f"erreur : data/{MAUSSANE}/seances/2022-07-29-maussane-les-alpilles.yaml:")
        for e in errors
    )
    written = [p for p in OUTPUTS if not p.startswith(MAUSSANE)]
    assert out.splitlines() == [
        *sorted(f"écrit : neuf/{p}" for p in written),
        f"échec : {MAUSSANE} : 4 erreurs dans les données ; rien n'a été écrit pour ce territoire",
        "Résumé : 10 écrits, 0 inchangé, 1 en échec, 0 protégé.",
    ]
    assert sorted(chantier.documents(Path("neuf"))) == sorted(written)
    assert not (chantier.root / "neuf" / MAUSSANE).exists()


def test_when_every_territory_is_invalid_nothing_is_written(chantier):
    chantier.edit(
        f"{MAUSSANE}/seances/2022-07-29-maussane-les-alpilles.yaml",
        "date: 2022-07-29",
        "date: 2022-08-01",
    )
    code, out, err = chantier.cli("build", f"data/{MAUSSANE}", "--output", "neuf")
    assert (code, out) == (1, "")
    assert err.splitlines()[-1] == "4 erreurs : rien n'a été écrit."
    assert not (chantier.root / "neuf").exists()


def deliberations_raise(monkeypatch, error: BaseException) -> None:
    """Every deliberation's render raises `error`; Maussane is left out of the plan."""
    real_plan = ctgdocs.app.plan

    def broken(self=None):
        raise error

    def plan(territoires, kinds):
        return [
            dataclasses.replace(doc, render=broken) if doc.kind == "deliberation" else doc
            for doc in real_plan(territoires, kinds)
            if doc.territoire != MAUSSANE
        ]

    monkeypatch.setattr(ctgdocs.app, "plan", plan)


def test_a_render_error_drops_its_whole_territory(chantier, monkeypatch):
    deliberations_raise(
        monkeypatch, TemplateError("deliberation/recit.md.j2:3: variable inconnue « x »")
    )
    code, out, err = chantier.cli("build", "--output", "neuf")
    assert code == 1
    assert err == "erreur (modèle invalide) : deliberation/recit.md.j2:3: variable inconnue « x »\n"
    assert out.splitlines() == [
        "écrit : neuf/le-pradet/acte-engagement.docx",
        "écrit : neuf/le-pradet/acte-engagement.html",
        "échec : grand-poitiers : un document n'a pas pu être produit ; rien n'a été écrit pour "
        "ce territoire",
        "Résumé : 2 écrits, 0 inchangé, 1 en échec, 0 protégé.",
    ]
    assert not (chantier.root / "neuf" / "grand-poitiers").exists()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_crash_of_ours_is_its_territory_s_failure_only(chantier, monkeypatch, jobs):
    """A bug that raises something else than a user error (here an InvalidOperation, as a
    Decimal out of range once gave) fails its territory, named; the others are built."""
    import decimal

    deliberations_raise(monkeypatch, decimal.InvalidOperation([decimal.InvalidOperation]))
    code, out, err = chantier.cli("build", "--output", "neuf", "--jobs", jobs)
    assert code == 1
    assert err == (
        "erreur interne de ctgdocs : grand-poitiers/poitiers-deliberation-2022-0301 : "
        "InvalidOperation([<class 'decimal.InvalidOperation'>]) (signalez-la avec les données de "
        "ce territoire ; les autres territoires sont produits)\n"
    )
    assert "écrit : neuf/le-pradet/acte-engagement.docx" in out.splitlines()
    assert "Traceback" not in err
    assert not (chantier.root / "neuf" / "grand-poitiers").exists()


def test_a_write_error_leaves_its_whole_territory_as_it_was(chantier, monkeypatch):
    from ctgdocs.writers.html import HtmlWriter

    real = HtmlWriter.write

    def write(self, document, dest):
        if dest.name.startswith("poitiers-deliberation"):
            raise ValueError("refusé")
        real(self, document, dest)

    monkeypatch.setattr(HtmlWriter, "write", write)
    before = chantier.outputs()
    chantier.edit("grand-poitiers/territoire.yaml", "Caf de la Vienne\n", "Caf de Vienne\n")
    chantier.edit(SEANCE, AVANT, APRES)
    chantier.edit("le-pradet/acte.yaml", "Acte d'engagement dans", "Acte d’engagement dans")
    code, out, err = chantier.cli("build")
    assert code == 1
    assert err == (
        f"erreur (écriture impossible) : out/{DELIB}.html: le document n'a pas pu être écrit "
        "(refusé)\n"
    )
    assert out.splitlines() == [
        "écrit : out/le-pradet/acte-engagement.docx",
        "écrit : out/le-pradet/acte-engagement.html",
        "échec : grand-poitiers : un fichier n'a pas pu être écrit ; rien n'a été écrit pour ce "
        "territoire",
        "Résumé : 2 écrits, 2 inchangés, 1 en échec, 0 protégé.",
    ]
    after = chantier.outputs()
    assert [k for k in before if before[k] != after[k]] == [
        "le-pradet/acte-engagement.docx",
        "le-pradet/acte-engagement.html",
    ]
    assert not list((chantier.root / "out" / ".ctgdocs").glob("tmp-*"))


def test_dry_run_says_what_would_be_rebuilt_and_why_and_writes_nothing(chantier):
    chantier.edit(SEANCE, AVANT, APRES)
    chantier.edit("le-pradet/acte.yaml", "Acte d'engagement dans", "Acte d’engagement dans")
    (chantier.root / "out" / f"{DELIB_MAUSSANE}.html").unlink()
    before = {p: p.read_bytes() for p in (chantier.root / "out").rglob("*") if p.is_file()}
    code, out, err = chantier.cli("build", "--dry-run")
    assert (code, err) == (0, "")
    seance = "données modifiées : seances/2023-06-26-poitiers.yaml"
    assert out.splitlines() == [
        f"à reconstruire : out/{DELIB}.html ({seance})",
        f"à reconstruire : out/{DELIB}.docx ({seance})",
        "à reconstruire : out/le-pradet/acte-engagement.html (données modifiées : acte.yaml)",
        "à reconstruire : out/le-pradet/acte-engagement.docx (données modifiées : acte.yaml)",
        f"à reconstruire : out/{DELIB_MAUSSANE}.html (absent)",
        "Résumé : 5 à reconstruire, 7 inchangés, 0 en échec, 0 protégé "
        "(--dry-run : rien n'a été écrit).",
    ]
    assert {p: p.read_bytes() for p in (chantier.root / "out").rglob("*") if p.is_file()} == before
    code, out, _ = chantier.cli("build", "--dry-run", "--output", "vide")
    assert out.splitlines()[0] == f"à reconstruire : vide/{DELIB}.html (nouveau document)"
    assert not (chantier.root / "vide").exists()


def _changed_lines(out: str) -> list[str]:
    return [
        line
        for line in out.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_verbose_shows_what_changed_in_each_regenerated_document(chantier):
    chantier.edit(SEANCE, AVANT, APRES)
    code, out, err = chantier.cli("build", "--verbose")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:2] == [f"--- {DELIB} (avant)", f"+++ {DELIB} (après)"]
    assert lines[2].startswith("@@ -") and lines[2].endswith(" @@")
    assert _changed_lines(out) == [f"-{AVANT}", f"+{APRES}"]
    assert lines[-3:] == [
        f"écrit : out/{DELIB}.docx",
        f"écrit : out/{DELIB}.html",
        "Résumé : 2 écrits, 10 inchangés, 0 en échec, 0 protégé.",
    ]
    code, out, _ = chantier.cli("build", "-v", "--output", "neuf", "--kind", "acte-engagement")
    assert out.splitlines()[0] == "le-pradet/acte-engagement : nouveau document"


def test_diff_shows_what_a_build_would_change_and_writes_nothing(chantier):
    chantier.edit(SEANCE, AVANT, APRES)
    before = {p: p.read_bytes() for p in (chantier.root / "out").rglob("*") if p.is_file()}
    code, out, err = chantier.cli("diff")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:2] == [f"--- {DELIB} (avant)", f"+++ {DELIB} (après)"]
    assert _changed_lines(out) == [f"-{AVANT}", f"+{APRES}"]
    assert {p: p.read_bytes() for p in (chantier.root / "out").rglob("*") if p.is_file()} == before
    chantier.build()
    assert chantier.cli("diff") == (0, "rien à reconstruire\n", "")


def test_diff_of_a_layout_only_change_says_the_text_is_unchanged(chantier, monkeypatch):
    from ctgdocs.build.manifest import Fingerprints, fingerprints

    fp = fingerprints()
    monkeypatch.setattr(
        "ctgdocs.build.batch.fingerprints", lambda: Fingerprints("css", fp.version, fp.code)
    )
    code, out, _ = chantier.cli("diff", "--kind", "acte-engagement")
    assert (code, out) == (0, "le-pradet/acte-engagement : texte inchangé\n")


def _report(ecrits: int, inchanges: int, echecs: int, proteges: int) -> BuildReport:
    return BuildReport(
        output=Path("out"),
        ecrits=[Path(f"out/t/e{i}.pdf") for i in range(ecrits)],
        inchanges=[Path(f"out/t/i{i}.pdf") for i in range(inchanges)],
        echecs=[Echec(f"t{i}", (), "1 erreur dans les données") for i in range(echecs)],
        proteges=[
            (Path(f"out/t/p{i}.docx"), "modifié depuis sa génération") for i in range(proteges)
        ],
    )


@pytest.mark.parametrize(
    ("counts", "line"),
    [
        ((0, 0, 0, 0), "Résumé : 0 écrit, 0 inchangé, 0 en échec, 0 protégé."),
        ((1, 1, 1, 1), "Résumé : 1 écrit, 1 inchangé, 1 en échec, 1 protégé."),
        ((2, 3, 2, 2), "Résumé : 2 écrits, 3 inchangés, 2 en échec, 2 protégés."),
    ],
)
def test_the_summary_agrees_in_number(counts, line):
    assert summary_lines(_report(*counts))[-1] == line


def test_the_summary_lists_each_file_and_failure():
    report = _report(2, 1, 1, 1)
    report.mis_de_cote = [(Path("out/t/a.docx"), Path("out/t/a.modifie-1.docx"))]
    assert summary_lines(report) == [
        "écrit : out/t/e0.pdf",
        "écrit : out/t/e1.pdf",
        "mis de côté : out/t/a.docx → out/t/a.modifie-1.docx",
        "protégé : out/t/p0.docx (modifié depuis sa génération ; --force le met de côté puis le "
        "régénère)",
        "échec : t0 : 1 erreur dans les données ; rien n'a été écrit pour ce territoire",
        "Résumé : 2 écrits, 1 inchangé, 1 en échec, 1 protégé.",
    ]
    report.dry_run = True
    report.a_reconstruire = [(Path("out/t/x.pdf"), "absent")]
    assert summary_lines(report)[0] == "à reconstruire : out/t/x.pdf (absent)"
    assert summary_lines(report)[-1] == (
        "Résumé : 1 à reconstruire, 1 inchangé, 1 en échec, 1 protégé "
        "(--dry-run : rien n'a été écrit)."
    )


def test_an_unreadable_manifest_is_said_plainly(chantier):
    (chantier.root / "out" / "manifest.json").write_text("{", encoding="utf-8")
    code, _, err = chantier.cli("build")
    assert (code, err) == (
        1,
        "erreur (écriture impossible) : out/manifest.json: manifeste illisible (JSON invalide "
        "ligne 1, colonne 2) ; il a été modifié à la main ? Supprimez le dossier out pour tout "
        "reconstruire\n",
    )
    (chantier.root / "out" / "manifest.json").write_text("[]", encoding="utf-8")
    code, _, err = chantier.cli("build")
    assert "manifeste illisible (ce n'est pas un manifeste de ctgdocs)" in err


def test_the_progress_bar_shows_on_a_terminal_only(monkeypatch):
    from ctgdocs.build.progress import ProgressBar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    for stream, shown in ((Terminal(), True), (io.StringIO(), False)):
        monkeypatch.setattr(sys, "stderr", stream)
        bar = ProgressBar()
        bar(1, 2)
        bar(2, 2)
        bar.close()
        assert ("écriture des documents" in stream.getvalue()) is shown
        assert ("2/2" in stream.getvalue()) is shown


def test_dry_run_with_force_says_what_it_would_set_aside(chantier):
    path = chantier.root / "out" / "le-pradet" / "acte-engagement.html"
    path.write_bytes(path.read_bytes() + b"\n")
    code, out, _ = chantier.cli("build", "--dry-run", "--force")
    assert (code, out.splitlines()) == (
        0,
        [
            "à reconstruire : out/le-pradet/acte-engagement.html (modifié depuis sa génération : "
            "mis de côté puis régénéré)",
            "Résumé : 1 à reconstruire, 11 inchangés, 0 en échec, 0 protégé "
            "(--dry-run : rien n'a été écrit).",
        ],
    )


def test_a_system_error_names_the_file(tmp_path, monkeypatch):
    from ctgdocs.build.produce import WriteJob, write
    from ctgdocs.writers.html import HtmlWriter

    def full(self, document, dest):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(HtmlWriter, "write", full)
    job = WriteJob("t/d.html", "html", None, tmp_path / "x", Path("out/t/d.html"))
    assert write(job) == [
        "erreur (écriture impossible) : out/t/d.html: disque plein ; libérez de la place ou "
        "écrivez sur un autre disque"
    ]
