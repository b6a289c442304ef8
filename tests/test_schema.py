"""The published JSON Schemas say what the loader accepts: no more, no less, where they can."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import ROOT
from ctgdocs.cli import main
from ctgdocs.model.schema import DATE_MOTIF, FICHIERS
from ctgdocs.model.seance import HEURE_MOTIF, _heure


@pytest.mark.parametrize("name", FICHIERS)
def test_make_schema_writes_the_committed_bytes(name):
    """`make schema` is `ctgdocs schema NAME > schema/NAME.schema.json`."""
    result = CliRunner().invoke(main, ["schema", name])
    assert result.exit_code == 0
    assert result.stdout_bytes == (ROOT / "schema" / f"{name}.schema.json").read_bytes(), (
        "régénérez avec : make schema"
    )


def test_the_schema_command_writes_utf_8_to_a_file():
    """As the Makefile runs it: a process whose output goes to a file, not to a terminal."""
    out = subprocess.run(
        [sys.executable, "-m", "ctgdocs", "schema", "seance"], check=True, capture_output=True
    ).stdout
    assert out == (ROOT / "schema" / "seance.schema.json").read_bytes()
    assert "Numéro".encode() in out


def test_make_schema_writes_every_schema():
    """The recipe loops over the registry of data files (model/fichiers.py), and schema/ holds
    one schema per data file, none missing and none left over."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    (snippet,) = re.findall(r"for f in \$\$\(\$\(PY\) -c '([^']+)'\); do", makefile)
    listed = subprocess.run(
        [sys.executable, "-c", snippet], check=True, capture_output=True, text=True
    ).stdout.split()
    assert sorted(listed) == sorted(FICHIERS)
    published = sorted(p.name for p in (ROOT / "schema").glob("*.schema.json"))
    assert published == sorted(f"{name}.schema.json" for name in FICHIERS)


def test_the_date_pattern_is_the_calendar():
    """Every day that exists matches, every impossible day does not: around 1900 and 2000 and
    in 2100, 2200, 2300 and 2400, for the leap years of centuries."""
    pattern = re.compile(DATE_MOTIF)
    years = [*range(1896, 1905), *range(1996, 2105), 2200, 2300, 2400]
    for year, month, day in itertools.product(years, range(0, 14), range(0, 33)):
        text = f"{year:04d}-{month:02d}-{day:02d}"
        try:
            dt.date(year, month, day)
        except ValueError:
            assert not pattern.match(text), text
        else:
            assert pattern.match(text), text
    for text in ("2022-7-29", "22-07-29", "2022/07/29", "29/07/2022", "2022-07-29 ", "20220729"):
        assert not pattern.match(text), text


def _accepted(text: str) -> bool:
    try:
        _heure(text)
    except ValueError:
        return False
    return True


def test_the_time_pattern_is_what_the_loader_accepts():
    """For every short time a clerk may type, the schema and the loader agree."""
    hours = ["0", "9", "09", "19", "23", "24", "25", "99", "009"]
    minutes = ["", "0", "5", "00", "30", "59", "60", "99", "005"]
    seps = ["h", "H", ":", "", " h ", ".", "h:"]
    pattern = re.compile(HEURE_MOTIF)
    cases = [f"{h}{s}{m}" for h in hours for s in seps for m in minutes]
    cases += [" 19h00", "19h00 ", "", "h00", "19h00h", "19:00:00", "dix-neuf heures"]
    for text in cases:
        assert bool(pattern.match(text)) == _accepted(text), text
