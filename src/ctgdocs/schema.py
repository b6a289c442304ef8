"""The published JSON Schema of the data files, for editors (yaml-language-server)."""

from __future__ import annotations

from typing import Any

from ctgdocs.model import (
    FichierConvention,
    FichierCoordination,
    FichierSeance,
    FichierTerritoire,
)
from ctgdocs.model.acte import FichierActe
from ctgdocs.model.avenant import FichierAvenant

FICHIERS = {
    "territoire": FichierTerritoire,
    "seance": FichierSeance,
    "convention": FichierConvention,
    "coordination": FichierCoordination,
    "acte": FichierActe,
    "avenant": FichierAvenant,
}


def json_schema(fichier: str) -> dict[str, Any]:
    schema = FICHIERS[fichier].model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"ctgdocs — fichier {fichier}"
    return schema
