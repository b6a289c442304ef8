"""Domain rules checked after the schema: each module yields located French problems.

A rule is a function (DonneesTerritoire) -> Iterable[Problem]; RULES lists them in order.
References are checked first: the other rules run only on data whose ids all resolve.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ctgdocs.errors import Problem
from ctgdocs.load.territoire import DonneesTerritoire
from ctgdocs.rules import (
    acte,
    actes,
    coherence,
    convention,
    coordination,
    ctg,
    presences,
    redaction,
    references,
    vote,
)

Rule = Callable[[DonneesTerritoire], Iterable[Problem]]

RULES: tuple[Rule, ...] = (
    ctg.check,
    presences.check,
    vote.check,
    actes.check,
    coherence.check,
    redaction.check,
    convention.check,
    coordination.check,
    acte.check,
)


def check(donnees: DonneesTerritoire) -> list[Problem]:
    problems = list(references.check(donnees))
    if problems:
        return problems
    for rule in RULES:
        problems.extend(rule(donnees))
    return problems
