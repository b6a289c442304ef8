"""Domain rules checked after the schema: each module yields located French problems.

A rule is a function (DonneesTerritoire) -> Iterable[Problem]; RULES lists them in order.
References are checked first: the other rules run only on data whose ids all resolve; the
avenants last, on data that passes every rule.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

from ctgdocs.errors import Problem
from ctgdocs.load.territoire import DonneesTerritoire
from ctgdocs.rules import (
    avenants,
    clauses,
    coherence,
    conseil,
    convention,
    convocation,
    coordination,
    ctg,
    membres,
    noms,
    redaction,
    references,
    style_deliberation,
    vote,
)
from ctgdocs.rules import ctes as actes
from ctgdocs.rules import engagement as acte
from ctgdocs.rules import seance as presences

Rule = Callable[[DonneesTerritoire], Iterable[Problem]]

RULES: tuple[Rule, ...] = (
    ctg.check,
    noms.check,
    conseil.check,
    presences.check,
    membres.check,
    convocation.check,
    vote.check,
    style_deliberation.check,
    actes.check,
    coherence.check,
    redaction.check,
    clauses.bibliotheques,
    convention.check,
    coordination.check,
    acte.check,
    clauses.avenants_check,
    avenants.deliberations,
)


def check(donnees: DonneesTerritoire, *, consolider: bool = True) -> list[Problem]:
    """Every problem of the data; then, if none and unless `consolider` is False, every problem
    of the data as each avenant leaves it."""
    problems = list(references.check(donnees))
    if problems:
        return problems
    for rule in RULES:
        problems.extend(rule(donnees))
    if consolider and not problems and donnees.avenants:
        problems.extend(avenants.check(donnees, functools.partial(check, consolider=False)))
    return problems
