"""Rules on an acte d'engagement: its parties (a Caf and a commune, each signing through
someone), its dates (a period, a CTG deadline inside it, a council decision before it starts,
a signature after that decision and before the period ends)."""

from __future__ import annotations

from collections.abc import Iterator

from ctgdocs.errors import Problem
from ctgdocs.fr.dates import date_fr
from ctgdocs.load.territoire import DonneesTerritoire, Fichier
from ctgdocs.model import vocabulaire
from ctgdocs.model.engagement import ActeEngagement, FichierActe
from ctgdocs.rules import clauses
from ctgdocs.rules.convention import parties


def check(d: DonneesTerritoire) -> Iterator[Problem]:
    a = d.acte
    if a is None:
        return
    acte = a.model.acte_engagement
    orgs = d.territoire.model.organisations
    yield from parties(a, ("acte_engagement", "parties"), acte.parties, d.territoire.model)
    types = sorted(orgs[m].type for p in acte.parties for m in p.membres)
    if types != ["caf", "commune"]:
        yield a.problem(
            ("acte_engagement", "parties"),
            f"un acte d'engagement lie une Caf et une commune ; parties données : {', '.join(types)}",
        )
    if acte.fin <= acte.debut:
        yield a.problem(
            ("acte_engagement", "fin"),
            f"la fin de l'acte ({date_fr(acte.fin)}) doit suivre son début ({date_fr(acte.debut)})",
        )
    elif not acte.debut <= acte.ctg_au_plus_tard <= acte.fin:
        yield a.problem(
            ("acte_engagement", "ctg_au_plus_tard"),
            f"la CTG doit être signée pendant l'acte, entre le {date_fr(acte.debut)} et le "
            f"{date_fr(acte.fin)} ; date donnée : {date_fr(acte.ctg_au_plus_tard)}",
        )
    if acte.decision_conseil.date > acte.debut:
        yield a.problem(
            ("acte_engagement", "decision_conseil", "date"),
            f"le conseil municipal autorise la signature avant le début de l'acte "
            f"({date_fr(acte.debut)}) ; date donnée : {date_fr(acte.decision_conseil.date)}",
        )
    yield from clauses.check(
        clauses.resoudre(d, vocabulaire.ACTE, acte.articles, a, ("acte_engagement",), acte.modele),
        a.marks.location(("acte_engagement",)),
    )
    yield from _signature(a, acte)


def _signature(a: Fichier[FichierActe], acte: ActeEngagement) -> Iterator[Problem]:
    """The acte runs over its period (« du … au … ») whenever it is signed: before its start or
    during it, never after its end, and once the council has authorised it. A draft has no
    date yet."""
    signe = acte.date_signature
    if signe is None:
        return
    where = ("acte_engagement", "date_signature")
    if acte.fin > acte.debut and signe > acte.fin:
        yield a.problem(
            where,
            f"l'acte est conclu du {date_fr(acte.debut)} au {date_fr(acte.fin)} : il ne peut pas "
            f"être signé après sa fin ; date de signature donnée : {date_fr(signe)}",
        )
    if signe < acte.decision_conseil.date:
        yield a.problem(
            where,
            f"signé le {date_fr(signe)}, avant la décision du conseil municipal qui autorise "
            f"sa signature (le {date_fr(acte.decision_conseil.date)})",
        )
