"""The roll as it really is (issue 19): members who arrive or leave during the séance, the
intéressés of a deliberation, suppléants and visioconférence in an EPCI, and the quorum, counts
and votes computed per deliberation (CGCT L2121-17, L2121-20, L2131-11, L5211-6, L5211-11-1).
Every refusal, located, in French."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA
from ctgdocs.app import BuildOptions, build, validate
from ctgdocs.rules.presence import presence
from ctgdocs.rules.regimes import regime
from ctgdocs.rules.vote import votants
from support.extract import html_text

HS = "haute-somme-illustratif"
PERONNE = "seances/2026-11-23-peronne.yaml"
EPCI = "seances/2026-10-05-test-epci.yaml"
ARRIVEE = '    - {membre: hugo-lefebvre, a_partir_de: "2026-59"}'
INTERESSE = "    interesses: [sophie-roux]"


def _rolls(dossier: Path, collectivite: str = "peronne") -> list[tuple[str, int, int, int, int]]:
    """(numero, présents, représentés, votants, quorum) of each deliberation of the séances of
    a collectivité."""
    (d,) = validate([dossier])
    found = []
    for s in d.seances:
        if s.model.seance.collectivite != collectivite:
            continue
        quorum = regime(s.model.seance.date).quorum(s.model.seance.membres_en_exercice)
        for delib in s.model.deliberations:
            p = presence(s.model, delib)
            found.append(
                (
                    delib.numero,
                    p.nombre_presents,
                    p.nombre_representes,
                    votants(s.model, delib),
                    quorum,
                )
            )
    return found


def _extraits(dossier: Path, out: Path, motif: str) -> dict[str, str]:
    assert build([dossier], BuildOptions(output=out, formats=("html",), jobs=1)).ok
    return {
        p.stem: " ".join(html_text(p).replace("\u202f", " ").replace("\xa0", " ").split())
        for p in sorted((out / dossier.name).glob(f"{motif}*.html"))
    }


def _un(c, rel: str, needle: str, message: str) -> None:
    """The only problem is `message`, on the line of `needle` in `rel`."""
    problems = c.problems()
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{HS}/{rel}:{c.line(rel, needle)}:"), problems[0]
    assert problems[0].endswith(message), problems[0]


def test_the_example_counts_each_deliberation_with_its_own_roll() -> None:
    """Péronne: LEFEBVRE, who had given a pouvoir, arrives from n° 2026-59 (his pouvoir ends);
    ROUX is intéressée in n° 2026-59: neither present nor votant for it."""
    assert _rolls(DATA / HS) == [("2026-58", 18, 4, 22, 15), ("2026-59", 18, 3, 21, 15)]


def test_the_extract_prints_the_roll_of_its_deliberation(tmp_path) -> None:
    textes = _extraits(DATA / HS, tmp_path, "peronne-deliberation")
    premier, second = textes["peronne-deliberation-2026-58"], textes["peronne-deliberation-2026-59"]
    assert "présents : 18 ; représentés : 4 ; votants : 22." in premier
    assert "présents : 18 ; représentés : 3 ; votants : 21." in second
    assert "Hugo LEFEBVRE a donné pouvoir à Léa DUMONT" in premier
    assert "LEFEBVRE a donné pouvoir" not in second
    assert "Julie PERRIN, Olivier ROBIN et Hugo LEFEBVRE." in second
    assert "Sophie ROUX" in premier and "Sophie ROUX, Nicolas GIRARD" not in second
    assert (
        "Arrivée d'Hugo LEFEBVRE en cours de séance, à partir de la délibération n° 2026-59."
        in second
    )
    assert (
        "Sophie ROUX, intéressée à l'affaire, ne prend part ni au débat ni au vote (article "
        "L. 2131-11 du Code général des collectivités territoriales)." in second
    )
    assert "Arrivée" not in premier and "intéressée" not in premier


def test_a_departure_with_a_pouvoir(copie, tmp_path) -> None:
    c = copie(HS)
    c.edit(
        PERONNE,
        ARRIVEE,
        ARRIVEE
        + '\n  departs:\n    - {membre: olivier-robin, a_partir_de: "2026-59", pouvoir_a: julie-perrin}',
    )
    assert c.problems() == []
    assert _rolls(c.dir) == [("2026-58", 18, 4, 22, 15), ("2026-59", 17, 4, 21, 15)]
    second = _extraits(c.dir, tmp_path / "sortie", "peronne-deliberation-2026-59")[
        "peronne-deliberation-2026-59"
    ]
    assert (
        "Départ d'Olivier ROBIN en cours de séance, à partir de la délibération n° 2026-59 ; "
        "pouvoir donné à Julie PERRIN." in second
    )
    assert "Élodie NICOLAS à Inès MOREL, Olivier ROBIN à Julie PERRIN." in second


def _departs(*membres: str) -> str:
    return "\n  departs:" + "".join(
        f'\n    - {{membre: {m}, a_partir_de: "2026-59"}}' for m in membres
    )


def test_the_quorum_is_assessed_at_each_deliberation(copie) -> None:
    """n° 2026-59: 18 at the opening + LEFEBVRE − ROUX (intéressée) = 18. Three departures
    leave 15, the quorum of 29 members: it holds; a fourth, and it fails for that deliberation
    only. MOREL's leaving also voids the pouvoir she held."""
    c = copie(HS)
    c.edit(PERONNE, ARRIVEE, ARRIVEE + _departs("ines-morel", "thomas-fournier", "camille-andre"))
    c.edit(
        PERONNE, "{pour: 20, contre: 0, abstentions: 1}", "{pour: 16, contre: 0, abstentions: 1}"
    )
    assert c.problems() == []
    assert _rolls(c.dir)[1] == ("2026-59", 15, 2, 17, 15)
    c.edit(
        PERONNE,
        "- {membre: ines-morel,",
        '- {membre: julien-mercier, a_partir_de: "2026-59"}\n    - {membre: ines-morel,',
    )
    c.edit(
        PERONNE, "{pour: 16, contre: 0, abstentions: 1}", "{pour: 15, contre: 0, abstentions: 1}"
    )
    _un(
        c,
        PERONNE,
        '- numero: "2026-59"',
        "deliberations[1] : quorum non atteint pour la délibération n° 2026-59 : 14 présents, "
        "sans 1 intéressé (CGCT L2131-11) pour un quorum de 15 (la majorité des 29 membres en "
        "exercice, apprécié à chaque délibération, CGCT L2121-17)",
    )


SEANCE_EPCI = """\
seance:
  collectivite: cc-haute-somme
  date: 2026-10-05
  heure: 18h00
  lieu: au siège de la communauté de communes
  convocation: 2026-09-29
  president: paul-exemple
  secretaires: [claire-exemple]
  membres_en_exercice: 6
  presents: [paul-exemple, claire-exemple, lea-dumont]
  suppleants:
    - {suppleant: hugo-lefebvre, titulaire: sophie-roux}
  visioconference: [lea-dumont]
deliberations:
  - numero: "2026-101"
    objet: Essai de suppléance
    rapporteurs: [paul-exemple]
    expose: [Le texte de l'exposé.]
    decisions: [{verbe: approuver, texte: "le texte."}]
    vote: unanimite
"""


def _epci(c) -> None:
    """A small council of the EPCI: a suppléant for Mme ROUX, both of Cartigny; a member in
    visioconférence."""
    c.path(EPCI).write_text(SEANCE_EPCI, encoding="utf-8")
    for nom in ("LEFEBVRE", "ROUX"):
        c.edit("territoire.yaml", f"nom: {nom}}}", f"nom: {nom}, commune: CARTIGNY}}")


def test_a_suppleant_sits_and_votes_for_his_titulaire_and_visio_members_count(
    copie, tmp_path
) -> None:
    c = copie(HS)
    _epci(c)
    assert c.problems() == []
    assert ("2026-101", 4, 0, 4, 4) in _rolls(c.dir, "cc-haute-somme")
    texte = _extraits(c.dir, tmp_path / "sortie", "cc-haute-somme-deliberation")[
        "cc-haute-somme-deliberation-2026-101"
    ]
    assert "Léa DUMONT (visioconférence)" in texte
    assert "Hugo LEFEBVRE (CARTIGNY, suppléant de Sophie ROUX)" in texte
    assert "Votants 4" in texte  # the community's house style: a box of counts


def test_a_delegates_commune_is_printed_only_in_a_council_of_delegates(copie, tmp_path) -> None:
    """Sophie ROUX, delegate of Cartigny at the EPCI, is also a councillor of Péronne: the
    municipal roll names her without a commune (issue 20: the RNE import writes it)."""
    c = copie(HS)
    _epci(c)
    textes = _extraits(c.dir, tmp_path / "sortie", "peronne-deliberation")
    assert textes and all("Sophie ROUX" in t for t in textes.values())
    assert not any("(CARTIGNY" in t for t in textes.values())


def test_a_commune_has_no_suppleants(copie) -> None:
    c = copie(HS)
    c.edit(
        PERONNE,
        "  arrivees:",
        "  suppleants:\n    - {suppleant: alice-roussel, titulaire: david-henry}\n  arrivees:",
    )
    c.edit(PERONNE, "absents: [david-henry, alice-roussel]", "absents: []")
    problems = [p for p in c.problems() if "votants" not in p]
    assert problems == [
        f"{HS}/{PERONNE}:{c.line(PERONNE, '  suppleants:')}:3: "
        "seance.suppleants : seuls les conseils d'un EPCI ou d'un syndicat ont des suppléants "
        "(CGCT L5211-6) ; la collectivité « peronne » est de type commune"
    ]


def test_a_suppleant_sits_for_his_own_commune(copie) -> None:
    c = copie(HS)
    _epci(c)
    c.edit(
        "territoire.yaml", "nom: LEFEBVRE, commune: CARTIGNY}", "nom: LEFEBVRE, commune: DOINGT}"
    )
    _un(
        c,
        EPCI,
        "{suppleant: hugo-lefebvre",
        "seance.suppleants[0].suppleant : Hugo LEFEBVRE (DOINGT) ne peut suppléer Sophie ROUX "
        "(CARTIGNY) : le suppléant siège pour la commune de son titulaire (CGCT L5211-6)",
    )


def test_a_member_is_not_his_own_suppleant(copie) -> None:
    c = copie(HS)
    _epci(c)
    c.edit(
        EPCI,
        "{suppleant: hugo-lefebvre, titulaire: sophie-roux}",
        "{suppleant: hugo-lefebvre, titulaire: hugo-lefebvre}",
    )
    problems = c.problems()
    assert any(
        p.endswith("seance.suppleants[0] : un membre ne peut être son propre suppléant")
        for p in problems
    ), problems


def test_a_titulaire_replaced_cannot_also_be_present(copie) -> None:
    c = copie(HS)
    _epci(c)
    c.edit(
        EPCI,
        "presents: [paul-exemple, claire-exemple, lea-dumont]",
        "presents: [paul-exemple, claire-exemple, lea-dumont, sophie-roux]",
    )
    c.edit(EPCI, "membres_en_exercice: 6", "membres_en_exercice: 7")
    line = c.line(EPCI, "presents:")
    _un(
        c,
        EPCI,
        "{suppleant: hugo-lefebvre",
        f"seance.suppleants[0].titulaire : Sophie ROUX est déjà présent (ligne {line}) : une "
        "personne ne peut être à la fois présent et remplacé par un suppléant",
    )


def test_visioconference_is_for_an_epci_not_a_commune_since_august_2022(copie) -> None:
    c = copie(HS)
    c.edit(PERONNE, "  arrivees:", "  visioconference: [olivier-robin]\n  arrivees:")
    _un(
        c,
        PERONNE,
        "  visioconference:",
        "seance.visioconference : la participation par visioconférence est ouverte au conseil "
        "d'un EPCI à fiscalité propre (CGCT L5211-11-1) ; pour un conseil de type commune, elle "
        "ne l'était que pendant les périodes dérogatoires, jusqu'au 31 juillet 2022 (la séance "
        "est du 23 novembre 2026)",
    )


def test_a_member_in_visioconference_is_present(copie) -> None:
    c = copie(HS)
    _epci(c)
    c.edit(EPCI, "visioconference: [lea-dumont]", "visioconference: [lea-dumont, marc-exemple]")
    _un(
        c,
        EPCI,
        "visioconference:",
        "seance.visioconference[1] : Marc EXEMPLE participe par visioconférence : il doit "
        "figurer parmi les présents, les suppléants ou les arrivées",
    )


def test_movements_need_a_named_roll(copie) -> None:
    c = copie("grand-chatellerault")
    c.edit(
        "seances/2024-12-16-grand-chatellerault.yaml",
        "  pouvoirs: 11",
        '  pouvoirs: 11\n  arrivees:\n    - {membre: anne-lebrun, a_partir_de: "2024-12-16-12"}',
    )
    (problem,) = c.problems()
    assert problem.endswith(
        "seance.arrivees : les arrivées en cours de séance demandent la liste nominative des "
        "présents : écrivez seance.presents comme une liste d'identifiants, pas un nombre"
    )


ERREURS_ARRIVEE = [
    (
        '{membre: hugo-lefebvre, a_partir_de: "2026-95"}',
        "seance.arrivees[0].a_partir_de : aucune délibération n° « 2026-95 » dans cette séance "
        "(numéros : 2026-58, 2026-59) ; vouliez-vous dire « 2026-59 » ?",
    ),
    (
        '{membre: hugo-lefebvre, a_partir_de: "2026-58"}',
        "seance.arrivees[0].a_partir_de : Hugo LEFEBVRE arrive avant la première délibération : "
        "comptez-le parmi les présents",
    ),
    (
        '{membre: olivier-robin, a_partir_de: "2026-59"}',
        "seance.arrivees[0].membre : Olivier ROBIN est déjà présent : il ne peut arriver en "
        "cours de séance",
    ),
    (
        '{membre: david-henry, a_partir_de: "2026-59"}',
        "seance.arrivees[0].membre : David HENRY est noté absent excusé : un membre arrivé en "
        "cours de séance n'est pas absent (retirez-le de seance.absents)",
    ),
]


@pytest.mark.parametrize(("arrivee", "message"), ERREURS_ARRIVEE)
def test_arrivals_are_checked(copie, arrivee: str, message: str) -> None:
    c = copie(HS)
    c.edit(PERONNE, '{membre: hugo-lefebvre, a_partir_de: "2026-59"}', arrivee)
    problems = [p for p in c.problems() if "votants" not in p]
    assert len(problems) == 1 and problems[0].endswith(message), (arrivee, problems)
    assert problems[0].startswith(f"{HS}/{PERONNE}:{c.line(PERONNE, arrivee)}:")


ERREURS_DEPART = [
    (
        '{membre: olivier-robin, a_partir_de: "2026-60"}',
        "seance.departs[0].a_partir_de : aucune délibération n° « 2026-60 » dans cette séance "
        "(numéros : 2026-58, 2026-59) ; vouliez-vous dire « 2026-59 » ?",
    ),
    (
        '{membre: olivier-robin, a_partir_de: "2026-58"}',
        "seance.departs[0].a_partir_de : Olivier ROBIN part avant la première délibération : il "
        "est absent ou représenté, pas présent",
    ),
    (
        '{membre: david-henry, a_partir_de: "2026-59"}',
        "seance.departs[0].membre : David HENRY part à partir de la délibération n° 2026-59 sans "
        "avoir été présent avant elle",
    ),
    (
        '{membre: olivier-robin, a_partir_de: "2026-59", pouvoir_a: olivier-robin}',
        "seance.departs[0].pouvoir_a : un membre ne peut se donner pouvoir à lui-même",
    ),
    (
        '{membre: olivier-robin, a_partir_de: "2026-59", pouvoir_a: sophie-roux}',
        "seance.departs[0].pouvoir_a : le mandataire Sophie ROUX doit être présent à la "
        "délibération n° 2026-59",
    ),
    (
        '{membre: olivier-robin, a_partir_de: "2026-59", pouvoir_a: marc-exemple}',
        "seance.departs[0].pouvoir_a : Marc EXEMPLE détiendrait 2 pouvoirs à la délibération "
        "n° 2026-59 : un seul par membre (CGCT L2121-20)",
    ),
]


@pytest.mark.parametrize(("depart", "message"), ERREURS_DEPART)
def test_departures_are_checked(copie, depart: str, message: str) -> None:
    c = copie(HS)
    c.edit(PERONNE, ARRIVEE, ARRIVEE + "\n  departs:\n    - " + depart)
    problems = [p for p in c.problems() if "votants" not in p]
    assert len(problems) == 1 and problems[0].endswith(message), (depart, problems)
    assert problems[0].startswith(f"{HS}/{PERONNE}:{c.line(PERONNE, depart)}:")


def test_a_member_leaves_once(copie) -> None:
    c = copie(HS)
    deux = '{membre: olivier-robin, a_partir_de: "2026-59"}'
    c.edit(PERONNE, ARRIVEE, ARRIVEE + f"\n  departs:\n    - {deux}\n    - {deux}")
    problems = [p for p in c.problems() if "votants" not in p]
    assert problems == [
        f"{HS}/{PERONNE}:{c.line(PERONNE, deux) + 1}:8: seance.departs[1].membre : Olivier ROBIN est déjà parti"
    ]


ERREURS_INTERESSE = [
    (
        "    interesses: [sophie-roux, sophie-roux]",
        "deliberations[1].interesses[1] : Sophie ROUX est déjà noté intéressé",
    ),
    (
        "    interesses: [nicolas-girard]",
        "deliberations[1].interesses[0] : Nicolas GIRARD rapporte cette délibération : un membre "
        "intéressé ne prend part ni au débat ni au vote (CGCT L2131-11), il ne peut la rapporter",
    ),
    (
        "    interesses: [david-henry]",
        "deliberations[1].interesses[0] : David HENRY est noté intéressé mais n'est ni présent ni "
        "représenté à la délibération n° 2026-59",
    ),
]


@pytest.mark.parametrize(("ligne", "message"), ERREURS_INTERESSE)
def test_interesses_are_checked(copie, ligne: str, message: str) -> None:
    c = copie(HS)
    c.edit(PERONNE, INTERESSE, ligne)
    problems = [p for p in c.problems() if "votants" not in p]
    assert len(problems) == 1 and problems[0].endswith(message), (ligne, problems)
    assert problems[0].startswith(f"{HS}/{PERONNE}:{c.line(PERONNE, ligne)}:")


def test_the_vote_message_counts_the_interesses_out(copie) -> None:
    c = copie(HS)
    c.edit(
        PERONNE, "{pour: 20, contre: 0, abstentions: 1}", "{pour: 21, contre: 0, abstentions: 1}"
    )
    _un(
        c,
        PERONNE,
        "{pour: 21,",
        "deliberations[1].vote : pour + contre + abstentions = 22, mais il y a 21 votants (18 "
        "présents + 3 représentés − 0 ne prenant pas part au vote ; 1 intéressé hors du "
        "décompte, CGCT L2131-11)",
    )


def test_a_member_named_by_civilite_and_surname_only(copie, tmp_path) -> None:
    """The law needs the people in the data; a clerk may know some by civilité and name."""
    c = copie(HS)
    c.edit("territoire.yaml", "prenom: Sophie, ", "")
    c.edit("territoire.yaml", "prenom: Hugo, ", "")
    assert c.problems() == []
    second = _extraits(c.dir, tmp_path / "sortie", "peronne-deliberation-2026-59")[
        "peronne-deliberation-2026-59"
    ]
    assert "Arrivée de M. LEFEBVRE en cours de séance" in second
    assert "Mme ROUX, intéressée à l'affaire" in second
    assert "Olivier ROBIN et M. LEFEBVRE." in second


def test_the_epci_example_has_delegates_communes_a_suppleant_and_visioconference(tmp_path) -> None:
    """Communauté de communes de la Haute Somme, 13 June 2024: 12 présents + the suppléant of
    Allaines = 13, 2 pouvoirs, 15 votants; quorum 8 of 15."""
    assert _rolls(DATA / HS, "cc-haute-somme") == [("2024-041", 13, 2, 15, 8)]
    texte = _extraits(DATA / HS, tmp_path, "cc-haute-somme-deliberation")[
        "cc-haute-somme-deliberation-2024-041"
    ]
    assert "Paul EXEMPLE (PÉRONNE), Alain EXEMPLE (PÉRONNE)" in texte
    assert "Jacques EXEMPLE (CLÉRY-SUR-SOMME, visioconférence)" in texte
    assert "Xavier EXEMPLE (ALLAINES, suppléant d'Yvette EXEMPLE)." in texte
    assert "Présents 13 Pouvoirs 2 Votants 15 Exprimés 14 Pour 14 Contre 0 Abstentions 1" in texte


def test_the_three_new_councils_count_and_quorum_per_deliberation() -> None:
    """(numéro, présents, représentés, votants, quorum) computed for each deliberation of the
    three illustrative councils of issue 19: the rapport of Saint-Vaast-la-Hougue (19 members),
    the community's register extract (15), Péronne's séance with its arrival and intéressée (29)."""
    assert _rolls(DATA / "val-de-saire-illustratif", "saint-vaast-la-hougue") == [
        ("2023-58", 15, 2, 17, 10),
        ("2023-59", 15, 2, 17, 10),
    ]
    assert _rolls(DATA / HS, "cc-haute-somme") == [("2024-041", 13, 2, 15, 8)]
    assert _rolls(DATA / HS) == [("2026-58", 18, 4, 22, 15), ("2026-59", 18, 3, 21, 15)]
