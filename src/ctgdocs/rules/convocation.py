"""The convocation of a séance (CGCT L2121-11, L2121-12, L2121-17): its délai in jours francs
by the population of the commune (the one authenticated at the last full renewal of its
council), shortened to one jour franc in urgency, which the council must then recognise at the
opening; and the second convocation after a failed quorum."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from ctgdocs.errors import Problem
from ctgdocs.fr.accord import accord
from ctgdocs.fr.dates import date_fr
from ctgdocs.load.territoire import DonneesTerritoire, Fichier
from ctgdocs.model import FichierSeance, Organisation
from ctgdocs.rules.presence import ouverture
from ctgdocs.rules.regimes import SEUIL_CINQ_JOURS, delai_requis, jours_francs
from ctgdocs.rules.vote import resultat, vote_urgence

# The general renewals of municipal councils (first round). The populations légales in force on
# 1 January of year N are those of millésime N − 3.
RENOUVELLEMENTS = (
    dt.date(2008, 3, 9),
    dt.date(2014, 3, 23),
    dt.date(2020, 3, 15),
    dt.date(2026, 3, 15),
)
DECALAGE_MILLESIME = 3


@dataclass(frozen=True, slots=True)
class PopulationReference:
    """The population that sets the 3 500 threshold of a séance."""

    valeur: int | None  # None: the millésime is missing from populations_legales
    millesime: int | None  # None: the typed `population`, of no stated vintage
    renouvellement: dt.date | None


def renouvellement(org: Organisation, date: dt.date) -> dt.date | None:
    """The last full renewal of the council on or before the date."""
    dates = [r for r in RENOUVELLEMENTS if r <= date]
    if org.dernier_renouvellement is not None and org.dernier_renouvellement <= date:
        dates.append(org.dernier_renouvellement)
    return max(dates, default=None)


def population_reference(org: Organisation, date: dt.date) -> PopulationReference:
    """The population authenticated at the last full renewal before the séance: the millésime in
    force on 1 January of that year, from `populations_legales`; else the typed `population`."""
    quand = renouvellement(org, date)
    if org.populations_legales and quand is not None:
        millesime = quand.year - DECALAGE_MILLESIME
        valeurs = {p.millesime: p.population for p in org.populations_legales}
        return PopulationReference(valeurs.get(millesime), millesime, quand)
    return PopulationReference(org.population, None, quand)


def check(d: DonneesTerritoire) -> Iterator[Problem]:
    for s in d.seances:
        yield from _delai(s, d)
        yield from _urgence(s)
        yield from _seconde(s)


def _article(org: Organisation, population: int | None) -> str:
    if org.type == "commune" and population is not None and population < SEUIL_CINQ_JOURS:
        return "CGCT L2121-11, commune de moins de 3 500 habitants"
    if org.type == "commune":
        return "CGCT L2121-12, 3 500 habitants et plus"
    return "CGCT L2121-12, par L5211-1 pour un EPCI"


def _delai(s: Fichier[FichierSeance], d: DonneesTerritoire) -> Iterator[Problem]:
    seance = s.model.seance
    t = d.territoire
    org = t.model.organisations[seance.collectivite]
    ref = population_reference(org, seance.date) if org.type == "commune" else None
    if (
        ref is not None
        and ref.renouvellement is not None
        and ref.millesime is not None
        and ref.valeur is None
    ):
        yield t.problem(
            ("organisations", seance.collectivite, "populations_legales"),
            f"millésime {ref.millesime} manquant : le seuil de 3 500 habitants de la séance du "
            f"{date_fr(seance.date)} s'apprécie d'après la population authentifiée au dernier "
            f"renouvellement du conseil ({date_fr(ref.renouvellement)}), celle en vigueur au "
            f"1er janvier {ref.renouvellement.year} (millésime {ref.millesime})",
        )
        return
    population = ref.valeur if ref is not None else None
    francs = jours_francs(seance.convocation, seance.date)
    if seance.convocation >= seance.date:
        yield s.problem(
            ("seance", "convocation"),
            f"la convocation ({date_fr(seance.convocation)}) doit précéder la séance "
            f"({date_fr(seance.date)})",
        )
        return
    if seance.urgence is not None:
        if francs < 1:
            yield s.problem(
                ("seance", "convocation"),
                f"délai de convocation insuffisant même en urgence : 0 jour franc entre le "
                f"{date_fr(seance.convocation)} et le {date_fr(seance.date)}, un au moins "
                f"({_article(org, population)})",
            )
        return
    requis = delai_requis(population)
    if francs < requis:
        base = _article(org, population)
        if org.type == "commune" and population is None:
            base = (
                "CGCT L2121-12 ; indiquez la population si la commune compte moins de "
                "3 500 habitants"
            )
        elif ref is not None and ref.millesime is not None:
            base += f", population {ref.valeur} (millésime {ref.millesime})"
        yield s.problem(
            ("seance", "convocation"),
            f"délai de convocation insuffisant : {max(francs, 0)} {accord('jour franc', francs)} "
            f"entre le {date_fr(seance.convocation)} et le "
            f"{date_fr(seance.date)}, {requis} requis ({base})",
        )


def _urgence(s: Fichier[FichierSeance]) -> Iterator[Problem]:
    """The council rules on the urgency at the opening; its vote's figures are those of the
    opening's roll, and an urgency it does not recognise adjourns the agenda."""
    seance = s.model.seance
    if seance.urgence is None:
        return
    path = ("seance", "urgence", "vote")
    debut = ouverture(seance)
    nombre = debut.nombre_presents + debut.nombre_representes
    vote = vote_urgence(seance)
    total = vote.pour + vote.contre + vote.abstentions + vote.ne_prennent_pas_part
    if not seance.urgence.vote.unanimite and total != nombre:
        yield s.problem(
            path,
            f"vote sur l'urgence : pour + contre + abstentions + ne prenant pas part = {total}, "
            f"mais il y a {nombre} présents et représentés à l'ouverture de la séance",
        )
        return
    if vote.pour == vote.contre and vote.pour > 0 and vote.voix_du_president is None:
        yield s.problem(
            path,
            "vote sur l'urgence : partage égal des voix, indiquez voix_du_president (pour ou "
            "contre)",
        )
        return
    if not resultat(vote).adoptee:
        yield s.problem(
            path,
            "le conseil n'a pas reconnu l'urgence : l'examen des affaires est renvoyé à une "
            "séance ultérieure (CGCT L2121-11, L2121-12), aucune délibération n'est prise",
        )


def _seconde(s: Fichier[FichierSeance]) -> Iterator[Problem]:
    """A second convocation follows the séance that failed its quorum, three days at least
    after it (CGCT L2121-17)."""
    seance = s.model.seance
    seconde = seance.seconde_convocation
    if seconde is None:
        return
    path = ("seance", "seconde_convocation", "premiere_seance")
    premiere = seconde.premiere_seance
    if seance.convocation < premiere:
        yield s.problem(
            path,
            f"la seconde convocation ({date_fr(seance.convocation)}) ne peut précéder la séance "
            f"où le quorum a manqué ({date_fr(premiere)})",
        )
    elif (seance.date - premiere).days < 3:
        yield s.problem(
            path,
            f"{(seance.date - premiere).days} {accord('jour', (seance.date - premiere).days)} "
            f"entre la séance sans quorum ({date_fr(premiere)}) et la suivante "
            f"({date_fr(seance.date)}) : le conseil est à nouveau convoqué à trois jours au "
            "moins d'intervalle (CGCT L2121-17)",
        )
