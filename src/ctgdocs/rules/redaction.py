"""What the wording needs: known decision verbs, the data each shared clause draws on, and who
receives the transmission. Checked here so that a missing value is a located data error, not a
template failure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from ctgdocs.errors import Problem
from ctgdocs.fr.dates import date_fr
from ctgdocs.fr.noms import nom_avec_article
from ctgdocs.fr.prepositions import de
from ctgdocs.fr.verbes import IRREGULIERS, troisieme_personne
from ctgdocs.load.territoire import DonneesTerritoire, Fichier
from ctgdocs.model import FichierSeance, FichierTerritoire
from ctgdocs.rules.financement import regle_en_vigueur


def _ctg(t: FichierTerritoire, s: FichierSeance) -> str | None:
    ctg = t.territoire.ctg
    return (
        None if ctg and ctg.signataires else "décrivez la CTG (territoire.ctg) dans territoire.yaml"
    )


def _enjeux(t: FichierTerritoire, s: FichierSeance) -> str | None:
    ctg = t.territoire.ctg
    return None if ctg and ctg.enjeux else "décrivez les enjeux de la CTG (territoire.ctg.enjeux)"


def _epci(t: FichierTerritoire, s: FichierSeance) -> str | None:
    return None if t.territoire.epci else "indiquez l'EPCI du territoire (territoire.epci)"


def _financement(t: FichierTerritoire, s: FichierSeance) -> str | None:
    caf = t.organisations[t.territoire.caf]
    if regle_en_vigueur(caf, s.seance.date):
        return None
    return f"aucune règle de financement de la coordination {de(nom_avec_article(caf))} en vigueur à la date de la séance (organisations.{t.territoire.caf}.regles_financement)"


# What each clause reads beyond the session itself.
PREREQUIS: dict[str, Callable[[FichierTerritoire, FichierSeance], str | None]] = {
    "signataires": _ctg,
    "enjeux_axes": _enjeux,
    "demarche_partenariale_ctg": _epci,
    "financement_coordination": _financement,
}


def check(d: DonneesTerritoire) -> Iterator[Problem]:
    t = d.territoire.model
    for s in d.seances:
        org = t.organisations[s.model.seance.collectivite]
        yield from _liste(s)
        for n, delib in enumerate(s.model.deliberations):
            yield from _verbes(s, n)
            for key, i, bloc in delib.blocs():
                prerequis = PREREQUIS.get(bloc.clause or "")
                manque = prerequis(t, s.model) if prerequis else None
                if manque:
                    yield s.problem(
                        ("deliberations", n, key, i, "clause"),
                        f"la clause « {bloc.clause} » ne peut être rédigée : {manque}",
                    )
            if delib.transmission and not org.representation_etat:
                yield s.problem(
                    ("deliberations", n, "transmission"),
                    f"destinataire de la transmission inconnu : indiquez organisations.{s.model.seance.collectivite}.representation_etat (ex. « la préfecture de la Vienne »)",
                )
            for champ in ("publication", "transmission"):
                valeur = getattr(delib, champ)
                if valeur and valeur < s.model.seance.date:
                    yield s.problem(
                        ("deliberations", n, champ), f"la date de {champ} précède la séance"
                    )


LISTE_DELAI = 7  # days: the list of deliberations is posted within a week (L. 2121-25 CGCT)


def _liste(s: Fichier[FichierSeance]) -> Iterator[Problem]:
    seance = s.model.seance
    if seance.liste is None:
        return
    ordres = [d.ordre for d in s.model.deliberations if d.ordre is not None]
    attendus = set(range(1, len(s.model.deliberations) + 1))
    if ordres and sorted(ordres) != sorted(attendus):
        manquent = sorted(attendus - set(ordres))
        yield s.problem(
            ("seance", "liste"),
            f"la liste des délibérations les contient toutes : {len(attendus)} délibérations, "
            f"numérotées de 1 à {len(attendus)} ; "
            + (
                f"manque{'nt' if len(manquent) > 1 else ''} {', '.join(map(str, manquent))}"
                if manquent
                else "numéros en double"
            )
            + " (ajoutez les délibérations de la séance, ou retirez liste:)",
        )
    publiee = seance.liste.publiee_le
    if publiee is None:
        return
    if publiee < seance.date:
        yield s.problem(
            ("seance", "liste", "publiee_le"),
            f"la liste des délibérations ne peut être publiée ({date_fr(publiee)}) avant la "
            f"séance ({date_fr(seance.date)})",
        )
    elif publiee > seance.date + dt.timedelta(days=LISTE_DELAI):
        yield s.problem(
            ("seance", "liste", "publiee_le"),
            f"la liste des délibérations est affichée et mise en ligne dans la semaine qui suit "
            f"la séance (article L. 2121-25 du CGCT) : au plus tard le "
            f"{date_fr(seance.date + dt.timedelta(days=LISTE_DELAI))}, pas le {date_fr(publiee)}",
        )


def _verbes(s: Fichier[FichierSeance], n: int) -> Iterator[Problem]:
    for i, decision in enumerate(s.model.deliberations[n].decisions):
        if troisieme_personne(decision.verbe) is None:
            yield s.problem(
                ("deliberations", n, "decisions", i, "verbe"),
                f"verbe « {decision.verbe} » non reconnu : écrivez-le à l'infinitif (approuver, autoriser, préciser…) ; verbes irréguliers connus : {', '.join(sorted(IRREGULIERS))}",
            )
