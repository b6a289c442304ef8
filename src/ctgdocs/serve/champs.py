"""The séance file's data from the form, as a person writes it (its keys in the usual order,
the short values on one line), with, for each value, the form field it came from: a problem
found at a data path is shown on that field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from ctgdocs.serve.saisie import Bloc, DeliberationSaisie, Saisie


class EnLigne(dict[str, Any]):
    """A mapping a person writes on one line: « {mandant: …, mandataire: …} »."""


class ListeEnLigne(list[Any]):
    """A list a person writes on one line: « [bernadette-samuel] »."""


# The séance's keys the form writes, in the order of the examples; every other key of an
# existing file is kept as it is (visas…). A roll kept as numbers
# (« presents: 41 ») owns no list of absents, suppléants, visioconférence, arrivals or departures.
CLES_SEANCE = (
    "collectivite",
    "date",
    "heure",
    "lieu",
    "convocation",
    "president",
    "secretaires",
    "membres_en_exercice",
    "presents",
    "pouvoirs",
    "absents",
    "suppleants",
    "visioconference",
    "arrivees",
    "departs",
    "urgence",
    "seconde_convocation",
    "liste",
)
CLES_NOMBRES = tuple(
    c
    for c in CLES_SEANCE
    if c not in ("absents", "suppleants", "visioconference", "arrivees", "departs")
)


def cles_seance(s: Saisie) -> tuple[str, ...]:
    return CLES_SEANCE if s.nominatif else CLES_NOMBRES


CLES_DELIBERATION = (
    "numero",
    "rubrique",
    "objet",
    "rapporteurs",
    "interesses",
    "expose",
    "decisions",
    "vote",
    "publication",
    "transmission",
)


def _date(texte: str) -> dt.date | str:
    try:
        return dt.date.fromisoformat(texte)
    except ValueError:
        return texte  # the model refuses it, at its field


def _entier(texte: str) -> int | str:
    return int(texte) if texte.isdigit() else texte


def vers_donnees(
    s: Saisie, membres: Iterable[str]
) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, str]]:
    """The séance's data, its deliberations' data, and for each data path written (« seance.
    pouvoirs[3] ») the form field it comes from (« pouvoir.thierry-fabre »). A value left
    empty is not written: the model then says it is missing, at its field."""
    champs: dict[str, str] = {}
    seance: dict[str, Any] = {"collectivite": s.collectivite}
    for nom in ("date", "heure", "lieu", "convocation", "president", "membres_en_exercice"):
        champs[f"seance.{nom}"] = f"seance.{nom}"
        if nom == "membres_en_exercice":  # after the secrétaires, as the examples write it
            seance["secretaires"] = ListeEnLigne(s.secretaires)
        valeur = getattr(s, nom)
        if not valeur:
            continue
        if nom in ("date", "convocation"):
            seance[nom] = _date(valeur)
        elif nom == "membres_en_exercice":
            seance[nom] = _entier(valeur)
        else:
            seance[nom] = valeur
    champs["seance.secretaires"] = "seance.secretaires"
    if not s.nominatif:
        champs["seance.presents"] = "seance.nombre_presents"
        champs["seance.pouvoirs"] = "seance.nombre_pouvoirs"
        seance["presents"] = _entier(s.nombre_presents)
        if s.nombre_pouvoirs and s.nombre_pouvoirs != "0":
            seance["pouvoirs"] = _entier(s.nombre_pouvoirs)
        _convocation(s, seance, champs)
        deliberations = [_deliberation(d, n, champs) for n, d in enumerate(s.deliberations)]
        return seance, deliberations, champs
    presents = set(s.presents)
    seance["presents"] = list(s.presents)
    champs["seance.presents"] = "seance.presents"
    for i, m in enumerate(s.presents):
        champs[f"seance.presents[{i}]"] = f"membre.{m}"
    pouvoirs: list[EnLigne] = []
    absents: list[str] = []
    for m in membres:
        if m in presents:
            continue
        if m in s.pouvoirs:
            champs[f"seance.pouvoirs[{len(pouvoirs)}]"] = f"pouvoir.{m}"
            pouvoirs.append(EnLigne(mandant=m, mandataire=s.pouvoirs[m]))
        elif m not in s.arrivees and m not in s.suppleants:
            champs[f"seance.absents[{len(absents)}]"] = f"membre.{m}"
            absents.append(m)
    champs["seance.pouvoirs"] = "seance.presents"
    champs["seance.absents"] = "seance.presents"
    seance["pouvoirs"] = pouvoirs
    seance["absents"] = ListeEnLigne(absents)
    seance["arrivees"] = []
    for m, numero in s.arrivees.items():
        champs[f"seance.arrivees[{len(seance['arrivees'])}]"] = f"arrivee.{m}"
        seance["arrivees"].append(EnLigne(membre=m, a_partir_de=numero))
    seance["departs"] = []
    for m, numero in s.departs.items():
        champs[f"seance.departs[{len(seance['departs'])}]"] = f"depart.{m}"
        depart = EnLigne(membre=m, a_partir_de=numero)
        if s.pouvoirs_au_depart.get(m):
            depart["pouvoir_a"] = s.pouvoirs_au_depart[m]
        seance["departs"].append(depart)
    seance["suppleants"] = []
    for titulaire, suppleant in s.suppleants.items():
        champs[f"seance.suppleants[{len(seance['suppleants'])}]"] = f"suppleant.{titulaire}"
        seance["suppleants"].append(EnLigne(suppleant=suppleant, titulaire=titulaire))
    champs["seance.suppleants"] = "seance.presents"
    seance["visioconference"] = ListeEnLigne(s.visioconference)
    champs["seance.visioconference"] = "seance.presents"
    for i, m in enumerate(s.visioconference):
        champs[f"seance.visioconference[{i}]"] = f"visio.{m}"
    for vide in ("pouvoirs", "absents", "suppleants", "visioconference", "arrivees", "departs"):
        if not seance[vide]:
            del seance[vide]
    _convocation(s, seance, champs)
    deliberations = [_deliberation(d, n, champs) for n, d in enumerate(s.deliberations)]
    return seance, deliberations, champs


def _convocation(s: Saisie, seance: dict[str, Any], champs: dict[str, str]) -> None:
    """The urgency and its vote, the second convocation, the liste des délibérations: written
    after the roll, as the docs write them (added last to `seance`, whose key order a new file
    keeps)."""
    champs["seance.urgence"] = "seance.urgence"
    champs["seance.seconde_convocation"] = "seance.seconde_convocation"
    if s.urgence:
        vote: Any = "unanimite"
        if not s.urgence_unanimite:
            vote = EnLigne(
                pour=_entier(s.urgence_pour),
                contre=_entier(s.urgence_contre),
                abstentions=_entier(s.urgence_abstentions),
            )
        seance["urgence"] = EnLigne(vote=vote)
    if s.seconde_convocation:
        seance["seconde_convocation"] = EnLigne(premiere_seance=_date(s.seconde_convocation))
    champs["seance.liste"] = "seance.liste"
    if s.liste:
        publiee = s.liste_publiee_le
        seance["liste"] = EnLigne(publiee_le=_date(publiee)) if publiee else True


def _deliberation(d: DeliberationSaisie, n: int, champs: dict[str, str]) -> dict[str, Any]:
    racine, p = f"deliberations[{n}]", f"d.{n}."
    champs[racine] = p + "comptes"  # the deliberation as a whole: its quorum, its roll
    data: dict[str, Any] = {}
    for nom in ("numero", "rubrique", "objet"):
        champs[f"{racine}.{nom}"] = p + nom
        if getattr(d, nom):
            data[nom] = getattr(d, nom)
    champs[f"{racine}.rapporteurs"] = p + "rapporteur"
    data["rapporteurs"] = ListeEnLigne([d.rapporteur] if d.rapporteur else [])
    champs[f"{racine}.interesses"] = p + "interesses"
    if d.interesses:
        data["interesses"] = ListeEnLigne(d.interesses)
    for cle in ("expose", "decisions"):
        champs[f"{racine}.{cle}"] = f"{p}{cle}.0"
        blocs: list[Any] = []
        for k, bloc in enumerate(getattr(d, cle)):
            if bloc.vide and not bloc.verbe:
                continue
            champs[f"{racine}.{cle}[{len(blocs)}]"] = f"{p}{cle}.{k}"
            blocs.append(_ecrire_bloc(bloc, decision=cle == "decisions"))
        data[cle] = blocs
    champs[f"{racine}.vote"] = p + "vote"
    if d.unanimite:
        data["vote"] = "unanimite"
    else:
        vote = EnLigne(
            pour=_entier(d.pour), contre=_entier(d.contre), abstentions=_entier(d.abstentions)
        )
        if d.ne_prennent_pas_part and d.ne_prennent_pas_part != "0":
            vote["ne_prennent_pas_part"] = _entier(d.ne_prennent_pas_part)
        data["vote"] = vote
    for nom in ("publication", "transmission"):  # after the séance: put online, sent
        champs[f"{racine}.{nom}"] = p + nom
        if getattr(d, nom):
            data[nom] = _date(getattr(d, nom))
    return data


def _ecrire_bloc(bloc: Bloc, decision: bool) -> Any:
    """A block as the examples write it: a text alone; a clause, or a decision, on one line
    unless its text spans lines."""
    if not decision:
        return EnLigne(clause=bloc.clause) if bloc.clause else bloc.texte
    ecrit: dict[str, Any] = {"verbe": bloc.verbe}
    if bloc.clause:
        ecrit["clause"] = bloc.clause
    else:
        ecrit["texte"] = bloc.texte
    return EnLigne(ecrit) if bloc.clause or len(bloc.texte) < 60 else ecrit


def champ_de(chemin: str, champs: Mapping[str, str]) -> str | None:
    """The form field of a problem's data path: that of the path or of its closest parent
    (« deliberations[0].vote.pour » → « d.0.vote »)."""
    while chemin:
        if chemin in champs:
            return champs[chemin]
        coupe = max(chemin.rfind("."), chemin.rfind("["))
        if coupe <= 0:
            return None
        chemin = chemin[:coupe]
    return None
