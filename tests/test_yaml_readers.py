"""Our data files read the same in every YAML reader a user may have.

ctgdocs reads a small YAML 1.2-like dialect, and so do yaml-language-server and other YAML 1.2
readers; PyYAML and ruamel follow YAML 1.1, where `2022_0301` is the integer 20220301, `19:00`
is 1140 and `01000` is 512. The examples and the YAML that ctgdocs writes quote such values, so
that every reader gets the same data.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import DATA, POITIERS, SEANCE_POITIERS, SYNTHETIQUE
from ctgdocs.app import validate
from ctgdocs.load import yamlfile
from ctgdocs.load.yamlfile import parse_yaml, read_yaml

EXAMPLES = sorted(DATA.rglob("*.yaml"))


def yaml_1_1(path: Path) -> object:
    """What PyYAML's safe loader, a YAML 1.1 reader, makes of a file."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.relative_to(DATA).as_posix())
def test_every_example_reads_the_same_in_yaml_1_1(path):
    doc = read_yaml(path)
    assert doc.problems == []
    assert doc.data == yaml_1_1(path)


def test_generated_territories_read_the_same_in_yaml_1_1(tmp_path):
    subprocess.run(
        [sys.executable, str(SYNTHETIQUE), str(tmp_path), "--communes", "3"],
        check=True,
        capture_output=True,
    )
    files = sorted(tmp_path.rglob("*.yaml"))
    assert len(files) == 4
    for path in files:
        assert read_yaml(path).data == yaml_1_1(path), path.name


@pytest.mark.parametrize("loader", [yamlfile._Loader, yamlfile._PyLoader], ids=lambda c: c.__name__)
def test_digits_with_underscores_are_text(monkeypatch, loader):
    """`numero: 2022_0301`, unquoted, is the text « 2022_0301 » for ctgdocs, as in YAML 1.2
    (and for yaml-language-server): the underscore is no digit separator."""
    monkeypatch.setattr(yamlfile, "_Loader", loader)
    text = "numero: 2022_0301\nmille: 1_000\nsigne: -1_0\nentier: 20220301\n"
    assert parse_yaml(text, "f.yaml").data == {
        "numero": "2022_0301",
        "mille": "1_000",
        "signe": "-1_0",
        "entier": 20220301,
    }
    assert yaml.safe_load(text)["numero"] == 20220301  # why the examples quote it


def test_an_unquoted_actes_number_with_underscores_is_kept_as_written(copie):
    c = copie(POITIERS)
    c.edit(SEANCE_POITIERS, 'numero: "2022_0301"', "numero: 2022_0301")
    (territoire,) = validate([c.dir])  # no problem
    assert territoire.seances[0].model.deliberations[0].actes.numero == "2022_0301"
