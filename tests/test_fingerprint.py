"""The code fingerprint covers the code that can change an output, and only that code.

Fingerprints.code hashes the modules of CODE_WITH_OUTPUT (build/manifest.py): editing one of
them rebuilds every document; editing any other module (the command line, the build's own
machinery) rebuilds none. Every module of the package is in CODE_WITH_OUTPUT or in
CODE_WITHOUT_OUTPUT, with its reason, so a new module cannot escape the fingerprint unseen.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ctgdocs import paths
from ctgdocs.build.manifest import (
    CODE_WITH_OUTPUT,
    CODE_WITHOUT_OUTPUT,
    fingerprinted,
    fingerprints,
)

PACKAGE = paths.PACKAGE_DIR


def modules(package: Path) -> list[str]:
    return sorted(
        p.relative_to(package).as_posix()
        for p in package.rglob("*.py")
        if "__pycache__" not in p.parts
    )


def named(module: str, entry: str) -> bool:
    return module == entry or (entry.endswith("/") and module.startswith(entry))


def test_every_module_is_either_fingerprinted_or_excluded_with_a_reason():
    unclassified = [
        m
        for m in modules(PACKAGE)
        if fingerprinted(m) == any(named(m, e) for e in CODE_WITHOUT_OUTPUT)
    ]
    assert not unclassified, (
        "each module goes into CODE_WITH_OUTPUT (it can change an output's bytes) or "
        f"CODE_WITHOUT_OUTPUT (build/manifest.py), exactly one: {unclassified}"
    )
    stale = [
        e
        for e in (*CODE_WITH_OUTPUT, *CODE_WITHOUT_OUTPUT)
        if not any(named(m, e) for m in modules(PACKAGE))
    ]
    assert not stale, f"no such module in the package: {stale}"
    assert all(CODE_WITHOUT_OUTPUT.values())


@pytest.fixture
def package(tmp_path, monkeypatch) -> Path:
    """A copy of the package that fingerprints() hashes instead of the real one."""
    copy = tmp_path / "ctgdocs"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(paths, "PACKAGE_DIR", copy)
    return copy


def test_the_command_line_and_the_build_s_machinery_leave_the_fingerprint_as_it_is(package):
    first = fingerprints()
    for module in ("cli.py", "app.py", "build/progress.py", "build/batch.py", "build/report.py"):
        with open(package / module, "a", encoding="utf-8") as f:
            f.write("\n# edited\n")
    assert fingerprints() == first


@pytest.mark.parametrize(
    "module", ["render/texte.py", "writers/docx/writer.py", "fr/dates.py", "build/produce.py"]
)
def test_code_that_can_change_an_output_changes_the_fingerprint(package, module):
    first = fingerprints()
    with open(package / module, "a", encoding="utf-8") as f:
        f.write("\n# edited\n")
    after = fingerprints()
    assert after.code != first.code
    assert (after.templates, after.version) == (first.templates, first.version)


def test_each_module_changes_the_fingerprint_exactly_when_it_is_fingerprinted(package):
    first = fingerprints().code
    for module in modules(package):
        path = package / module
        source = path.read_bytes()
        path.write_bytes(source + b"\n# edited\n")
        assert (fingerprints().code != first) == fingerprinted(module), module
        path.write_bytes(source)


def test_the_fingerprints_are_the_same_wherever_the_files_lie(tmp_path, monkeypatch):
    """Names under each folder and bytes, nothing else: copies of the package and its resources
    elsewhere, even under a hidden folder (a ~/.venv/ install), have the same fingerprints."""
    first = fingerprints()
    for attr in ("PACKAGE_DIR", "TEMPLATES_DIR", "FONTS_DIR", "REFERENCES_DIR"):
        copy = tmp_path / ".venv" / attr.lower()
        shutil.copytree(getattr(paths, attr), copy, ignore=shutil.ignore_patterns("__pycache__"))
        monkeypatch.setattr(paths, attr, copy)
    assert fingerprints() == first
