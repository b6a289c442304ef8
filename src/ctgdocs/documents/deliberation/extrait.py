"""The context of one deliberation's extract: the séance, its roll and vote for this
deliberation, and its texts rendered with that context (they may quote it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ctgdocs.documents.avenant import pour_deliberation
from ctgdocs.documents.deliberation import formules
from ctgdocs.documents.deliberation.contextes import (
    ContexteDeliberation,
    ContexteExtrait,
    ContexteFinancementCaf,
)
from ctgdocs.documents.deliberation.presence import contexte_presence
from ctgdocs.documents.deliberation.seance import contexte_seance
from ctgdocs.documents.deliberation.styles import contexte_style, style_de
from ctgdocs.documents.deliberation.vote import contexte_vote
from ctgdocs.documents.territoire import contexte_territoire, personne
from ctgdocs.fr import noms, verbes
from ctgdocs.fr.accord import accord
from ctgdocs.load.territoire import DonneesTerritoire
from ctgdocs.model import (
    Deliberation,
    FichierSeance,
    Organisation,
    Personne,
    StyleDeliberation,
)
from ctgdocs.references import branche_famille
from ctgdocs.render.body import render_bloc
from ctgdocs.rules import teletransmission
from ctgdocs.rules.financement import regle_en_vigueur


def context(d: DonneesTerritoire, fichier: FichierSeance, delib: Deliberation) -> ContexteExtrait:
    seance = fichier.seance
    t = d.territoire.model
    org = t.organisations[seance.collectivite]
    style = style_de(org)
    entiere = contexte_seance(d, seance)
    deliberation = deliberation_ctx(
        delib, fichier, org, t.personnes, entiere["collectivite"]["organe"], style
    )
    v = formules.valeurs(
        entiere["collectivite"], entiere["seance"], deliberation, style.annee_en_lettres == "mil"
    )
    ctx: ContexteExtrait = {
        "territoire": contexte_territoire(t),
        "references": branche_famille(),
        "financement": _financement(t.organisations[t.territoire.caf], seance.date),
        "collectivite": entiere["collectivite"],
        "executif": entiere["executif"],
        "seance": entiere["seance"],
        "deliberation": deliberation,
        "style": contexte_style(style, entiere["collectivite"], entiere["seance"], deliberation, v),
    }
    if delib.avenant is not None:  # its clauses name the avenant, what it changes, the act
        ctx["avenant"] = pour_deliberation(d, delib.avenant.modifie)
    ctx["deliberation"]["expose"] = [render_bloc(b.texte, b.clause, ctx) for b in delib.expose]
    assert style.decisions is not None  # every layout has a default (styles.yaml)
    forme = FORMES[style.decisions]
    ctx["deliberation"]["decisions"] = [
        {
            "verbe": forme(dc.verbe),
            "decide": verbes.decide(dc.verbe),
            "infinitif": verbes.infinitif(dc.verbe),
            "propose": verbes.propose(dc.verbe),
            "texte": render_bloc(dc.texte, dc.clause, ctx, inline=True),
        }
        for dc in delib.decisions
    ]
    return ctx


# How a decision's verb prints, by the style's `decisions`.
FORMES: dict[str, Callable[[str], str]] = {
    "conjuguee": verbes.decide,
    "infinitif": verbes.infinitif,
    "proposition": verbes.propose,
}


def deliberation_ctx(
    delib: Deliberation,
    fichier: FichierSeance,
    org: Organisation,
    personnes: dict[str, Personne],
    organe: str,
    style: StyleDeliberation,
) -> ContexteDeliberation:
    seance = fichier.seance
    rapporteurs = [personnes[r] for r in delib.rapporteurs]
    titre = _rapporteur_titre(rapporteurs)
    fonction = _rapporteur_fonction(delib, org, rapporteurs)
    return {
        "numero": delib.numero,
        "ordre": delib.ordre,
        "objet": delib.objet,
        "rubrique": delib.rubrique,
        "rapporteurs": [personne(p) for p in rapporteurs],
        "rapporteur_titre": titre,
        "rapporteur_fonction": fonction,
        "rapporteur": fonction if style.rapporteur == "fonction" else titre,
        "commission": delib.commission,
        "service_referent": delib.service_referent,
        "pieces_jointes": delib.pieces_jointes,
        "presence": contexte_presence(
            fichier, delib, personnes, organe, delegues=org.type != "commune"
        ),
        "vote": contexte_vote(fichier, delib),
        "publication": delib.publication,
        "transmission": delib.transmission,
        "executoire": max(delib.publication, delib.transmission)
        if delib.publication and delib.transmission
        else None,
        # the @CTES metadata, printed in the form layout and written beside the PDF
        "actes": teletransmission.pour_deliberation(org, seance, delib),
    }


def _rapporteur_fonction(
    delib: Deliberation, org: Organisation, rapporteurs: list[Personne]
) -> str:
    """The rapporteur named by his function when he is the maire or président (« Monsieur le
    Maire »), else as a rapporteur."""
    if len(rapporteurs) == 1 and delib.rapporteurs[0] == org.executif:
        return noms.titre(org, rapporteurs[0])
    return _rapporteur_titre(rapporteurs)


def _rapporteur_titre(rapporteurs: list[Personne]) -> str:
    """« ouï l'exposé de Monsieur le Rapporteur », whoever he is (the seeds' usage)."""
    if len(rapporteurs) > 1:
        return "les Rapporteurs"
    premier = rapporteurs[0]  # rules/seance: a rapporteur has a civilité
    return (
        f"{noms.civilite_longue(premier)} "
        f"{accord('le', feminin=premier.civilite == 'Mme')} Rapporteur"
    )


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
