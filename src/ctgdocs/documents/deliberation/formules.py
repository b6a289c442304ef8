"""The values of a deliberation's formulas (model/vocabulaire_deliberation.py), computed for one
deliberation from its extract's context: what `{date_lettres}`, `{vote}` or `{fait_a}` print
in the house style's sentences. A value the séance does not have is None (the rules refuse a
formula that names it before anything is written: rules/style_deliberation.py)."""

from __future__ import annotations

from markupsafe import Markup

from ctgdocs.documents.articles import texte
from ctgdocs.documents.deliberation.contextes import (
    ContexteCollectivite,
    ContexteDeliberation,
    ContexteSeance,
)
from ctgdocs.fr.dates import annee_lettres, date_fr, date_jour, heure, jour_mois_lettres
from ctgdocs.fr.nombres import liste
from ctgdocs.fr.prepositions import de
from ctgdocs.model.vocabulaire_deliberation import VOCABULAIRE_DELIBERATION
from ctgdocs.render.markdown import paragraphe


def valeurs(
    c: ContexteCollectivite, s: ContexteSeance, d: ContexteDeliberation, mil: bool
) -> dict[str, str | None]:
    """Every value of the vocabulary for this deliberation; None where the séance lacks it."""
    president = s["president"]
    nom_president = " ".join(p for p in (president["civilite_longue"], president["nom"]) if p)
    presence, vote = d["presence"], d["vote"]
    found: dict[str, str | None] = {
        "numero": d["numero"],
        "ordre": str(d["ordre"]) if d["ordre"] is not None else None,
        "objet": d["objet"],
        "rubrique": d["rubrique"],
        "organe": c["organe"],
        "collectivite": c["designation_avec_article"],
        "de_collectivite": de(c["designation_avec_article"]),
        "a_siege": c["a_siege"],
        "fait_a": ", ".join(x for x in (c["a_siege"], s["lieu"]) if x) or None,
        "date": date_fr(s["date"]),
        "date_lettres": s["date_lettres"],
        "date_jour": date_jour(s["date"]),
        "jour_mois_lettres": jour_mois_lettres(s["date"]),
        "annee": str(s["date"].year),
        "annee_lettres": annee_lettres(s["date"].year, mil=mil),
        "heure": heure(s["heure"]),
        "heure_lettres": s["heure_lettres"],
        "convocation": date_fr(s["convocation"]),
        "lieu": s["lieu"],
        "nature": s["nature"],
        "president": nom_president
        + (f", {president['fonction']}" if president["fonction"] else ""),
        "president_nom": nom_president,
        "president_fonction": president["fonction"],
        "secretaires": liste(sec["nom"] for sec in s["secretaires"]),
        "rapporteur": d["rapporteur"],
        "rapporteurs": liste(
            " ".join(x for x in (r["civilite_longue"], r["nom"]) if x) for r in d["rapporteurs"]
        ),
        "vote": vote["formule"],
        "adopte": "adopte" if vote["adoptee"] else "rejette",
        "resultat": vote["resultat"].lower(),
        "en_exercice": str(s["membres_en_exercice"]),
        "quorum": str(presence["quorum"]),
        "presents": str(presence["presents"]),
        "absents": str(presence["absents"]),
        "representes": str(presence["representes"]),
        "votants": str(presence["votants"]),
        "exprimes": str(vote["exprimes"]),
        "pour": str(vote["pour"]),
        "contre": str(vote["contre"]),
        "abstentions": str(vote["abstentions"]),
        "ne_prennent_pas_part": str(vote["ne_prennent_pas_part"]),
    }
    assert set(found) == set(VOCABULAIRE_DELIBERATION), sorted(
        set(found) ^ set(VOCABULAIRE_DELIBERATION)
    )  # the registry is the list
    return found


def formule(texte_formule: str | None, v: dict[str, str | None]) -> Markup | None:
    """A formula with its values: a paragraph of Markdown whose values print as text (never a
    template)."""
    if texte_formule is None:
        return None
    return Markup(paragraphe(texte(texte_formule, {k: x for k, x in v.items() if x is not None})))
