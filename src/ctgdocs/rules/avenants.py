"""Avenants: numbered in order, made to a signed act still in force, and leaving consolidated
data that passes every rule (checked after each avenant, the problem located in it)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator

from ctgdocs.avenants import apply as amend
from ctgdocs.avenants.contrats import CONTRATS, avenant_n, avenants, contrat
from ctgdocs.errors import Problem
from ctgdocs.fr.accord import accord
from ctgdocs.fr.dates import date_fr
from ctgdocs.fr.prepositions import de, joindre
from ctgdocs.load.territoire import DonneesTerritoire


def check(
    d: DonneesTerritoire, toutes: Callable[[DonneesTerritoire], list[Problem]]
) -> Iterator[Problem]:
    """`toutes` checks every rule on a consolidated state (rules.check, not consolidating)."""
    for modifie in sorted({a.model.avenant.modifie for a in d.avenants}):
        found = list(_suite(d, modifie))
        yield from found
        if not found:
            yield from _etats(d, modifie, toutes)


def _suite(d: DonneesTerritoire, modifie: str) -> Iterator[Problem]:
    liste = avenants(d, modifie)
    c = contrat(d, modifie)
    if c is None:
        fichier = CONTRATS[modifie].fichier.chemin
        for a in liste:
            yield a.problem(
                ("avenant", "modifie"), f"{fichier} est absent : il n'y a pas d'acte à modifier"
            )
        return
    if c.signe_le is None:
        acte = CONTRATS[modifie]
        signe_accorde = accord("signé", feminin=acte.formes.feminin)
        yield liste[0].problem(
            ("avenant", "modifie"),
            f"{acte.formes.ref} n'est pas {signe_accorde} : un projet se corrige directement, "
            f"sans avenant (indiquez {acte.signature} une fois l'acte signé)",
        )
        return
    precedent = None
    for rang, a in enumerate(liste, start=1):
        av = a.model.avenant
        if av.numero != rang:
            attendu = (
                "deux avenants portent ce numéro" if av.numero < rang else f"n° {rang} attendu"
            )
            yield a.problem(("avenant", "numero"), f"avenant n° {av.numero} : {attendu}")
            return
        signe = av.signature.date
        if signe is not None and precedent is not None and precedent.signature.date is None:
            yield a.problem(
                ("avenant", "signature", "date"),
                f"l'avenant n° {precedent.numero} n'est pas signé : l'avenant n° {av.numero} ne "
                "peut pas l'être avant lui",
            )
        avant = c.signe_le if precedent is None else precedent.signature.date
        if signe is not None and avant is not None and signe < avant:
            quoi = "l'acte modifié" if precedent is None else f"l'avenant n° {precedent.numero}"
            yield a.problem(
                ("avenant", "signature", "date"),
                f"signé le {date_fr(signe)}, avant {quoi} (signé le {date_fr(avant)})",
            )
        precedent = av


def _etats(
    d: DonneesTerritoire, modifie: str, toutes: Callable[[DonneesTerritoire], list[Problem]]
) -> Iterator[Problem]:
    liste = avenants(d, modifie)
    etat = d
    for n in range(1, len(liste) + 1):
        a = liste[n - 1]
        av = a.model.avenant
        c = contrat(etat, modifie)
        assert c is not None
        if not c.debut <= av.effet <= c.fin:
            yield a.problem(
                ("avenant", "effet"),
                f"l'avenant doit prendre effet pendant la durée {de(CONTRATS[modifie].formes.ref)}, du "
                f"{date_fr(c.debut)} au {date_fr(c.fin)} : un acte échu ne peut plus être modifié",
            )
        suivant, found = amend.consolider(d, liste[:n])
        yield from found
        if suivant is None:
            return
        yield from _apres(n, toutes(dataclasses.replace(suivant, avenants=d.avenants)))
        etat = suivant


def _apres(n: int, problems: Iterable[Problem]) -> Iterator[Problem]:
    for p in problems:
        yield dataclasses.replace(p, message=f"après l'avenant n° {n} : {p.message}")


# The shared clauses that name the avenant a deliberation approves.
CLAUSES_AVENANT = ("expose_avenant", "approbation_avenant", "signature_avenant")


def deliberations(d: DonneesTerritoire) -> Iterator[Problem]:
    """A deliberation approving an avenant: the avenant exists, the collectivité is a party to
    the act, the council approves before the avenant is signed; its clauses need the avenant."""
    for s in d.seances:
        seance = s.model.seance
        for n, delib in enumerate(s.model.deliberations):
            where = ("deliberations", n, "avenant")
            if delib.avenant is None:
                for key, i, bloc in delib.blocs():
                    if bloc.clause in CLAUSES_AVENANT:
                        yield s.problem(
                            ("deliberations", n, key, i, "clause"),
                            f"la clause « {bloc.clause} » nomme l'avenant approuvé : indiquez "
                            "« avenant: » (son numéro) dans la délibération",
                        )
                continue
            ref = delib.avenant
            found = avenant_n(d, ref.modifie, ref.numero)
            if found is None:
                yield s.problem(
                    where,
                    f"aucun avenant n° {ref.numero} {joindre('à', CONTRATS[ref.modifie].formes.ref)} dans avenants/",
                )
                continue
            c = contrat(d, ref.modifie)
            parties = [m for p in c.parties for m in p.membres] if c else []
            if c is not None and seance.collectivite not in parties:
                yield s.problem(
                    ("seance", "collectivite"),
                    f"« {seance.collectivite} » n'est pas partie {joindre('à', CONTRATS[ref.modifie].formes.ref)} : seules "
                    f"ses parties ({', '.join(parties)}) approuvent ses avenants",
                )
            signe = found.model.avenant.signature.date
            if signe is not None and seance.date > signe:
                yield s.problem(
                    ("seance", "date"),
                    f"la séance du {date_fr(seance.date)} suit la signature de l'avenant n° "
                    f"{ref.numero} (le {date_fr(signe)}) : le conseil autorise la signature avant "
                    "qu'elle ait lieu",
                )
