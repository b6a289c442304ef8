"""Every domain rule and every data error: the exact French message and its location."""

from __future__ import annotations

import pytest

from conftest import MAUSSANE, POITIERS, SEANCE_MAUSSANE, SEANCE_POITIERS

SM = f"{MAUSSANE}/{SEANCE_MAUSSANE}"
SP = f"{POITIERS}/{SEANCE_POITIERS}"
TM = f"{MAUSSANE}/territoire.yaml"
TP = f"{POITIERS}/territoire.yaml"


def at(copie, rel: str, line_needle: str, token: str) -> str:
    """file:line:col of token on the first line containing line_needle."""
    _, _, inner = rel.partition("/")
    line = copie.line(inner, line_needle)
    text = copie.path(inner).read_text(encoding="utf-8").splitlines()[line - 1]
    return f"{rel}:{line}:{text.index(token) + 1}"


def test_examples_are_valid(copie):
    assert copie(MAUSSANE).problems() == []
    assert copie(POITIERS).problems() == []


def test_two_pouvoirs_per_member_pass_on_29_july_2022_and_fail_on_1_august(copie):
    c = copie(MAUSSANE)
    assert c.problems() == []
    c.edit(SEANCE_MAUSSANE, "date: 2022-07-29", "date: 2022-08-01")
    regle = (
        "un seul pouvoir par membre (CGCT L2121-20) ; la dérogation sanitaire à deux pouvoirs "
        "a pris fin le 31 juillet 2022, la séance est du 1er août 2022"
    )
    expected = [
        (1, "alexandre-wajs", "Jean-Christophe CARRÉ"),
        (3, "dominique-stekelorom", "Marc FUSAT"),
        (5, "laurent-juglaret", "Mathieu BONARD"),
        (7, "lucie-babin", "Marie-Pierre CALLET"),
    ]
    assert c.problems() == [
        f"{at(c, SM, mandant, 'mandataire')}: seance.pouvoirs[{i}].mandataire : {nom} reçoit 2 pouvoirs : {regle}"
        for i, mandant, nom in expected
    ]


def test_three_pouvoirs_refused_even_in_the_sanitary_window(copie):
    c = copie(MAUSSANE)
    c.edit(
        SEANCE_MAUSSANE,
        "{mandant: patrick-laffitte, mandataire: marc-fusat}",
        "{mandant: patrick-laffitte, mandataire: jean-christophe-carre}",
    )
    assert c.problems() == [
        f"{at(c, SM, 'patrick-laffitte', 'mandataire')}: seance.pouvoirs[2].mandataire : Jean-Christophe CARRÉ "
        "reçoit 3 pouvoirs : au plus 2 pouvoirs par membre pendant la période dérogatoire"
    ]


def test_seed_000_as_printed_is_rejected(copie):
    """Poitiers' extract was printed with 0 members, a quorum of 27 and 0 présents."""
    c = copie(POITIERS)
    c.edit(SEANCE_POITIERS, "membres_en_exercice: 53", "quorum: 27\n  membres_en_exercice: 0")
    c.edit(SEANCE_POITIERS, "presents: 41", "presents: 0")
    c.edit(SEANCE_POITIERS, "pouvoirs: 9", "pouvoirs: 0")
    c.edit(
        SEANCE_POITIERS,
        "vote: {pour: 50, contre: 0, abstentions: 0}",
        "vote: {pour: 0, contre: 0, abstentions: 0}",
    )
    assert c.problems() == [
        f"{at(c, SP, 'quorum: 27', 'quorum')}: seance.quorum : clé « quorum » refusée : le quorum est "
        "calculé à partir des membres en exercice et de la date de la séance",
    ]
    c.edit(SEANCE_POITIERS, "quorum: 27\n  ", "")
    assert c.problems() == [
        f"{at(c, SP, 'membres_en_exercice', 'membres_en_exercice')}: seance.membres_en_exercice : 0 membre en "
        "exercice : un conseil sans membres ne peut pas délibérer (indiquez le nombre de sièges pourvus)",
        f"{at(c, SP, 'presents: 0', 'presents')}: seance.presents : quorum non atteint : 0 présent pour un "
        "quorum de 1 (la majorité des 0 membres en exercice, CGCT L2121-17)",
    ]


@pytest.mark.parametrize(
    ("date", "presents", "ok"),
    [
        ("2023-06-26", 27, True),  # ordinary law: floor(53/2) + 1 = 27
        ("2023-06-26", 26, False),
        ("2022-03-01", 18, True),  # loi 2021-1465 window: one third, ceil(53/3) = 18
        ("2022-03-01", 17, False),
        ("2021-10-15", 26, False),  # between the windows: ordinary law
    ],
)
def test_quorum_by_date(copie, date, presents, ok):
    c = copie(POITIERS)
    c.edit(SEANCE_POITIERS, "date: 2023-06-26", f"date: {date}")
    c.edit(SEANCE_POITIERS, "convocation: 2023-06-20", "convocation: 2021-01-01")
    c.edit(SEANCE_POITIERS, "presents: 41", f"presents: {presents}")
    c.edit(SEANCE_POITIERS, "pour: 50", f"pour: {presents + 9}")
    c.edit("territoire.yaml", "depuis: 2023-01-01", "depuis: 2020-01-01")
    problems = c.problems()
    if ok:
        assert problems == []
    else:
        (problem,) = problems
        assert (
            f"seance.presents : quorum non atteint : {presents} présents pour un quorum de"
            in problem
        )


def test_a_mandant_is_not_also_present(copie):
    c = copie(MAUSSANE)
    c.edit(SEANCE_MAUSSANE, "mandant: thierry-fabre", "mandant: marc-fusat")
    line = c.line(SEANCE_MAUSSANE, "    - marc-fusat")
    assert c.problems() == [
        f"{at(c, SM, 'mandant: marc-fusat', 'mandant')}: seance.pouvoirs[0].mandant : Marc FUSAT est déjà "
        f"présent (ligne {line}) : une personne ne peut être à la fois présent et représenté (a donné pouvoir)"
    ]


def test_a_person_is_not_present_and_absent(copie):
    c = copie(MAUSSANE)
    c.edit(SEANCE_MAUSSANE, "absents: [fanny-arsac]", "absents: [sylvie-nardi]")
    line = c.line(SEANCE_MAUSSANE, "    - sylvie-nardi")
    assert c.problems() == [
        f"{at(c, SM, 'absents:', 'sylvie-nardi')}: seance.absents[0] : Sylvie NARDI est déjà présent "
        f"(ligne {line}) : une personne ne peut être à la fois présent et absent"
    ]


def test_the_mandataire_must_be_present(copie):
    c = copie(MAUSSANE)
    c.edit(SEANCE_MAUSSANE, "absents: [fanny-arsac]", "absents: []")
    c.edit(
        SEANCE_MAUSSANE,
        "mandataire: jean-christophe-carre}\n    - {mandant: alexandre-wajs",
        "mandataire: fanny-arsac}\n    - {mandant: alexandre-wajs",
    )
    assert c.problems() == [
        f"{at(c, SM, 'mandataire: fanny-arsac', 'mandataire')}: seance.pouvoirs[0].mandataire : le mandataire "
        "Fanny ARSAC doit être présent"
    ]


def test_the_secretary_must_be_present(copie):
    c = copie(MAUSSANE)
    c.edit(SEANCE_MAUSSANE, "secretaires: [bernadette-samuel]", "secretaires: [fanny-arsac]")
    assert c.problems() == [
        f"{at(c, SM, 'secretaires:', 'fanny-arsac')}: seance.secretaires[0] : le secrétaire de séance "
        "(Fanny ARSAC) doit figurer parmi les présents"
    ]


def test_vote_arithmetic(copie):
    c = copie(MAUSSANE)
    c.edit(SEANCE_MAUSSANE, "vote: {pour: 17,", "vote: {pour: 15,")
    assert c.problems() == [
        f"{at(c, SM, 'vote: {', 'vote')}: deliberations[0].vote : pour + contre + abstentions = 16, mais il "
        "y a 18 votants (10 présents + 8 représentés − 0 ne prenant pas part au vote)"
    ]


def test_members_not_taking_part_reduce_the_votants(copie):
    c = copie(MAUSSANE)
    c.edit(
        SEANCE_MAUSSANE,
        "vote: {pour: 17, contre: 0, abstentions: 1}",
        "vote: {pour: 15, contre: 0, abstentions: 1, ne_prennent_pas_part: 2}",
    )
    assert c.problems() == []


def test_a_tie_needs_the_presidents_vote(copie):
    c = copie(POITIERS)
    c.edit(SEANCE_POITIERS, "vote: {pour: 50, contre: 0,", "vote: {pour: 25, contre: 25,")
    assert c.problems() == [
        f"{at(c, SP, 'vote: {', 'vote')}: deliberations[0].vote : partage égal des voix (25 pour, 25 contre) : "
        "la voix du président est prépondérante, indiquez voix_du_president (pour ou contre)"
    ]
    c.edit(SEANCE_POITIERS, "abstentions: 0}", "abstentions: 0, voix_du_president: pour}")
    assert c.problems() == []


def test_the_presidents_vote_only_counts_in_a_tie(copie):
    c = copie(POITIERS)
    c.edit(SEANCE_POITIERS, "abstentions: 0}", "abstentions: 0, voix_du_president: pour}")
    assert c.problems() == [
        f"{at(c, SP, 'voix_du_president', 'voix_du_president')}: deliberations[0].vote.voix_du_president : "
        "voix_du_president ne sert qu'en cas de partage égal des voix"
    ]


@pytest.mark.parametrize(
    ("convocation", "population", "message"),
    [
        ("2023-06-20", None, None),  # 5 jours francs: 21, 22, 23, 24, 25 June
        (
            "2023-06-21",
            None,
            "4 jours francs entre le 21 juin 2023 et le 26 juin 2023, 5 requis (CGCT L2121-12 ; indiquez la population si la commune compte moins de 3 500 habitants)",
        ),
        (
            "2023-06-21",
            89000,
            "4 jours francs entre le 21 juin 2023 et le 26 juin 2023, 5 requis (CGCT L2121-12, 3 500 habitants et plus)",
        ),
        ("2023-06-22", 1200, None),  # 3 jours francs suffice below 3 500 inhabitants
        (
            "2023-06-23",
            1200,
            "2 jours francs entre le 23 juin 2023 et le 26 juin 2023, 3 requis (CGCT L2121-11, commune de moins de 3 500 habitants)",
        ),
    ],
)
def test_convocation_delai(copie, convocation, population, message):
    c = copie(POITIERS)
    c.edit(SEANCE_POITIERS, "convocation: 2023-06-20", f"convocation: {convocation}")
    if population:
        c.edit(
            "territoire.yaml",
            '    siren: "218601946"',
            f'    siren: "218601946"\n    population: {population}',
        )
    expected = (
        []
        if message is None
        else [
            f"{at(c, SP, 'convocation:', 'convocation')}: seance.convocation : délai de convocation insuffisant : {message}"
        ]
    )
    assert c.problems() == expected


def test_convocation_after_the_session(copie):
    c = copie(POITIERS)
    c.edit(SEANCE_POITIERS, "convocation: 2023-06-20", "convocation: 2023-06-27")
    assert c.problems() == [
        f"{at(c, SP, 'convocation:', 'convocation')}: seance.convocation : la convocation (27 juin 2023) doit "
        "précéder la séance (26 juin 2023)"
    ]


def test_actes_number_with_a_hyphen_says_how_to_write_it(copie):
    c = copie(POITIERS)
    c.edit(SEANCE_POITIERS, 'numero: "2022_0301"', "numero: 2022-0301")
    assert c.problems() == [
        f"{at(c, SP, 'actes:', 'numero')}: deliberations[0].actes.numero : numéro ACTES « 2022-0301 » "
        "invalide : 1 à 15 caractères parmi chiffres, majuscules et _ (tiret, barre et espace refusés par "
        "@CTES) ; écrivez « 2022_0301 »"
    ]


def test_actes_number_too_long(copie):
    c = copie(POITIERS)
    c.edit(SEANCE_POITIERS, 'numero: "2022_0301"', "numero: DELIB_2022_0301_BIS")
    assert c.problems() == [
        f"{at(c, SP, 'actes:', 'numero')}: deliberations[0].actes.numero : numéro ACTES "
        "« DELIB_2022_0301_BIS » invalide : 1 à 15 caractères parmi chiffres, majuscules et _ (tiret, barre "
        "et espace refusés par @CTES)"
    ]


def test_objet_length_for_actes(copie):
    c = copie(POITIERS)
    c.edit(SEANCE_POITIERS, "objet: Évolution", "objet: " + "x" * 490 + " Évolution")
    line = (
        c.path(SEANCE_POITIERS)
        .read_text(encoding="utf-8")
        .splitlines()[c.line(SEANCE_POITIERS, "objet:") - 1]
    )
    length = len(line.split("objet: ", 1)[1])
    assert length > 499
    (problem,) = c.problems()
    assert problem.endswith(
        f"deliberations[0].objet : objet trop long : {length} caractères, 499 au plus (@CTES)"
    )
    assert problem.startswith(at(c, SP, "objet:", "objet"))


def test_objet_on_one_line(copie):
    c = copie(POITIERS)
    c.edit(SEANCE_POITIERS, "objet: Évolution des postes", 'objet: "Évolution\\ndes postes')
    c.edit(
        SEANCE_POITIERS,
        "de la Convention territoriale globale (CTG)\n",
        'de la Convention territoriale globale (CTG)"\n',
    )
    assert c.problems() == [
        f"{at(c, SP, 'objet:', 'objet')}: deliberations[0].objet : l'objet doit tenir sur une ligne (@CTES "
        "refuse les retours à la ligne)"
    ]


def test_siren_check_digit(copie):
    c = copie(POITIERS)
    c.edit("territoire.yaml", 'siren: "218601946"', 'siren: "218601947"')
    assert c.problems() == [
        f"{at(c, TP, 'siren:', 'siren')}: organisations.poitiers.siren : numéro SIREN « 218601947 » invalide : "
        "la clé de contrôle ne correspond pas"
    ]


def test_actes_needs_the_siren(copie):
    c = copie(POITIERS)
    c.edit("territoire.yaml", '    siren: "218601946"\n', "")
    assert c.problems() == [
        f"{at(c, TP, '  poitiers:', 'poitiers')}: organisations.poitiers : siren manquant : nécessaire à "
        "l'identifiant de télétransmission de la délibération 2022-0301"
    ]


def test_wrong_title_for_the_mayor_is_refused(copie):
    c = copie(POITIERS)
    c.edit(SEANCE_POITIERS, "texte: la recette", "texte: Monsieur le Maire et la recette")
    assert c.problems() == [
        f"{at(c, SP, 'Monsieur le Maire', 'texte')}: deliberations[0].decisions[3].texte : le texte dit "
        "« Monsieur le Maire » mais l'exécutif de Poitiers est Mme Léonore MONCOND'HUY : écrivez "
        "« Madame la Maire »"
    ]


def test_unknown_verb(copie):
    c = copie(POITIERS)
    c.edit(SEANCE_POITIERS, "verbe: imputer", "verbe: imputé")
    (problem,) = c.problems()
    assert problem.startswith(
        f"{at(c, SP, 'verbe: imputé', 'verbe')}: deliberations[0].decisions[3].verbe : verbe « imputé » non "
        "reconnu : écrivez-le à l'infinitif"
    )


def test_clause_prerequisite(copie):
    c = copie(POITIERS)
    c.path("coordination.yaml").unlink()  # its posts need the rule too (test_rules_convention)
    c.edit("territoire.yaml", "depuis: 2023-01-01", "depuis: 2023-07-01")
    assert c.problems() == [
        f"{at(c, SP, 'clause: financement_coordination', 'clause')}: deliberations[0].expose[5].clause : la "
        "clause « financement_coordination » ne peut être rédigée : aucune règle de financement de la "
        "coordination de la Caisse d'allocations familiales de la Vienne en vigueur à la date de la séance "
        "(organisations.caf-86.regles_financement)"
    ]


def test_transmission_needs_its_recipient(copie):
    c = copie(MAUSSANE)
    c.edit("territoire.yaml", "    representation_etat: la sous-préfecture d'Arles\n", "")
    assert c.problems() == [
        f"{at(c, SM, 'transmission:', 'transmission')}: deliberations[0].transmission : destinataire de la "
        "transmission inconnu : indiquez organisations.maussane-les-alpilles.representation_etat (ex. « la "
        "préfecture de la Vienne »)"
    ]


def test_ctg_end_after_start(copie):
    c = copie(MAUSSANE)
    c.edit("territoire.yaml", "fin: 2025-12-31", "fin: 2021-12-31")
    assert c.problems() == [
        f"{at(c, TM, 'fin:', 'fin')}: territoire.ctg.fin : la fin de la CTG (31 décembre 2021) doit suivre "
        "son début (1er janvier 2022)"
    ]


def test_civilite_needed_for_the_rapporteur(copie):
    c = copie(MAUSSANE)
    c.edit("territoire.yaml", "jean-christophe-carre: {civilite: M., ", "jean-christophe-carre: {")
    problems = c.problems()
    assert (
        f"{at(c, SM, 'president:', 'president')}: seance.president : civilité de Jean-Christophe CARRÉ manquante (personnes.jean-christophe-carre.civilite : « M. » ou « Mme »)"
        in problems
    )
    assert len(problems) == 3  # président, rapporteur, and the mayor's own record


def test_more_members_listed_than_in_office(copie):
    c = copie(MAUSSANE)
    c.edit(SEANCE_MAUSSANE, "membres_en_exercice: 19", "membres_en_exercice: 18")
    assert c.problems() == [
        f"{at(c, SM, 'membres_en_exercice', 'membres_en_exercice')}: seance.membres_en_exercice : 19 membres "
        "présents, représentés ou absents pour 18 membres en exercice"
    ]


def test_a_member_cannot_give_a_pouvoir_to_himself(copie):
    c = copie(MAUSSANE)
    c.edit(SEANCE_MAUSSANE, "absents: [fanny-arsac]", "absents: []")
    c.edit(
        SEANCE_MAUSSANE,
        "{mandant: alain-chaix, mandataire: marie-pierre-callet}",
        "{mandant: fanny-arsac, mandataire: fanny-arsac}",
    )
    problems = c.problems()
    assert (
        f"{at(c, SM, 'mandant: fanny-arsac', '{')}: seance.pouvoirs[6] : un membre ne peut se donner pouvoir à lui-même"
        in problems
    )


def test_organisation_of_the_wrong_type(copie):
    c = copie(MAUSSANE)
    c.edit("territoire.yaml", "  caf: caf-13", "  caf: ccvba")
    assert c.problems() == [
        f"{at(c, TM, '  caf: ccvba', 'caf')}: territoire.caf : « ccvba » est de type epci ; attendu : caf"
    ]


def test_a_signatory_listed_twice(copie):
    c = copie(MAUSSANE)
    c.edit(
        "territoire.yaml",
        "saint-remy-de-provence, caf-13]",
        "saint-remy-de-provence, caf-13, aureille]",
    )
    (problem,) = c.problems()
    assert problem.endswith(
        "territoire.ctg.signataires[11] : signataire « aureille » cité deux fois (déjà en position 1)"
    )


def test_publication_before_the_session(copie):
    c = copie(MAUSSANE)
    c.edit(SEANCE_MAUSSANE, "publication: 2022-08-01", "publication: 2022-07-28")
    assert c.problems() == [
        f"{at(c, SM, 'publication:', 'publication')}: deliberations[0].publication : la date de publication précède la séance"
    ]


def test_the_collectivite_needs_its_mayor(copie):
    c = copie(MAUSSANE)
    c.edit("territoire.yaml", "    executif: jean-christophe-carre\n", "")
    assert c.problems() == [
        f"{at(c, TM, '  maussane-les-alpilles:', 'maussane-les-alpilles')}: organisations.maussane-les-alpilles.executif : "
        "maire ou président de la collectivité manquant : il signe les délibérations"
    ]


def test_two_deliberations_with_one_number(copie):
    c = copie(POITIERS)
    text = c.path(SEANCE_POITIERS).read_text(encoding="utf-8")
    start = text.index("  - numero: 2022-0301")
    c.path(SEANCE_POITIERS).write_text(text + text[start:], encoding="utf-8")
    first = c.line(SEANCE_POITIERS, "  - numero: 2022-0301")
    problems = c.problems()
    assert problems[-1].endswith(
        f"deliberations[1].numero : numéro « 2022-0301 » déjà utilisé dans cette séance (ligne {first})"
    )
