"""The seed documents, found through one setting: CTGDOCS_SEEDS, default ../shared/seeds.

A clone of the project alone has no seeds: the tests that compare with them are skipped, with a
reason that says how to get them. A folder named by CTGDOCS_SEEDS that holds no seed is an error,
not a skip: the setting was given on purpose."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT = ROOT.parent / "shared" / "seeds"
VARIABLE = "CTGDOCS_SEEDS"

HOW_TO_GET_THEM = (
    "documents témoins absents de {dossier} : placez le dossier shared/ du projet à côté du dépôt "
    f"(../shared/seeds) ou donnez son chemin dans la variable {VARIABLE}"
)


def folder() -> Path:
    return Path(os.environ[VARIABLE]) if os.environ.get(VARIABLE) else DEFAULT


def seed(name: str) -> str:
    """The text of seed `name` (e.g. "003"); skips the test when the default folder is absent."""
    where = folder()
    found = sorted(where.glob(f"{name}_*.txt")) if where.is_dir() else []
    if not found:
        if os.environ.get(VARIABLE):
            raise FileNotFoundError(f"{VARIABLE}={where} : aucun document témoin {name}_*.txt")
        pytest.skip(HOW_TO_GET_THEM.format(dossier=where))
    if len(found) > 1:
        raise FileNotFoundError(f"plusieurs documents témoins {name}_*.txt dans {where}")
    return found[0].read_text(encoding="utf-8")
