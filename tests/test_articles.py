"""A contract kind's shipped articles are a data file beside its template
(templates/<kind>/articles.yaml): the default model's list. Its order and titles change without
touching Python, and a wrong file is refused with its place and what was expected."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import DATA, ROOT
from ctgdocs.documents.articles import numero_article
from ctgdocs.errors import TemplateError
from ctgdocs.load import clauses as modele
from ctgdocs.load.access import AccessRefused
from support.extract import docx_text
from support.override import run_with_templates

TEMPLATES = ROOT / "templates"


def test_the_shipped_lists_name_existing_clauses() -> None:
    for contrat in ("convention", "acte-engagement"):
        found = modele.liste_livree(contrat)
        assert len(found) >= 10
        for article in found:
            if article.clause:
                assert (TEMPLATES / "clauses" / f"{article.clause}.md.j2").is_file(), article
    assert modele.liste_livree("convention")[7].titre == "Durée de la convention"
    avenant = [a.clause for a in modele.liste_livree("avenant")]
    assert avenant == ["modifications", "effet_avenant", "autres_dispositions"]
    for clause in avenant[1:]:  # « modifications » is the place of the computed articles
        assert (TEMPLATES / "clauses" / f"{clause}.md.j2").is_file()
    textes = [a.donnees for a in modele.liste_livree("acte-engagement") if a.donnees]
    assert textes == ["champs_intervention_commune", "postes_coordination", "calendrier"]


def test_numbers_are_computed() -> None:
    assert [numero_article(n) for n in (1, 2, 10)] == ["1er", "2", "10"]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "convention" / "articles.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "- titre: Objet\n",
            "article 1 : un article est une clause (clause), un texte des données (donnees) "
            "ou un texte propre (titre et texte)",
        ),
        (
            "- {titre: Objet, clause: duree, donnees: calendrier}\n",
            "article 1 : un article prend son texte d'une clause (clause) ou des données de "
            "l'acte (donnees), pas des deux",
        ),
        (
            "- {titre: Objet, texte: Un texte propre}\n",
            "article 1 : une clause livrée (clause) ou un texte des données (donnees) est "
            "attendu, avec son titre (titre)",
        ),
        (
            "- {titre: Objet, clause: duree}\n- {titre: Durée, clouse: duree}\n",
            "article 2, clouse : clé inconnue « clouse » ; vouliez-vous dire « clause » ?",
        ),
        (
            "- {clause: duree}\n",
            "article 1 : une clause livrée (clause) ou un texte des données (donnees) est "
            "attendu, avec son titre (titre)",
        ),
        ("[]\n", "une liste d'articles est attendue"),
        ("clause: duree\n", "une liste d'articles est attendue"),
    ],
)
def test_a_wrong_list_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, expected: str
) -> None:
    path = _write(tmp_path, text)
    monkeypatch.setattr(modele, "TEMPLATES_DIR", tmp_path)
    with pytest.raises(TemplateError) as info:
        modele.liste_livree("convention")
    assert str(info.value) == f"{path} : {expected}"


def test_the_list_is_read_inside_the_templates_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A list reached by a link out of the templates folder is refused, as any template."""
    outside = _write(tmp_path / "ailleurs", "- {titre: Objet, clause: duree}\n")
    (tmp_path / "modeles" / "convention").mkdir(parents=True)
    (tmp_path / "modeles" / "convention" / "articles.yaml").symlink_to(outside)
    monkeypatch.setattr(modele, "TEMPLATES_DIR", tmp_path / "modeles")
    with pytest.raises(AccessRefused, match=r"lien symbolique qui sort de .*modeles"):
        modele.liste_livree("convention")


def test_unreadable_yaml_is_located(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "- titre: Objet\n  clause: [duree\n")
    monkeypatch.setattr(modele, "TEMPLATES_DIR", tmp_path)
    with pytest.raises(TemplateError) as info:
        modele.liste_livree("convention")
    assert str(info.value) == f"{path}:3:1 : YAML illisible"


@pytest.mark.slow
def test_a_caf_s_own_order_and_titles_with_python_unchanged(tmp_path: Path) -> None:
    """A copy of the templates whose convention list drops an article, renames one and moves
    another: the convention follows it, numbered anew."""
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    (templates / "convention" / "articles.yaml").write_text(
        "- clause: objet_convention\n  titre: Objet de la convention\n"
        "- clause: duree\n  titre: Durée et résiliation\n"
        "- clause: enjeux_partages\n  titre: Les enjeux partagés\n"
        "- clause: confidentialite\n  titre: Confidentialité\n",
        encoding="utf-8",
    )
    out = tmp_path / "sortie"
    result = run_with_templates(
        templates,
        "build",
        str(DATA / "grand-chatellerault"),
        "--kind",
        "convention",
        "--format",
        "docx",
        "--output",
        str(out),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    text = docx_text(out / "grand-chatellerault" / "convention.docx", sommaire=False)
    lines = text.replace("\u00a0", " ").splitlines()
    titles = [line for line in lines if line.startswith("Article ")]
    assert titles[:4] == [
        "Article 1er : Objet de la convention",
        "Article 2 : Durée et résiliation",
        "Article 3 : Les enjeux partagés",
        "Article 4 : Confidentialité",
    ]
    assert "Modalités de collaboration" not in text
