"""Schema errors in French, at the line and column of the value, with the field path."""

from __future__ import annotations

import pytest

from conftest import MAUSSANE, POITIERS, SEANCE_MAUSSANE, SEANCE_POITIERS
from test_rules import SM, SP, TM, at


@pytest.mark.parametrize(
    ("old", "new", "needle", "token", "message"),
    [
        (
            "  heure: 19h00",
            "  heur: 19h00",
            "heur:",
            "heur",
            "seance.heur : clé inconnue « heur » ; vouliez-vous dire « heure » ?",
        ),
        (
            "  heure: 19h00",
            "  heure: 19h00\n  zzz: 1",
            "zzz",
            "zzz",
            "seance.zzz : clé inconnue « zzz » (clés possibles : absents, arrivees, collectivite, convocation, date, departs, heure, lieu, liste, membres_en_exercice, nature, pouvoirs, presents, president, seconde_convocation, secretaires, suppleants, urgence, visas, visioconference)",
        ),
        (
            "  heure: 19h00",
            "  heure: 19h00\n  votants: 18",
            "votants",
            "votants",
            "seance.votants : clé « votants » refusée : le nombre de votants est calculé (présents + représentés − ne prenant pas part)",
        ),
        (
            "convocation: 2022-07-13",
            "convocation: 13/07/2022",
            "convocation",
            "convocation",
            "seance.convocation : date attendue au format AAAA-MM-JJ, reçu « 13/07/2022 »",
        ),
        (
            "membres_en_exercice: 19",
            "membres_en_exercice: dix-neuf",
            "membres_en_exercice",
            "membres_en_exercice",
            "seance.membres_en_exercice : nombre entier attendu, reçu « dix-neuf »",
        ),
        (
            "membres_en_exercice: 19",
            "membres_en_exercice: -3",
            "membres_en_exercice",
            "membres_en_exercice",
            "seance.membres_en_exercice : nombre supérieur ou égal à 0 attendu, reçu « -3 »",
        ),
        (
            "heure: 19h00",
            "heure: 25h00",
            "heure",
            "heure",
            "seance.heure : heure attendue (ex. « 19h00 » ou « 19:00 »), reçu « 25h00 »",
        ),
        (
            "secretaires: [bernadette-samuel]",
            "secretaires: []",
            "secretaires",
            "secretaires",
            "seance.secretaires : au moins 1 élément attendu",
        ),
        (
            "secretaires: [bernadette-samuel]",
            "secretaires: bernadette-samuel",
            "secretaires",
            "secretaires",
            "seance.secretaires : liste attendue (un élément par ligne, précédé de « - »)",
        ),
        (
            "president: jean-christophe-carre",
            "president: Jean-Christophe",
            "president",
            "president",
            "seance.president : identifiant invalide « Jean-Christophe » : minuscules sans accent, chiffres et tirets seulement (ex. « jc-carre »)",
        ),
        (
            "      - clause: presentation_ctg\n",
            "      - clause: presentation_ctg\n        texte: et un texte\n",
            "clause: presentation_ctg",
            "clause",
            "deliberations[0].expose[0] : un bloc contient soit « texte », soit « clause » (exactement l'un des deux)",
        ),
    ],
)
def test_schema_errors_maussane(copie, old, new, needle, token, message):
    c = copie(MAUSSANE)
    c.edit(SEANCE_MAUSSANE, old, new)
    assert c.problems() == [f"{at(c, SM, needle, token)}: {message}"]


def test_missing_field_is_located_at_its_parent(copie):
    c = copie(MAUSSANE)
    c.edit(SEANCE_MAUSSANE, "  convocation: 2022-07-13\n", "")
    assert c.problems() == [
        f"{at(c, SM, 'seance:', 'seance')}: seance.convocation : champ obligatoire manquant"
    ]


def test_a_missing_date_is_named_though_a_type_shares_its_name(copie):
    # « date » is also the name of a union member's tag in pydantic's locations: the missing
    # field was once reported as « seance : champ obligatoire manquant »
    c = copie(MAUSSANE)
    c.edit(SEANCE_MAUSSANE, "  date: 2022-07-29\n", "")
    assert c.problems() == [
        f"{at(c, SM, 'seance:', 'seance')}: seance.date : champ obligatoire manquant"
    ]


def test_literal_choice(copie):
    c = copie(MAUSSANE)
    c.edit(
        "territoire.yaml",
        "{civilite: M., prenom: Jean-Christophe",
        "{civilite: Monsieur, prenom: Jean-Christophe",
    )
    assert c.problems() == [
        f"{at(c, TM, 'jean-christophe-carre:', 'civilite')}: personnes.jean-christophe-carre.civilite : valeur "
        "attendue parmi « M. », « Mme » ; reçu « Monsieur »"
    ]


def test_counts_or_names_union(copie):
    c = copie(POITIERS)
    c.edit(SEANCE_POITIERS, "presents: 41 ", "presents: beaucoup ")
    assert c.problems() == [
        f"{at(c, SP, 'presents:', 'presents')}: seance.presents : nombre entier attendu, reçu « beaucoup »"
    ]
    c.edit(SEANCE_POITIERS, "presents: beaucoup ", "presents: {a: 1} ")
    assert c.problems() == [
        f"{at(c, SP, 'presents:', 'presents')}: seance.presents : valeur de type inattendu « {{…}} » : liste (un "
        "identifiant par ligne) ou nombre entier attendu"
    ]


def test_every_error_of_a_file_is_reported_at_once(copie):
    c = copie(MAUSSANE)
    c.edit(SEANCE_MAUSSANE, "heure: 19h00", "heure: 25h00")
    c.edit(SEANCE_MAUSSANE, "membres_en_exercice: 19", "membres_en_exercice: dix-neuf")
    c.edit(SEANCE_MAUSSANE, "convocation: 2022-07-13", "convocation: 13/07/2022")
    assert [p.split(": ", 1)[1].split(" :")[0] for p in c.problems()] == [
        "seance.heure",
        "seance.convocation",
        "seance.membres_en_exercice",
    ]


def test_yaml_errors_come_with_their_place(copie):
    c = copie(MAUSSANE)
    c.edit(SEANCE_MAUSSANE, "  heure: 19h00", "  heure: 19h00\n  heure: 20h00")
    line = c.line(SEANCE_MAUSSANE, "heure: 19h00")
    assert c.problems() == [
        f"{SM}:{line + 1}:3: clé « heure » en double (déjà définie ligne {line})"
    ]


def test_unexpected_file_in_a_territory(copie):
    c = copie(MAUSSANE)
    c.path("seance.yaml").write_text("a: 1\n", encoding="utf-8")
    assert c.problems() == [
        f"{MAUSSANE}/seance.yaml: fichier non reconnu : un territoire contient territoire.yaml, seances/*.yaml et, s'il y a lieu, convention.yaml, coordination.yaml, acte.yaml et avenants/*.yaml"
    ]
