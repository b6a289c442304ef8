"""The liste des délibérations of a séance (L. 2121-25 CGCT): produced when the séance file
says it holds every deliberation (`liste:`), with the date, objet and outcome of each."""

from __future__ import annotations

from pathlib import Path

from conftest import DATA, POITIERS
from ctgdocs.app import plan, validate
from ctgdocs.render.tree import plain_text

CHATELLERAULT = "grand-chatellerault"
SEANCE_CAGC = "seances/2024-12-16-grand-chatellerault.yaml"
STEM = "grand-chatellerault-liste-deliberations-2024-12-16"

SECONDE = """  - numero: 2024-12-16-13
    ordre: 1
    objet: Tarifs du centre aquatique
    rapporteurs: [jean-pierre-abelin]
    expose:
      - Les tarifs du centre aquatique sont révisés chaque année.
    decisions:
      - {verbe: fixer, texte: les tarifs annexés}
    vote: {pour: 10, contre: 50, abstentions: 3}
"""


def _lines(rendered) -> list[str]:
    """The text's lines, its typographic spaces (before « : », « ; ») as plain spaces."""
    text = plain_text(rendered.tree).replace("\u00a0", " ").replace("\u202f", " ")
    return text.splitlines()


def _listes(folder: Path) -> dict[str, object]:
    docs = plan(validate([folder]), ["liste-deliberations"])
    return {d.stem: d for d in docs}


def test_the_example_list_of_the_cagc_session() -> None:
    (doc,) = _listes(DATA / CHATELLERAULT).values()
    assert doc.stem == STEM
    dossier = DATA / CHATELLERAULT
    assert [p.relative_to(dossier).as_posix() for p in doc.entrees] == [
        "territoire.yaml",
        SEANCE_CAGC,
    ]
    rendered = doc.render()
    assert rendered.meta.title == "Liste des délibérations — séance du 16 décembre 2024"
    assert _lines(rendered) == [
        "Communauté d'agglomération de Grand Châtellerault",
        "Conseil communautaire — séance du 16 décembre 2024",
        "Liste des délibérations",
        "Le conseil communautaire, réuni le 16 décembre 2024 à 18h30 à l'Hôtel d'Agglomération "
        "sous la présidence de M. Jean-Pierre ABELIN, président, a examiné les délibérations "
        "suivantes. Membres en exercice : 71 ; présents : 52 ; représentés : 11. La secrétaire "
        "de séance : Anne LEBRUN.",
        "N°",
        "Numéro",
        "Objet",
        "Vote",
        "Décision",
        "1",
        "2024-12-16-12",
        "Convention territoriale globale de services aux familles - Avenant n° 1 de prolongation",
        "unanimité",
        "adoptée",
        "1 délibération examinée : 1 adoptée, 0 rejetée.",
        "Liste affichée au siège et mise en ligne sur le site de la collectivité dans la semaine "
        "qui suit la séance, en application de l'article L. 2121-25 du code général des "
        "collectivités territoriales, le 18 décembre 2024.",
        "Le Président,",
        "Jean-Pierre ABELIN",
    ]


def test_no_list_unless_the_session_file_says_it_holds_them_all() -> None:
    assert _listes(DATA / POITIERS) == {}


def test_several_deliberations_in_order_rejected_ones_too(copie) -> None:
    c = copie(CHATELLERAULT)
    c.edit(SEANCE_CAGC, "  - numero: 2024-12-16-12\n", "  - numero: 2024-12-16-12\n    ordre: 2\n")
    c.edit(SEANCE_CAGC, "deliberations:\n", "deliberations:\n" + SECONDE)
    c.edit(SEANCE_CAGC, "liste: {publiee_le: 2024-12-18}", "liste: true")
    lines = _lines(_listes(c.dir)[STEM].render())
    start = lines.index("Décision") + 1
    assert lines[start : start + 10] == [
        "1",
        "2024-12-16-13",
        "Tarifs du centre aquatique",
        "10 pour, 50 contre, 3 abstentions",
        "rejetée",
        "2",
        "2024-12-16-12",
        "Convention territoriale globale de services aux familles - Avenant n° 1 de prolongation",
        "unanimité",
        "adoptée",
    ]
    assert "2 délibérations examinées : 1 adoptée, 1 rejetée." in lines
    assert "Affichée et mise en ligne le : ...................." in lines


def test_a_list_holds_every_deliberation_of_the_session(copie) -> None:
    c = copie(CHATELLERAULT)
    c.edit(SEANCE_CAGC, "  - numero: 2024-12-16-12\n", "  - numero: 2024-12-16-12\n    ordre: 3\n")
    c.edit(SEANCE_CAGC, "deliberations:\n", "deliberations:\n" + SECONDE)
    line, col = c.line(SEANCE_CAGC, "liste:"), c.col(SEANCE_CAGC, "liste:")
    assert c.problems() == [
        f"{CHATELLERAULT}/{SEANCE_CAGC}:{line}:{col}: seance.liste : la liste des délibérations "
        "les contient toutes : 2 délibérations, numérotées de 1 à 2 ; manque 2 (ajoutez les "
        "délibérations de la séance, ou retirez liste:)"
    ]


def test_the_list_is_posted_within_a_week(copie) -> None:
    c = copie(CHATELLERAULT)
    c.edit(SEANCE_CAGC, "publiee_le: 2024-12-18", "publiee_le: 2024-12-24")
    line, col = c.line(SEANCE_CAGC, "publiee_le"), c.col(SEANCE_CAGC, "publiee_le")
    assert c.problems() == [
        f"{CHATELLERAULT}/{SEANCE_CAGC}:{line}:{col}: seance.liste.publiee_le : la liste des "
        "délibérations est affichée et mise en ligne dans la semaine qui suit la séance (article "
        "L. 2121-25 du CGCT) : au plus tard le 23 décembre 2024, pas le 24 décembre 2024"
    ]
    c.edit(SEANCE_CAGC, "publiee_le: 2024-12-24", "publiee_le: 2024-12-23")
    assert c.problems() == []
