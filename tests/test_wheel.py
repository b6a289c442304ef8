"""ctgdocs installed from its wheel, away from the checkout, builds the examples to the same bytes.

pip builds the wheel from a clean copy of the sources (a stale build/ folder of the checkout
cannot slip into it), offline (--no-build-isolation: the setuptools of .venv), and installs it
into a new virtualenv under tmp_path. That virtualenv reaches the pinned dependencies of .venv
through a .pth file, so nothing is downloaded: a .pth line adds its folder to sys.path without
reading the .pth files in it, so .venv's editable install of ctgdocs (a .pth naming src/) stays
off the path. The installed `ctgdocs` command, run outside the checkout, builds every example of
data/; every file it writes, the manifest included, must hold the bytes the checkout writes.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from conftest import DATA, ROOT

# Not sources: what a checkout accumulates (.git, .venv, caches; at its root, builds, outputs).
CACHES = shutil.ignore_patterns(".*", "__pycache__", "*.egg-info", "node_modules")
BUILT = {"build", "dist", "output"}


def not_sources(folder: str, names: list[str]) -> set[str]:
    built = BUILT.intersection(names) if Path(folder) == ROOT else set()
    return CACHES(folder, names) | built


PIP = (sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input")
PROBE = """
import json, sys
import ctgdocs
from ctgdocs import paths
print(json.dumps({"module": ctgdocs.__file__, "sys.path": sys.path, "templates":
    str(paths.TEMPLATES_DIR), "fonts": str(paths.FONTS_DIR), "references": str(paths.REFERENCES_DIR)}))
"""


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CTGDOCS_TEMPLATES")}
    proc = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env={**clean, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


def digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def expected_wheel_files() -> set[str]:
    """The package's modules and package data, and the copies of templates/ and fonts/."""
    package = ROOT / "src" / "ctgdocs"
    found = {
        f"ctgdocs/{p.relative_to(package).as_posix()}"
        for pattern in (
            "**/*.py",
            "references/**/*.yaml",
            "serve/pages/*.html",
            "serve/pages/*.js",
        )
        for p in package.glob(pattern)
        if "__pycache__" not in p.parts
    }
    for folder in ("templates", "fonts"):
        found |= {
            f"ctgdocs/_resources/{p.relative_to(ROOT).as_posix()}"
            for p in (ROOT / folder).rglob("*")
            if p.is_file() and not p.name.startswith(".")
        }
    return found


def build_wheel(sources: Path, dist: Path) -> Path:
    run(*PIP, "wheel", sources, "--no-deps", "--no-build-isolation", "--no-index", "-w", dist,
        cwd=dist.parent)  # fmt: skip
    (wheel,) = dist.glob("ctgdocs-*.whl")
    return wheel


def install(wheel: Path, venv: Path) -> Path:
    """A new virtualenv with the wheel installed, and .venv's dependencies on its path: its
    site-packages."""
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=venv.parent)
    python = venv / "bin" / "python"
    run(*PIP, "--python", python, "install", "--no-deps", "--no-index", wheel, cwd=venv.parent)
    where = "import sysconfig; print(sysconfig.get_path('purelib'))"
    site = Path(run(python, "-c", where, cwd=venv.parent).strip())
    deps = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}  # .venv's
    (site / "ctgdocs-test-deps.pth").write_text("".join(f"{d}\n" for d in sorted(deps)))
    return site


@pytest.mark.slow
def test_the_installed_wheel_builds_the_examples_to_the_same_bytes(tmp_path):
    shutil.copytree(ROOT, tmp_path / "sources", ignore=not_sources)
    wheel = build_wheel(tmp_path / "sources", tmp_path / "dist")
    with zipfile.ZipFile(wheel) as archive:
        held = {n for n in archive.namelist() if not n.startswith("ctgdocs-")}
    assert held == expected_wheel_files()
    venv = tmp_path / ".venv"  # hidden, as most are: the fingerprints must not skip its files
    site = install(wheel, venv)

    # The code that runs is the installed copy, with its own templates and fonts.
    seen = json.loads(run(venv / "bin" / "python", "-c", PROBE, cwd=tmp_path))
    for key in ("module", "templates", "fonts", "references"):
        assert Path(seen[key]).is_relative_to(site / "ctgdocs"), (key, seen[key])
    sources = [ROOT, ROOT / "src"]  # .venv's dependencies are on the path, not our sources
    assert not [p for p in seen["sys.path"] if p and Path(p).resolve() in sources]
    override = {"CTGDOCS_TEMPLATES": "ailleurs"}
    seen = json.loads(run(venv / "bin" / "python", "-c", PROBE, cwd=tmp_path, env=override))
    assert seen["templates"] == "ailleurs"

    run(venv / "bin" / "ctgdocs", "build", DATA, "--output", "installed", cwd=tmp_path)
    ours = {"PYTHONPATH": str(ROOT / "src")}  # this checkout's, however .venv installed it
    run(
        sys.executable,
        "-m",
        "ctgdocs",
        "build",
        DATA,
        "--output",
        "checkout",
        cwd=tmp_path,
        env=ours,
    )
    installed, checkout = digests(tmp_path / "installed"), digests(tmp_path / "checkout")
    documents = [k.split(".")[0] for k in checkout if k.endswith((".docx", ".pdf", ".html"))]
    assert {d.split("/")[0] for d in documents} == {
        p.name for p in DATA.iterdir() if (p / "territoire.yaml").is_file()
    }
    assert all(documents.count(d) == 3 for d in documents)  # every example, in every format
    manifests = installed.pop("manifest.json"), checkout.pop("manifest.json")
    assert installed == checkout
    assert manifests[0] == manifests[1]  # the same fingerprints: templates, fonts, code
