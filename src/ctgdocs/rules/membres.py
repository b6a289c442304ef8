"""The roll as it really is: suppléants (CGCT L5211-6), visioconférence (L5211-11-1), members
who arrive or leave during the séance, the intéressés of a deliberation (L2131-11), and the
quorum of each deliberation (L2121-17), which these change."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ctgdocs.errors import Problem
from ctgdocs.fr.accord import accord
from ctgdocs.fr.dates import date_fr
from ctgdocs.fr.noms import nom_complet
from ctgdocs.load.territoire import DonneesTerritoire, Fichier
from ctgdocs.model import FichierSeance, Organisation, Personne
from ctgdocs.rules.presence import ouverture, presence, rang
from ctgdocs.rules.regimes import DROIT_COMMUN, regime

AVEC_SUPPLEANTS = ("epci", "syndicat")


def check(d: DonneesTerritoire) -> Iterator[Problem]:
    t = d.territoire.model
    for s in d.seances:
        org = t.organisations[s.model.seance.collectivite]
        if not isinstance(s.model.seance.presents, list):
            yield from _liste_requise(s)
            continue
        yield from _suppleants(s, org, t.personnes)
        yield from _visioconference(s, org, t.personnes)
        yield from _mouvements(s, t.personnes)
        yield from _interesses(s, t.personnes)
        yield from _quorum(s)


def _liste_requise(s: Fichier[FichierSeance]) -> Iterator[Problem]:
    seance = s.model.seance
    champs = {
        "suppleants": "les suppléants",
        "visioconference": "la visioconférence",
        "arrivees": "les arrivées en cours de séance",
        "departs": "les départs en cours de séance",
    }
    for champ, quoi in champs.items():
        if getattr(seance, champ):
            yield s.problem(
                ("seance", champ),
                f"{quoi} demandent la liste nominative des présents : écrivez seance.presents "
                "comme une liste d'identifiants, pas un nombre",
            )


def _suppleants(
    s: Fichier[FichierSeance], org: Organisation, personnes: dict[str, Personne]
) -> Iterator[Problem]:
    seance = s.model.seance
    if seance.suppleants and org.type not in AVEC_SUPPLEANTS:
        yield s.problem(
            ("seance", "suppleants"),
            "seuls les conseils d'un EPCI ou d'un syndicat ont des suppléants (CGCT L5211-6) ; "
            f"la collectivité « {seance.collectivite} » est de type {org.type}",
        )
        return
    for i, sup in enumerate(seance.suppleants):
        suppleant, titulaire = personnes[sup.suppleant], personnes[sup.titulaire]
        if sup.suppleant == sup.titulaire:
            yield s.problem(
                ("seance", "suppleants", i), "un membre ne peut être son propre suppléant"
            )
        elif suppleant.commune and titulaire.commune and suppleant.commune != titulaire.commune:
            yield s.problem(
                ("seance", "suppleants", i, "suppleant"),
                f"{nom_complet(suppleant)} ({suppleant.commune}) ne peut suppléer "
                f"{nom_complet(titulaire)} ({titulaire.commune}) : le suppléant siège pour la "
                "commune de son titulaire (CGCT L5211-6)",
            )


def _visioconference(
    s: Fichier[FichierSeance], org: Organisation, personnes: dict[str, Personne]
) -> Iterator[Problem]:
    seance = s.model.seance
    if not seance.visioconference:
        return
    permise = org.type == "epci" or regime(seance.date) is not DROIT_COMMUN
    if not permise:
        yield s.problem(
            ("seance", "visioconference"),
            "la participation par visioconférence est ouverte au conseil d'un EPCI à fiscalité "
            f"propre (CGCT L5211-11-1) ; pour un conseil de type {org.type}, elle ne l'était "
            "que pendant les périodes dérogatoires, jusqu'au 31 juillet 2022 (la séance est du "
            f"{date_fr(seance.date)})",
        )
        return
    assis = set(ouverture(seance).presents) | {a.membre for a in seance.arrivees}
    for i, ident in enumerate(seance.visioconference):
        if ident not in assis:
            yield s.problem(
                ("seance", "visioconference", i),
                f"{nom_complet(personnes[ident])} participe par visioconférence : il doit figurer "
                "parmi les présents, les suppléants ou les arrivées",
            )


def _numero(s: Fichier[FichierSeance], path: tuple[str | int, ...], numero: str) -> Problem:
    numeros = [dl.numero for dl in s.model.deliberations]
    proche = difflib.get_close_matches(numero, numeros, n=1)
    conseil = f" ; vouliez-vous dire « {proche[0]} » ?" if proche else ""
    return s.problem(
        path,
        f"aucune délibération n° « {numero} » dans cette séance (numéros : "
        f"{', '.join(numeros)}){conseil}",
    )


def _mouvements(s: Fichier[FichierSeance], personnes: dict[str, Personne]) -> Iterator[Problem]:
    """Arrivals of members not there at the opening, departures of members who were, each
    from a deliberation of the séance after the first."""
    fichier = s.model
    seance = fichier.seance
    debut = set(ouverture(seance).presents)
    arrivees: dict[str, int] = {}
    for i, a in enumerate(seance.arrivees):
        path = ("seance", "arrivees", i)
        r = rang(fichier, a.a_partir_de)
        nom = nom_complet(personnes[a.membre])
        if r is None:
            yield _numero(s, (*path, "a_partir_de"), a.a_partir_de)
        elif r == 0:
            yield s.problem(
                (*path, "a_partir_de"),
                f"{nom} arrive avant la première délibération : comptez-le parmi les présents",
            )
        elif a.membre in debut or a.membre in arrivees:
            yield s.problem(
                (*path, "membre"), f"{nom} est déjà présent : il ne peut arriver en cours de séance"
            )
        elif a.membre in seance.absents:
            yield s.problem(
                (*path, "membre"),
                f"{nom} est noté absent excusé : un membre arrivé en cours de séance n'est pas "
                "absent (retirez-le de seance.absents)",
            )
        else:
            arrivees[a.membre] = r
    partis: set[str] = set()
    for i, dp in enumerate(seance.departs):
        path = ("seance", "departs", i)
        r = rang(fichier, dp.a_partir_de)
        nom = nom_complet(personnes[dp.membre])
        if r is None:
            yield _numero(s, (*path, "a_partir_de"), dp.a_partir_de)
            continue
        if dp.membre in partis:
            yield s.problem((*path, "membre"), f"{nom} est déjà parti")
        elif r == 0:
            yield s.problem(
                (*path, "a_partir_de"),
                f"{nom} part avant la première délibération : il est absent ou représenté, pas "
                "présent",
            )
        elif dp.membre not in debut and arrivees.get(dp.membre, r) >= r:
            yield s.problem(
                (*path, "membre"),
                f"{nom} part à partir de la délibération n° {dp.a_partir_de} sans avoir été "
                "présent avant elle",
            )
        partis.add(dp.membre)
        if dp.pouvoir_a is None or r == 0:
            continue
        mandataire = nom_complet(personnes[dp.pouvoir_a])
        roll = presence(fichier, fichier.deliberations[r])
        if dp.pouvoir_a == dp.membre:
            yield s.problem((*path, "pouvoir_a"), "un membre ne peut se donner pouvoir à lui-même")
        elif dp.pouvoir_a not in roll.presents:
            yield s.problem(
                (*path, "pouvoir_a"),
                f"le mandataire {mandataire} doit être présent à la délibération n° "
                f"{dp.a_partir_de}",
            )
        else:
            maximum = regime(seance.date).pouvoirs_par_membre
            recus = sum(1 for p in roll.pouvoirs if p.mandataire == dp.pouvoir_a)
            if recus > maximum:
                yield s.problem(
                    (*path, "pouvoir_a"),
                    f"{mandataire} détiendrait {recus} pouvoirs à la délibération n° "
                    f"{dp.a_partir_de} : {_maximum(maximum)} (CGCT L2121-20)",
                )


def _maximum(maximum: int) -> str:
    return "un seul par membre" if maximum == 1 else f"au plus {maximum} par membre"


def _interesses(s: Fichier[FichierSeance], personnes: dict[str, Personne]) -> Iterator[Problem]:
    """An intéressé leaves the room for that deliberation: he must belong to its roll, and
    cannot be the one who reports it."""
    fichier = s.model
    for n, delib in enumerate(fichier.deliberations):
        roll = presence(fichier, delib.model_copy(update={"interesses": []}), position=n)
        membres = set(roll.presents) | {p.mandant for p in roll.pouvoirs}
        vus: set[str] = set()
        for i, ident in enumerate(delib.interesses):
            path = ("deliberations", n, "interesses", i)
            nom = nom_complet(personnes[ident])
            if ident in vus:
                yield s.problem(path, f"{nom} est déjà noté intéressé")
            elif ident in delib.rapporteurs:
                yield s.problem(
                    path,
                    f"{nom} rapporte cette délibération : un membre intéressé ne prend part ni "
                    "au débat ni au vote (CGCT L2131-11), il ne peut la rapporter",
                )
            elif ident not in membres:
                yield s.problem(
                    path,
                    f"{nom} est noté intéressé mais n'est ni présent ni représenté à la "
                    f"délibération n° {delib.numero}",
                )
            vus.add(ident)


def _quorum(s: Fichier[FichierSeance]) -> Iterator[Problem]:
    """The quorum of each deliberation, once that of the opening is reached (rules/seance
    reports the opening's), unless the séance is a second convocation."""
    fichier = s.model
    seance = fichier.seance
    if seance.seconde_convocation is not None:
        return
    r = regime(seance.date)
    quorum = r.quorum(seance.membres_en_exercice)
    if ouverture(seance).nombre_presents < quorum:
        return
    for n, delib in enumerate(fichier.deliberations):
        roll = presence(fichier, delib)
        if roll.nombre_presents < quorum:
            sans = (
                f", sans {len(roll.interesses)} {accord('intéressé', len(roll.interesses))} "
                "(CGCT L2131-11)"
                if roll.interesses
                else ""
            )
            yield s.problem(
                ("deliberations", n),
                f"quorum non atteint pour la délibération n° {delib.numero} : "
                f"{roll.nombre_presents} {accord('présent', roll.nombre_presents)}{sans} pour "
                f"un quorum de {quorum} ({r.part_quorum} des {seance.membres_en_exercice} membres en "
                "exercice, apprécié à chaque délibération, CGCT L2121-17)",
            )
