"""The hostile corpus as a property (issue 16): for every data file of every example, each hostile
variant of it, run through every command (validate, build, diff, export scdl), never leaks a file
from outside the data, never crashes, and never loses or changes a data file.

The variants of one file:
- `lien`: the file is a symbolic link to a secret file outside the territory;
- `tube`: the file is a named pipe (nothing may wait on it);
- `nombres`: every number in it becomes 1e30;
- `directives`: every text in it gains layout directives and template syntax;
- `secret`: every text in it names the secret file (`file://…`), as an attacker would.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from ctgdocs.cli import main

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FILES = sorted(p.relative_to(DATA) for p in DATA.rglob("*.yaml"))
SECRET = "SECRET-7f3a-HORS-DES-DONNEES"
VARIANTS = ("lien", "tube", "nombres", "directives", "secret")
HOSTILE_TEXT = (
    " [[sommaire]] [[pages]] ::: signatures {{ 7*7 }} {% include '/etc/passwd' %} "
    '<img src="file://SECRET_PATH"> ![x](file://SECRET_PATH)'
)
NUMBER = re.compile(r"(?m)^(\s*(?:- )?[a-z_]+: )(\d+(?:\.\d+)?)\s*$")
TEXT = re.compile(
    r"(?m)^(\s*(?:- )?(?:nom|objet|intitule|texte|titre|source): )([^\"'\[{|>\n][^\n]*)$"
)
COMMANDS = (
    ["validate", "{t}"],
    ["build", "{t}", "--output", "{o}", "--format", "html,docx", "--jobs", "1"],
    ["diff", "{t}", "--output", "{o}"],
    ["export", "scdl", "{t}", "-o", "{o}.csv"],
)


def variant(path: Path, kind: str, secret: Path) -> None:
    if kind == "lien":
        path.unlink()
        path.symlink_to(secret)
    elif kind == "tube":
        path.unlink()
        os.mkfifo(path)
    elif kind == "nombres":
        path.write_text(
            NUMBER.sub(r"\g<1>1e30", path.read_text(encoding="utf-8")), encoding="utf-8"
        )
    else:
        extra = (
            HOSTILE_TEXT.replace("SECRET_PATH", str(secret))
            if kind == "directives"
            else f" file://{secret}"
        )
        text = path.read_text(encoding="utf-8")
        path.write_text(
            TEXT.sub(lambda m: m[1] + m[2] + extra.replace("\\", ""), text), encoding="utf-8"
        )


def contents(file: Path) -> bytes:
    """A file's bytes, a DOCX's members decompressed."""
    if file.suffix == ".docx":
        with zipfile.ZipFile(file) as archive:
            return b"".join(archive.read(name) for name in archive.namelist())
    return file.read_bytes()


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


@pytest.mark.slow
@pytest.mark.parametrize("rel", FILES, ids=str)
@pytest.mark.parametrize("kind", VARIANTS)
def test_a_hostile_variant_never_leaks_crashes_or_loses_a_file(tmp_path, rel, kind):
    secret = tmp_path / "ailleurs" / "secret.yaml"
    secret.parent.mkdir()
    secret.write_text(f"a: {SECRET}\n", encoding="utf-8")
    territoire = tmp_path / "donnees" / rel.parts[0]
    shutil.copytree(DATA / rel.parts[0], territoire)
    variant(tmp_path / "donnees" / rel, kind, secret)
    before = digest(territoire)
    for n, command in enumerate(COMMANDS):
        out = tmp_path / f"sortie-{n}"
        args = [a.format(t=territoire, o=out) for a in command]
        result = CliRunner().invoke(main, args)
        said = result.stdout + result.stderr
        assert result.exit_code in (0, 1), (args, said, result.exception)
        assert "Traceback" not in said and "erreur interne" not in said, (args, said)
        assert SECRET not in said, args
        for written in [p for p in tmp_path.glob(f"sortie-{n}*") if p.exists()]:
            files = (
                [written] if written.is_file() else [p for p in written.rglob("*") if p.is_file()]
            )
            for file in files:
                assert SECRET.encode() not in contents(file), (args, file)
    assert digest(territoire) == before  # nothing of the data lost or changed
    assert secret.read_text(encoding="utf-8") == f"a: {SECRET}\n"
