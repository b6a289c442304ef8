"""The closed vocabulary of a deliberation's formulas: every value the house style's sentences
(model/style_deliberation.py) may name between braces. Python computes each for one
deliberation (documents/deliberation/formules.py); the rules check that a formula names only
these, and that each séance has the values its collectivité's formulas name
(rules/style_deliberation.py); the user guide lists them from here."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ValeurDeliberation:
    description: str  # French, for the user guide
    exemple: str  # as it prints in the Maussane-les-Alpilles example
    absente: str | None = None  # when a séance may not have it (French); else always there


def _v(description: str, exemple: str, absente: str | None = None) -> ValeurDeliberation:
    return ValeurDeliberation(description, exemple, absente)


VOCABULAIRE_DELIBERATION: dict[str, ValeurDeliberation] = {
    # The deliberation.
    "numero": _v("Le numéro de la délibération", "2022/07/29/07"),
    "ordre": _v("Son numéro d'ordre dans la séance", "7", "sans numéro d'ordre (ordre)"),
    "objet": _v("Son objet", "CAF - Convention territoriale globale de services aux familles…"),
    "rubrique": _v("Sa rubrique", "Action sociale", "sans rubrique (rubrique)"),
    # The collectivité and its council.
    "organe": _v("Le conseil qui délibère", "Conseil municipal"),
    "collectivite": _v(
        "La collectivité, avec son article (aucun devant un nom propre d'EPCI)",
        "la Commune de Maussane-les-Alpilles",
    ),
    "de_collectivite": _v(
        "La collectivité, après « de » (« de Seine Normandie Agglomération »)",
        "de la Commune de Maussane-les-Alpilles",
    ),
    "a_siege": _v(
        "Où siège le conseil, après « à »",
        "à Maussane-les-Alpilles",
        "un EPCI ou un syndicat sans siège (organisations.<id>.siege)",
    ),
    "fait_a": _v(
        "Où le conseil a délibéré : son siège, puis le lieu de la séance",
        "à Maussane-les-Alpilles, en l'Hôtel de Ville",
        "ni siège ni lieu de séance",
    ),
    # The séance.
    "date": _v("La date de la séance", "29 juillet 2022"),
    "date_lettres": _v(
        "La même, en lettres (annee_en_lettres : mil ou mille)",
        "vingt-neuf juillet deux mil vingt-deux",
    ),
    "date_jour": _v("La même, avec le jour de la semaine", "vendredi 29 juillet 2022"),
    "jour_mois_lettres": _v(
        "Le jour et le mois, en lettres (après « L'an {annee_lettres}, le »)", "vingt-neuf juillet"
    ),
    "annee": _v("L'année de la séance", "2022"),
    "annee_lettres": _v("La même, en lettres", "deux mil vingt-deux"),
    "heure": _v("L'heure d'ouverture", "19h00"),
    "heure_lettres": _v("La même, en lettres", "dix-neuf heures"),
    "convocation": _v("La date de la convocation", "13 juillet 2022"),
    "lieu": _v("Le lieu de la séance, tel qu'écrit", "en l'Hôtel de Ville", "sans lieu (lieu)"),
    "nature": _v("La nature de la réunion", "ordinaire"),
    "president": _v(
        "Le président de séance, avec sa fonction quand il est le maire ou le président",
        "Monsieur Jean-Christophe CARRÉ, Maire",
    ),
    "president_nom": _v(
        "Le président de séance, sans sa fonction", "Monsieur Jean-Christophe CARRÉ"
    ),
    "president_fonction": _v(
        "Sa fonction",
        "Maire",
        "un président de séance qui n'est pas le maire ou le président de la collectivité",
    ),
    "secretaires": _v("Le ou les secrétaires de séance", "Bernadette SAMUEL"),
    "rapporteur": _v(
        "Qui rapporte, selon l'option rapporteur",
        "Monsieur le Rapporteur (ou Monsieur le Maire)",
    ),
    "rapporteurs": _v("Le ou les rapporteurs, nommés", "Monsieur Jean-Christophe CARRÉ"),
    # The vote.
    "vote": _v("Le résultat du vote", "à l'unanimité des suffrages exprimés"),
    "adopte": _v("Ce que fait le conseil : « adopte » ou « rejette »", "adopte"),
    "resultat": _v("Le résultat : « adoptée » ou « rejetée »", "adoptée"),
    # The counts, in figures (those of comptes.nombres).
    "en_exercice": _v("Les membres en exercice", "19"),
    "quorum": _v("Le quorum", "7"),
    "presents": _v("Les présents pour cette délibération", "10"),
    "absents": _v("Les membres en exercice non présents", "9"),
    "representes": _v("Les représentés (pouvoirs)", "8"),
    "votants": _v("Les votants", "18"),
    "exprimes": _v("Les suffrages exprimés", "17"),
    "pour": _v("Les voix pour", "17"),
    "contre": _v("Les voix contre", "0"),
    "abstentions": _v("Les abstentions", "1"),
    "ne_prennent_pas_part": _v("Ceux qui ne prennent pas part au vote", "0"),
}
