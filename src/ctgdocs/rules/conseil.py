"""A council as the Répertoire national des élus gives it (`organisations.<id>.conseil`): its
adjoints sit in it, and it counts at least the members it lists. (Its executive is not checked
against it: after a new maire, a signed act keeps the former one until its avenant.)"""

from __future__ import annotations

from collections.abc import Iterator

from ctgdocs.errors import Problem
from ctgdocs.fr.noms import nom_complet
from ctgdocs.load.territoire import DonneesTerritoire


def check(d: DonneesTerritoire) -> Iterator[Problem]:
    t = d.territoire
    personnes = t.model.personnes
    for ident, org in t.model.organisations.items():
        conseil = org.conseil
        if conseil is None:
            continue
        if org.type not in ("commune", "epci", "syndicat"):
            yield t.problem(
                ("organisations", ident, "conseil"),
                f"une organisation de type {org.type} n'a pas de conseil élu : seuls une "
                "commune, un EPCI ou un syndicat en ont un",
            )
            continue
        membres = set(conseil.membres)
        if not membres:
            continue
        for i, adjoint in enumerate(conseil.adjoints):
            if adjoint not in membres:
                yield t.problem(
                    ("organisations", ident, "conseil", "adjoints", i),
                    f"{nom_complet(personnes[adjoint])} n'est pas membre du conseil "
                    f"(organisations.{ident}.conseil.membres)",
                )
        n = len(membres)
        if conseil.membres_en_exercice is not None and conseil.membres_en_exercice < n:
            yield t.problem(
                ("organisations", ident, "conseil", "membres_en_exercice"),
                f"{conseil.membres_en_exercice} membres en exercice, mais le conseil en nomme "
                f"{n} (organisations.{ident}.conseil.membres)",
            )
        doublons = sorted({m for m in conseil.membres if conseil.membres.count(m) > 1})
        for m in doublons:
            yield t.problem(
                ("organisations", ident, "conseil", "membres", conseil.membres.index(m)),
                f"« {m} » est nommé deux fois parmi les membres du conseil",
            )
