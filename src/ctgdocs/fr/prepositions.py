"""« de » and « à » joined to a name as French writes them: du, des, de l', d', au, aux.

Every document and message that puts « de » or « à » before a name (a commune, an
organisation with its article, a person, an act) goes through `joindre`. It contracts the
preposition with the name's own first article (« Le Pradet » → « du Pradet », « au Pradet »;
« les Bouches-du-Rhône » → « des Bouches-du-Rhône »), keeps it before « la » and « l' »
(« de La Ciotat », « de L'Isle-sur-la-Sorgue », « de l'EPCI »), and elides « de » before a vowel
or a mute h (« d'Arles », « d'Hyères ») but not before an aspirated h (« de Haguenau »).

Only the first word of the name counts: « Saint-Rémy-de-Provence » and « Maussane-les-Alpilles »
carry no article of their own.
"""

from __future__ import annotations

import re
from typing import Literal

Preposition = Literal["de", "à"]

# « le »/« les » (any case) as the name's first word contract with the preposition; « la » and
# « l' » never do.
_CONTRACTIONS: dict[str, dict[Preposition, str]] = {
    "le": {"de": "du", "à": "au"},
    "les": {"de": "des", "à": "aux"},
}
_ARTICLE = re.compile(r"(?P<article>le|les)\s+(?P<reste>\S.*)", re.IGNORECASE | re.DOTALL)

_VOYELLES = frozenset("aeiouàâäéèêëîïôöùûüœæ")

# First words that begin with an aspirated h: no elision before them (« de Haguenau », « de
# Honfleur », « du handicap »). Every other h is mute (« d'Hyères », « d'Hérouville »).
H_ASPIRES = frozenset(
    {
        # communes
        "haguenau",
        "halluin",
        "hambourg",
        "hanovre",
        "haubourdin",
        "hautmont",
        "hayange",
        "hazebrouck",
        "hem",
        "hendaye",
        "hénin",
        "hollande",
        "honfleur",
        "hongrie",
        "houilles",
        # common words that begin names of places, services or bodies
        "halle",
        "halte",
        "hameau",
        "handicap",
        "hangar",
        "haut",
        "haute",
        "hautes",
        "hauts",
        "hors",
        "huit",
    }
)
_PREMIER_MOT = re.compile(r"[^\s\-'’]+")


def commence_par_voyelle(mot: str) -> bool:
    """Whether « de » elides before the word: a vowel, a mute h, a y before a consonant
    (« Yvetot », not « Yaoundé »)."""
    if not mot:
        return False
    lettres = mot.lower()
    if lettres[0] in _VOYELLES:
        return True
    if lettres[0] == "y":
        return len(lettres) > 1 and lettres[1] not in _VOYELLES and lettres[1].isalpha()
    if lettres[0] == "h":
        premier = _PREMIER_MOT.match(lettres)
        return premier is not None and premier.group(0) not in H_ASPIRES
    return False


def elide(mot: str) -> str:
    """« de » before a word that has no article of its own (a verb, a common noun): « d'intégrer »,
    « de prolonger », « de le modifier » (a pronoun is not an article)."""
    return f"d'{mot}" if commence_par_voyelle(mot) else f"de {mot}"


def joindre(preposition: Preposition, nom: str) -> str:
    """The preposition joined to a name, contracted with the name's first article or elided:
    « du Pradet », « aux Baux-de-Provence », « de La Rochelle », « de l'EPCI », « d'Arles »,
    « à Arles », « de Haguenau »."""
    if preposition not in ("de", "à"):
        raise ValueError(f"préposition inconnue : {preposition!r}")
    article = _ARTICLE.fullmatch(nom)
    if article:
        contractee = _CONTRACTIONS[article.group("article").lower()][preposition]
        return f"{contractee} {article.group('reste')}"
    if preposition == "de":
        return elide(nom)
    return f"à {nom}"


def de(nom: str) -> str:
    """`joindre("de", nom)`: « du Pradet », « de la Caf du Var », « d'Arles »."""
    return joindre("de", nom)


def a(nom: str) -> str:
    """`joindre("à", nom)`: « au Pradet », « aux Pennes-Mirabeau », « à la préfecture du Var »."""
    return joindre("à", nom)


# The INSEE « type de nom en clair » (TNCC) of a commune, a département or a région: the article
# its name carries and the charnière before it. A commune's COG name starts with its article
# (« Le Pradet », « La Ciotat »); a département's does not (« Vienne », TNCC 3: « de la Vienne »).
_TNCC: dict[int, tuple[str, dict[Preposition, str]]] = {
    # code: (the article as the name writes it, {preposition: the contraction before the rest})
    2: ("Le", {"de": "du", "à": "au"}),
    3: ("La", {"de": "de la", "à": "à la"}),
    4: ("Les", {"de": "des", "à": "aux"}),
    5: ("L'", {"de": "de l'", "à": "à l'"}),
    6: ("Aux", {"de": "des", "à": "aux"}),
    7: ("Las", {"de": "de las", "à": "à las"}),
    8: ("Los", {"de": "de los", "à": "à los"}),
}


def joindre_insee(preposition: Preposition, nom: str, tncc: int | None) -> str:
    """The preposition joined to an official name by its INSEE TNCC, which settles what the
    name alone cannot: « de Hirson » (0: an aspirated h), « d'Yoncq » (1), « du Pradet » (2),
    « de La Ciotat » (3: the article belongs to the name), « de la Vienne » (3, a département's
    name without its article). Without a TNCC, `joindre` reads the name."""
    if tncc is None:
        return joindre(preposition, nom)
    if tncc in (0, 1):
        if preposition == "à":
            return f"à {nom}"
        return f"d'{nom}" if tncc == 1 else f"de {nom}"
    if tncc not in _TNCC:
        raise ValueError(f"type de nom en clair inconnu : {tncc!r}")
    article, contractions = _TNCC[tncc]
    debut = article if article.endswith("'") else article + " "
    if nom.startswith(debut):  # a commune: the name starts with its article
        if tncc in (2, 4, 6):  # le, les, aux contract with « de » and « à »
            return f"{contractions[preposition]} {nom[len(debut) :]}"
        return f"{preposition} {nom}"  # « de La Ciotat », « à L'Isle-sur-la-Sorgue »
    lie = contractions[preposition]
    return f"{lie}{nom}" if lie.endswith("'") else f"{lie} {nom}"


# The article each TNCC of 2 and above puts at the head of a commune's name.
ARTICLES_TNCC = {code: article for code, (article, _) in _TNCC.items()}


def tncc_accorde(nom: str, tncc: int) -> bool:
    """Whether a commune's name agrees with its TNCC: « Le Pradet » with 2, « Arles » with 0
    or 1, never « Le Rove » with 0 (the article would not contract: « de Le Rove »)."""
    articles = [a if a.endswith("'") else a + " " for a, _ in _TNCC.values()]
    if tncc in _TNCC:
        article = _TNCC[tncc][0]
        return nom.startswith(article if article.endswith("'") else article + " ")
    return not any(nom.startswith(a) for a in articles)
