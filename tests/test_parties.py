"""Parties and signatures as the acts write them: the house style of the parties block, grouped
parties, signature by delegation, the habilitation of an organisation, organisation types with
their article and gender, a person named by civilité and surname only. Each option is read back
from the HTML, the DOCX and the PDF of one test territory (tests/support/parties.py) or of a
copy of an example; each refusal is checked with its location."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import MAUSSANE
from ctgdocs.app import BuildOptions, build, plan, validate
from ctgdocs.fr import noms
from ctgdocs.model import Organisation, Personne
from ctgdocs.render.tree import plain_text
from support.extract import docx_text, html_text, pdf_text
from support.parties import NOM, CopieParties, territoire_parties
from test_avenant import ecrire
from test_rules import at

CONV = f"{NOM}/convention.yaml"
TERR = f"{NOM}/territoire.yaml"
FORMATS = ("html", "docx", "pdf")


def _plat(texte: str) -> str:
    """One line, the no-break spaces as plain spaces (typography is tested apart), a compound
    name that a line of the PDF cut at its hyphen joined again (« Senillé-⏎Saint-Sauveur »)."""
    texte = re.sub(r"-[ \t]*\n\s*", "-", texte)
    return " ".join(texte.replace("\u00a0", " ").replace("\u202f", " ").split())


def trois_formats(folder: Path, out: Path, kind: str, stem: str) -> dict[str, str]:
    """The document's text as each format says it, built from `folder` into `out`."""
    report = build([folder.parent], BuildOptions(output=out, formats=FORMATS, jobs=1))
    assert report.ok
    (doc,) = [d for d in plan(validate([folder]), [kind]) if d.stem == stem]
    meta = doc.render().meta
    base = out / folder.name / stem
    return {
        "html": _plat(html_text(base.with_suffix(".html"))),
        "docx": _plat(docx_text(base.with_suffix(".docx"))),
        "pdf": _plat(pdf_text(base.with_suffix(".pdf"), meta)),
    }


def texte(folder: Path, kind: str = "convention", stem: str | None = None) -> str:
    docs = [d for d in plan(validate([folder]), [kind]) if stem is None or d.stem == stem]
    return _plat(plain_text(docs[0].render().tree))


@pytest.fixture(scope="module")
def convention(tmp_path_factory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("parties")
    return trois_formats(
        territoire_parties(root / "data"), root / "out", "convention", "convention"
    )


@pytest.fixture
def copie_parties(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return CopieParties(tmp_path)


# --- what the test territory prints, in the three formats ----------------------------------

CAF = (
    "La Caisse d'allocations familiales de la Vienne représentée par la Présidente de son "
    "Conseil d'administration, Mme Marlène BOURDIN, et par sa Directrice, Mme Tania CONCI, "
    "dûment habilitée par délibération du Conseil d'administration du 14 octobre 2016, dont le "
    "siège est situé 41 rue du Touffenet, CS 40000, 86044 Poitiers Cedex 9, ci-après dénommée "
    "« la Caf », D'une part, Et :"
)
COMMUNES = (
    "Les communes de Thuré, de Colombiers et de Senillé-Saint-Sauveur représentées par le Maire "
    "de Thuré, M. Paul MARTIN, et par la Maire de Colombiers, Mme Sophie BERNARD, et, pour le "
    "Maire et par délégation, par la Première adjointe de Senillé-Saint-Sauveur, Mme Claire "
    "ROBIN, ci-après dénommées « les trois communes », Et :"
)
SIVOM = (
    "Le Syndicat intercommunal à vocation multiple du Châtelleraudais représenté par son "
    "Président, M. RAKOTORINA, ci-après dénommé « le SIVOM », Et :"
)
ASSOCIATION = (
    "L'Association Familles rurales de la Vienne représentée par sa Présidente, Mme Hélène "
    "GARNIER, ci-après dénommée « l'association », Et :"
)
EPCI = "ci-après dénommée « la CAGC », D'autre part, Préambule"
SIGNATURES = [
    "Pour la Caisse d'allocations familiales de la Vienne, La Présidente du Conseil "
    "d'administration, Marlène BOURDIN La Directrice, Tania CONCI",
    "Pour la commune de Thuré, Le Maire, Paul MARTIN",
    "Pour la commune de Colombiers, La Maire, Sophie BERNARD",
    "Pour la commune de Senillé-Saint-Sauveur, Pour le Maire et par délégation, La Première "
    "adjointe, Claire ROBIN",
    "Pour le Syndicat intercommunal à vocation multiple du Châtelleraudais, Le Président, "
    "M. RAKOTORINA",
    "Pour l'Association Familles rurales de la Vienne, La Présidente, Hélène GARNIER",
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_house_style_in_each_format(convention, fmt):
    """« Entre : », « D'une part, / Et : / D'autre part, », M./Mme, « dénommée », « le
    Président de son Conseil d'administration », « et par », the habilitation, the siège."""
    text = convention[fmt]
    assert "Entre : La Caisse" in text
    for party in (CAF, COMMUNES, SIVOM, ASSOCIATION, EPCI):
        assert party in text, (fmt, party)


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_member_of_a_group_signs_through_its_own_representative(convention, fmt):
    text = convention[fmt]
    for block in SIGNATURES:
        assert block in text, (fmt, block)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_group_counts_as_its_members(convention, fmt):
    """nombre_parties counts the signatory organisations: seven, the three communes each one."""
    text = convention[fmt]
    assert "en sept exemplaires originaux" in text
    assert "validés par les sept parties" in text


def test_the_three_formats_say_the_same_parties(convention):
    def bloc(text: str) -> str:
        return text[text.index("Entre :") : text.index("D'autre part,")]

    assert bloc(convention["html"]) == bloc(convention["docx"]) == bloc(convention["pdf"])


# --- each option, one value at a time (the rendered tree, which every format writes) --------

STYLE = """\
  style_parties:
    introduction: entre
    separateur: d_une_part
    civilite: abregee
    designation: denommee
    qualite: le_de_son
    et_par: true
"""


@pytest.mark.parametrize(
    ("old", "new", "present", "absent"),
    [
        (
            "introduction: entre",
            "introduction: il_est_convenu_entre",
            "Il est convenu entre : La Caisse",
            "Entre :",
        ),
        ("introduction: entre", "introduction: aucune", "D'une part", "Entre :"),
        (
            "introduction: entre",
            "introduction: acte",
            "Cette présente convention territoriale globale de services aux familles est "
            "signée entre : La Caisse",
            "Entre :",
        ),
        (
            "separateur: d_une_part",
            "separateur: point_virgule_et",
            "ci-après dénommée « la Caf » ; et Les communes",
            "D'une part",
        ),
        (
            "separateur: d_une_part",
            "separateur: et",
            "ci-après dénommée « la Caf » ; et Les communes",
            "Et :",
        ),
        (
            "separateur: d_une_part",
            "separateur: et_deux_points",
            "ci-après dénommée « la Caf », Et : Les communes",
            "D'une part",
        ),
        (
            "civilite: abregee",
            "civilite: longue",
            "Madame Marlène BOURDIN, et par sa Directrice, Madame Tania CONCI",
            "Mme Tania",
        ),
        ("civilite: abregee", "civilite: longue", "Président, Monsieur RAKOTORINA,", "M. RAKO"),
        ("designation: denommee", "designation: designee", "ci-après désignées « les", "dénomm"),
        (
            "qualite: le_de_son",
            "qualite: son",
            "représentée par sa Présidente du Conseil d'administration, Mme",
            "de son Conseil",
        ),
        ("et_par: true", "et_par: false", "BOURDIN, et sa Directrice", "et par sa"),
        ("et_par: true", "et_par: true\n    siege: false", "CONCI, dûment", "dont le siège"),
        (
            "et_par: true",
            "et_par: true\n    forme: liste",
            "Les communes de Thuré, de Colombiers et de Senillé-Saint-Sauveur, représentées par "
            "le Maire de Thuré",
            "Vienne représentée",
        ),
    ],
)
def test_each_option_of_the_style(copie_parties, old, new, present, absent):
    c = copie_parties
    c.edit("convention.yaml", old, new)
    text = texte(c.dir)
    bloc = text[: text.index("Préambule", text.index("CAGC"))]
    assert present in bloc
    assert absent not in bloc


def test_the_separator_et_ends_every_party_with_a_semicolon(copie_parties):
    c = copie_parties
    c.edit("convention.yaml", "separateur: d_une_part", "separateur: et")
    text = texte(c.dir)
    assert "« la Caf » ; et Les communes" in text
    assert "« la CAGC » ; Préambule" in text


def test_the_default_style_of_a_convention_without_style_parties(copie_parties):
    """Without style_parties, the convention's block: its lead, « Et : », Monsieur/Madame."""
    c = copie_parties
    c.edit("convention.yaml", STYLE, "")
    text = texte(c.dir)
    assert (
        "est signée entre : La Caisse d'allocations familiales de la Vienne représentée par sa "
        "Présidente du Conseil d'administration, Madame Marlène BOURDIN, et sa Directrice, "
        "Madame Tania CONCI, dûment habilitée" in text
    )
    assert "ci-après désignée « la Caf », Et : Les communes" in text
    assert "ci-après désignée « la CAGC ». Préambule" in text


def test_a_group_whose_members_sign_alike_reads_leurs_maires_respectifs(copie_parties):
    c = copie_parties
    c.edit(
        "convention.yaml",
        "        - personne: claire-robin\n          qualite: Première adjointe\n"
        "          organisation: senille-saint-sauveur\n          delegation: true\n",
        "        - {personne: louis-petit, qualite: Maire, organisation: senille-saint-sauveur}\n",
    )
    assert (
        "représentées par leurs maires respectifs, M. Paul MARTIN, Mme Sophie BERNARD et "
        "M. Louis PETIT, ci-après dénommées « les trois communes »" in texte(c.dir)
    )


def test_a_delegation_names_who_delegates_as_the_data_say(copie_parties):
    c = copie_parties
    c.edit("convention.yaml", "delegation: true", "delegation: {pour: Maire délégué}")
    text = texte(c.dir)
    assert "et, pour le Maire délégué et par délégation, par la Première adjointe" in text
    assert "Pour le Maire délégué et par délégation, La Première adjointe, Claire ROBIN" in text


# --- the acte d'engagement and the avenant share the block -----------------------------------


def test_an_acte_d_engagement_with_its_own_style_in_each_format(copie, tmp_path):
    c = copie("le-pradet")
    c.edit(
        "acte.yaml",
        "  visas:",
        "  style_parties:\n    introduction: il_est_convenu_entre\n"
        "    separateur: point_virgule_et\n    civilite: abregee\n"
        "    designation: denommee\n  visas:",
    )
    textes = trois_formats(c.dir, tmp_path / "out", "acte-engagement", "acte-engagement")
    for fmt, text in textes.items():
        assert (
            "Il est convenu entre : La Caisse d'allocations familiales du Var, représentée par "
            "son Directeur, M. Julien ORLANDINI, dûment autorisé à signer le présent acte "
            "d'engagement, ci-après dénommée « la Caf » ; et La commune du Pradet, représentée "
            "par son Maire, M. Hervé STASSINOS," in text
        ), fmt
        assert "ci-après dénommée « la commune ». Il est convenu et arrêté" in text, fmt


def test_an_avenant_with_its_own_style_and_a_grouped_party_chosen_by_a_member(copie_parties):
    """`parties[colombiers]` chooses the group, `representants[colombiers]` its member's
    representative; the avenant writes its parties in its own style."""
    c = copie_parties
    ecrire(
        c,
        "01-maire",
        """
        - ajoute: personnes.jean-dupont
          valeur: {civilite: M., prenom: Jean, nom: DUPONT}
        - remplace: convention.parties[colombiers].representants[colombiers].personne
          valeur: jean-dupont
        """,
        entete="  style_parties: {introduction: entre, forme: liste, separateur: et}\n",
    )
    text = texte(c.dir, "avenant", "convention-avenant-1")
    assert "Entre : La Caisse d'allocations familiales de la Vienne, représentée par" in text
    assert "ci-après désignée « la Caf » ; et Les communes de Thuré" in text
    assert "et par le Maire de Colombiers, M. Jean DUPONT, et" in text  # quoted: the convention's
    assert "Pour la commune de Colombiers, Le Maire, Jean DUPONT" in text
    assert "Sophie BERNARD" not in text


# --- refusals, each located -------------------------------------------------------------------


def _refus(c, rel: str, old: str, new: str) -> list[str]:
    c.edit(rel, old, new)
    return c.problems()


def test_the_test_territory_is_valid(copie_parties):
    assert copie_parties.problems() == []


def test_a_party_needs_an_organisation_or_a_group(copie_parties):
    c = copie_parties
    problems = _refus(
        c,
        "convention.yaml",
        "    - organisation: sivom-chatelleraudais\n      representants:",
        "    - representants:",
    )
    assert problems[1] == (
        f"{at(c, CONV, '- representants:', 'representants')}: convention.parties[2] : une partie "
        "nomme son organisation (organisation) ou, pour plusieurs organisations qui signent "
        "ensemble, la liste de ses organisations (organisations)"
    )


def test_a_party_is_not_both_an_organisation_and_a_group(copie_parties):
    c = copie_parties
    problems = _refus(
        c,
        "convention.yaml",
        "    - organisations: [",
        "    - organisation: thure\n      organisations: [",
    )
    assert problems == [
        f"{at(c, CONV, 'organisations: [', 'organisations')}: convention.parties[1].organisations "
        ": une partie a une organisation (organisation) ou plusieurs (organisations), pas les deux"
    ]


def test_a_group_of_one(copie_parties):
    c = copie_parties
    problems = _refus(
        c,
        "convention.yaml",
        "    - organisation: sivom-chatelleraudais\n      representants:\n"
        "        - {personne: rakotorina, qualite: Président}",
        "    - organisations: [sivom-chatelleraudais]\n      representants:\n"
        "        - {personne: rakotorina, qualite: Président, organisation: sivom-chatelleraudais}",
    )
    assert problems == [
        f"{at(c, CONV, 'organisations: [sivom', 'organisations')}: "
        "convention.parties[2].organisations : une partie à plusieurs organisations en réunit au "
        "moins deux ; pour une seule, écrivez organisation"
    ]


def test_the_organisation_of_a_representative_outside_a_group(copie_parties):
    c = copie_parties
    problems = _refus(
        c,
        "convention.yaml",
        "{personne: rakotorina, qualite: Président}",
        "{personne: rakotorina, qualite: Président, organisation: sivom-chatelleraudais}",
    )
    assert problems == [
        f"{at(c, CONV, 'personne: rakotorina', 'organisation')}: "
        "convention.parties[2].representants[0].organisation : l'organisation d'un représentant "
        "ne sert que dans une partie à plusieurs organisations (organisations) : ici, il signe "
        "pour la partie"
    ]


def test_each_member_of_a_group_has_its_representative(copie_parties):
    c = copie_parties
    problems = _refus(
        c,
        "convention.yaml",
        "{personne: paul-martin, qualite: Maire, organisation: thure}",
        "{personne: paul-martin, qualite: Maire}",
    )
    thure = (
        f"{at(c, CONV, 'organisations: [', 'thure')}: convention.parties[1].organisations[0] : "
        "« thure » n'a pas de représentant : chaque organisation du groupe signe (un "
        "représentant avec organisation : thure)"
    )
    assert problems == [
        thure,
        f"{at(c, CONV, 'personne: paul-martin', '{')}: convention.parties[1].representants[0] : "
        "dans une partie à plusieurs organisations, chaque représentant dit pour laquelle il "
        "signe (organisation : thure, colombiers, senille-saint-sauveur)",
    ]


def test_a_representative_signs_for_a_member_of_its_group(copie_parties):
    c = copie_parties
    problems = _refus(c, "convention.yaml", "organisation: thure}", "organisation: oyre}")
    assert problems[1] == (
        f"{at(c, CONV, 'personne: paul-martin', 'organisation')}: "
        "convention.parties[1].representants[0].organisation : « oyre » n'est pas une "
        "organisation de cette partie ; attendu : thure, colombiers, senille-saint-sauveur"
    )
    assert "« thure » n'a pas de représentant" in problems[0]


def test_a_delegation_needs_an_executive(copie_parties):
    c = copie_parties
    c.edit("territoire.yaml", "    executif: helene-garnier\n", "")
    problems = _refus(
        c,
        "convention.yaml",
        "{personne: helene-garnier, qualite: Présidente}",
        "{personne: helene-garnier, qualite: Présidente, delegation: true}",
    )
    assert problems == [
        f"{at(c, CONV, 'personne: helene-garnier', 'delegation')}: "
        "convention.parties[3].representants[0].delegation : une signature par délégation "
        "suppose un exécutif qui délègue : « familles-rurales-86 » n'en a pas "
        "(organisations.familles-rurales-86.executif)"
    ]


def test_the_executive_does_not_sign_by_delegation(copie_parties):
    c = copie_parties
    problems = _refus(
        c,
        "convention.yaml",
        "{personne: rakotorina, qualite: Président}",
        "{personne: rakotorina, qualite: Président, delegation: true}",
    )
    assert problems == [
        f"{at(c, CONV, 'personne: rakotorina', 'delegation')}: "
        "convention.parties[2].representants[0].delegation : M. RAKOTORINA est l'exécutif du "
        "Syndicat intercommunal à vocation multiple du Châtelleraudais : il signe en son nom, sans "
        "délégation"
    ]


def test_an_habilitation_names_its_organe_with_its_article(copie_parties):
    c = copie_parties
    problems = _refus(
        c,
        "convention.yaml",
        "organe: le Conseil d'administration",
        "organe: Conseil d'administration",
    )
    assert problems == [
        f"{at(c, CONV, 'habilitation:', 'organe')}: convention.parties[0].habilitation.organe : "
        "« Conseil d'administration » : écrivez l'organe avec son article (« le Conseil "
        "d'administration », « la commission permanente », « l'assemblée générale »)"
    ]


def test_an_habilitation_with_its_number(copie_parties):
    c = copie_parties
    c.edit("convention.yaml", "date: 2016-10-14}", "date: 2016-10-14, numero: 2016-42}")
    assert (
        "dûment habilitée par délibération du Conseil d'administration du 14 octobre 2016 n° "
        "2016-42," in texte(c.dir)
    )


def test_a_person_without_first_name_nor_civilite(copie_parties):
    c = copie_parties
    problems = _refus(
        c,
        "territoire.yaml",
        "rakotorina: {civilite: M., nom: RAKOTORINA}",
        "rakotorina: {nom: RAKOTORINA}",
    )
    assert problems == [
        f"{at(c, TERR, 'rakotorina: {nom', 'rakotorina')}: personnes.rakotorina : « RAKOTORINA » sans "
        "prénom ni civilité : un acte nomme une personne par son prénom et son nom, ou par sa "
        "civilité et son nom (civilite : « M. » ou « Mme »)"
    ]


def test_an_article_and_a_genre_that_disagree(copie_parties):
    c = copie_parties
    problems = _refus(
        c,
        "territoire.yaml",
        "    type: association\n",
        "    type: association\n    article: la\n    genre: masculin\n",
    )
    assert problems == [
        f"{at(c, TERR, 'genre: masculin', 'genre')}: organisations.familles-rurales-86.genre : "
        "genre « masculin » mais article « la » : l'un des deux est faux (« la » va avec "
        "« feminin »)"
    ]


def test_another_body_with_l_apostrophe_says_its_genre(copie_parties):
    c = copie_parties
    problems = _refus(
        c, "territoire.yaml", "    type: association\n", "    type: autre\n    article: l'\n"
    )
    assert problems == [
        f"{at(c, TERR, 'article: l', 'article')}: organisations.familles-rurales-86.article : avec "
        "l'article « l' », le genre du nom ne se devine pas : indiquez genre (« masculin » ou "
        "« feminin ») pour les accords (« représentée », « désignée »)"
    ]
    c.edit("territoire.yaml", "    article: l'\n", "    article: l'\n    genre: feminin\n")
    assert c.problems() == []
    assert "L'Association Familles rurales de la Vienne représentée par sa" in texte(c.dir)


def test_the_parties_are_the_signatories_member_by_member(copie_parties):
    c = copie_parties
    problems = _refus(
        c,
        "convention.yaml",
        "organisations: [thure, colombiers, senille-saint-sauveur]",
        "organisations: [colombiers, thure, senille-saint-sauveur]",
    )
    assert problems == [
        f"{at(c, CONV, '  parties:', 'parties')}: convention.parties : les parties (caf-86, "
        "colombiers, thure, senille-saint-sauveur, sivom-chatelleraudais, familles-rurales-86, "
        "grand-chatellerault) diffèrent des signataires de la CTG dans territoire.yaml (caf-86, "
        "thure, colombiers, senille-saint-sauveur, sivom-chatelleraudais, familles-rurales-86, "
        "grand-chatellerault) : mêmes organisations, même ordre"
    ]


# --- names: types, articles, genders, a person without first name -----------------------------


def _org(**champs) -> Organisation:
    return Organisation.model_validate(champs)


@pytest.mark.parametrize(
    ("champs", "avec_article", "feminin"),
    [
        ({"type": "syndicat", "nom": "SIVOM de la Vallée"}, "le SIVOM de la Vallée", False),
        ({"type": "syndicat", "nom": "SIVU des écoles"}, "le SIVU des écoles", False),
        ({"type": "carsat", "nom": "Carsat Centre-Ouest"}, "la Carsat Centre-Ouest", True),
        ({"type": "cpam", "nom": "CPAM de la Vienne"}, "la CPAM de la Vienne", True),
        ({"type": "association", "nom": "Association ALEP"}, "l'Association ALEP", True),
        ({"type": "etat", "nom": "État"}, "l'État", False),
        ({"type": "autre", "nom": "Office public"}, "Office public", False),
        (
            {"type": "autre", "nom": "Office public", "article": "l'", "genre": "masculin"},
            "l'Office public",
            False,
        ),
        ({"type": "autre", "nom": "Mission locale", "article": "la"}, "la Mission locale", True),
        (
            {"type": "autre", "nom": "Union des familles", "article": "la"},
            "l'Union des familles",
            True,
        ),
        (
            {"type": "autre", "nom": "Restos du cœur", "article": "les", "genre": "masculin"},
            "les Restos du cœur",
            False,
        ),
    ],
)
def test_organisation_types_with_their_article_and_gender(champs, avec_article, feminin):
    org = _org(**champs)
    assert noms.nom_avec_article(org) == avec_article
    assert noms.feminin(org) is feminin


def test_a_plural_name_agrees_in_the_plural(copie_parties):
    c = copie_parties
    c.edit(
        "territoire.yaml",
        "    type: association\n    nom: Association Familles rurales de la Vienne\n",
        "    type: autre\n    nom: Restos du cœur de la Vienne\n    article: les\n    genre: masculin\n",
    )
    assert (
        "Les Restos du cœur de la Vienne représentés par leur Présidente, Mme Hélène GARNIER, "
        "ci-après dénommés « l'association »" in texte(c.dir)
    )


@pytest.mark.parametrize(
    ("qualite", "feminin", "attendu"),
    [
        (
            "Président du Conseil d'administration",
            False,
            "le Président de son Conseil d'administration",
        ),
        (
            "Présidente de la commission permanente",
            True,
            "la Présidente de sa commission permanente",
        ),
        ("Directeur de l'Agence", False, "le Directeur de son Agence"),
        ("Président des Conseils réunis", False, "le Président de ses Conseils réunis"),
        ("Adjoint au maire", False, "son Adjoint au maire"),
        ("Directrice", True, "sa Directrice"),
        ("Adjointe", True, "son Adjointe"),
    ],
)
def test_the_qualite_le_de_son(qualite, feminin, attendu):
    assert noms.qualite_le_de_son(qualite, feminin) == attendu


def test_a_person_named_by_civilite_and_surname():
    p = Personne.model_validate({"civilite": "M.", "nom": "RAKOTORINA"})
    assert noms.nom_complet(p) == "M. RAKOTORINA"
    assert noms.avec_civilite(p) == "M. RAKOTORINA"
    assert noms.prenom_nom(p) == "RAKOTORINA"


def test_a_surname_only_member_in_a_deliberation_roll(copie):
    c = copie(MAUSSANE)
    c.edit(
        "territoire.yaml",
        "marc-fusat: {prenom: Marc, nom: FUSAT}",
        "marc-fusat: {civilite: M., nom: FUSAT}",
    )
    assert c.problems() == []
    (doc,) = plan(validate([c.dir]), ["deliberation"])
    assert "M. FUSAT" in _plat(plain_text(doc.render().tree))


def test_delegation_false_is_no_delegation(copie_parties):
    c = copie_parties
    c.edit("convention.yaml", "delegation: true", "delegation: false")
    assert c.problems() == []
    assert "par délégation" not in texte(c.dir)


@pytest.mark.parametrize(
    ("contenu", "message"),
    [
        ("convention: [", "x.yaml : YAML illisible"),
        (
            "convention: {}\n",
            "x.yaml : un style par sorte de contrat est attendu (convention, acte-engagement, "
            "avenant)",
        ),
        (
            "convention: {}\nacte-engagement: {forme: tableau}\navenant: {}\n",
            "x.yaml : acte-engagement, forme : ",
        ),
    ],
)
def test_the_default_styles_of_the_templates_are_checked(tmp_path, monkeypatch, contenu, message):
    from ctgdocs.documents import parties
    from ctgdocs.errors import TemplateError

    monkeypatch.setattr(parties, "TEMPLATES_DIR", tmp_path)
    (tmp_path / "x.yaml").write_text(contenu, encoding="utf-8")
    with pytest.raises(TemplateError) as error:
        parties._defauts(tmp_path / "x.yaml")
    assert message in str(error.value)
