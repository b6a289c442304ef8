"""The command line: French messages, exit statuses, nothing written on bad data."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from conftest import DATA, MAUSSANE, ROOT, SEANCE_MAUSSANE
from ctgdocs.cli import main
from ctgdocs.model.schema import json_schema


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_validate_ok():
    code, out, _ = run("validate", str(DATA))
    assert code == 0
    lignes = out.splitlines()
    assert lignes[0] == (
        "données valides : 7 territoires (charente, grand-chatellerault, grand-poitiers, "
        "haute-somme-illustratif, le-pradet, val-de-saire-illustratif, vallee-des-baux-alpilles)"
    )
    # the examples imported from the COG (sources.cog) say what the official files lack;
    # Charente, typed by hand, has no such list (tests/test_import_territoire.py: each line)
    assert [ligne for ligne in lignes if ligne.startswith("à compléter")] == [
        f"à compléter ({t}) :"
        for t in (
            "grand-chatellerault",
            "grand-poitiers",
            "haute-somme-illustratif",
            "le-pradet",
            "val-de-saire-illustratif",
            "vallee-des-baux-alpilles",
        )
    ]
    assert len(lignes) == 1 + 6 + 10


def test_validate_reports_every_error_and_exits_1(copie):
    c = copie(MAUSSANE)
    c.edit(SEANCE_MAUSSANE, "heure: 19h00", "heure: 25h00")
    c.edit(SEANCE_MAUSSANE, "date: 2022-07-29", "date: 2022-08-01")
    code, out, err = run("validate", str(c.dir))
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert lines[0].startswith(f"erreur : {MAUSSANE}/{SEANCE_MAUSSANE}:")
    assert lines[-1] == "1 erreur : rien n'a été écrit."  # schema errors stop before the rules


def test_build_writes_nothing_when_data_is_invalid(copie, tmp_path):
    c = copie(MAUSSANE)
    c.edit(SEANCE_MAUSSANE, "date: 2022-07-29", "date: 2022-08-01")
    code, _, err = run("build", str(c.dir), "--output", str(tmp_path / "out"))
    assert code == 1
    assert err.splitlines()[-1] == "4 erreurs : rien n'a été écrit."
    assert not (tmp_path / "out").exists()


def test_build_html_names_files_after_collectivite_and_kind(tmp_path):
    code, out, _ = run(
        "build",
        str(DATA),
        "--kind",
        "deliberation",
        "--format",
        "html",
        "--output",
        str(tmp_path),
        "--jobs",
        "1",
    )
    assert code == 0
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.html")) == [
        "grand-chatellerault/grand-chatellerault-deliberation-2024-12-16-12.html",
        "grand-poitiers/poitiers-deliberation-2022-0301.html",
        "haute-somme-illustratif/cc-haute-somme-deliberation-2024-041.html",
        "haute-somme-illustratif/peronne-deliberation-2026-58.html",
        "haute-somme-illustratif/peronne-deliberation-2026-59.html",
        "val-de-saire-illustratif/saint-vaast-la-hougue-deliberation-2023-58.html",
        "val-de-saire-illustratif/saint-vaast-la-hougue-deliberation-2023-59.html",
        "vallee-des-baux-alpilles/maussane-les-alpilles-deliberation-2022-07-29-07.html",
    ]
    assert out.splitlines() == [
        f"écrit : {tmp_path}/grand-chatellerault/grand-chatellerault-deliberation-2024-12-16-12.html",
        f"écrit : {tmp_path}/grand-poitiers/poitiers-deliberation-2022-0301.html",
        f"écrit : {tmp_path}/haute-somme-illustratif/cc-haute-somme-deliberation-2024-041.html",
        f"écrit : {tmp_path}/haute-somme-illustratif/peronne-deliberation-2026-58.html",
        f"écrit : {tmp_path}/haute-somme-illustratif/peronne-deliberation-2026-59.html",
        f"écrit : {tmp_path}/val-de-saire-illustratif/saint-vaast-la-hougue-deliberation-2023-58.html",
        f"écrit : {tmp_path}/val-de-saire-illustratif/saint-vaast-la-hougue-deliberation-2023-59.html",
        f"écrit : {tmp_path}/vallee-des-baux-alpilles/maussane-les-alpilles-deliberation-2022-07-29-07.html",
        "Résumé : 8 écrits, 0 inchangé, 0 en échec, 0 protégé.",
    ]


def test_unknown_format_and_kind():
    code, _, err = run("build", str(DATA), "--format", "odt")
    assert (code, err) == (
        1,
        "erreur (utilisation) : format inconnu « odt » ; formats connus : docx, pdf, html\n",
    )
    code, _, err = run("build", str(DATA), "--kind", "conventions")
    assert (code, err) == (
        1,
        "erreur (utilisation) : type de document inconnu « conventions » ; types connus : "
        "deliberation, liste-deliberations, convention, referentiel-poste, tableau-etp, grille-evaluation, "
        "acte-engagement, avenant\n",
    )


def test_missing_folder(tmp_path):
    code, _, err = run("validate", str(tmp_path / "nulle-part"))
    assert code == 1
    assert err.splitlines()[0] == f"erreur : {tmp_path / 'nulle-part'}: dossier introuvable"
    code, _, err = run("validate", str(tmp_path))
    assert (
        err.splitlines()[0]
        == f"erreur : {tmp_path}: aucun territoire ici (aucun territoire.yaml trouvé)"
    )


def test_no_path_given():
    code, _, err = run("validate")
    assert code == 2
    assert "indiquez au moins un dossier de données (ex. : data/)" in err


def test_kinds():
    assert run("kinds") == (
        0,
        "deliberation\tExtrait du registre des délibérations\n"
        "liste-deliberations\tListe des délibérations d'une séance (affichage et mise en ligne)\n"
        "convention\tConvention territoriale globale\n"
        "referentiel-poste\tRéférentiel de poste\n"
        "tableau-etp\tTableau des ETP de coordination\n"
        "grille-evaluation\tGrille d'évaluation de la coordination\n"
        "acte-engagement\tActe d'engagement dans la démarche CTG\n"
        "avenant\tAvenant à la convention ou à l'acte d'engagement\n",
        "",
    )


def test_schema_is_published_and_up_to_date():
    for name in ("territoire", "seance", "convention", "coordination", "acte", "avenant"):
        code, out, _ = run("schema", name)
        assert code == 0
        published = json.loads(
            (ROOT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")
        )
        assert json.loads(out) == published == json_schema(name), "régénérez avec : make schema"
        assert "Identifiant" in out or "identifiant" in out.lower()


def test_examples_point_editors_at_the_schema():
    for path in DATA.rglob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        kind = {"seances": "seance", "avenants": "avenant"}.get(path.parent.name, path.stem)
        assert first.startswith("# yaml-language-server: $schema=") and first.endswith(
            f"schema/{kind}.schema.json"
        )
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target == (ROOT / "schema" / f"{kind}.schema.json")


def test_no_traceback_for_a_broken_file(copie):
    """A real process: exit 1, French message, no Python traceback."""
    c = copie(MAUSSANE)
    c.path(SEANCE_MAUSSANE).write_bytes(b"seance:\n  date: \xe9t\xe9\n")
    proc = subprocess.run(
        [sys.executable, "-m", "ctgdocs", "validate", str(c.dir)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert (
        f"{MAUSSANE}/{SEANCE_MAUSSANE}:2:9: le fichier n'est pas encodé en UTF-8 (octet 0xE9 invalide)"
        in proc.stderr
    )


def test_validate_does_not_import_the_renderers():
    code = "import sys, ctgdocs.cli, ctgdocs.app; ctgdocs.app.validate([__import__('pathlib').Path('data')]); print('weasyprint' in sys.modules, 'docxtpl' in sys.modules)"
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert proc.stdout.strip() == "False False"


def test_two_sessions_writing_one_file_are_refused(copie, tmp_path):
    """Two session files of one commune with the same deliberation number would collide."""
    c = copie(MAUSSANE)
    source = c.path(SEANCE_MAUSSANE)
    source.with_name("2022-07-30-maussane-les-alpilles.yaml").write_text(
        source.read_text(encoding="utf-8"), encoding="utf-8"
    )
    out = tmp_path / "out"
    code, _, err = run("build", str(c.dir), "--output", str(out), "--format", "html")
    assert code == 1
    dest = out / MAUSSANE / "maussane-les-alpilles-deliberation-2022-07-29-07.html"
    assert (
        err
        == f"erreur (écriture impossible) : deux documents seraient écrits dans {dest} : numéros en double ?\n"
    )
    assert not out.exists()


def test_an_internal_error_is_said_plainly_and_debug_shows_it(monkeypatch):
    import ctgdocs.app

    def broken(paths):
        raise RuntimeError("boum")

    monkeypatch.setattr(ctgdocs.app, "validate", broken)
    code, _, err = run("validate", str(DATA))
    assert (code, err) == (
        2,
        "erreur interne de ctgdocs : RuntimeError('boum') (relancez avec --debug pour le détail)\n",
    )
    result = CliRunner().invoke(main, ["--debug", "validate", str(DATA)])
    assert isinstance(result.exception, RuntimeError)
