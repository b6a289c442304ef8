"""A corpus of bad inputs run through the real command line: exact French messages, exit 1,
nothing written, never a traceback.

The cases are data: tests/corpus/mauvaises_entrees.yaml (one edit of one example file each).
A few inputs that YAML text cannot describe well (bytes that are not UTF-8, a file over the size
limit, an empty file, a folder without data) are the table SPECIAUX below.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import DATA, ROOT
from ctgdocs.cli import main

CORPUS = Path(__file__).resolve().parent / "corpus" / "mauvaises_entrees.yaml"
TERRITOIRES = sorted(p.name for p in DATA.iterdir() if (p / "territoire.yaml").is_file())
PLACE = re.compile(r"\{([LC]):([^{}]*)\}")
OUT = "out"


@dataclass(frozen=True)
class Cas:
    nom: str
    territoire: str
    fichier: str
    attendu: tuple[str, ...]
    remplace: str | None = None
    par: str | None = None
    contenu: str | None = None
    ecrire: Callable[[Path], None] | None = None  # special cases: writes the bad input itself

    def appliquer(self, dossier: Path) -> None:
        """Apply the edit to the copy of the territory in `dossier`."""
        path = dossier / self.fichier
        if self.ecrire is not None:
            self.ecrire(path)
        elif self.contenu is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(self.contenu, encoding="utf-8")
        else:
            assert self.remplace is not None and self.par is not None, self.nom
            text = path.read_text(encoding="utf-8")
            assert self.remplace in text, f"{self.nom}: {self.remplace!r} absent de {self.fichier}"
            path.write_text(text.replace(self.remplace, self.par, 1), encoding="utf-8")

    def lignes_attendues(self, dossier: Path) -> list[str]:
        """`attendu` with {F}, {L:texte}, {C:texte} and {C:ligne|texte} resolved in the edited file."""
        path = dossier / self.fichier
        lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []

        def place(found: re.Match[str]) -> str:
            kind, needle = found[1], found[2]
            where, _, what = needle.rpartition("|")  # {C:ligne|texte}: texte on that line
            for n, line in enumerate(lines, 1):
                if (where or what) in line and what in line:
                    return str(n if kind == "L" else line.index(what) + 1)
            raise AssertionError(f"{self.nom}: {needle!r} absent de {self.fichier} modifié")

        fichier = f"{self.territoire}/{self.fichier}"
        return [PLACE.sub(place, line).replace("{F}", fichier) for line in self.attendu]


def _charger() -> list[Cas]:
    cases = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    result = []
    for case in cases:
        extra = set(case) - {
            "nom",
            "territoire",
            "fichier",
            "remplace",
            "par",
            "contenu",
            "attendu",
        }
        assert not extra, f"{case.get('nom')}: clés inconnues {extra}"
        assert case["territoire"] in TERRITOIRES, case["nom"]
        assert ("contenu" in case) != ("remplace" in case), case["nom"]
        result.append(
            Cas(
                nom=case["nom"],
                territoire=case["territoire"],
                fichier=case["fichier"],
                attendu=tuple(case["attendu"]),
                remplace=case.get("remplace"),
                par=case.get("par"),
                contenu=case.get("contenu"),
            )
        )
    return result


# --- inputs better written in Python -------------------------------------------------------


def _pas_utf8(path: Path) -> None:
    """« Hôtel » written in Latin-1, as an old editor would save it."""
    path.write_bytes(path.read_bytes().replace("Hôtel".encode(), "Hôtel".encode("latin-1"), 1))


def _cinquante_mo(path: Path) -> None:
    """A 50 MB file, sparse: the reader stops after its size limit, so this is fast."""
    with open(path, "wb") as stream:
        stream.write(b"seance:\n  lieu: ")
        stream.truncate(50 * 2**20)


def _vide(path: Path) -> None:
    path.write_bytes(b"")


def _sans_territoire(path: Path) -> None:
    path.unlink()


SEANCE = "seances/2022-07-29-maussane-les-alpilles.yaml"
SM = f"vallee-des-baux-alpilles/{SEANCE}"
# Placeholders of these cases are resolved in the original file of data/ (the edited one is not
# text, or is gone).
SPECIAUX = [
    Cas(
        nom="fichier-pas-utf8",
        territoire="vallee-des-baux-alpilles",
        fichier=SEANCE,
        ecrire=_pas_utf8,
        attendu=(
            "{F}:{L:Hôtel}:{C:Hôtel|ô}: le fichier n'est pas encodé en UTF-8 (octet 0xF4 "
            "invalide) : enregistrez-le en UTF-8",
        ),
    ),
    Cas(
        nom="fichier-50-mo",
        territoire="vallee-des-baux-alpilles",
        fichier=SEANCE,
        ecrire=_cinquante_mo,
        attendu=("{F}: fichier trop volumineux (50,0 Mo ; maximum 5 Mo)",),
    ),
    Cas(
        nom="fichier-vide",
        territoire="vallee-des-baux-alpilles",
        fichier=SEANCE,
        ecrire=_vide,
        attendu=("{F}:1:1: fichier vide : aucune donnée",),
    ),
    Cas(
        nom="dossier-sans-territoire",
        territoire="le-pradet",
        fichier="territoire.yaml",
        ecrire=_sans_territoire,
        attendu=("le-pradet: aucun territoire ici (aucun territoire.yaml trouvé)",),
    ),
]

CAS = _charger()


# --- running ---------------------------------------------------------------------------------


def _copier(cas: Cas, tmp_path: Path) -> Path:
    dossier = tmp_path / cas.territoire
    shutil.copytree(DATA / cas.territoire, dossier)
    return dossier


def _documents(tmp_path: Path) -> list[Path]:
    out = tmp_path / OUT
    if not out.exists():
        return []
    return [p for p in out.rglob("*") if p.is_file()]


OPTIONS = ("--output", OUT, "--format", "html", "--jobs", "1")


def _build(cas: Cas, tmp_path: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["build", cas.territoire, *OPTIONS])
    return result.exit_code, result.stdout, result.stderr


def _verifier(cas: Cas, tmp_path: Path, code: int, out: str, err: str, attendu: list[str]) -> None:
    assert "Traceback" not in out + err, err
    assert "erreur interne" not in err, err
    erreurs = [line for line in err.splitlines() if line.startswith("erreur")]
    assert erreurs == attendu
    assert code == 1, (code, out, err)
    assert _documents(tmp_path) == []


@pytest.mark.parametrize("cas", CAS, ids=[c.nom for c in CAS])
def test_mauvaise_entree(cas: Cas, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    dossier = _copier(cas, tmp_path)
    cas.appliquer(dossier)
    attendu = [f"erreur : {line}" for line in cas.lignes_attendues(dossier)]
    code, out, err = _build(cas, tmp_path)
    _verifier(cas, tmp_path, code, out, err, attendu)


@pytest.mark.parametrize("cas", SPECIAUX, ids=[c.nom for c in SPECIAUX])
def test_entree_speciale(cas: Cas, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    cas.appliquer(_copier(cas, tmp_path))
    attendu = [f"erreur : {line}" for line in cas.lignes_attendues(DATA / cas.territoire)]
    code, out, err = _build(cas, tmp_path)
    _verifier(cas, tmp_path, code, out, err, attendu)


def test_le_corpus_est_assez_grand() -> None:
    noms = [c.nom for c in CAS + SPECIAUX]
    assert len(set(noms)) == len(noms)
    assert len(noms) >= 45


def test_bom_utf8_accepte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ctgdocs ACCEPTS a UTF-8 byte order mark (editors on Windows add one): not a bad input."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(DATA / "vallee-des-baux-alpilles", tmp_path / "vallee-des-baux-alpilles")
    path = tmp_path / SM
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = CliRunner().invoke(main, ["build", "vallee-des-baux-alpilles", *OPTIONS])
    assert result.exit_code == 0, result.stderr
    assert "erreur" not in result.stderr
    assert any(p.suffix == ".html" for p in _documents(tmp_path))


# --- a real process --------------------------------------------------------------------------

PROCESSUS = ["cle-en-double-seance", "quorum-non-atteint", "alias-milliard-de-rires"]


@pytest.mark.parametrize("nom", PROCESSUS)
def test_processus_reel(nom: str, tmp_path: Path) -> None:
    (cas,) = [c for c in CAS if c.nom == nom]
    dossier = _copier(cas, tmp_path)
    cas.appliquer(dossier)
    attendu = [f"erreur : {line}" for line in cas.lignes_attendues(dossier)]
    proc = subprocess.run(
        [sys.executable, "-m", "ctgdocs", "build", cas.territoire, *OPTIONS],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONIOENCODING": "utf-8"},
        check=False,
        timeout=60,
    )
    _verifier(cas, tmp_path, proc.returncode, proc.stdout, proc.stderr, attendu)
