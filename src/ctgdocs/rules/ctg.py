"""Rules on the CTG itself."""

from __future__ import annotations

from collections.abc import Iterator

from ctgdocs.errors import Problem
from ctgdocs.load.territoire import DonneesTerritoire
from ctgdocs.render.filters import date_fr


def check(d: DonneesTerritoire) -> Iterator[Problem]:
    ctg = d.territoire.model.territoire.ctg
    if ctg is None:
        return
    if ctg.fin <= ctg.debut:
        yield d.territoire.problem(
            ("territoire", "ctg", "fin"),
            f"la fin de la CTG ({date_fr(ctg.fin)}) doit suivre son début ({date_fr(ctg.debut)})",
        )
    seen: dict[str, int] = {}
    for i, ident in enumerate(ctg.signataires):
        if ident in seen:
            yield d.territoire.problem(
                ("territoire", "ctg", "signataires", i),
                f"signataire « {ident} » cité deux fois (déjà en position {seen[ident] + 1})",
            )
        seen.setdefault(ident, i)
