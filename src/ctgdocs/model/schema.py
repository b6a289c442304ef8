"""The published JSON Schema of the data files, for editors (yaml-language-server).

The schema is the models' validation schema (pydantic), with what an editor needs on top:
dates that must exist in the calendar (like the loader's), French messages where the server's
own would be vague, and no class docstrings (they document the code, in English).
"""

from __future__ import annotations

import inspect
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from ctgdocs.model.fichiers import FICHIERS

# A day that exists, AAAA-MM-JJ: 31-day months, 30-day months, February to the 28th, and the
# 29th of February of leap years (divisible by 4, centuries only when divisible by 400).
_JOUR = (
    r"[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    r"|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)
_29_FEVRIER = r"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29"
DATE_MOTIF = f"^(?:{_JOUR}|{_29_FEVRIER})$"
DATE_MESSAGE = "Date attendue au format AAAA-MM-JJ, un jour qui existe (ex. 2022-07-29)."


class SchemaEditeur(GenerateJsonSchema):
    """pydantic's JSON Schema generator, with the additions above."""

    def date_schema(self, schema: core_schema.DateSchema) -> JsonSchemaValue:
        return {
            **super().date_schema(schema),
            "pattern": DATE_MOTIF,
            "patternErrorMessage": DATE_MESSAGE,
        }

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        json_schema = super().model_schema(schema)
        doc = schema["cls"].__doc__
        if doc and json_schema.get("description") == inspect.cleandoc(doc):
            del json_schema["description"]
        return json_schema


def json_schema(fichier: str) -> dict[str, Any]:
    schema = FICHIERS[fichier].modele.model_json_schema(schema_generator=SchemaEditeur)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"ctgdocs — fichier {fichier}"
    return schema
