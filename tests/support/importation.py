"""What the tests of `ctgdocs import` share: the command run in process, and the written
territoire.yaml read back through the model."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from ctgdocs.cli import main
from ctgdocs.model import FichierTerritoire


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def charger(dossier: Path) -> FichierTerritoire:
    texte = (dossier / "territoire.yaml").read_text(encoding="utf-8")
    return FichierTerritoire.model_validate(yaml.safe_load(texte))
