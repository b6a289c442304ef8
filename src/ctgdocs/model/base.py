"""Shared model configuration and constrained types."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

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
# Every number has a plausible range, so that nothing reaches a computation (Decimal, num2words,
# dates) outside its domain. The largest council in France (Paris) has 163 members.
MEMBRES_MAX = 1000
EUROS_MAX = 100_000_000  # a post's yearly cost or a cap, in euros
Entier = Annotated[int, Field(ge=0, le=MEMBRES_MAX)]

DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(2199, 12, 31)


def _plausible(date: dt.date) -> dt.date:
    """A date of an act: no computation (convocation delays, durations, dates in words) may
    leave the calendar's range."""
    if not DATE_MIN <= date <= DATE_MAX:
        raise ValueError("date-bornes")
    return date


Date = Annotated[dt.date, AfterValidator(_plausible)]
