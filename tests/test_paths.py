"""No value from the data can make a file be written outside the output folder.

File names come from the data: a deliberation's number (documents.base.slug), the ids of
organisations and postes, the number of an avenant. Ids are restricted by a pattern; a number is
free text, turned into a safe name part. A copy of the Maussane example gets deliberations with
hostile numbers and is built in HTML: every file is inside the output folder, has a name no
system reserves, and a name of at most 120 characters; two numbers that give one name are
refused, never written one over the other.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import yaml

from conftest import MAUSSANE, SEANCE_MAUSSANE
from ctgdocs.app import BuildOptions, build
from ctgdocs.documents.base import slug
from ctgdocs.errors import OutputError

MAX_NAME = 120
WINDOWS_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    "clock$",
    "conin$",
    "conout$",
    *(f"com{i}" for i in "0123456789¹²³"),
    *(f"lpt{i}" for i in "0123456789¹²³"),
}

HOSTILE_NUMBERS = (
    "../../etc/passwd",
    "..",
    ".",
    "/tmp/absolu",
    "C:\\Windows\\win.ini",
    "\\\\serveur\\partage",
    "~/x",
    "CON",
    "NUL",
    "aux",
    "com1",
    "LPT9.txt",
    "nom:flux",
    "a\u202ecod.exe",
    "日本語",
    "2022/" + "9" * 300,
)


def set_deliberations(seance: Path, numeros: list[str]) -> None:
    """The séance with one copy of its deliberation per number."""
    data = yaml.safe_load(seance.read_text(encoding="utf-8"))
    (model,) = data["deliberations"]
    data["deliberations"] = [{**copy.deepcopy(model), "numero": n} for n in numeros]
    seance.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def written_names(out: Path) -> list[Path]:
    return [p for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")]


def check_name(path: Path, out: Path) -> None:
    assert path.resolve().is_relative_to(out.resolve()), path
    assert len(path.name) <= MAX_NAME, path.name
    stem = path.name.split(".")[0].lower()  # Windows reserves « CON.txt » too
    assert stem not in WINDOWS_RESERVED, path.name
    assert re.fullmatch(r"[a-z0-9][a-z0-9.-]*", path.name), path.name


@pytest.mark.parametrize("numero", HOSTILE_NUMBERS)
def test_a_hostile_number_gives_a_safe_name_inside_the_output(copie, numero: str) -> None:
    c = copie(MAUSSANE)
    set_deliberations(c.path(SEANCE_MAUSSANE), [numero])
    out = Path("out").resolve()
    report = build([c.dir], BuildOptions(output=out, formats=("html",), jobs=1))
    assert not report.echecs
    (html,) = report.ecrits
    check_name(html, out)
    assert html.parent == out / MAUSSANE
    for path in written_names(out):  # the manifest and text store too
        assert path.resolve().is_relative_to(out.resolve()), path


def test_all_hostile_numbers_together_give_distinct_safe_names(copie) -> None:
    c = copie(MAUSSANE)
    # One number per name: « NUL » and « nul », « .. » and « 日本語 » give one name (see below).
    numeros = list({slug(n): n for n in HOSTILE_NUMBERS}.values())
    assert len(numeros) >= 10
    set_deliberations(c.path(SEANCE_MAUSSANE), numeros)
    out = Path("out").resolve()
    report = build([c.dir], BuildOptions(output=out, formats=("html", "docx"), jobs=1))
    assert not report.echecs
    assert len(report.ecrits) == 2 * len(numeros)
    for path in report.ecrits:
        check_name(path, out)


def test_a_long_collectivite_id_and_a_long_number_give_a_name_of_at_most_120_characters(
    copie,
) -> None:
    # An id is at most 60 characters (model.base.Identifiant), a number is free text.
    long_id = "m" * 60
    c = copie(MAUSSANE)
    for rel in ("territoire.yaml", SEANCE_MAUSSANE):
        path = c.path(rel)
        path.write_text(
            path.read_text(encoding="utf-8").replace("maussane-les-alpilles", long_id),
            encoding="utf-8",
        )
    set_deliberations(c.path(SEANCE_MAUSSANE), ["x" * 300])
    out = Path("out").resolve()
    report = build([c.dir], BuildOptions(output=out, formats=("html", "docx", "pdf"), jobs=1))
    assert not report.echecs
    assert len(report.ecrits) == 3
    for path in report.ecrits:
        check_name(path, out)


@pytest.mark.parametrize(
    "numeros",
    [
        ("2022/1A", "2022/1a"),
        ("Délib-1", "Delib-1"),
        ("2022/07/29/07", "2022-07-29-07"),
        ("CON", "con"),
        ("9" * 300, "9" * 299 + "8"),
        ("..", "日本語"),
    ],
    ids=["case", "accent", "punctuation", "reserved", "long", "no-letter"],
)
def test_two_numbers_giving_one_name_are_refused(copie, numeros: tuple[str, str]) -> None:
    c = copie(MAUSSANE)
    set_deliberations(c.path(SEANCE_MAUSSANE), list(numeros))
    out = Path("out").resolve()
    with pytest.raises(OutputError) as error:
        build([c.dir], BuildOptions(output=out, formats=("html",), jobs=1))
    stem = f"maussane-les-alpilles-deliberation-{slug(numeros[0])}"
    assert str(error.value) == (
        f"deux documents seraient écrits dans {out / MAUSSANE / stem}.html : numéros en double ?"
    )
    assert not written_names(out)


def test_a_path_as_an_organisation_id_is_refused(copie) -> None:
    c = copie(MAUSSANE)
    c.edit("territoire.yaml", "  mouries: {type: commune", "  ../x: {type: commune")
    problems = c.problems()
    assert problems
    assert any("../x" in p and "identifiant invalide" in p for p in problems), problems
    assert all(p.startswith("vallee-des-baux-alpilles/territoire.yaml:") for p in problems)
    assert not Path("out").exists()


@pytest.mark.parametrize("numero", ["2022/07/29/07", "2023-0301", "DEL 2022 / 12", "n° 5"])
def test_slug_of_a_normal_number_is_unchanged(numero: str) -> None:
    expected = {
        "2022/07/29/07": "2022-07-29-07",
        "2023-0301": "2023-0301",
        "DEL 2022 / 12": "del-2022-12",
        "n° 5": "n-5",
    }
    assert slug(numero) == expected[numero]
