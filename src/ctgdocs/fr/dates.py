"""Dates and times as French acts write them: « 29 juillet 2022 », « 1er août 2022 »,
« 20/06/2023 », in words « vingt-neuf juillet deux mille vingt-deux » (« mil » as a house style),
« 18h00 », « dix-neuf heures ». All functions are pure; render/filters.py gives them to the
templates."""

from __future__ import annotations

import re
from datetime import date, time

from babel.dates import get_day_names, get_month_names

from ctgdocs.fr.nombres import LOCALE, nombre_lettres

_MONTHS = get_month_names("wide", locale=LOCALE)
_JOURS = get_day_names("wide", locale=LOCALE)  # 0 is Monday, as date.weekday()


def date_fr(d: date) -> str:
    """ "29 juillet 2022", "1er août 2022"."""
    jour = "1er" if d.day == 1 else str(d.day)
    return f"{jour} {_MONTHS[d.month]} {d.year}"


def date_jour(d: date) -> str:
    """ "lundi 14 décembre 2020", "vendredi 1er juillet 2022"."""
    return f"{_JOURS[d.weekday()]} {date_fr(d)}"


def date_courte(d: date) -> str:
    """ "20/06/2023"."""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def date_iso(d: date) -> str:
    """ "2023-06-20"."""
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def annee_lettres(year: int, mil: bool = False) -> str:
    """Year in words; ``mil=True`` writes "mil" instead of "mille" (house style)."""
    words = nombre_lettres(year)
    return re.sub(r"\bmille\b", "mil", words) if mil else words


def jour_mois_lettres(d: date) -> str:
    """ "vingt-neuf juillet", "premier août": a date in words without its year."""
    jour = "premier" if d.day == 1 else nombre_lettres(d.day)
    return f"{jour} {_MONTHS[d.month]}"


def date_lettres(d: date, mil: bool = False) -> str:
    """ "vingt-neuf juillet deux mille vingt-deux", "premier août …"."""
    return f"{jour_mois_lettres(d)} {annee_lettres(d.year, mil)}"


def heure(t: time) -> str:
    """ "18h00", "9h05"."""
    return f"{t.hour}h{t.minute:02d}"


def heure_lettres(t: time) -> str:
    """ "dix-neuf heures", "vingt et une heures quinze", "midi trente", "minuit"."""
    if t.hour == 0:
        texte = "minuit"
    elif t.hour == 12:
        texte = "midi"
    else:
        texte = nombre_lettres(t.hour, feminin=True) + (" heures" if t.hour > 1 else " heure")
    if t.minute:
        texte += " " + nombre_lettres(t.minute, feminin=True)
    return texte
