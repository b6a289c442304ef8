"""No « de Le », « à Le », « de Les », « à Les » nor un-elided « de A… » in any generated text:
every document of the examples, and copies of them whose commune is named with each article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DATA
from ctgdocs.app import plan, validate
from ctgdocs.fr.prepositions import H_ASPIRES, a, de
from ctgdocs.render.tree import plain_text

# « de Le Pradet », « à Les Baux », « de le Département »: an article the preposition should have
# absorbed. A lower-case « le »/« les » before a verb is a pronoun (« de le modifier »): allowed.
_CONTRACTION = re.compile(r"\b(?:[Dd]e|[Àà]) (?:Les?\b|(?:le|les) (?=[A-ZÀ-ÞŒ]))\S*")
# « de » before a vowel, a y before a consonant or an h: « de Arles », « de Hyères ».
_VOYELLES = "aeiouàâäéèêëîïôöùûüœæ"
_ELISION = re.compile(rf"\b[Dd]e (?=[{_VOYELLES}hy])(\S+)", re.IGNORECASE)
# « de onze » is as correct as « d'onze » (the numeral is often not elided).
_SANS_ELISION = ("onze", "onzième")


def fautes(texte: str) -> list[str]:
    """Every place where « de » or « à » disagrees with the word that follows."""
    found = [m.group(0) for m in _CONTRACTION.finditer(texte)]
    for m in _ELISION.finditer(texte):
        mot = m.group(1).lower()
        premier = re.match(r"[^\W\d_]*", mot).group(0)  # the first word, without punctuation
        if mot.startswith(_SANS_ELISION) or premier in H_ASPIRES:
            continue
        if mot[0] == "y" and (len(mot) < 2 or mot[1] in _VOYELLES):
            continue  # « de Yaoundé »: a y before a vowel is a consonant
        found.append(m.group(0))
    return found


def textes(folder: Path) -> dict[str, str]:
    """The plain text of every document of a folder of territories, with its header, footer,
    title and subject."""
    out = {}
    for doc in plan(validate([folder]), []):
        rendu = doc.render()
        m = rendu.meta
        out[doc.stem] = "\n".join([plain_text(rendu.tree), m.title, m.subject, m.header, m.footer])
    return out


def test_the_check_finds_each_mistake() -> None:
    texte = (
        "les représentants de Le Pradet, à Le Pradet, de Les Baux, à Les Baux, de le Département, "
        "de Arles, de Eygalières, de Hyères, de Yvetot, de intégrer"
    )
    assert len(fautes(texte)) == 10
    bon = (
        "du Pradet, au Pradet, des Baux, aux Baux, du Département, d'Arles, d'Hyères, de Haguenau, "
        "de La Ciotat, de L'Isle-sur-la-Sorgue, de le modifier, de Yaoundé, de onze, de Lencloître"
    )
    assert fautes(bon) == []


def test_every_example_text_agrees() -> None:
    found = {stem: fautes(t) for stem, t in textes(DATA).items()}
    assert {stem: f for stem, f in found.items() if f} == {}
    assert len(found) >= 20


NOMS = [
    "Le Rove",
    "La Ciotat",
    "Les Pennes-Mirabeau",
    "L'Isle-sur-la-Sorgue",
    "Arles",
    "Hyères",
    "Haguenau",
]


@pytest.mark.parametrize("nom", NOMS)
def test_communes_named_with_each_article(copie, nom: str) -> None:
    pradet = copie("le-pradet")  # the acte d'engagement: the commune is a party
    pradet.edit("territoire.yaml", "  nom: Le Pradet\n", f"  nom: {nom}\n")
    pradet.edit("territoire.yaml", "    nom: Le Pradet\n", f"    nom: {nom}\n")
    maussane = copie("vallee-des-baux-alpilles")  # the deliberation extract of a commune
    maussane.edit("territoire.yaml", "nom: Maussane-les-Alpilles\n", f"nom: {nom}\n")
    # another name, not the COG's: its TNCC goes with the old one (rules/noms would refuse it)
    pradet.edit("territoire.yaml", "    type_liaison: 2\n", "")
    maussane.edit("territoire.yaml", "    type_liaison: 0\n    siren", "    siren")
    chatellerault = copie("grand-chatellerault")  # convention, avenants: where they are signed
    chatellerault.edit("territoire.yaml", "siege: Châtellerault", f"siege: {nom}")
    chatellerault.edit("convention.yaml", "lieu: Poitiers", f"lieu: {nom}")
    chatellerault.edit("avenants/01-prolongation.yaml", "lieu: Poitiers", f"lieu: {nom}")
    chatellerault.edit(
        "avenants/02-commune-et-representant.yaml", "lieu: Châtellerault", f"lieu: {nom}"
    )

    tous = {}
    for c in (pradet, maussane, chatellerault):
        tous.update(textes(c.dir))
    assert {stem: f for stem, f in ((s, fautes(t)) for s, t in tous.items()) if f} == {}

    # The name is there, joined as French joins it.
    acte = tous["acte-engagement"]
    assert f"représentants de la Caf du Var et {de(nom)}." in acte
    assert f"conseil municipal de la commune {de(nom)}" in acte
    extrait = tous["maussane-les-alpilles-deliberation-2022-07-29-07"]
    assert f"Fait et délibéré {a(nom)}," in extrait
    assert f"le Conseil municipal de la Commune {de(nom)}," in extrait
    assert f"Fait {a(nom)}, le 31 décembre 2019" in tous["convention"]
    assert f"Fait et délibéré {a(nom)}," in tous["grand-chatellerault-deliberation-2024-12-16-12"]
