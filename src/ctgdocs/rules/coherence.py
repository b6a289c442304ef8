"""Texts typed in the data must agree with the records: « Monsieur le Maire » for a mayor who is a woman is refused."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ctgdocs.errors import Problem
from ctgdocs.fr.noms import avec_civilite, de_nom, titre
from ctgdocs.load.territoire import DonneesTerritoire

_TITRE = re.compile(r"\b(Monsieur|Madame)\s+(le|la)\s+(Maire|Président|Présidente)\b")


def check(d: DonneesTerritoire) -> Iterator[Problem]:
    orgs = d.territoire.model.organisations
    personnes = d.territoire.model.personnes
    for s in d.seances:
        org = orgs[s.model.seance.collectivite]
        if org.executif is None:
            continue
        executif = personnes[org.executif]
        if executif.civilite is None:
            continue
        attendu = titre(org, executif)
        for n, delib in enumerate(s.model.deliberations):
            for key, i, bloc in delib.blocs():
                for found in _TITRE.finditer(bloc.texte or ""):
                    if found.group(0) != attendu:
                        yield s.problem(
                            ("deliberations", n, key, i, "texte"),
                            f"le texte dit « {found.group(0)} » mais l'exécutif {de_nom(org)} est "
                            f"{avec_civilite(executif)} : écrivez « {attendu} »",
                        )
