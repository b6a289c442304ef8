"""« de » and « à » agree with the name that follows: du, des, de l', d', au, aux."""

from __future__ import annotations

import typing

import pytest

from ctgdocs.fr import noms
from ctgdocs.fr.prepositions import a, de, elide, joindre
from ctgdocs.model import Organisation
from ctgdocs.render.environment import body_environment, md_escape

# name, « de » + name, « à » + name
COMMUNES = [
    # Le…, Les…: the article contracts
    ("Le Pradet", "du Pradet", "au Pradet"),
    ("Le Rove", "du Rove", "au Rove"),
    ("Le Havre", "du Havre", "au Havre"),
    ("Le Paradou", "du Paradou", "au Paradou"),
    ("Les Baux-de-Provence", "des Baux-de-Provence", "aux Baux-de-Provence"),
    ("Les Pennes-Mirabeau", "des Pennes-Mirabeau", "aux Pennes-Mirabeau"),
    # La…, L'…: the article stays
    ("La Ciotat", "de La Ciotat", "à La Ciotat"),
    ("La Rochelle", "de La Rochelle", "à La Rochelle"),
    ("La Hague", "de La Hague", "à La Hague"),
    ("La Puye", "de La Puye", "à La Puye"),
    ("L'Isle-sur-la-Sorgue", "de L'Isle-sur-la-Sorgue", "à L'Isle-sur-la-Sorgue"),
    ("L’Haÿ-les-Roses", "de L’Haÿ-les-Roses", "à L’Haÿ-les-Roses"),
    # a vowel: « de » elides, « à » does not
    ("Arles", "d'Arles", "à Arles"),
    ("Aureille", "d'Aureille", "à Aureille"),
    ("Eygalières", "d'Eygalières", "à Eygalières"),
    ("Évian-les-Bains", "d'Évian-les-Bains", "à Évian-les-Bains"),
    ("Istres", "d'Istres", "à Istres"),
    ("Orange", "d'Orange", "à Orange"),
    ("Uzès", "d'Uzès", "à Uzès"),
    ("Œuilly", "d'Œuilly", "à Œuilly"),
    ("Yvetot", "d'Yvetot", "à Yvetot"),
    ("Availles-en-Châtellerault", "d'Availles-en-Châtellerault", "à Availles-en-Châtellerault"),
    # a mute h
    ("Hyères", "d'Hyères", "à Hyères"),
    ("Hérouville-Saint-Clair", "d'Hérouville-Saint-Clair", "à Hérouville-Saint-Clair"),
    # an aspirated h
    ("Haguenau", "de Haguenau", "à Haguenau"),
    ("Hazebrouck", "de Hazebrouck", "à Hazebrouck"),
    ("Hénin-Beaumont", "de Hénin-Beaumont", "à Hénin-Beaumont"),
    ("Honfleur", "de Honfleur", "à Honfleur"),
    # an article inside the name is not the name's own
    ("Saint-Rémy-de-Provence", "de Saint-Rémy-de-Provence", "à Saint-Rémy-de-Provence"),
    ("Maussane-les-Alpilles", "de Maussane-les-Alpilles", "à Maussane-les-Alpilles"),
    ("Saint-Étienne-du-Grès", "de Saint-Étienne-du-Grès", "à Saint-Étienne-du-Grès"),
    ("Lencloître", "de Lencloître", "à Lencloître"),
    ("Lesquin", "de Lesquin", "à Lesquin"),
    ("Yaoundé", "de Yaoundé", "à Yaoundé"),
    ("Poitiers", "de Poitiers", "à Poitiers"),
]


@pytest.mark.parametrize(("nom", "avec_de", "avec_a"), COMMUNES)
def test_communes(nom: str, avec_de: str, avec_a: str) -> None:
    assert de(nom) == joindre("de", nom) == avec_de
    assert a(nom) == joindre("à", nom) == avec_a


def test_the_table_covers_every_kind_of_commune_name() -> None:
    debuts = {nom.split()[0] for nom, _, _ in COMMUNES}
    assert {"Le", "La", "Les"} <= debuts
    assert any(nom.startswith("L'") for nom, _, _ in COMMUNES)
    assert any(nom[0] in "AEIOUÉ" for nom, _, _ in COMMUNES)
    assert {nom[0] for nom, _, _ in COMMUNES} >= {"H", "Y"}


# One organisation of each type, as a party is named (avec_article, nom_avec_article), then
# joined to « de » and « à ».
ORGANISATIONS: dict[str, tuple[dict, str, str, str, str]] = {
    "commune": (
        {"nom": "Le Pradet"},
        "du Pradet",
        "au Pradet",
        "de la commune du Pradet",
        "de la Commune du Pradet",
    ),
    "epci": (
        {"nom": "Communauté d'agglomération de Grand Châtellerault", "sigle": "CAGC"},
        "de la Communauté d'agglomération de Grand Châtellerault",
        "à la Communauté d'agglomération de Grand Châtellerault",
        "de la Communauté d'agglomération de Grand Châtellerault",
        "de la Communauté d'agglomération de Grand Châtellerault",
    ),
    "caf": (
        {"nom": "Caisse d'allocations familiales du Var", "nom_court": "Caf du Var"},
        "de la Caf du Var",
        "à la Caf du Var",
        "de la Caisse d'allocations familiales du Var",
        "de la Caisse d'allocations familiales du Var",
    ),
    "msa": (
        {"nom": "Mutualité sociale agricole Poitou", "nom_court": "MSA Poitou"},
        "de la MSA Poitou",
        "à la MSA Poitou",
        "de la Mutualité sociale agricole Poitou",
        "de la Mutualité sociale agricole Poitou",
    ),
    "ccas": (
        {"nom": "Centre communal d'action sociale de Poitiers", "nom_court": "CCAS de Poitiers"},
        "du CCAS de Poitiers",
        "au CCAS de Poitiers",
        "du Centre communal d'action sociale de Poitiers",
        "du Centre communal d'action sociale de Poitiers",
    ),
    "departement": (
        {"nom": "Conseil départemental du Var", "nom_court": "Département du Var"},
        "du Département du Var",
        "au Département du Var",
        "du Conseil départemental du Var",
        "du Conseil départemental du Var",
    ),
    "etat": (
        {"nom": "État"},
        "de l'État",
        "à l'État",
        "de l'État",
        "de l'État",
    ),
    "syndicat": (
        {
            "nom": "Syndicat intercommunal à vocation multiple du Châtelleraudais",
            "nom_court": "SIVOM du Châtelleraudais",
        },
        "du SIVOM du Châtelleraudais",
        "au SIVOM du Châtelleraudais",
        "du Syndicat intercommunal à vocation multiple du Châtelleraudais",
        "du Syndicat intercommunal à vocation multiple du Châtelleraudais",
    ),
    "carsat": (
        {
            "nom": "Caisse d'assurance retraite et de la santé au travail du Centre-Ouest",
            "nom_court": "Carsat Centre-Ouest",
        },
        "de la Carsat Centre-Ouest",
        "à la Carsat Centre-Ouest",
        "de la Caisse d'assurance retraite et de la santé au travail du Centre-Ouest",
        "de la Caisse d'assurance retraite et de la santé au travail du Centre-Ouest",
    ),
    "cpam": (
        {
            "nom": "Caisse primaire d'assurance maladie de la Vienne",
            "nom_court": "CPAM de la Vienne",
        },
        "de la CPAM de la Vienne",
        "à la CPAM de la Vienne",
        "de la Caisse primaire d'assurance maladie de la Vienne",
        "de la Caisse primaire d'assurance maladie de la Vienne",
    ),
    "association": (
        {"nom": "Association Familles rurales de la Vienne"},
        "de l'Association Familles rurales de la Vienne",
        "à l'Association Familles rurales de la Vienne",
        "de l'Association Familles rurales de la Vienne",
        "de l'Association Familles rurales de la Vienne",
    ),
    "autre": (
        {"nom": "Arc-en-ciel"},  # a proper name: no article of its type
        "d'Arc-en-ciel",
        "à Arc-en-ciel",
        "d'Arc-en-ciel",
        "d'Arc-en-ciel",
    ),
}


def test_every_organisation_type_is_in_the_table() -> None:
    types = typing.get_args(Organisation.model_fields["type"].annotation)
    assert set(ORGANISATIONS) == set(types)


@pytest.mark.parametrize("type_", list(ORGANISATIONS))
def test_organisations(type_: str) -> None:
    champs, de_court, a_court, de_entier, de_designation = ORGANISATIONS[type_]
    org = Organisation(type=type_, **champs)
    assert de(noms.avec_article(org)) == de_court
    assert joindre("à", noms.avec_article(org)) == a_court
    assert de(noms.nom_avec_article(org)) == de_entier
    assert de(noms.designation_avec_article(org)) == de_designation


def test_a_designation_of_its_own_keeps_the_commune_feminine() -> None:
    org = Organisation(type="commune", nom="Poitiers", designation="Ville de Poitiers")
    assert de(noms.designation_avec_article(org)) == "de la Ville de Poitiers"
    assert noms.designation(Organisation(type="commune", nom="Arles")) == "Commune d'Arles"


@pytest.mark.parametrize(
    ("nom", "attendu"),
    [
        ("la convention", "de la convention"),
        ("l'acte d'engagement", "de l'acte d'engagement"),
        ("le préambule", "du préambule"),
        ("les annexes", "des annexes"),
        ("l'article 8", "de l'article 8"),
        ("Anne MARTIN", "d'Anne MARTIN"),
        ("Hervé STASSINOS", "d'Hervé STASSINOS"),
        ("Julien ORLANDINI", "de Julien ORLANDINI"),
        ("EPCI", "d'EPCI"),
    ],
)
def test_common_nouns_and_people(nom: str, attendu: str) -> None:
    assert de(nom) == attendu


@pytest.mark.parametrize(
    ("mot", "attendu"),
    [
        ("intégrer la commune", "d'intégrer la commune"),
        ("prolonger la convention", "de prolonger la convention"),
        ("habiliter le maire", "d'habiliter le maire"),
        ("le modifier", "de le modifier"),  # a pronoun, not an article: no « du modifier »
        ("les intégrer", "de les intégrer"),
        ("identifier les besoins", "d'identifier les besoins"),
    ],
)
def test_elide_words_without_an_article(mot: str, attendu: str) -> None:
    assert elide(mot) == attendu


def test_unknown_preposition_is_refused() -> None:
    with pytest.raises(ValueError, match="préposition inconnue"):
        joindre("en", "Provence")  # type: ignore[arg-type]


def test_templates_have_the_filters() -> None:
    env = body_environment()
    rendu = env.from_string("{{ n|de }} ; {{ n|a }} ; {{ v|elide }}").render(n="Le Rove", v="agir")
    assert rendu == "du Rove ; au Rove ; " + md_escape("d'agir")  # Markdown-escaped values
