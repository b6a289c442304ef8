"""A building site for the tests of incremental builds: a copy of a few example territories
under data/, already built once into out/, in a temporary folder that is the working directory
(so paths read « out/le-pradet/acte-engagement.html » in messages)."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ctgdocs.app import BuildOptions, build
from ctgdocs.build.manifest import Fingerprints, fingerprints
from ctgdocs.build.report import BuildReport
from ctgdocs.cli import main
from ctgdocs.render.fonts import FOLDER

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "data"
FORMATS = ("html", "docx")
# Cheap to build, and one has a séance, one an acte d'engagement.
TERRITOIRES = ("grand-poitiers", "le-pradet", "vallee-des-baux-alpilles")


def built_site(
    root: Path, territoires: tuple[str, ...] = TERRITOIRES, formats: tuple[str, ...] = FORMATS
) -> Path:
    """data/ with copies of the territories, and out/ built from them."""
    for territoire in territoires:
        shutil.copytree(DATA / territoire, root / "data" / territoire)
    if not (root / "data" / "modeles").exists():
        shutil.copytree(DATA / "modeles", root / "data" / "modeles")  # the Cafs' models
    report = build([root / "data"], BuildOptions(output=root / "out", formats=formats, jobs=2))
    assert report.ok
    return root


_SITES: dict[tuple[tuple[str, ...], tuple[str, ...], Fingerprints], Path] = {}


def shared_site(
    factory: pytest.TempPathFactory,
    territoires: tuple[str, ...] = TERRITOIRES,
    formats: tuple[str, ...] = FORMATS,
) -> Path:
    """A built site, built once per test session (tests copy it: it is never changed), and
    again if the templates or the code changed since (someone editing while the tests run)."""
    key = (territoires, formats, fingerprints())
    if key not in _SITES:
        _SITES[key] = built_site(factory.mktemp("site"), territoires, formats)
    return _SITES[key]


class Chantier:
    data = Path("data")
    out = Path("out")

    def __init__(self, root: Path, formats: tuple[str, ...] = FORMATS) -> None:
        self.root = root
        self.formats = formats

    @classmethod
    def copy(
        cls, base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **kw: Any
    ) -> Chantier:
        root = tmp_path / "chantier"
        shutil.copytree(base, root)
        monkeypatch.chdir(root)
        return cls(root, **kw)

    def build(self, **options: Any) -> BuildReport:
        options = {"output": self.out, "formats": self.formats, "jobs": 1} | options
        return build([self.data], BuildOptions(**options))

    def cli(self, *args: str) -> tuple[int, str, str]:
        """`ctgdocs <args>`, with data/ (unless a path comes first), out/ and the site's formats
        unless args name them."""
        command, *rest = args
        if command in ("build", "diff"):
            if not rest or rest[0].startswith("-"):
                rest = ["data", *rest]
            if "--output" not in rest:
                rest += ["--output", "out"]
            if "--format" not in rest:
                rest += ["--format", ",".join(self.formats)]
            if command == "build" and "--jobs" not in rest:
                rest += ["--jobs", "1"]
        result = CliRunner().invoke(main, [command, *rest])
        return result.exit_code, result.stdout, result.stderr

    def process(self, *args: str, **kw: Any) -> subprocess.Popen:
        """`python -m ctgdocs build data --output out …` in a real process."""
        command = [sys.executable, "-m", "ctgdocs", "build", "data", "--output", "out", *args]
        return subprocess.Popen(
            command,
            cwd=self.root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            **kw,
        )

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.root / "data" / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def outputs(self, out: Path | None = None) -> dict[str, bytes]:
        """The output files (manifest and work folder apart), by path under out/."""
        root = self.root / (out or self.out)
        return {
            p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != "manifest.json" and ".ctgdocs" not in p.parts
        }

    def documents(self, out: Path | None = None) -> dict[str, bytes]:
        """The documents' files: the outputs without the previews' fonts (DIR/_polices/)."""
        return {
            key: data for key, data in self.outputs(out).items() if not key.startswith(f"{FOLDER}/")
        }

    def manifest(self) -> dict[str, Any]:
        return json.loads((self.root / self.out / "manifest.json").read_text(encoding="utf-8"))

    def rel(self, paths: list[Path] | list[tuple[Path, str]]) -> list[str]:
        """Paths of a report, as posix paths under out/ (a (path, why) pair: the path)."""
        plain = [p[0] if isinstance(p, tuple) else p for p in paths]
        return sorted(p.relative_to(self.out).as_posix() for p in plain)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
