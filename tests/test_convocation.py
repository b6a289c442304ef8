"""The séances the law allows (issue 19): an urgent convocation, shortened down to one jour
franc, whose urgency the council recognises at the opening (CGCT L2121-11, L2121-12); a second
convocation after a failed quorum, which deliberates without quorum (L2121-17); and the
population that sets the 3 500 threshold, the one authenticated at the council's last full
renewal. Every refusal, located, in French."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ctgdocs.app import BuildOptions, build, validate
from ctgdocs.rules.convocation import population_reference
from support.extract import html_text

HS = "haute-somme-illustratif"
PERONNE = "seances/2026-11-23-peronne.yaml"
CONVOCATION = "convocation: 2026-11-17"
MILLESIMES = "      - {millesime: 2023, population: 7090}"


def _un(c, rel: str, needle: str, message: str) -> None:
    problems = c.problems()
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{HS}/{rel}:{c.line(rel, needle)}:"), problems[0]
    assert problems[0].endswith(message), problems[0]


def _texte(dossier: Path, out: Path) -> str:
    assert build([dossier], BuildOptions(output=out, formats=("html",), jobs=1)).ok
    path = out / dossier.name / "peronne-deliberation-2026-58.html"
    return " ".join(html_text(path).replace("\u202f", " ").replace("\xa0", " ").split())


def test_an_urgent_convocation_needs_one_jour_franc_and_prints_the_councils_vote(
    copie, tmp_path
) -> None:
    c = copie(HS)
    c.edit(PERONNE, CONVOCATION, "convocation: 2026-11-21")  # 1 jour franc: 22 November
    assert c.problems()[0].endswith(
        "délai de convocation insuffisant : 1 jour franc entre le 21 novembre 2026 et le "
        "23 novembre 2026, 5 requis (CGCT L2121-12, 3 500 habitants et plus, population 7090 "
        "(millésime 2023))"
    )
    c.edit(
        PERONNE, "convocation: 2026-11-21", "convocation: 2026-11-21\n  urgence: {vote: unanimite}"
    )
    assert c.problems() == []
    assert (
        "Convoqué en urgence le 21 novembre 2026, le Conseil municipal s'est prononcé sur "
        "l'urgence dès l'ouverture de la séance et l'a reconnue à l'unanimité."
    ) in _texte(c.dir, tmp_path / "sortie")


def test_even_in_urgency_one_jour_franc(copie) -> None:
    c = copie(HS)
    c.edit(PERONNE, CONVOCATION, "convocation: 2026-11-22\n  urgence: {vote: unanimite}")
    _un(
        c,
        PERONNE,
        "convocation: 2026-11-22",
        "seance.convocation : délai de convocation insuffisant même en urgence : 0 jour franc "
        "entre le 22 novembre 2026 et le 23 novembre 2026, un au moins (CGCT L2121-12, 3 500 "
        "habitants et plus)",
    )


@pytest.mark.parametrize(
    ("vote", "message"),
    [
        (
            "{pour: 20, contre: 0, abstentions: 0}",
            "seance.urgence.vote : vote sur l'urgence : pour + contre + abstentions + ne prenant "
            "pas part = 20, mais il y a 22 présents et représentés à l'ouverture de la séance",
        ),
        (
            "{pour: 11, contre: 11, abstentions: 0}",
            "seance.urgence.vote : vote sur l'urgence : partage égal des voix, indiquez "
            "voix_du_president (pour ou contre)",
        ),
        (
            "{pour: 10, contre: 12, abstentions: 0}",
            "seance.urgence.vote : le conseil n'a pas reconnu l'urgence : l'examen des affaires "
            "est renvoyé à une séance ultérieure (CGCT L2121-11, L2121-12), aucune délibération "
            "n'est prise",
        ),
    ],
)
def test_the_vote_on_the_urgency_is_checked(copie, vote: str, message: str) -> None:
    c = copie(HS)
    c.edit(PERONNE, CONVOCATION, f"convocation: 2026-11-20\n  urgence:\n    vote: {vote}")
    _un(c, PERONNE, "    vote: {", message)


def test_a_second_convocation_deliberates_without_quorum(copie, tmp_path) -> None:
    c = copie(HS)
    presents = "\n".join(
        f"    - {p}"
        for p in (
            "thomas-fournier",
            "camille-andre",
            "julien-mercier",
            "manon-blanc",
            "antoine-guerin",
            "chloe-boyer",
            "mathieu-garnier",
            "emma-chevalier",
            "lucas-francois",
            "sarah-legrand",
        )
    )
    texte = c.path(PERONNE).read_text(encoding="utf-8").replace(presents + "\n", "")
    texte = texte.replace("vote: {pour: 20, contre: 0, abstentions: 1}", "vote: unanimite")
    c.path(PERONNE).write_text(texte, encoding="utf-8")
    n = c.line(PERONNE, "  presents:")
    assert c.problems() == [
        f"{HS}/{PERONNE}:{n}:3: seance.presents : quorum non atteint : 8 présents pour un "
        "quorum de 15 (la majorité des 29 membres en exercice, CGCT L2121-17)"
    ]
    seconde = "  seconde_convocation: {premiere_seance: 2026-11-16}"
    c.edit(PERONNE, CONVOCATION, CONVOCATION + "\n" + seconde)
    assert c.problems() == []
    assert (
        "Le quorum n'ayant pas été atteint à la séance du 16 novembre 2026, le Conseil "
        "municipal, à nouveau convoqué le 17 novembre 2026, délibère valablement sans condition "
        "de quorum (article L. 2121-17 du Code général des collectivités territoriales)."
    ) in _texte(c.dir, tmp_path / "sortie")


def test_a_second_convocation_follows_the_failed_seance(copie) -> None:
    c = copie(HS)
    c.edit(
        PERONNE, CONVOCATION, CONVOCATION + "\n  seconde_convocation: {premiere_seance: 2026-11-18}"
    )
    _un(
        c,
        PERONNE,
        "premiere_seance",
        "seance.seconde_convocation.premiere_seance : la seconde convocation (17 novembre 2026) "
        "ne peut précéder la séance où le quorum a manqué (18 novembre 2026)",
    )


def test_a_second_convocation_is_three_days_at_least_after_the_first(copie) -> None:
    c = copie(HS)
    c.edit(
        PERONNE,
        CONVOCATION,
        "convocation: 2026-11-21\n  urgence: {vote: unanimite}\n"
        "  seconde_convocation: {premiere_seance: 2026-11-21}",
    )
    _un(
        c,
        PERONNE,
        "premiere_seance",
        "seance.seconde_convocation.premiere_seance : 2 jours entre la séance sans quorum "
        "(21 novembre 2026) et la suivante (23 novembre 2026) : le conseil est à nouveau "
        "convoqué à trois jours au moins d'intervalle (CGCT L2121-17)",
    )


def test_the_threshold_uses_the_population_of_the_last_renewal(copie) -> None:
    """Péronne had 7 612 inhabitants (millésime 2017, the renewal of 2020) and 3 412 in this
    invented variant of millésime 2023 (the renewal of March 2026): a séance of November 2026
    needs 3 jours francs, one of 2025 still 5."""
    c = copie(HS)
    c.edit("territoire.yaml", MILLESIMES, "      - {millesime: 2023, population: 3412}")
    c.edit(PERONNE, CONVOCATION, "convocation: 2026-11-19")  # 3 jours francs
    assert c.problems() == []
    (d,) = validate([c.dir])
    org = d.territoire.model.organisations["peronne"]
    avant = population_reference(org, dt.date(2025, 11, 24))
    apres = population_reference(org, dt.date(2026, 11, 23))
    assert (avant.valeur, avant.millesime) == (7612, 2017)
    assert (apres.valeur, apres.millesime) == (3412, 2023)


def test_a_missing_millesime_is_refused(copie) -> None:
    c = copie(HS)
    c.edit("territoire.yaml", MILLESIMES + "\n", "")
    _un(
        c,
        "territoire.yaml",
        "populations_legales:",
        "organisations.peronne.populations_legales : millésime 2023 manquant : le seuil de "
        "3 500 habitants de la séance du 23 novembre 2026 s'apprécie d'après la population "
        "authentifiée au dernier renouvellement du conseil (15 mars 2026), celle en vigueur au "
        "1er janvier 2026 (millésime 2023)",
    )


def test_a_full_renewal_after_the_general_one_moves_the_millesime(copie) -> None:
    c = copie(HS)
    c.edit(
        "territoire.yaml",
        "    executif: marc-exemple",
        "    executif: marc-exemple\n    dernier_renouvellement: 2023-06-11",
    )
    c.edit("territoire.yaml", MILLESIMES + "\n", "")
    c.edit(PERONNE, "date: 2026-11-23", "date: 2025-11-24")
    c.edit(PERONNE, CONVOCATION, "convocation: 2025-11-18")
    _un(
        c,
        "territoire.yaml",
        "populations_legales:",
        "organisations.peronne.populations_legales : millésime 2020 manquant : le seuil de "
        "3 500 habitants de la séance du 24 novembre 2025 s'apprécie d'après la population "
        "authentifiée au dernier renouvellement du conseil (11 juin 2023), celle en vigueur au "
        "1er janvier 2023 (millésime 2020)",
    )
