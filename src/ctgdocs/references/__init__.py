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
    textes: dict[str, list[str]] = reference("branche_famille")
    return textes


def referentiel(ident: str) -> dict[str, Any]:
    """A job referential (references/referentiels/<id>.yaml): intitule, source, rubriques…"""
    donnees: dict[str, Any] = reference(f"referentiels/{ident}")
    return donnees


def referentiels_connus() -> list[str]:
    return sorted(p.stem for p in (REFERENCES_DIR / "referentiels").glob("*.yaml"))


def grille(ident: str) -> dict[str, Any]:
    """An evaluation grid (references/grilles/<id>.yaml): colonnes, sections of critères."""
    donnees: dict[str, Any] = reference(f"grilles/{ident}")
    return donnees


def grilles_connues() -> list[str]:
    return sorted(p.stem for p in (REFERENCES_DIR / "grilles").glob("*.yaml"))


def nomenclature() -> dict[str, str]:
    codes: dict[str, str] = reference("nomenclature_actes")
    return codes
