"""The roll of one deliberation as its extract prints it: counts, names, and the sentences that
explain it (urgency, second convocation, arrivals, departures, intéressés)."""

from __future__ import annotations

from ctgdocs.documents.deliberation.contextes import ContextePresence
from ctgdocs.documents.deliberation.vote import formule_vote
from ctgdocs.fr import noms
from ctgdocs.fr.accord import accord
from ctgdocs.fr.dates import date_fr
from ctgdocs.fr.prepositions import de
from ctgdocs.model import Deliberation, FichierSeance, Personne
from ctgdocs.rules.presence import Presence, presence
from ctgdocs.rules.regimes import regime
from ctgdocs.rules.vote import resultat, votants, vote_urgence

CGCT = "du Code général des collectivités territoriales"


def contexte_presence(
    fichier: FichierSeance,
    delib: Deliberation,
    personnes: dict[str, Personne],
    organe: str,
    *,
    delegues: bool,
) -> ContextePresence:
    """The roll of one deliberation. `delegues`: its council is of delegates (an EPCI, a
    syndicat), whose members are named with their commune; a municipal council's are not."""
    seance = fichier.seance
    roll = presence(fichier, delib)
    groupes: dict[str, list[str]] = {}
    for p in roll.pouvoirs:
        groupes.setdefault(p.mandataire, []).append(noms.nom_complet(personnes[p.mandant]))
    return {
        "presents": roll.nombre_presents,
        "representes": roll.nombre_representes,
        "absents": seance.membres_en_exercice - roll.nombre_presents,
        "votants": votants(fichier, delib),
        "quorum": regime(seance.date).quorum(seance.membres_en_exercice),
        "noms_presents": [_membre(p, roll, fichier, personnes, delegues) for p in roll.presents],
        "noms_absents": [noms.nom_complet(personnes[p]) for p in seance.absents],
        "pouvoirs": [
            {"mandants": mandants, "mandataire": noms.nom_complet(personnes[m])}
            for m, mandants in groupes.items()
        ],
        "mentions": _seance(fichier, organe) + _mouvements(fichier, roll, personnes),
    }


def _membre(
    ident: str,
    roll: Presence,
    fichier: FichierSeance,
    personnes: dict[str, Personne],
    delegues: bool,
) -> str:
    """« Paul LEROY (CARTIGNY, suppléant de Marie DUBOIS, visioconférence) »."""
    p = personnes[ident]
    notes = [p.commune] if p.commune and delegues else []
    for suppleant, titulaire in roll.suppleants:
        if suppleant == ident:
            role = accord("suppléant", feminin=p.civilite == "Mme")
            notes.append(f"{role} {de(noms.nom_complet(personnes[titulaire]))}")
    if ident in fichier.seance.visioconference:
        notes.append("visioconférence")
    return noms.nom_complet(p) + (f" ({', '.join(notes)})" if notes else "")


def _seance(fichier: FichierSeance, organe: str) -> list[str]:
    """What the séance's own regularity asks the extract to say."""
    seance = fichier.seance
    mentions = []
    if seance.seconde_convocation is not None:
        mentions.append(
            f"Le quorum n'ayant pas été atteint à la séance du "
            f"{date_fr(seance.seconde_convocation.premiere_seance)}, le {organe}, à nouveau "
            f"convoqué le {date_fr(seance.convocation)}, délibère valablement sans condition "
            f"de quorum (article L. 2121-17 {CGCT})."
        )
    if seance.urgence is not None:
        vote = vote_urgence(seance)
        res = resultat(vote)
        formule = formule_vote(vote.pour, vote.contre, vote.abstentions, res)
        decision = "l'a reconnue" if res.adoptee else "ne l'a pas reconnue"
        mentions.append(
            f"Convoqué en urgence le {date_fr(seance.convocation)}, le {organe} s'est prononcé "
            f"sur l'urgence dès l'ouverture de la séance et {decision} {formule}."
        )
    return mentions


def _mouvements(
    fichier: FichierSeance, roll: Presence, personnes: dict[str, Personne]
) -> list[str]:
    """The arrivals and departures up to this deliberation, and its intéressés."""
    seance = fichier.seance
    mentions = [
        f"Arrivée {de(noms.nom_complet(personnes[a.membre]))} en cours de séance, à partir de "
        f"la délibération n° {a.a_partir_de}."
        for a in seance.arrivees
        if a.membre in roll.arrives
    ]
    for dp in seance.departs:
        if dp.membre in roll.partis:
            pouvoir = (
                f" ; pouvoir donné à {noms.nom_complet(personnes[dp.pouvoir_a])}"
                if dp.pouvoir_a
                else ""
            )
            mentions.append(
                f"Départ {de(noms.nom_complet(personnes[dp.membre]))} en cours de séance, à "
                f"partir de la délibération n° {dp.a_partir_de}{pouvoir}."
            )
    for ident in roll.interesses:
        p = personnes[ident]
        interesse = accord("intéressé", feminin=p.civilite == "Mme")
        mentions.append(
            f"{noms.nom_complet(p)}, {interesse} à l'affaire, ne prend part ni au débat ni au "
            f"vote (article L. 2131-11 {CGCT})."
        )
    return mentions
