"""Rules on the CTG itself."""

from __future__ import annotations

from collections.abc import Iterator

from ctgdocs.errors import Problem
from ctgdocs.fr import noms
from ctgdocs.fr.dates import date_fr
from ctgdocs.load.territoire import DonneesTerritoire


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
    if ctg.fin > ctg.debut:  # the CEJ dates are measured against the CTG's: those first
        yield from _cej(d)


def _cej(d: DonneesTerritoire) -> Iterator[Problem]:
    """Communes that sign the CTG must have left their CEJ when it starts; the others join as
    their CEJ ends, which must happen before the CTG ends (seed 002: 4 communes at the start,
    43 a year later)."""
    t = d.territoire.model
    ctg = t.territoire.ctg
    assert ctg is not None
    for ident, org in t.organisations.items():
        if org.type != "commune" or org.fin_cej is None:
            continue
        path = ("organisations", ident, "fin_cej")
        if ident in ctg.signataires and org.fin_cej > ctg.debut:
            yield d.territoire.problem(
                path,
                f"le CEJ {noms.de_nom(org)} finit le {date_fr(org.fin_cej)}, après le début de la CTG "
                f"({date_fr(ctg.debut)}) : une commune qui signe la CTG doit avoir quitté son CEJ à son début (les autres communes l'intègrent à la fin de leur CEJ)",
            )
        elif org.fin_cej > ctg.fin:
            yield d.territoire.problem(
                path,
                f"le CEJ {noms.de_nom(org)} finit le {date_fr(org.fin_cej)}, après la fin de la CTG "
                f"({date_fr(ctg.fin)}) : la commune n'intégrerait jamais la CTG",
            )
