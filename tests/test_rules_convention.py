"""Rules on conventions and coordination posts: each message, exactly, with its location."""

from __future__ import annotations

import shutil

import pytest

from ctgdocs.model import vocabulaire
from test_rules import at

G = "grand-chatellerault"
P = "grand-poitiers"
C = "charente"
CONV = f"{G}/convention.yaml"
TG = f"{G}/territoire.yaml"
COORD_G = f"{G}/coordination.yaml"
COORD_P = f"{P}/coordination.yaml"
COORD_C = f"{C}/coordination.yaml"

VALEURS = ", ".join("{" + nom + "}" for nom in vocabulaire.noms("convention"))


def test_the_new_examples_are_valid(copie):
    for name in (G, C):
        assert copie(name).problems() == []


def test_etp_split_must_sum_to_the_post(copie):
    c = copie(G)
    c.edit("coordination.yaml", "etp: 0.3", "etp: 0.4")
    assert c.problems() == [
        f"{at(c, COORD_G, 'repartition:', 'repartition')}: postes.charge-cooperation.repartition : "
        "la répartition fait 0,7 + 0,4 = 1,1 ETP ; attendu : 1 ETP, le temps du poste"
    ]


def test_ctg_end_before_start_is_reported_alone(copie):
    """The CEJ dates are not measured against an impossible CTG: one message, not 48."""
    c = copie(G)
    c.edit("territoire.yaml", "fin: 2024-12-31", "fin: 2019-06-30")
    assert c.problems() == [
        f"{at(c, TG, 'fin: 2019', 'fin')}: territoire.ctg.fin : la fin de la CTG (30 juin 2019) "
        "doit suivre son début (31 décembre 2019)"
    ]


def test_cej_ending_after_the_start_of_a_ctg_the_commune_signs(copie):
    c = copie("vallee-des-baux-alpilles")
    c.edit(
        "territoire.yaml",
        "aureille: {type: commune, nom: Aureille,",
        "aureille: {type: commune, nom: Aureille, fin_cej: 2023-12-31,",
    )
    where = at(c, "vallee-des-baux-alpilles/territoire.yaml", "aureille:", "fin_cej")
    assert c.problems() == [
        f"{where}: organisations.aureille.fin_cej : le CEJ d'Aureille finit le 31 décembre 2023, "
        "après le début de la CTG (1er janvier 2022) : une commune qui signe la CTG doit avoir "
        "quitté son CEJ à son début (les autres communes l'intègrent à la fin de leur CEJ)"
    ]


def test_cej_ending_after_the_ctg(copie):
    c = copie(G)
    c.edit(
        "territoire.yaml",
        "fin_cej: 2020-12-31}\n  availles",
        "fin_cej: 2025-12-31}\n  availles",
    )
    assert c.problems() == [
        f"{at(c, TG, 'naintre:', 'fin_cej')}: organisations.naintre.fin_cej : le CEJ de Naintré "
        "finit le 31 décembre 2025, après la fin de la CTG (31 décembre 2024) : la commune "
        "n'intégrerait jamais la CTG"
    ]


def test_cofinancing_above_the_caf_rule(copie):
    c = copie(P)
    c.edit(
        "coordination.yaml",
        "    cout_annuel: 52000\n",
        "    cout_annuel: 52000\n    cofinancement_caf: 25000\n",
    )
    assert c.problems() == [
        f"{at(c, COORD_P, 'cofinancement_caf', 'cofinancement_caf')}: "
        "postes.charge-cooperation.cofinancement_caf : 25\u202f000\xa0€ dépasse la règle de la Caf "
        "en vigueur le 26 juin 2023 : au plus 50\xa0% de 52\u202f000\xa0€ dans la limite de "
        "24\u202f000\xa0€ par ETP × 1 ETP, soit 24\u202f000\xa0€"
    ]


def test_cofinancing_below_the_rule_is_accepted_and_printed(copie):
    c = copie(P)
    c.edit(
        "coordination.yaml",
        "    cout_annuel: 52000\n",
        "    cout_annuel: 52000\n    cofinancement_caf: 20000\n",
    )
    assert c.problems() == []


def test_cofinancing_needs_the_cost(copie):
    c = copie(P)
    c.edit("coordination.yaml", "    cout_annuel: 42000\n", "    cofinancement_caf: 25000\n")
    assert c.problems() == [
        f"{at(c, COORD_P, 'cofinancement_caf', 'cofinancement_caf')}: "
        "postes.coordinateur-petite-enfance.cofinancement_caf : un cofinancement demande le coût "
        "annuel du poste (cout_annuel)"
    ]


def test_a_costed_post_needs_a_rule_in_force(copie):
    c = copie(P)
    c.edit(
        "coordination.yaml",
        "    cout_annuel: 52000\n    date: 2023-06-26",
        "    cout_annuel: 52000\n    date: 2022-06-26",
    )
    assert c.problems() == [
        f"{at(c, COORD_P, 'date: 2022', 'date')}: postes.charge-cooperation.date : aucune règle de "
        "financement de la coordination de « caf-86 » n'est en vigueur le 26 juin 2022 : ajouter "
        "regles_financement à la Caf dans territoire.yaml"
    ]


def test_signatory_without_representative(copie):
    c = copie(G)
    c.edit(
        "convention.yaml",
        "      representants:\n        - {personne: jean-pierre-abelin, qualite: Président}",
        "      representants: []",
    )
    assert c.problems() == [
        f"{at(c, CONV, 'organisation: grand-chatellerault', 'organisation')}: "
        "convention.parties[2].organisation : la partie « grand-chatellerault » n'a pas de "
        "représentant : indiquer qui signe (representants : personne, qualité)"
    ]


def test_unknown_computed_value(copie):
    c = copie(G)
    c.edit("convention.yaml", "autour de {nombre_communes}", "autour de {nombre_commune}")
    assert c.problems() == [
        f"{at(c, CONV, '{nombre_commune}', '{nombre_commune}')}: convention.preambule[0].texte : "
        "valeur inconnue « {nombre_commune} » ; vouliez-vous dire « {nombre_communes} » ?"
    ]


def test_jinja_in_a_data_text_is_text_not_a_value(copie):
    c = copie(G)
    c.edit("convention.yaml", "Ces {nombre_axes}", "Ces {population} {{ 7*7 }}")
    assert c.problems() == [
        f"{at(c, CONV, 'Ces {population}', '{population}')}: convention.apres_axes[0].texte : valeur "
        f"inconnue « {{population}} » ; valeurs calculées possibles : {VALEURS}"
    ]


def test_comite_de_pilotage_is_made_of_parties(copie):
    c = copie(G)
    c.edit(
        "convention.yaml",
        "comite_pilotage: [caf-86, grand-chatellerault]",
        "comite_pilotage: [caf-86, chatellerault]",
    )
    assert c.problems() == [
        f"{at(c, CONV, 'comite_pilotage:', 'chatellerault]')}: convention.comite_pilotage[1] : "
        "« chatellerault » n'est pas une partie de la convention ; attendu : caf-86, msa-poitou, "
        "grand-chatellerault"
    ]


def test_parties_are_the_ctg_signatories(copie):
    c = copie(G)
    c.edit(
        "territoire.yaml",
        "signataires: [caf-86, msa-poitou, grand-chatellerault]",
        "signataires: [caf-86, grand-chatellerault, msa-poitou]",
    )
    assert c.problems() == [
        f"{at(c, CONV, '  parties:', 'parties')}: convention.parties : les parties (caf-86, "
        "msa-poitou, grand-chatellerault) diffèrent des signataires de la CTG dans territoire.yaml "
        "(caf-86, grand-chatellerault, msa-poitou) : mêmes organisations, même ordre"
    ]


def test_signature_date_is_the_ctg_start(copie):
    c = copie(G)
    c.edit("convention.yaml", "date: 2019-12-31", "date: 2019-12-30")
    assert c.problems() == [
        f"{at(c, CONV, 'date: 2019-12-30', 'date')}: convention.signature.date : la convention est "
        "conclue à compter de sa signature : la date de signature (30 décembre 2019) doit être le "
        "début de la CTG dans territoire.yaml (31 décembre 2019) ; une convention signée à une "
        "autre date et conclue pour la période de la CTG indique « vigueur: periode »"
    ]


PERIODE = "  vigueur: periode\n  signature:\n"


def signee_seule(c):
    """The copy as signed: no avenant, no séance approving one."""
    shutil.rmtree(c.path("avenants"))
    shutil.rmtree(c.path("seances"))
    return c


@pytest.mark.parametrize("date", ["2019-06-30", "2020-03-15", "2024-12-31"])
def test_over_the_ctg_period_a_convention_is_signed_on_any_day_up_to_its_end(copie, date):
    c = signee_seule(copie(G))
    c.edit("convention.yaml", "  signature:\n", PERIODE)
    c.edit("convention.yaml", "date: 2019-12-31", f"date: {date}")
    assert c.problems() == []


def test_over_the_ctg_period_a_convention_is_not_signed_after_its_end(copie):
    c = copie(G)
    c.edit("convention.yaml", "  signature:\n", PERIODE)
    c.edit("convention.yaml", "date: 2019-12-31", "date: 2025-01-15")
    assert c.problems() == [
        f"{at(c, CONV, 'date: 2025-01-15', 'date')}: convention.signature.date : la convention est "
        "conclue du 31 décembre 2019 au 31 décembre 2024 (territoire.yaml) : elle ne peut pas être "
        "signée après sa fin ; date de signature donnée : 15 janvier 2025"
    ]


def test_vigueur_takes_two_values(copie):
    c = copie(G)
    c.edit("convention.yaml", "  signature:\n", "  vigueur: debut\n  signature:\n")
    assert c.problems() == [
        f"{at(c, CONV, 'vigueur: debut', 'vigueur')}: convention.vigueur : valeur attendue parmi "
        "« signature », « periode » ; reçu « debut »"
    ]


@pytest.mark.parametrize("vigueur", ["", PERIODE])
def test_a_draft_convention_has_no_date_of_signature(copie, vigueur):
    """Without a date, whatever `vigueur`: a draft, whose date is checked once it is given."""
    c = signee_seule(copie(G))
    c.edit("convention.yaml", "    date: 2019-12-31\n", "")
    if vigueur:
        c.edit("convention.yaml", "  signature:\n", vigueur)
    assert c.problems() == []


def test_unknown_post_in_the_annexes(copie):
    c = copie(G)
    c.edit("convention.yaml", "poste: charge-cooperation", "poste: charge-cooperations")
    assert c.problems() == [
        f"{at(c, CONV, 'poste: charge', 'poste')}: convention.annexes.poste : identifiant inconnu "
        "« charge-cooperations » : aucun poste de ce nom dans coordination.yaml ; vouliez-vous dire "
        "« charge-cooperation » ?"
    ]


def test_unknown_referential(copie):
    c = copie(G)
    c.edit(
        "coordination.yaml", "referentiel: cnaf-charge-cooperation", "referentiel: cnaf-charge-coop"
    )
    assert c.problems() == [
        f"{at(c, COORD_G, 'referentiel:', 'referentiel')}: postes.charge-cooperation.referentiel : "
        "identifiant inconnu « cnaf-charge-coop » : aucun référentiel de ce nom dans "
        "src/ctgdocs/references/referentiels/ ; vouliez-vous dire « cnaf-charge-cooperation » ?"
    ]


def test_unknown_grid(copie):
    c = copie(C)
    c.edit(
        "coordination.yaml",
        "  modele: coordination-charente-2021",
        "  modele: coordination-charente",
    )
    assert c.problems() == [
        f"{at(c, COORD_C, 'modele:', 'modele')}: grille_evaluation.modele : identifiant "
        "inconnu « coordination-charente » : aucune grille de ce nom dans "
        "src/ctgdocs/references/grilles/ ; vouliez-vous dire « coordination-charente-2021 » ?"
    ]


def test_etp_table_rows_are_epci(copie):
    c = copie(C)
    c.edit("coordination.yaml", "    grand-cognac: 4", "    grand-cognac: 4\n    caf-16: 1")
    assert c.problems() == [
        f"{at(c, COORD_C, 'caf-16: 1', 'caf-16')}: tableau_etp.lignes.caf-16 : « caf-16 » est de "
        "type caf ; attendu : epci"
    ]


def test_a_convention_needs_the_ctg(copie):
    c = copie(G)
    text = c.path("territoire.yaml").read_text(encoding="utf-8")
    start = text.index("  ctg:")
    end = text.index("\norganisations:")
    c.path("territoire.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    assert c.problems() == [
        f"{at(c, CONV, 'convention:', 'convention')}: convention : une convention demande la CTG "
        "dans territoire.yaml (territoire.ctg : début, fin, signataires)"
    ]


def test_a_convention_text_cannot_call_a_clause(copie):
    """The articles come from the shared clauses in their order; data texts are text only."""
    c = copie(G)
    c.edit(
        "convention.yaml",
        "  apres_enjeux:\n    - ",
        "  apres_enjeux:\n    - clause: confidentialite\n    - ",
    )
    assert c.problems() == [
        f"{at(c, CONV, 'clause: confidentialite', 'clause')}: convention.apres_enjeux[0] : un texte "
        "de convention ne peut pas appeler de clause"
    ]


def test_a_party_is_written_once(copie):
    c = copie(G)
    c.edit(
        "convention.yaml",
        "    - organisation: msa-poitou\n",
        "    - organisation: caf-86\n"
        "      representants: [{personne: tania-conci, qualite: Directrice}]\n"
        "    - organisation: msa-poitou\n",
    )
    second = c.line("convention.yaml", "representants: [{personne: tania-conci") - 1
    assert c.problems() == [
        f"{CONV}:{second}:7: convention.parties[1].organisation : partie « caf-86 » citée deux fois "
        "(déjà en position 1)"
    ]


def test_a_draft_convention_has_no_avenant(copie):
    c = copie(G)
    c.edit("convention.yaml", "    date: 2019-12-31\n", "")
    assert c.problems() == [
        f"{at(c, f'{G}/avenants/01-prolongation.yaml', 'avenant:', 'avenant')}: avenant.modifie : "
        "la convention n'est pas signée : un projet se corrige directement, sans avenant "
        "(indiquez convention.signature.date une fois l'acte signé)"
    ]
