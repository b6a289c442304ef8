"""Shared fixtures: copies of the example territories that a test can edit."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ctgdocs.app import validate
from ctgdocs.errors import DataError

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SYNTHETIQUE = ROOT / "bench" / "synthetique.py"  # the generator of fictitious territories

MAUSSANE = "vallee-des-baux-alpilles"
SEANCE_MAUSSANE = "seances/2022-07-29-maussane-les-alpilles.yaml"
POITIERS = "grand-poitiers"
SEANCE_POITIERS = "seances/2023-06-26-poitiers.yaml"


class Copie:
    """A copy of an example territory in a temporary folder, edited by text replacement."""

    def __init__(self, root: Path, name: str) -> None:
        self.dir = root / name
        shutil.copytree(DATA / name, self.dir)
        if (DATA / "modeles").is_dir() and not (root / "modeles").exists():
            shutil.copytree(DATA / "modeles", root / "modeles")  # the Cafs' models, beside

    def path(self, rel: str) -> Path:
        return self.dir / rel

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.path(rel)
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def line(self, rel: str, needle: str) -> int:
        """1-based line of the first occurrence of needle (so tests need no magic numbers)."""
        for n, text in enumerate(self.path(rel).read_text(encoding="utf-8").splitlines(), 1):
            if needle in text:
                return n
        raise AssertionError(f"{needle!r} not in {rel}")

    def col(self, rel: str, needle: str) -> int:
        for text in self.path(rel).read_text(encoding="utf-8").splitlines():
            if needle in text:
                return text.index(needle) + 1
        raise AssertionError(f"{needle!r} not in {rel}")

    def problems(self) -> list[str]:
        try:
            validate([self.dir])
        except DataError as error:
            return [str(p) for p in error.problems]
        return []


@pytest.fixture
def copie(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """copie(name) → an editable copy; messages show paths relative to the copy's parent."""
    monkeypatch.chdir(tmp_path)

    def make(name: str = MAUSSANE) -> Copie:
        return Copie(tmp_path, name)

    return make


@pytest.fixture
def base(tmp_path_factory):
    """The examples built once per session (tests/support/chantier.py)."""
    from support.chantier import shared_site

    return shared_site(tmp_path_factory)


@pytest.fixture(scope="session")
def exemples_pdf(tmp_path_factory) -> Path:
    """Every example territory built once per session in PDF (tests/support/chantier.py):
    the output folder, with a folder of PDFs per territory."""
    from support.chantier import shared_site

    territoires = tuple(sorted(p.name for p in DATA.iterdir() if (p / "territoire.yaml").is_file()))
    return shared_site(tmp_path_factory, territoires, ("pdf",)) / "out"


@pytest.fixture
def chantier(base, tmp_path, monkeypatch):
    """A copy of the built examples (data and output) that a test may edit and rebuild."""
    from support.chantier import Chantier

    return Chantier.copy(base, tmp_path, monkeypatch)
