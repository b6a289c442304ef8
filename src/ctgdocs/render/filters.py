"""The French formatting filters of the document templates: `FILTERS` maps each Jinja filter
name to its function in ctgdocs.fr (dates and times, numbers, amounts, lists, agreement)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ctgdocs.fr.accord import accord
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

FILTERS: dict[str, Callable[..., Any]] = {
    "date_fr": date_fr,
    "date_courte": date_courte,
    "date_iso": date_iso,
    "date_lettres": date_lettres,
    "annee_lettres": annee_lettres,
    "heure": heure,
    "heure_lettres": heure_lettres,
    "nombre_lettres": nombre_lettres,
    "nombre": nombre,
    "euros": euros,
    "montant_lettres": montant_lettres,
    "pourcentage": pourcentage,
    "ordinal": ordinal,
    "liste": liste,
    "majuscule_initiale": majuscule_initiale,
    "accord": accord,
}
