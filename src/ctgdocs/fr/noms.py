"""How people and organisations are named in French acts: one function per form, used everywhere."""

from __future__ import annotations

import re

from ctgdocs.fr.prepositions import commence_par_voyelle, joindre_insee
from ctgdocs.model import Organisation, Personne


def nom_complet(p: Personne) -> str:
    """« Jean-Christophe CARRÉ » : first name, then the name as written in the data. A person
    without a first name is named by civilité and name: « M. RAKOTORINA » (the rules refuse a
    person with neither)."""
    if p.prenom:
        return f"{p.prenom} {p.nom}"
    return f"{p.civilite} {p.nom}" if p.civilite else p.nom


def prenom_nom(p: Personne) -> str:
    """The name as it follows a civilité: « Jean-Christophe CARRÉ », or « RAKOTORINA »."""
    return f"{p.prenom} {p.nom}" if p.prenom else p.nom


def avec_civilite(p: Personne) -> str:
    """« M. Jean-Christophe CARRÉ » / « Mme Alexandra DUVAL » / « M. RAKOTORINA »."""
    return f"{p.civilite} {prenom_nom(p)}"


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


def de_nom(org: Organisation) -> str:
    """« de » joined to the organisation's name, by its INSEE TNCC when the record has one:
    « du Pradet », « de Hirson », « d'Arles »."""
    return joindre_insee("de", org.nom, org.type_liaison)


def a_nom(org: Organisation) -> str:
    """« à » joined to the organisation's name: « au Pradet », « à Hirson »."""
    return joindre_insee("à", org.nom, org.type_liaison)


def designation(org: Organisation) -> str:
    """How the organisation is named in its acts: « Commune de Maussane-les-Alpilles »."""
    if org.designation:
        return org.designation
    if org.type == "commune":
        return "Commune " + de_nom(org)
    return org.nom


def nom_court(org: Organisation) -> str:
    return org.nom_court or org.nom


# How an EPCI's short name may start for « la » to precede it (« la Communauté urbaine… »).
_NOMS_EPCI = ("Communauté", "Métropole", "Agglomération")

# The article of each type's name in a sentence (elided before a vowel: « l'État ») and the
# types whose name is feminine. A commune keeps its own name (« la commune de … » as a party);
# « autre » has neither: its record says them (article, genre).
_ARTICLES = {
    "caf": "la",
    "msa": "la",
    "epci": "la",
    "ccas": "le",
    "departement": "le",
    "etat": "le",
    "syndicat": "le",
    "carsat": "la",
    "cpam": "la",
    "association": "la",
}
_FEMININS = frozenset({"commune", "caf", "msa", "epci", "carsat", "cpam", "association"})


def article(org: Organisation) -> str | None:
    """The article before the organisation's name: its record's, else its type's."""
    return org.article or _ARTICLES.get(org.type)


def avec_article(org: Organisation) -> str:
    """« la Caf des Bouches-du-Rhône », « le Département », « l'État »; communes keep their own name."""
    art = article(org)
    if art is None or org.type == "commune":
        return org.nom
    name = nom_court(org)
    if org.type == "epci" and not name.startswith(_NOMS_EPCI):
        name = (
            org.nom
        )  # « Grand Châtellerault » is a proper name: « la Communauté d'agglomération… »
    return _avec(art, name)


def _avec(article: str, name: str) -> str:
    """« la » + « Caf » → « la Caf »; « le » + « État » → « l'État »; « l' » + « Union » →
    « l'Union »: « le » and « la » elide before a vowel or a mute h."""
    if article in ("le", "la") and commence_par_voyelle(name):
        article = "l'"
    return f"{article}{'' if article.endswith(chr(39)) else ' '}{name}"


def feminin(org: Organisation) -> bool:
    """Grammatical gender of the organisation's name (« la Caisse », « le Département »): its
    record's genre, else its article's (« la », « le »), else its type's."""
    if org.genre is not None:
        return org.genre == "feminin"
    if org.article in ("le", "la"):
        return org.article == "la"
    return org.type in _FEMININS


def pluriel(org: Organisation) -> bool:
    """Whether the name is plural (« les Restos du cœur » : « représentés »)."""
    return org.article == "les"


def nom_avec_article(org: Organisation) -> str:
    """The full name with its article, as a party is introduced: « la Caisse d'allocations
    familiales de la Vienne », « la commune du Pradet »."""
    if org.type == "commune":
        return "la commune " + de_nom(org)
    art = article(org)
    if art is None:
        return org.nom
    return _avec(art, org.nom)


def designation_avec_article(org: Organisation) -> str:
    """The designation as a sentence names the organisation: « la Commune de Maussane-les-Alpilles »,
    « la Ville de Poitiers », « la Communauté d'agglomération de Grand Châtellerault ». An EPCI
    whose designation is a proper name takes no article unless its record writes one
    (« Seine Normandie Agglomération », « Grand Poitiers Communauté urbaine »)."""
    nom = designation(org)
    if org.type == "commune":
        art: str | None = "la"
    elif org.type == "epci" and org.article is None and not nom.startswith(_NOMS_EPCI):
        art = None
    else:
        art = article(org)
    return nom if art is None else _avec(art, nom)


def appellation(org: Organisation) -> str:
    """How the act names its own collectivité in a sentence: « la commune », « la communauté »."""
    return {"commune": "la commune", "epci": "l'établissement", "caf": "la Caisse"}.get(
        org.type, "la collectivité"
    )


def le(mot: str, feminin: bool) -> str:
    """The definite article joined to a word: « le Président », « la Directrice », « l'Adjoint »."""
    return _avec("la" if feminin else "le", mot)


def son(mot: str, feminin: bool, pluriel: bool = False) -> str:
    """The possessive joined to a word: « son Président », « sa Directrice », « son Adjointe »
    (« son » before a vowel, whatever the gender); of a plural owner, « leur Présidente »."""
    if pluriel:
        return f"leur {mot}"
    return f"{'sa' if feminin and not commence_par_voyelle(mot) else 'son'} {mot}"


# The first complement of a qualité, « du »/« de la »/« de l' »/« des », and its possessive
# form: « Président du Conseil d'administration » → « Président de son Conseil d'administration ».
_COMPLEMENT = re.compile(r" (du |de la |de l'|des )")
_POSSESSIFS = {"du ": "de son ", "de la ": "de sa ", "de l'": "de son ", "des ": "de ses "}
_POSSESSIFS_PLURIEL = {
    "du ": "de leur ",
    "de la ": "de leur ",
    "de l'": "de leur ",
    "des ": "de leurs ",
}


def qualite_le_de_son(qualite: str, feminin: bool, pluriel: bool = False) -> str:
    """« le Président de son Conseil d'administration », « la Présidente de sa commission » ; a
    qualité without complement keeps the possessive: « sa Directrice ». Of a plural owner:
    « le Président de leur Conseil », « leur Présidente »."""
    found = _COMPLEMENT.search(qualite)
    if found is None:
        return son(qualite, feminin, pluriel)
    tete, reste = qualite[: found.start()], qualite[found.end() :]
    possessif = (_POSSESSIFS_PLURIEL if pluriel else _POSSESSIFS)[found.group(1)]
    return le(f"{tete} {possessif}{reste}", feminin)
