"""How the records can be named: a person by first name or by civilité (« M. RAKOTORINA », never
a name alone), an organisation by an article and a gender that agree."""

from __future__ import annotations

from collections.abc import Iterator

from ctgdocs.errors import Problem
from ctgdocs.fr.prepositions import ARTICLES_TNCC, de, tncc_accorde
from ctgdocs.load.territoire import DonneesTerritoire


def check(d: DonneesTerritoire) -> Iterator[Problem]:
    t = d.territoire
    for ident, p in t.model.personnes.items():
        if p.prenom is None and p.civilite is None:
            yield t.problem(
                ("personnes", ident),
                f"« {p.nom} » sans prénom ni civilité : un acte nomme une personne par son "
                "prénom et son nom, ou par sa civilité et son nom (civilite : « M. » ou « Mme »)",
            )
    for ident, org in t.model.organisations.items():
        if org.type_liaison is not None and not tncc_accorde(org.nom, org.type_liaison):
            article = ARTICLES_TNCC.get(org.type_liaison)
            attendu = f"un nom qui commence par « {article} »" if article else "un nom sans article"
            yield t.problem(
                ("organisations", ident, "type_liaison"),
                f"type de nom en clair {org.type_liaison} : attendu {attendu}, pas « {org.nom} » ; "
                f"corrigez l'un, ou retirez type_liaison (le nom seul dit alors « {de(org.nom)} »)",
            )
        if org.genre is not None and org.article in ("le", "la"):
            attendu = "feminin" if org.article == "la" else "masculin"
            if org.genre != attendu:
                yield t.problem(
                    ("organisations", ident, "genre"),
                    f"genre « {org.genre} » mais article « {org.article} » : l'un des deux est "
                    f"faux (« {org.article} » va avec « {attendu} »)",
                )
        elif org.genre is None and org.type == "autre" and org.article in ("l'", "les"):
            yield t.problem(
                ("organisations", ident, "article"),
                f"avec l'article « {org.article} », le genre du nom ne se devine pas : indiquez "
                "genre (« masculin » ou « feminin ») pour les accords (« représentée », "
                "« désignée »)",
            )
