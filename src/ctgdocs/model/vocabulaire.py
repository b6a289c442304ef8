"""The closed vocabulary of a contract's texts: every value a clause file of a model, or an
article's own text, may name between braces, with the contracts it exists in. Python computes
each (ctgdocs.documents.vocabulaire); the user guide lists them from here."""

from __future__ import annotations

from dataclasses import dataclass

CONVENTION = "convention"
ACTE = "acte-engagement"
AVENANT = "avenant"
TOUS = frozenset({CONVENTION, ACTE, AVENANT})


@dataclass(frozen=True)
class Valeur:
    description: str  # French, for the user guide
    exemple: str  # as it prints in a convention of the examples
    contrats: frozenset[str] = TOUS


def _v(description: str, exemple: str, *contrats: str) -> Valeur:
    return Valeur(description, exemple, frozenset(contrats) if contrats else TOUS)


VOCABULAIRE: dict[str, Valeur] = {
    # How the act names itself.
    "acte": _v("L'acte lui-même", "la présente convention"),
    "de_acte": _v("L'acte, après « de »", "de la présente convention"),
    "a_acte": _v("L'acte, après « à »", "à la présente convention"),
    "nom_acte": _v("Le nom de l'acte, sans article", "convention"),
    "contrat": _v("Avenant : l'acte qu'il modifie", "la convention", AVENANT),
    "de_contrat": _v("Avenant : l'acte qu'il modifie, après « de »", "de la convention", AVENANT),
    "numero_avenant": _v("Avenant : son numéro", "2", AVENANT),
    "effet": _v("Avenant : sa date d'effet", "1er janvier 2025", AVENANT),
    # Who signs.
    "parties": _v(
        "Les parties, énumérées",
        "la Caisse d'allocations familiales de la Vienne et la Communauté d'agglomération "
        "de Grand Châtellerault",
    ),
    "nombre_parties": _v("Le nombre de parties, en chiffres", "2"),
    "nombre_parties_lettres": _v("Le nombre de parties, en lettres", "deux"),
    "caf": _v("La Caf, avec son article", "la Caf de la Vienne"),
    "de_caf": _v("La Caf, après « de »", "de la Caf de la Vienne"),
    "caf_nom": _v(
        "Le nom entier de la Caf, avec son article",
        "la Caisse d'allocations familiales de la Vienne",
    ),
    "territoire": _v(
        "Le territoire : l'EPCI avec son article, ou le nom du territoire",
        "la Communauté d'agglomération de Grand Châtellerault",
    ),
    "de_territoire": _v(
        "Le territoire, après « de »", "de la Communauté d'agglomération de Grand Châtellerault"
    ),
    "commune": _v("Acte d'engagement : la commune", "la commune du Pradet", ACTE),
    "de_commune": _v(
        "Acte d'engagement : la commune, après « de »", "de la commune du Pradet", ACTE
    ),
    # Counts, in figures and in words.
    "nombre_communes": _v("Le nombre de communes du territoire, en chiffres", "47"),
    "nombre_communes_lettres": _v("Le même, en lettres", "quarante-sept"),
    "nombre_axes": _v("Le nombre d'axes de la convention, en chiffres", "4", CONVENTION),
    "nombre_axes_lettres": _v("Le même, en lettres", "quatre", CONVENTION),
    "nombre_thematiques": _v("Le nombre de thématiques, en chiffres", "6", CONVENTION),
    "nombre_thematiques_lettres": _v("Le même, en lettres", "six", CONVENTION),
    # Dates.
    "debut": _v("Le début de la période de l'acte", "1er janvier 2022"),
    "fin": _v("La fin de la période de l'acte", "31 décembre 2026"),
    "annee_debut": _v("L'année de début", "2022"),
    "annee_fin": _v("L'année de fin", "2026"),
    "duree_annees": _v("La durée en années pleines, en chiffres", "5"),
    "duree_annees_lettres": _v("La même, en lettres", "cinq"),
    "signature_lieu": _v("Le lieu de signature", "Châtellerault"),
    "signature_date": _v("La date de signature (« …………… » pour un projet)", "14 mars 2022"),
    "preavis_mois": _v("Le préavis de résiliation, en mois", "3", CONVENTION),
    "preavis_lettres": _v("Le même, en lettres", "trois", CONVENTION),
}


def noms(contrat: str) -> list[str]:
    """The values a text of that kind of contract may name."""
    return [nom for nom, v in VOCABULAIRE.items() if contrat in v.contrats]
