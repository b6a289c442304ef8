"""yaml-language-server, the server of VS Code's YAML extension, on the data files.

It is the real server (npm, tools/lsp/), driven over LSP as an editor drives it, each file's
schema taken from its own `# yaml-language-server: $schema=…` line (a path relative to the
file). Every example must be clean; a mistake must be flagged at its line, the line where
`ctgdocs validate` reports it too.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import DATA, ROOT, SYNTHETIQUE, Copie
from ctgdocs.app import validate
from ctgdocs.errors import DataError, Problem
from support.yamlls import Diagnostic, YamlLanguageServer, missing

EXAMPLES = sorted(DATA.rglob("*.yaml"))
MAUSSANE = "vallee-des-baux-alpilles/seances/2022-07-29-maussane-les-alpilles.yaml"
POITIERS = "grand-poitiers/seances/2023-06-26-poitiers.yaml"
AVENANT = "grand-chatellerault/avenants/01-prolongation.yaml"
CONVENTION = "grand-chatellerault/convention.yaml"
COORDINATION = "grand-chatellerault/coordination.yaml"
TERRITOIRE = "le-pradet/territoire.yaml"
ACTE = "le-pradet/acte.yaml"


@pytest.fixture(scope="module")
def serveur() -> Iterator[YamlLanguageServer]:
    """One server for the whole module, as one editor window."""
    reason = missing()
    if reason is not None and shutil.which("node") is None:
        pytest.skip(reason)
    if reason is not None:
        pytest.fail(reason)
    with YamlLanguageServer() as server:
        yield server


@pytest.fixture(scope="module")
def exemples(serveur: YamlLanguageServer) -> dict[Path, list[Diagnostic]]:
    return serveur.diagnostics_of(EXAMPLES)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.relative_to(DATA).as_posix())
def test_every_example_is_clean_in_the_editor(exemples, path):
    assert [str(d) for d in exemples[path]] == []


def test_there_are_examples_of_every_file_kind():
    schemas = {p.read_text(encoding="utf-8").split("\n", 1)[0].rsplit("/", 1)[1] for p in EXAMPLES}
    assert len(EXAMPLES) == 24 and schemas == {p.name for p in (ROOT / "schema").glob("*.json")}


def test_generated_territories_are_clean_in_the_editor(serveur, tmp_path):
    """bench/synthetique.py writes data files with the same `$schema` line."""
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    subprocess.run(
        [sys.executable, str(SYNTHETIQUE), str(tmp_path / "data"), "--communes", "3"],
        check=True,
        capture_output=True,
    )
    files = sorted((tmp_path / "data").rglob("*.yaml"))
    found = serveur.diagnostics_of(files)
    assert len(files) == 4 and {str(p): [str(d) for d in found[p]] for p in files} == {
        str(p): [] for p in files
    }


# --- edited copies --------------------------------------------------------------------------


@dataclass(frozen=True)
class Edition:
    """An example file with one change: where the mistake is, and a word of the message."""

    fichier: str  # relative to data/
    old: str
    new: str
    ligne: str  # the first line that holds this text is where the mistake is reported
    mot: str = ""


def editer(tmp_path: Path, edition: Edition) -> tuple[Path, list[Problem]]:
    """A copy of the territory beside a copy of schema/ (as in the repository), edited; and the
    problems `ctgdocs validate` finds in the edited file."""
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    territoire, rel = edition.fichier.split("/", 1)
    copie = Copie(tmp_path / "data", territoire)
    copie.edit(rel, edition.old, edition.new)
    path = copie.path(rel)
    try:
        validate([copie.dir])
        problems = []
    except DataError as error:
        problems = [p for p in error.problems if Path(p.location.file).resolve() == path]
    return path, problems


def ligne(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


MISTAKES = {
    "cle-inconnue": Edition(
        MAUSSANE, "  heure: 19h00\n", "  heure: 19h00\n  horaire: soir\n", "horaire:", "horaire"
    ),
    "mauvais-type": Edition(
        MAUSSANE,
        "membres_en_exercice: 19",
        "membres_en_exercice: dix-neuf",
        "membres_en_exercice:",
        "integer",
    ),
    "cle-obligatoire-manquante": Edition(
        MAUSSANE, "  convocation: 2022-07-13\n", "", "seance:", "convocation"
    ),
    "date-malformee": Edition(
        MAUSSANE,
        "convocation: 2022-07-13",
        "convocation: 13/07/2022",
        "convocation:",
        "AAAA-MM-JJ",
    ),
    "date-impossible": Edition(
        MAUSSANE, "convocation: 2022-07-13", "convocation: 2022-02-29", "convocation:", "existe"
    ),
    "heure-impossible": Edition(MAUSSANE, "heure: 19h00", "heure: 25h00", "heure:", "19h00"),
    "numero-actes-avec-tiret": Edition(
        POITIERS, 'numero: "2022_0301"', "numero: 2022-0301", "actes:", "ACTES"
    ),
    "bloc-nombre": Edition(
        AVENANT,
        "  expose:\n    - >-\n",
        "  expose:\n    - 12\n    - >-\n",
        "- 12",
        "BlocModele",
    ),
    "avenant-sans-lieu": Edition(AVENANT, "    lieu: Poitiers\n", "", "signature:", "lieu"),
    "representant-sans-qualite": Edition(
        CONVENTION,
        "{personne: tania-conci, qualite: Directrice}",
        "{personne: tania-conci}",
        "personne: tania-conci",
        "qualite",
    ),
    "etp-en-lettres": Edition(COORDINATION, "    etp: 1\n", "    etp: un\n", "etp: un", "number"),
    "departement-nombre": Edition(
        TERRITOIRE, 'departement: "83"', "departement: 83", "departement: 83", "string"
    ),
    "type-inconnu": Edition(TERRITOIRE, "type: commune", "type: mairie", "type: mairie", "commune"),
    "date-acte": Edition(ACTE, "debut: 2022-01-01", "debut: 2022-1-1", "debut: 2022-1-1", "AAAA"),
}


@pytest.mark.parametrize("edition", MISTAKES.values(), ids=MISTAKES.keys())
def test_a_mistake_is_flagged_at_its_line(serveur, tmp_path, edition):
    path, problems = editer(tmp_path, edition)
    expected = ligne(path, edition.ligne)
    found = serveur.diagnostics(path)
    assert [d.line for d in found] == [expected], [str(d) for d in found]
    assert edition.mot in found[0].message
    assert found[0].severity == 1  # an error, as VS Code shows it
    # `ctgdocs validate` says the same place.
    assert expected in [p.location.line for p in problems], [str(p) for p in problems]


SHORTHANDS = {
    "heure-deux-points": Edition(MAUSSANE, "heure: 19h00", "heure: 19:00", "heure:"),
    "heure-sans-minutes": Edition(MAUSSANE, "heure: 19h00", "heure: 19h", "heure:"),
    "liste-demandee": Edition(
        MAUSSANE, "  absents: [fanny-arsac]\n", "  absents: [fanny-arsac]\n  liste: true\n", "liste"
    ),
    "avenant-en-entier": Edition(
        "grand-chatellerault/seances/2024-12-16-grand-chatellerault.yaml",
        "avenant: 1",
        "avenant: {numero: 1, modifie: convention}",
        "avenant:",
    ),
}


@pytest.mark.parametrize("edition", SHORTHANDS.values(), ids=SHORTHANDS.keys())
def test_what_ctgdocs_accepts_the_editor_accepts(serveur, tmp_path, edition):
    path, problems = editer(tmp_path, edition)
    assert problems == []
    assert [str(d) for d in serveur.diagnostics(path)] == []
