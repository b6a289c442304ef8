"""Shared reference data shipped with ctgdocs (texts of the branche Famille, ACTES nomenclature)."""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml

from ctgdocs.paths import REFERENCES_DIR


@cache
def reference(name: str) -> Any:
    with open(REFERENCES_DIR / f"{name}.yaml", encoding="utf-8") as f:
        return yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def branche_famille() -> dict[str, list[str]]:
    return reference("branche_famille")


def nomenclature() -> dict[str, str]:
    return reference("nomenclature_actes")
