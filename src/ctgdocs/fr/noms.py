"""How people and organisations are named in French acts: one function per form, used everywhere."""

from __future__ import annotations

from ctgdocs.fr.prepositions import de
from ctgdocs.model import Organisation, Personne


def nom_complet(p: Personne) -> str:
    """« Jean-Christophe CARRÉ » : first name, then the name as written in the data."""
    return f"{p.prenom} {p.nom}"


def avec_civilite(p: Personne) -> str:
    """« M. Jean-Christophe CARRÉ » / « Mme Alexandra DUVAL »."""
    return f"{p.civilite} {nom_complet(p)}"


def civilite_longue(p: Personne) -> str:
    return "Monsieur" if p.civilite == "M." else "Madame"


def fonction_executif(org: Organisation, p: Personne) -> str:
    """« Maire » or « Président(e) » — French usage gives « la Maire » for a woman mayor."""
    if org.type == "commune":
        return "Maire"
    return "Président" if p.civilite == "M." else "Présidente"


def titre(org: Organisation, p: Personne) -> str:
    """« Monsieur le Maire », « Madame la Maire », « Madame la Présidente »."""
    article = "le" if p.civilite == "M." else "la"
    return f"{civilite_longue(p)} {article} {fonction_executif(org, p)}"


def designation(org: Organisation) -> str:
    """How the organisation is named in its acts: « Commune de Maussane-les-Alpilles »."""
    if org.designation:
        return org.designation
    if org.type == "commune":
        return "Commune " + de(org.nom)
    return org.nom


def nom_court(org: Organisation) -> str:
    return org.nom_court or org.nom


# How an EPCI's short name may start for « la » to precede it (« la Communauté urbaine… »).
_NOMS_EPCI = ("Communauté", "Métropole", "Agglomération")

_ARTICLES = {
    "caf": "la",
    "msa": "la",
    "epci": "la",
    "ccas": "le",
    "departement": "le",
    "etat": "l'",
}


def avec_article(org: Organisation) -> str:
    """« la Caf des Bouches-du-Rhône », « le Département », « l'État »; communes keep their own name."""
    article = _ARTICLES.get(org.type)
    if article is None:
        return org.nom
    name = nom_court(org)
    if org.type == "epci" and not name.startswith(_NOMS_EPCI):
        name = (
            org.nom
        )  # « Grand Châtellerault » is a proper name: « la Communauté d'agglomération… »
    return _avec(article, name)


def _avec(article: str, name: str) -> str:
    """« la » + « Caf » → « la Caf »; « l' » + « État » → « l'État »."""
    return f"{article}{'' if article.endswith(chr(39)) else ' '}{name}"


def feminin(org: Organisation) -> bool:
    """Grammatical gender of the organisation's name (« la Caisse », « le Département »)."""
    return org.type == "commune" or _ARTICLES.get(org.type) == "la"


def nom_avec_article(org: Organisation) -> str:
    """The full name with its article, as a party is introduced: « la Caisse d'allocations
    familiales de la Vienne », « la commune du Pradet »."""
    if org.type == "commune":
        return "la commune " + de(org.nom)
    article = _ARTICLES.get(org.type)
    if article is None:
        return org.nom
    return _avec(article, org.nom)


def designation_avec_article(org: Organisation) -> str:
    """The designation as a sentence names the organisation: « la Commune de Maussane-les-Alpilles »,
    « la Ville de Poitiers », « la Communauté d'agglomération de Grand Châtellerault »."""
    article = "la" if org.type == "commune" else _ARTICLES.get(org.type)
    return designation(org) if article is None else _avec(article, designation(org))


def appellation(org: Organisation) -> str:
    """How the act names its own collectivité in a sentence: « la commune », « la communauté »."""
    return {"commune": "la commune", "epci": "l'établissement", "caf": "la Caisse"}.get(
        org.type, "la collectivité"
    )
