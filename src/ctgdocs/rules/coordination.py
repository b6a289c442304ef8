"""Rules on coordination posts: the time split sums to the post's ETP, the Caf co-funding
respects the Caf's rule in force at the date."""

from __future__ import annotations

from collections.abc import Iterator

from ctgdocs.errors import Problem
from ctgdocs.fr.dates import date_fr
from ctgdocs.fr.nombres import euros, nombre, pourcentage
from ctgdocs.load.territoire import DonneesTerritoire
from ctgdocs.rules.financement import cofinancement, regle_en_vigueur


def check(d: DonneesTerritoire) -> Iterator[Problem]:
    c = d.coordination
    if c is None:
        return
    t = d.territoire.model
    caf = t.organisations[t.territoire.caf]
    for ident, poste in c.model.postes.items():
        if poste.repartition:
            total = sum(p.etp for p in poste.repartition)
            if total != poste.etp:
                detail = " + ".join(nombre(p.etp) for p in poste.repartition)
                yield c.problem(
                    ("postes", ident, "repartition"),
                    f"la répartition fait {detail} = {nombre(total)} ETP ; attendu : "
                    f"{nombre(poste.etp)} ETP, le temps du poste",
                )
        if poste.cofinancement_caf is not None and poste.cout_annuel is None:
            yield c.problem(
                ("postes", ident, "cofinancement_caf"),
                "un cofinancement demande le coût annuel du poste (cout_annuel)",
            )
        if poste.cout_annuel is None:
            continue
        regle = regle_en_vigueur(caf, poste.date)
        if regle is None:
            yield c.problem(
                ("postes", ident, "date"),
                f"aucune règle de financement de la coordination de « {t.territoire.caf} » n'est en "
                f"vigueur le {date_fr(poste.date)} : ajouter regles_financement à la Caf dans territoire.yaml",
            )
            continue
        maximum = cofinancement(regle, poste.cout_annuel, poste.etp).maximum
        if poste.cofinancement_caf is not None and poste.cofinancement_caf > maximum:
            yield c.problem(
                ("postes", ident, "cofinancement_caf"),
                f"{euros(poste.cofinancement_caf)} dépasse la règle de la Caf en vigueur le "
                f"{date_fr(poste.date)} : au plus {pourcentage(regle.taux)} de "
                f"{euros(poste.cout_annuel)} dans la limite de {euros(regle.plafond_annuel_par_etp)} "
                f"par ETP × {nombre(poste.etp)} ETP, soit {euros(maximum)}",
            )
