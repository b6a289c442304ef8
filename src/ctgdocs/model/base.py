"""Shared model configuration and constrained types."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

# Unknown keys are errors (a mistyped key must not be silently ignored); models are frozen.
STRICT = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Modele(BaseModel):
    model_config = STRICT


Identifiant = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60),
    Field(description="Identifiant : minuscules, chiffres et tirets (ex. « jc-carre »)."),
]
Texte = Annotated[str, StringConstraints(min_length=1)]
Entier = Annotated[int, Field(ge=0)]
