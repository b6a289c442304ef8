"""An acte d'engagement that writes its own articles (issue 18): clauses of the shipped list
and of the territory's clauses/, its data texts, its own text with sub-articles, no sommaire;
built from data only, the three formats saying the same words. On a copy of data/le-pradet."""

from __future__ import annotations

from pathlib import Path

import pytest

from ctgdocs.app import BuildOptions, build
from support.extract import docx_text, html_text, pdftotext

PRADET = "le-pradet"
ARTICLES = """\
  sommaire: false
  articles:
    - clause: objet_acte_engagement
    - clause: engagements_commune        # the territory's own clause (clauses/)
    - titre: Le plan d'actions {annee_debut}
      texte: "{Commune} et {caf} conviennent d'un plan d'actions annuel."
      sous_articles:
        - titre: La petite enfance
          texte: Un relais petite enfance pour {commune}.
        - titre: La jeunesse
          texte: Un accueil de loisirs l'été.
    - donnees: calendrier
      titre: Calendrier {annee_debut}
    - clause: duree_acte
      ajout: [Il peut être prolongé par avenant.]
"""


def _lisible(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture
def acte(copie):
    c = copie(PRADET)
    c.edit("acte.yaml", "acte_engagement:\n", "acte_engagement:\n" + ARTICLES)
    (c.dir / "clauses").mkdir()
    (c.dir / "clauses" / "engagements_commune.md").write_text(
        "---\ntitre: Les engagements de {commune}\n---\n"
        "{Commune} s'engage pour la période du {debut} au {fin}.\n",
        "utf-8",
    )
    return c


def test_its_own_articles_in_the_three_formats(acte, tmp_path: Path) -> None:
    assert acte.problems() == []
    out = tmp_path / "out"
    report = build([acte.dir], BuildOptions(output=out, formats=("docx", "pdf", "html"), jobs=1))
    assert report.ok, report
    base = out / PRADET / "acte-engagement"
    textes = {
        "docx": _lisible(docx_text(base.with_suffix(".docx"))),
        "pdf": _lisible(pdftotext(base.with_suffix(".pdf"))),
        "html": _lisible(html_text(base.with_suffix(".html"))),
    }
    for fmt, text in textes.items():
        for phrase in (
            "Article 1er : Objet de l'acte d'engagement",
            "Article 2 : Les engagements de la commune du Pradet",
            "La commune du Pradet s'engage pour la période du 1er janvier 2022 au 31 décembre 2022.",
            "Article 3 : Le plan d'actions 2022",
            "La commune du Pradet et la Caf du Var conviennent d'un plan d'actions annuel.",
            "3.1 La petite enfance",
            "Un relais petite enfance pour la commune du Pradet.",
            "3.2 La jeunesse",
            "Article 4 : Calendrier 2022",
            "Article 5 : Durée de l'acte d'engagement",
            "Il peut être prolongé par avenant.",
        ):
            assert phrase in text, (fmt, phrase)
        assert "Article 6" not in text and "Sommaire" not in text, fmt


def test_a_convention_value_in_an_acte_s_clause_is_refused(acte) -> None:
    path = acte.dir / "clauses" / "engagements_commune.md"
    path.write_text(path.read_text("utf-8").replace("{debut}", "{nombre_axes}"), "utf-8")
    lines = path.read_text("utf-8").splitlines()
    n = next(i for i, t in enumerate(lines, 1) if "{nombre_axes}" in t)
    col = lines[n - 1].index("{nombre_axes}") + 1
    assert acte.problems() == [
        f"{PRADET}/clauses/engagements_commune.md:{n}:{col}: la valeur « {{nombre_axes}} » "
        "n'existe pas dans un acte d'engagement, qui utilise cette clause ; elle existe dans "
        "une convention"
    ]


def test_a_data_text_the_acte_does_not_have_is_refused(acte) -> None:
    acte.edit("acte.yaml", "    - donnees: calendrier\n", "    - donnees: budget\n")
    (problem,) = acte.problems()
    assert problem.endswith(
        "acte_engagement.articles[3].donnees : texte des données « budget » inconnu pour ce "
        "contrat ; possibles : champs_intervention_commune, postes_coordination, calendrier"
    )


def test_a_convention_clause_is_not_offered_to_an_acte(acte) -> None:
    """A shipped clause reads its own contract's context: the convention's are not an acte's."""
    acte.edit("acte.yaml", "    - clause: duree_acte\n", "    - clause: duree\n")
    (problem,) = acte.problems()
    assert "clause « duree » introuvable" in problem
    assert "vouliez-vous dire « duree_acte » ?" in problem
