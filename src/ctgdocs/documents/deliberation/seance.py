"""The collectivité, its executive and the séance as every act of a séance names them (the
extracts and the liste des délibérations)."""

from __future__ import annotations

from ctgdocs.documents.deliberation.contextes import (
    ContexteCollectivite,
    ContexteExecutif,
    ContexteSeance,
    ContexteSeanceEntiere,
    ContexteSecretaire,
)
from ctgdocs.documents.territoire import personne
from ctgdocs.fr import noms
from ctgdocs.fr.accord import accord
from ctgdocs.fr.dates import date_lettres, heure_lettres
from ctgdocs.fr.prepositions import joindre
from ctgdocs.load.territoire import DonneesTerritoire
from ctgdocs.model import Organisation, Personne, Seance
from ctgdocs.rules.presence import ouverture
from ctgdocs.rules.regimes import DROIT_COMMUN, regime

ORGANES = {
    "commune": "Conseil municipal",
    "epci": "Conseil communautaire",
    "caf": "Conseil d'administration",
}


def contexte_seance(d: DonneesTerritoire, seance: Seance) -> ContexteSeanceEntiere:
    """The collectivité, its executive and the séance, as every act of a séance names them."""
    t = d.territoire.model
    org = t.organisations[seance.collectivite]
    executif = t.personnes[org.executif] if org.executif else None
    return {
        "collectivite": _collectivite(org),
        "executif": _executif(org, executif),
        "seance": _seance(seance, org, t.personnes),
    }


def _collectivite(org: Organisation) -> ContexteCollectivite:
    # Where its council deliberates: a commune in itself, another body at its seat.
    siege = org.siege or (org.nom if org.type == "commune" else None)
    return {
        "nom": org.nom,
        "type": org.type,
        "designation": noms.designation(org),
        "de_nom": noms.de_nom(org),
        "a_nom": noms.a_nom(org),
        "designation_avec_article": noms.designation_avec_article(org),
        "a_siege": (noms.a_nom(org) if siege == org.nom else joindre("à", siege))
        if siege
        else None,
        "organe": ORGANES.get(org.type, "Conseil"),
        "mise_en_page": org.deliberations.mise_en_page,
        "representation_etat": org.representation_etat,
        "appellation": noms.appellation(org),
        "site": "le site de la mairie" if org.type == "commune" else "le site de la collectivité",
    }


def _executif(org: Organisation, p: Personne | None) -> ContexteExecutif | None:
    if p is None or p.civilite is None:
        return None
    fonction = noms.fonction_executif(org, p)
    return {
        **personne(p),
        "fonction": fonction,
        "fonction_article": f"{accord('Le', feminin=p.civilite == 'Mme')} {fonction}",
        "titre": noms.titre(org, p),
    }


def _seance(seance: Seance, org: Organisation, personnes: dict[str, Personne]) -> ContexteSeance:
    r = regime(seance.date)
    mil = org.deliberations.annee_en_lettres == "mil"
    roll = ouverture(seance)
    par_mandataire = max(
        (sum(1 for q in roll.pouvoirs if q.mandataire == p.mandataire) for p in roll.pouvoirs),
        default=0,
    )
    derogation = r is not DROIT_COMMUN and (
        par_mandataire > 1 or roll.nombre_presents < DROIT_COMMUN.quorum(seance.membres_en_exercice)
    )
    president = personnes[seance.president]
    return {
        "date": seance.date,
        "date_lettres": date_lettres(seance.date, mil=mil),
        "heure": seance.heure,
        "heure_lettres": heure_lettres(seance.heure),
        "lieu": seance.lieu,
        "nature": seance.nature,
        "convocation": seance.convocation,
        "president": {
            **personne(president),
            "fonction": noms.fonction_executif(org, president)
            if org.executif == seance.president
            else None,
            "libelle": f"{accord('Président', feminin=president.civilite == 'Mme')} de séance",
        },
        "secretaires": [_secretaire(personnes[s]) for s in seance.secretaires],
        "membres_en_exercice": seance.membres_en_exercice,
        "quorum": r.quorum(seance.membres_en_exercice),
        "nominatif": roll.nominatif,
        "presents": roll.nombre_presents,
        "representes": roll.nombre_representes,
        "absents": seance.membres_en_exercice - roll.nombre_presents,
        "visas": ([r.texte] if derogation and r.texte else []) + list(seance.visas),
    }


def _secretaire(p: Personne) -> ContexteSecretaire:
    qui = (
        "Secrétaire" if p.civilite is None else accord("Le secrétaire", feminin=p.civilite == "Mme")
    )
    return {**personne(p), "libelle": f"{qui} de séance"}
