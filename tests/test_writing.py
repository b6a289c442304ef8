"""No command writes over a file it read or into the data; an output folder that cannot be used
gets a French message naming it and what to do, and the outputs in place stay intact (issue 16,
« Writing »). The read-only, full and other-device folders are real tmpfs mounts (root only)."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DATA, POITIERS
from ctgdocs.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@contextlib.contextmanager
def tmpfs(where: Path, options: str) -> Iterator[Path]:
    where.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"monter un tmpfs demande les droits root ({mounted.stderr.decode().strip()})")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=True)


@pytest.fixture
def poitiers(copie):
    return copie(POITIERS)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


# --- never over what is read --------------------------------------------------------------


def test_export_refuses_to_write_over_a_data_file(poitiers):
    before = snapshot(poitiers.dir)
    code, out, err = run(
        "export", "scdl", str(poitiers.dir), "-o", str(poitiers.path("territoire.yaml"))
    )
    assert code == 1 and out == ""
    assert err == (
        f"erreur (écriture impossible) : {POITIERS}/territoire.yaml : dans le dossier de données "
        f"{POITIERS}, que ctgdocs lit ; écrivez l'export hors des données (ex. : -o export.csv)\n"
    )
    assert snapshot(poitiers.dir) == before


def test_export_refuses_a_link_to_a_data_file(poitiers, tmp_path):
    (tmp_path / "lien.csv").symlink_to(poitiers.path("territoire.yaml"))
    before = snapshot(poitiers.dir)
    code, _, err = run("export", "scdl", str(poitiers.dir), "-o", "lien.csv")
    assert code == 1
    assert err.startswith("erreur (écriture impossible) : lien.csv : dans le dossier de données")
    assert snapshot(poitiers.dir) == before


def test_export_refuses_a_file_inside_the_data_folder_or_the_templates(poitiers):
    from ctgdocs.paths import TEMPLATES_DIR

    code, _, err = run(
        "export", "scdl", str(poitiers.dir), "-o", str(poitiers.path("seances/x.csv"))
    )
    assert code == 1 and "dans le dossier de données" in err
    assert not poitiers.path("seances/x.csv").exists()
    code, _, err = run("export", "scdl", str(poitiers.dir), "-o", str(TEMPLATES_DIR / "x.csv"))
    assert code == 1 and "dans le dossier des modèles, que ctgdocs lit" in err
    assert not (TEMPLATES_DIR / "x.csv").exists()


def test_export_to_a_folder_is_refused_in_french(poitiers, tmp_path):
    (tmp_path / "exports").mkdir()
    code, _, err = run("export", "scdl", str(poitiers.dir), "-o", "exports")
    assert code == 1
    assert err == (
        "erreur (écriture impossible) : exports : est un dossier ; donnez le nom du fichier à "
        "écrire (ex. : -o export.csv)\n"
    )


def test_export_writes_elsewhere(poitiers):
    code, _, err = run("export", "scdl", str(poitiers.dir), "-o", "export.csv")
    assert code == 0 and err == "écrit : export.csv (1 délibération)\n"


@pytest.mark.parametrize("output", ["{data}", "{data}/sorties", "."])
def test_build_refuses_an_output_folder_in_or_over_the_data(poitiers, output):
    before = snapshot(poitiers.dir)
    given = output.format(data=POITIERS)
    for command in ("build", "diff"):
        code, _, err = run(command, str(poitiers.dir), "--output", given, "--format", "html")
        assert code == 1
        assert err == (
            f"erreur (écriture impossible) : --output {given} : ctgdocs écrirait dans le dossier "
            f"de données {POITIERS} ; choisissez un dossier de sortie hors des données et des "
            "modèles (par défaut : output/)\n"
        )
    assert snapshot(poitiers.dir) == before


def test_build_refuses_the_templates_folder(poitiers):
    from ctgdocs.paths import TEMPLATES_DIR

    code, _, err = run("build", str(poitiers.dir), "--output", str(TEMPLATES_DIR / "sortie"))
    assert code == 1 and "ctgdocs écrirait dans le dossier des modèles" in err
    assert not (TEMPLATES_DIR / "sortie").exists()


# --- folders that cannot be used ----------------------------------------------------------


def test_an_output_that_is_a_file(poitiers, tmp_path):
    (tmp_path / "sortie").write_text("pas un dossier", encoding="utf-8")
    code, _, err = run("build", str(poitiers.dir), "--output", "sortie", "--format", "html")
    assert code == 1
    assert err == (
        "erreur (écriture impossible) : sortie : est un fichier, pas un dossier ; donnez à "
        "--output un dossier (il est créé s'il n'existe pas)\n"
    )
    assert (tmp_path / "sortie").read_text(encoding="utf-8") == "pas un dossier"


def test_a_read_only_output_folder(poitiers, tmp_path):
    with tmpfs(tmp_path / "lecture-seule", "ro,size=1m"):
        code, _, err = run(
            "build", str(poitiers.dir), "--output", "lecture-seule", "--format", "html"
        )
    assert code == 1
    assert err == (
        "erreur (écriture impossible) : lecture-seule : dossier en lecture seule ou sans droit "
        "d'écriture ; donnez à --output un dossier où vous pouvez écrire ; les fichiers déjà en "
        "place n'ont pas changé\n"
    )


def test_a_full_disk_leaves_the_previous_outputs_intact(poitiers, tmp_path):
    with tmpfs(tmp_path / "plein", "size=3m") as out:
        code, _, _ = run("build", str(poitiers.dir), "--output", "plein", "--format", "html")
        assert code == 0
        before = snapshot(out)
        poitiers.edit("seances/2023-06-26-poitiers.yaml", "heure: ", "# retouche\n  heure: ")
        filler = out / "remplissage"
        subprocess.run(
            ["dd", "if=/dev/zero", f"of={filler}", "bs=64k"], capture_output=True, check=False
        )
        code, _, err = run("build", str(poitiers.dir), "--output", "plein", "--format", "pdf,html")
        filler.unlink()
        after = snapshot(out)
    assert code == 1
    assert "disque plein ; libérez de la place" in err
    assert "Traceback" not in err and "erreur interne" not in err
    assert {k: v for k, v in after.items() if not k.startswith(".ctgdocs")} == {
        k: v for k, v in before.items() if not k.startswith(".ctgdocs")
    }


def test_a_territory_folder_on_another_device_is_written(poitiers, tmp_path):
    with tmpfs(tmp_path / "sortie" / POITIERS, "size=20m") as mounted:
        code, out, err = run("build", str(poitiers.dir), "--output", "sortie", "--format", "html")
        written = sorted(p.name for p in mounted.glob("*.html"))
        leftovers = [p.name for p in mounted.iterdir() if p.name.startswith(".")]
    assert (code, err) == (0, "")
    assert written and "4 écrits" in out
    assert leftovers == []


def test_the_examples_still_build_into_output_beside_the_data(tmp_path):
    code, _, err = run(
        "build",
        str(DATA / POITIERS),
        "--output",
        str(tmp_path / "output"),
        "--format",
        "html",
        "--dry-run",
    )
    assert (code, err) == (0, "")


@pytest.mark.parametrize(
    ("code", "said"),
    [
        (28, "disque plein ; libérez de la place ou écrivez sur un autre disque"),
        (30, "écriture interdite (dossier en lecture seule ou sans droit d'écriture)"),
        (13, "écriture interdite (dossier en lecture seule ou sans droit d'écriture)"),
        (20, "un fichier occupe la place d'un dossier de sortie"),
        (21, "un dossier occupe la place du fichier"),
        (36, "nom de fichier trop long pour ce disque"),
        (5, "écriture impossible (erreur système 5 : Input/output error)"),
    ],
)
def test_every_reason_a_file_cannot_be_written_is_french(code, said):
    import os

    from ctgdocs.build import destination

    assert destination.reason(OSError(code, os.strerror(code))) == said


def test_another_system_error_on_the_output_folder_names_the_file(tmp_path):
    from ctgdocs.build import destination

    error = destination.output_error(
        OSError(5, "Input/output error", str(tmp_path / "x")), tmp_path / "out"
    )
    assert str(error).endswith(
        f"out : écriture impossible (erreur système 5 : Input/output error) ({tmp_path / 'x'}) ; "
        "les fichiers déjà en place n'ont pas changé"
    )
