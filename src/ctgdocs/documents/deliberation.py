"""The deliberation extract: one document per deliberation of every session of the territory.

Python decides here (counts, quorum, outcome, names, which mentions apply); the body templates
`templates/deliberation/<mise_en_page>.md.j2` only lay the values out.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal, NotRequired, TypedDict

from markupsafe import Markup

from ctgdocs.avenants.contrats import CONTRATS, avenant_n, jusqu_a
from ctgdocs.documents.avenant import ContexteApprobation, pour_deliberation
from ctgdocs.documents.base import DocumentKind, PlannedDocument, planifier, slug
from ctgdocs.documents.territoire import (
    ContextePersonne,
    ContexteTerritoire,
    contexte_territoire,
    personne,
)
from ctgdocs.fr import noms, verbes
from ctgdocs.fr.accord import accord
from ctgdocs.fr.dates import date_fr, date_lettres, heure_lettres
from ctgdocs.fr.prepositions import de, joindre
from ctgdocs.load.territoire import DonneesTerritoire
from ctgdocs.model import Deliberation, FichierSeance, Organisation, Personne, Seance
from ctgdocs.references import branche_famille
from ctgdocs.render.body import render_bloc, render_body
from ctgdocs.render.document import DocumentMeta, RenderedDocument
from ctgdocs.rules import teletransmission
from ctgdocs.rules.financement import regle_en_vigueur
from ctgdocs.rules.regimes import DROIT_COMMUN, regime
from ctgdocs.rules.seance import nombre_presents, nombre_representes
from ctgdocs.rules.teletransmission import Teletransmission
from ctgdocs.rules.vote import Resultat, compte, resultat

ORGANES = {
    "commune": "Conseil municipal",
    "epci": "Conseil communautaire",
    "caf": "Conseil d'administration",
}


class ContexteCollectivite(TypedDict):
    nom: str
    type: str
    designation: str  # « la commune de Maussane-les-Alpilles »
    de_nom: str
    a_nom: str  # « à Maussane-les-Alpilles »
    designation_avec_article: str
    a_siege: str | None  # where its council deliberates: « à Poitiers »
    organe: str  # « Conseil municipal »
    mise_en_page: Literal["recit", "formulaire"]
    representation_etat: str | None
    appellation: str
    site: str  # where it publishes: « le site de la mairie »


class ContexteExecutif(ContextePersonne):
    fonction: str  # « Maire », « Présidente »
    fonction_article: str  # « Le Maire »
    titre: str  # « Monsieur le Maire »


class ContextePresident(ContextePersonne):
    fonction: str | None  # when the président is the executive


class ContexteSecretaire(ContextePersonne):
    libelle: str  # « La secrétaire de séance »


class ContextePouvoirs(TypedDict):
    mandants: list[str]
    mandataire: str


class ContexteSeance(TypedDict):
    date: dt.date
    date_lettres: str
    heure: dt.time
    heure_lettres: str
    lieu: str | None
    nature: Literal["ordinaire", "extraordinaire"]
    convocation: dt.date
    president: ContextePresident
    secretaires: list[ContexteSecretaire]
    membres_en_exercice: int
    quorum: int
    nominatif: bool  # the présents are named (else only counted)
    presents: int
    representes: int
    absents: int
    noms_presents: list[str]
    noms_absents: list[str]
    pouvoirs: list[ContextePouvoirs]  # by mandataire
    visas: list[str]  # the derogatory regime's text first, when it applies


class ContexteVote(TypedDict):
    pour: int
    contre: int
    abstentions: int
    ne_prennent_pas_part: int
    votants: int
    exprimes: int
    adoptee: bool
    formule: str  # « à l'unanimité », « par 20 voix pour, 2 voix contre et 1 abstention »
    resultat: str  # « Adoptée », « Rejetée »


class ContexteDecision(TypedDict):
    decide: str  # « APPROUVE »
    propose: str  # « d'approuver »
    texte: Markup


class ContexteDeliberation(TypedDict):
    numero: str
    ordre: int | None
    objet: str
    rapporteurs: list[ContextePersonne]
    rapporteur_titre: str  # « Madame la Rapporteur », « les Rapporteurs »
    commission: str | None
    service_referent: str | None
    pieces_jointes: list[str]
    vote: ContexteVote
    publication: dt.date | None
    transmission: dt.date | None
    executoire: dt.date | None
    actes: Teletransmission | None  # the @CTES metadata, printed by the form layout
    # Rendered from the context above (they may quote it): set once it is built.
    expose: NotRequired[list[Markup]]
    decisions: NotRequired[list[ContexteDecision]]


class ContexteFinancementCaf(TypedDict):
    taux: Decimal
    plafond_par_etp: Decimal
    source: str


class ContexteSeanceEntiere(TypedDict):
    """The collectivité, its executive and the séance, as every act of a séance names them."""

    collectivite: ContexteCollectivite
    executif: ContexteExecutif | None
    seance: ContexteSeance


class ContexteExtrait(ContexteSeanceEntiere):
    territoire: ContexteTerritoire
    references: dict[str, list[str]]  # the branche Famille's texts (references/)
    financement: ContexteFinancementCaf | None
    deliberation: ContexteDeliberation
    avenant: NotRequired[ContexteApprobation]  # when it approves an avenant


def plan(d: DonneesTerritoire) -> list[PlannedDocument]:
    docs = []
    for fichier in d.seances:
        for delib in fichier.model.deliberations:
            entrees = _entrees(d, fichier.path, delib)
            docs.append(
                planifier(
                    KIND.name,
                    d,
                    stem(fichier.model.seance, delib),
                    render,
                    fichier.model,
                    delib,
                    actes=delib.actes is not None,
                    **entrees,
                )
            )
    return docs


def stem(seance: Seance, delib: Deliberation) -> str:
    """The file name of a deliberation's extract, without its suffix."""
    return f"{seance.collectivite}-deliberation-{slug(delib.numero)}"


def _entrees(d: DonneesTerritoire, seance: str, delib: Deliberation) -> dict[str, Any]:
    """A deliberation reads its séance; approving an avenant, also the act and its avenants."""
    if delib.avenant is None:
        return {"seances": (seance,)}
    ref = delib.avenant
    entrees = dict(CONTRATS[ref.modifie].entrees)
    if entrees.get("seances", ()) is not None:
        entrees["seances"] = (seance,)
    found = avenant_n(d, ref.modifie, ref.numero)
    return {**entrees, "avenants": tuple(jusqu_a(d, found.model.avenant)) if found else ()}


def render(d: DonneesTerritoire, fichier: FichierSeance, delib: Deliberation) -> RenderedDocument:
    ctx = context(d, fichier.seance, delib)
    layout = ctx["collectivite"]["mise_en_page"]
    tree = render_body(f"deliberation/{layout}.md.j2", ctx)
    org = ctx["collectivite"]
    meta = DocumentMeta(
        title=f"Délibération n° {delib.numero}",
        subject=delib.objet,
        author=org["designation"],
        date=ctx["seance"]["date"],
        header=f"{org['designation']} — séance du {date_fr(ctx['seance']['date'])}",
        footer=f"Délibération n° {delib.numero}",
    )
    return RenderedDocument(meta, tree, actes=ctx["deliberation"]["actes"])


def contexte_seance(d: DonneesTerritoire, seance: Seance) -> ContexteSeanceEntiere:
    """The collectivité, its executive and the séance, as every act of a séance names them."""
    t = d.territoire.model
    org = t.organisations[seance.collectivite]
    executif = t.personnes[org.executif] if org.executif else None
    return {
        "collectivite": _collectivite(org, executif),
        "executif": _executif(org, executif),
        "seance": _seance(seance, org, t.personnes),
    }


def context(d: DonneesTerritoire, seance: Seance, delib: Deliberation) -> ContexteExtrait:
    t = d.territoire.model
    org = t.organisations[seance.collectivite]
    entiere = contexte_seance(d, seance)
    ctx: ContexteExtrait = {
        "territoire": contexte_territoire(t),
        "references": branche_famille(),
        "financement": _financement(t.organisations[t.territoire.caf], seance.date),
        "collectivite": entiere["collectivite"],
        "executif": entiere["executif"],
        "seance": entiere["seance"],
        "deliberation": deliberation_ctx(delib, seance, org, t.personnes),
    }
    if delib.avenant is not None:  # its clauses name the avenant, what it changes, the act
        ctx["avenant"] = pour_deliberation(d, delib.avenant.modifie)
    ctx["deliberation"]["expose"] = [render_bloc(b.texte, b.clause, ctx) for b in delib.expose]
    ctx["deliberation"]["decisions"] = [
        {
            "decide": verbes.decide(dc.verbe),
            "propose": verbes.propose(dc.verbe),
            "texte": render_bloc(dc.texte, dc.clause, ctx, inline=True),
        }
        for dc in delib.decisions
    ]
    return ctx


def _collectivite(org: Organisation, executif: Personne | None) -> ContexteCollectivite:
    # Where its council deliberates: a commune in itself, another body at its seat.
    siege = org.siege or (org.nom if org.type == "commune" else None)
    return {
        "nom": org.nom,
        "type": org.type,
        "designation": noms.designation(org),
        "de_nom": de(org.nom),
        "a_nom": joindre("à", org.nom),
        "designation_avec_article": noms.designation_avec_article(org),
        "a_siege": joindre("à", siege) if siege else None,
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
    nominatif = isinstance(seance.presents, list)
    pouvoirs = seance.pouvoirs if isinstance(seance.pouvoirs, list) else []
    groupes: dict[str, list[str]] = {}
    for p in pouvoirs:
        groupes.setdefault(p.mandataire, []).append(noms.nom_complet(personnes[p.mandant]))
    par_mandataire = max((len(v) for v in groupes.values()), default=0)
    derogation = r is not DROIT_COMMUN and (
        par_mandataire > 1
        or nombre_presents(seance) < DROIT_COMMUN.quorum(seance.membres_en_exercice)
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
        },
        "secretaires": [_secretaire(personnes[s]) for s in seance.secretaires],
        "membres_en_exercice": seance.membres_en_exercice,
        "quorum": r.quorum(seance.membres_en_exercice),
        "nominatif": nominatif,
        "presents": nombre_presents(seance),
        "representes": nombre_representes(seance),
        "absents": seance.membres_en_exercice - nombre_presents(seance),
        "noms_presents": [noms.nom_complet(personnes[p]) for p in seance.presents]
        if isinstance(seance.presents, list)  # nominatif
        else [],
        "noms_absents": [noms.nom_complet(personnes[p]) for p in seance.absents],
        "pouvoirs": [
            {"mandants": mandants, "mandataire": noms.nom_complet(personnes[m])}
            for m, mandants in groupes.items()
        ],
        "visas": ([r.texte] if derogation and r.texte else []) + list(seance.visas),
    }


def _secretaire(p: Personne) -> ContexteSecretaire:
    qui = (
        "Secrétaire" if p.civilite is None else accord("Le secrétaire", feminin=p.civilite == "Mme")
    )
    return {**personne(p), "libelle": f"{qui} de séance"}


def deliberation_ctx(
    delib: Deliberation, seance: Seance, org: Organisation, personnes: dict[str, Personne]
) -> ContexteDeliberation:
    rapporteurs = [personnes[r] for r in delib.rapporteurs]
    vote = compte(seance, delib)
    res = resultat(vote)
    premier = rapporteurs[0]
    return {
        "numero": delib.numero,
        "ordre": delib.ordre,
        "objet": delib.objet,
        "rapporteurs": [personne(p) for p in rapporteurs],
        # rules/seance: a rapporteur has a civilité
        "rapporteur_titre": f"{noms.civilite_longue(premier)} {accord('le', feminin=premier.civilite == 'Mme')} Rapporteur"
        if len(rapporteurs) == 1
        else "les Rapporteurs",
        "commission": delib.commission,
        "service_referent": delib.service_referent,
        "pieces_jointes": delib.pieces_jointes,
        "vote": {
            "pour": vote.pour,
            "contre": vote.contre,
            "abstentions": vote.abstentions,
            "ne_prennent_pas_part": vote.ne_prennent_pas_part,
            "votants": res.votants,
            "exprimes": res.exprimes,
            "adoptee": res.adoptee,
            "formule": formule_vote(vote.pour, vote.contre, vote.abstentions, res),
            "resultat": "Adoptée" if res.adoptee else "Rejetée",
        },
        "publication": delib.publication,
        "transmission": delib.transmission,
        "executoire": max(delib.publication, delib.transmission)
        if delib.publication and delib.transmission
        else None,
        # the @CTES metadata, printed in the form layout and written beside the PDF
        "actes": teletransmission.pour_deliberation(org, seance, delib),
    }


def formule_vote(pour: int, contre: int, abstentions: int, res: Resultat) -> str:
    """How the result is worded: « à l'unanimité » only when it is true."""

    def voix(n: int, mot: str) -> str:
        return f"{n} {accord(mot, n)}"

    if res.unanimite:
        return "à l'unanimité"
    if res.unanimite_exprimes:
        return "à l'unanimité des suffrages exprimés"
    parts = [f"{pour} voix pour", f"{contre} voix contre"]
    if abstentions:
        parts.append(voix(abstentions, "abstention"))
    return "par " + ", ".join(parts[:-1]) + " et " + parts[-1]


def _financement(caf: Organisation, date: dt.date) -> ContexteFinancementCaf | None:
    """The Caf's coordination funding rule in force at the date, if any."""
    regle = regle_en_vigueur(caf, date)
    if regle is None:
        return None
    return {
        "taux": regle.taux,
        "plafond_par_etp": regle.plafond_annuel_par_etp,
        "source": regle.source,
    }


KIND = DocumentKind(name="deliberation", title="Extrait du registre des délibérations", plan=plan)

__all__ = ["KIND", "context", "formule_vote"]
