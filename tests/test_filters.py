"""Tests of the French formatting filters."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

import pytest

from ctgdocs.fr.dates import (
    annee_lettres,
    date_courte,
    date_fr,
    date_iso,
    date_lettres,
    heure,
    heure_lettres,
)
from ctgdocs.fr.nombres import (
    euros,
    liste,
    majuscule_initiale,
    montant_lettres,
    nombre,
    nombre_lettres,
    ordinal,
    pourcentage,
)
from ctgdocs.render import filters
from ctgdocs.render.filters import FILTERS

NNBSP = "\u202f"
NBSP = "\u00a0"


# --- dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2022, 7, 29), "29 juillet 2022"),
        (date(2022, 8, 1), "1er août 2022"),
        (date(2023, 6, 5), "5 juin 2023"),
        (date(2023, 1, 1), "1er janvier 2023"),
        (date(2023, 2, 10), "10 février 2023"),
        (date(2023, 12, 31), "31 décembre 2023"),
        (datetime(2022, 7, 29, 18, 0), "29 juillet 2022"),
    ],
)
def test_date_fr(d: date, expected: str) -> None:
    assert date_fr(d) == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2023, 6, 20), "20/06/2023"),
        (date(2022, 8, 1), "01/08/2022"),
        (date(2023, 12, 31), "31/12/2023"),
    ],
)
def test_date_courte(d: date, expected: str) -> None:
    assert date_courte(d) == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2023, 6, 20), "2023-06-20"),
        (date(2022, 8, 1), "2022-08-01"),
    ],
)
def test_date_iso(d: date, expected: str) -> None:
    assert date_iso(d) == expected


@pytest.mark.parametrize(
    ("d", "mil", "expected"),
    [
        (date(2022, 7, 29), False, "vingt-neuf juillet deux mille vingt-deux"),
        (date(2022, 7, 1), False, "premier juillet deux mille vingt-deux"),
        (date(2022, 7, 29), True, "vingt-neuf juillet deux mil vingt-deux"),
        (date(2022, 8, 1), True, "premier août deux mil vingt-deux"),
        (date(2021, 3, 21), False, "vingt et un mars deux mille vingt et un"),
        (date(2023, 6, 20), False, "vingt juin deux mille vingt-trois"),
        (date(2000, 1, 31), True, "trente et un janvier deux mil"),
        (date(1999, 12, 11), True, "onze décembre mil neuf cent quatre-vingt-dix-neuf"),
    ],
)
def test_date_lettres(d: date, mil: bool, expected: str) -> None:
    assert date_lettres(d, mil=mil) == expected


def test_date_lettres_default_is_mille() -> None:
    assert date_lettres(date(2022, 7, 29)) == "vingt-neuf juillet deux mille vingt-deux"


@pytest.mark.parametrize(
    ("year", "mil", "expected"),
    [
        (2022, False, "deux mille vingt-deux"),
        (2022, True, "deux mil vingt-deux"),
        (2000, False, "deux mille"),
        (2000, True, "deux mil"),
        (1999, False, "mille neuf cent quatre-vingt-dix-neuf"),
        (1999, True, "mil neuf cent quatre-vingt-dix-neuf"),
        (2021, False, "deux mille vingt et un"),
        (2080, False, "deux mille quatre-vingts"),
        (2100, True, "deux mil cent"),
        (1000, True, "mil"),
    ],
)
def test_annee_lettres(year: int, mil: bool, expected: str) -> None:
    assert annee_lettres(year, mil=mil) == expected


# --- times -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("t", "expected"),
    [
        (time(18, 0), "18h00"),
        (time(9, 5), "9h05"),
        (time(0, 0), "0h00"),
        (time(12, 30), "12h30"),
        (time(23, 59, 59), "23h59"),
    ],
)
def test_heure(t: time, expected: str) -> None:
    assert heure(t) == expected


@pytest.mark.parametrize(
    ("t", "expected"),
    [
        (time(19, 0), "dix-neuf heures"),
        (time(18, 30), "dix-huit heures trente"),
        (time(1, 0), "une heure"),
        (time(1, 1), "une heure une"),
        (time(21, 15), "vingt et une heures quinze"),
        (time(12, 0), "midi"),
        (time(0, 0), "minuit"),
        (time(12, 30), "midi trente"),
        (time(0, 5), "minuit cinq"),
        (time(19, 5), "dix-neuf heures cinq"),
        (time(20, 21), "vingt heures vingt et une"),
        (time(9, 45), "neuf heures quarante-cinq"),
        (time(2, 0), "deux heures"),
    ],
)
def test_heure_lettres(t: time, expected: str) -> None:
    assert heure_lettres(t) == expected


# --- numbers in words --------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "zéro"),
        (1, "un"),
        (11, "onze"),
        (17, "dix-sept"),
        (21, "vingt et un"),
        (22, "vingt-deux"),
        (71, "soixante et onze"),
        (72, "soixante-douze"),
        (80, "quatre-vingts"),
        (81, "quatre-vingt-un"),
        (91, "quatre-vingt-onze"),
        (99, "quatre-vingt-dix-neuf"),
        (100, "cent"),
        (101, "cent un"),
        (180, "cent quatre-vingts"),
        (200, "deux cents"),
        (201, "deux cent un"),
        (1000, "mille"),
        (1001, "mille un"),
        (2000, "deux mille"),
        (21_000, "vingt et un mille"),
        (80_000, "quatre-vingt mille"),
        (200_000, "deux cent mille"),
        (1_000_000, "un million"),
        (2_000_000, "deux millions"),
        (80_000_000, "quatre-vingts millions"),
        (200_000_000, "deux cents millions"),
        (1_000_000_000, "un milliard"),
        (-5, "moins cinq"),
    ],
)
def test_nombre_lettres(n: int, expected: str) -> None:
    assert nombre_lettres(n) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "une"),
        (21, "vingt et une"),
        (31, "trente et une"),
        (71, "soixante et onze"),
        (81, "quatre-vingt-une"),
        (101, "cent une"),
        (11, "onze"),
        (2, "deux"),
        (21_000, "vingt et un mille"),
        (1_000_001, "un million une"),
    ],
)
def test_nombre_lettres_feminin(n: int, expected: str) -> None:
    assert nombre_lettres(n, feminin=True) == expected


@pytest.mark.parametrize("bad", [1.5, 2.0, "3"])
def test_nombre_lettres_rejects_non_integers(bad: object) -> None:
    with pytest.raises(TypeError):
        nombre_lettres(bad)


# --- numbers in figures ------------------------------------------------------


@pytest.mark.parametrize(
    ("x", "expected"),
    [
        (0, "0"),
        (1, "1"),
        (1.0, "1"),
        (14.75, "14,75"),
        (Decimal("14.750"), "14,75"),
        (1234.5, f"1{NNBSP}234,5"),
        (999, "999"),
        (1000, f"1{NNBSP}000"),
        (24_000, f"24{NNBSP}000"),
        (1_000_000, f"1{NNBSP}000{NNBSP}000"),
        (12_345_678.9, f"12{NNBSP}345{NNBSP}678,9"),
        (-1234.5, f"-1{NNBSP}234,5"),
        (0.1 + 0.2, "0,3"),
        (Decimal("0.000001"), "0,000001"),
        (1e20, f"100{NNBSP}000{NNBSP}000{NNBSP}000{NNBSP}000{NNBSP}000{NNBSP}000"),
        (-0.0, "0"),
    ],
)
def test_nombre(x: int | float | Decimal, expected: str) -> None:
    assert nombre(x) == expected


@pytest.mark.parametrize(
    ("x", "decimales", "expected"),
    [
        (14.75, 1, "14,8"),
        (1234.5, 2, f"1{NNBSP}234,50"),
        (1234.567, 0, f"1{NNBSP}235"),
        (0.125, 2, "0,13"),  # half up, not banker's rounding
        (Decimal("2.5"), 0, "3"),
        (7, 3, "7,000"),
        (-0.001, 2, "0,00"),
    ],
)
def test_nombre_decimales(x: int | float | Decimal, decimales: int, expected: str) -> None:
    assert nombre(x, decimales) == expected


@pytest.mark.parametrize(
    ("bad", "error"),
    [
        (float("nan"), ValueError),
        (float("inf"), ValueError),
        (Decimal("NaN"), ValueError),
        ("12", TypeError),
        (True, TypeError),
        (None, TypeError),
    ],
)
def test_nombre_rejects(bad: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        nombre(bad)


def test_nombre_negative_decimales() -> None:
    with pytest.raises(ValueError):
        nombre(1.5, -1)


@pytest.mark.parametrize(
    ("x", "expected"),
    [
        (24_000, f"24{NNBSP}000{NBSP}€"),
        (0, f"0{NBSP}€"),
        (1, f"1{NBSP}€"),
        (1.0, f"1{NBSP}€"),
        (1234.5, f"1{NNBSP}234,50{NBSP}€"),
        (Decimal("1234.56"), f"1{NNBSP}234,56{NBSP}€"),
        (0.5, f"0,50{NBSP}€"),
        (999.999, f"1{NNBSP}000{NBSP}€"),
        (1_000_000, f"1{NNBSP}000{NNBSP}000{NBSP}€"),
        (-50, f"-50{NBSP}€"),
    ],
)
def test_euros(x: int | float | Decimal, expected: str) -> None:
    assert euros(x) == expected


@pytest.mark.parametrize(
    ("x", "expected"),
    [
        (24_000, "vingt-quatre mille euros"),
        (0, "zéro euro"),
        (1, "un euro"),
        (2, "deux euros"),
        (21, "vingt et un euros"),
        (80, "quatre-vingts euros"),
        (200, "deux cents euros"),
        (1000, "mille euros"),
        (1234.5, "mille deux cent trente-quatre euros et cinquante centimes"),
        (Decimal("1.01"), "un euro et un centime"),
        (0.5, "cinquante centimes"),
        (0.01, "un centime"),
        (1_000_000, "un million d'euros"),
        (2_000_000, "deux millions d'euros"),
        (1_000_000_000, "un milliard d'euros"),
        (1_200_000, "un million deux cent mille euros"),
        (Decimal("2000000.10"), "deux millions d'euros et dix centimes"),
    ],
)
def test_montant_lettres(x: int | float | Decimal, expected: str) -> None:
    assert montant_lettres(x) == expected


def test_montant_lettres_negative() -> None:
    with pytest.raises(ValueError):
        montant_lettres(-1)


@pytest.mark.parametrize(
    ("x", "expected"),
    [
        (0.5, f"50{NBSP}%"),
        (0.8, f"80{NBSP}%"),
        (0.625, f"62,5{NBSP}%"),
        (0.07, f"7{NBSP}%"),
        (0, f"0{NBSP}%"),
        (1, f"100{NBSP}%"),
        (12.5, f"1{NNBSP}250{NBSP}%"),
        (Decimal("0.3333"), f"33,33{NBSP}%"),
    ],
)
def test_pourcentage(x: int | float | Decimal, expected: str) -> None:
    assert pourcentage(x) == expected


def test_pourcentage_decimales() -> None:
    assert pourcentage(1 / 3, 1) == f"33,3{NBSP}%"


# --- ordinals, lists, capitals -----------------------------------------------


@pytest.mark.parametrize(
    ("n", "feminin", "expected"),
    [
        (1, False, "1er"),
        (1, True, "1re"),
        (2, False, "2e"),
        (2, True, "2e"),
        (3, False, "3e"),
        (21, False, "21e"),
        (21, True, "21e"),
        (100, False, "100e"),
    ],
)
def test_ordinal(n: int, feminin: bool, expected: str) -> None:
    assert ordinal(n, feminin=feminin) == expected


@pytest.mark.parametrize("n", [0, -1])
def test_ordinal_rejects_non_positive(n: int) -> None:
    with pytest.raises(ValueError):
        ordinal(n)


@pytest.mark.parametrize(
    ("items", "conjonction", "expected"),
    [
        (["A", "B", "C"], "et", "A, B et C"),
        (["A", "B"], "et", "A et B"),
        (["A"], "et", "A"),
        ([], "et", ""),
        (["A", "B", "C"], "ou", "A, B ou C"),
        (
            ("la commune", "la CAF", "le département", "l'État"),
            "et",
            "la commune, la CAF, le département et l'État",
        ),
        (["A", "", "C"], "et", "A et C"),
        (iter(["x", "y"]), "et", "x et y"),
    ],
)
def test_liste(items: list[str], conjonction: str, expected: str) -> None:
    assert liste(items, conjonction) == expected


def test_liste_default_conjonction() -> None:
    assert liste(["A", "B"]) == "A et B"


@pytest.mark.parametrize(
    ("s", "expected"),
    [
        ("l'attractivité", "L'attractivité"),
        ("éveil", "Éveil"),
        ("Déjà", "Déjà"),
        ("", ""),
        ("a", "A"),
        ("enfance et JEUNESSE", "Enfance et JEUNESSE"),
        ("« éveil »", "« Éveil »"),
        ("1er août", "1er août"),
        ("œuvre", "Œuvre"),
    ],
)
def test_majuscule_initiale(s: str, expected: str) -> None:
    assert majuscule_initiale(s) == expected


# --- agreement -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("texte", "nombre", "feminin", "expected"),
    [
        ("désigné", None, True, "désignée"),
        ("représenté", None, False, "représenté"),
        ("conclu", 1, True, "conclue"),
        ("Absent excusé", ["a", "b"], False, "Absents excusés"),
        ("Absent excusé", ["a"], False, "Absent excusé"),
        ("adoptée", 0, False, "adoptée"),  # zero is singular in French
        ("adoptée", 2, False, "adoptées"),
        ("Secrétaire", ("a", "b"), False, "Secrétaires"),
        ("choix", 3, False, "choix"),
        ("Le", None, True, "La"),
        ("son", None, True, "sa"),
        ("le", 2, True, "les"),
        ("du", None, True, "de la"),
        ("il", 2, True, "elles"),
        ("modifiée", None, True, "modifiée"),  # already feminine: unchanged
    ],
)
def test_accord(texte: str, nombre: object, feminin: bool, expected: str) -> None:
    assert filters.accord(texte, nombre, feminin=feminin) == expected


def test_accord_refuses_a_text_as_its_number() -> None:
    with pytest.raises(TypeError, match="un nombre ou une liste est attendu, pas le texte « 12 »"):
        filters.accord("adopté", "12")


def test_accord_in_a_template() -> None:
    jinja2 = pytest.importorskip("jinja2")
    env = jinja2.Environment()
    env.filters.update(FILTERS)
    template = env.from_string('{{ "Rapporteur"|accord(r) }} : {{ "désigné"|accord(feminin=f) }}')
    assert template.render(r=["A", "B"], f=True) == "Rapporteurs : désignée"


# --- registry ----------------------------------------------------------------


def test_filters_registry() -> None:
    expected = {
        "date_fr",
        "date_courte",
        "date_iso",
        "date_lettres",
        "annee_lettres",
        "heure",
        "heure_lettres",
        "nombre_lettres",
        "nombre",
        "euros",
        "montant_lettres",
        "pourcentage",
        "ordinal",
        "liste",
        "majuscule_initiale",
        "accord",
    }
    assert set(FILTERS) == expected
    for name, function in FILTERS.items():
        assert function is getattr(filters, name)


def test_filters_in_jinja() -> None:
    jinja2 = pytest.importorskip("jinja2")
    env = jinja2.Environment()
    env.filters.update(FILTERS)
    template = env.from_string("Le {{ d | date_fr }}, {{ m | euros }} ({{ m | montant_lettres }})")
    rendered = template.render(d=date(2022, 8, 1), m=24_000)
    assert rendered == f"Le 1er août 2022, 24{NNBSP}000{NBSP}€ (vingt-quatre mille euros)"
