"""The house style of a collectivité's deliberations, as data (issue 19): each option changes
what it should in the extract, its formulas are Markdown with a closed vocabulary (never
templates), every mistake is located in French, and two councils that no template was written
for come out of their data alone."""

from __future__ import annotations

import shutil
import subprocess
import typing
from pathlib import Path

import pytest
import yaml

from conftest import DATA, MAUSSANE, POITIERS, ROOT, SEANCE_MAUSSANE
from ctgdocs.app import BuildOptions, build, plan, validate
from ctgdocs.documents.deliberation import MISES_EN_PAGE, extrait
from ctgdocs.documents.deliberation.formules import valeurs
from ctgdocs.fr import noms, verbes
from ctgdocs.fr.dates import date_jour
from ctgdocs.load.styles_deliberation import formules, styles_livres
from ctgdocs.model import Organisation
from ctgdocs.model import valeurs as noms_valeurs
from ctgdocs.model.style_deliberation import MiseEnPage, StyleDeliberation
from ctgdocs.model.vocabulaire_deliberation import VOCABULAIRE_DELIBERATION
from ctgdocs.paths import TEMPLATES_DIR
from ctgdocs.render.tree import Block, Div, Table, Tree, inline_text, plain_text
from ctgdocs.rules import style_deliberation as regles
from support.similarity import words

TERRITOIRE = "territoire.yaml"
STYLE = '      annee_en_lettres: mil     # house style of the commune ("deux mil vingt-deux")\n'
MAUSSANE_STEM = "maussane-les-alpilles-deliberation-2022-07-29-07"
VAL_DE_SAIRE = "val-de-saire-illustratif"
SEANCE_SAINT_VAAST = "seances/2023-12-12-saint-vaast-la-hougue.yaml"
HAUTE_SOMME = "haute-somme-illustratif"
SEANCE_HAUTE_SOMME = "seances/2024-06-13-cc-haute-somme.yaml"
RAPPORT = "saint-vaast-la-hougue-deliberation-2023-58"
REGISTRE = "cc-haute-somme-deliberation-2024-041"


def textes(dossier: Path) -> dict[str, str]:
    """Each deliberation extract of a territory, as a reader reads it (its no-break spaces,
    before « : » and in figures, as spaces)."""
    return {
        d.stem: espaces(plain_text(d.render().tree))
        for d in plan(validate([dossier]), ["deliberation"])
    }


def espaces(texte: str) -> str:
    return texte.replace("\u00a0", " ").replace("\u202f", " ")


RECIT = "      mise_en_page: recit\n"


def maussane(copie, options: str, mise_en_page: str = "recit") -> str:
    """Maussane's extract with these options added to its style (YAML, indented under it)."""
    c = copie(MAUSSANE)
    c.edit(TERRITOIRE, STYLE, STYLE + options)
    c.edit(TERRITOIRE, RECIT, f"      mise_en_page: {mise_en_page}\n")
    return textes(c.dir)[MAUSSANE_STEM]


def une_ligne(texte: str) -> str:
    return " ".join(words(texte))


def paragraphe(block: Block) -> str:
    return " ".join(espaces(plain_text(Tree((block,)))).split())


@pytest.fixture(scope="module")
def exemple() -> str:
    return textes(DATA / MAUSSANE)[MAUSSANE_STEM]


# --- The registry of layouts, and the shipped defaults ---------------------------------------


def test_the_layouts_of_the_model_are_the_registry_s_and_the_shipped_styles() -> None:
    assert (
        set(typing.get_args(MiseEnPage)) == set(MISES_EN_PAGE) == set(styles_livres().mises_en_page)
    )
    for layout in MISES_EN_PAGE.values():
        assert (TEMPLATES_DIR / layout.gabarit).is_file()
        assert layout.defauts == styles_livres().mises_en_page[layout.nom]


def test_every_shipped_formula_names_only_values_of_the_vocabulary() -> None:
    for nom in MISES_EN_PAGE:
        style = StyleDeliberation.model_validate(
            {**styles_livres().mises_en_page[nom], "mise_en_page": nom}
        )
        for _, texte in [((), styles_livres().registre), *formules(style)]:
            assert {noms_valeurs.base(n) for n in noms_valeurs.noms(texte)} <= set(
                VOCABULAIRE_DELIBERATION
            )


def test_no_shipped_sentence_is_written_in_a_template() -> None:
    """A sentence of the house styles lives in styles.yaml only: no layout types it again."""
    livres = styles_livres()
    phrases = [f for m in livres.mises_en_page.values() for f in _phrases(m)] + [livres.registre]
    modeles = " ".join(
        une_ligne(p.read_text(encoding="utf-8"))
        for p in (TEMPLATES_DIR / "deliberation").glob("*.j2")
    )
    for phrase in phrases:
        fixe = max(noms_valeurs.VALEUR.split(phrase)[::2], key=len)  # its longest typed part
        if len(words(fixe)) >= 4:
            assert une_ligne(fixe) not in modeles, phrase


def _phrases(options: dict) -> list[str]:
    found = []
    for valeur in options.values():
        if isinstance(valeur, str):
            found.append(valeur)
        elif isinstance(valeur, dict):
            found += _phrases(valeur)
        elif isinstance(valeur, list):
            found += [v for v in valeur if isinstance(v, str) and " " in v]
    return found


def test_writing_every_default_of_the_layout_changes_nothing(copie, exemple) -> None:
    """The defaults are the layout's own: a style that writes them all prints the same words."""
    defauts = yaml.safe_dump(
        {"x": styles_livres().mises_en_page["recit"]}, allow_unicode=True, width=1000
    )
    options = "".join(f"    {ligne}\n" for ligne in defauts.splitlines()[1:])
    assert maussane(copie, options) == exemple


def test_the_vocabulary_is_computed_for_every_example_deliberation() -> None:
    """Python computes every value of the registry; a value is missing exactly where the rules
    say the séance lacks it."""
    for d in validate([DATA]):
        t = d.territoire.model
        for s in d.seances:
            org = t.organisations[s.model.seance.collectivite]
            for n, delib in enumerate(s.model.deliberations):
                ctx = extrait.context(d, s.model, delib)
                v = valeurs(ctx["collectivite"], ctx["seance"], ctx["deliberation"], False)
                assert set(v) == set(VOCABULAIRE_DELIBERATION)
                absentes = {k for k, x in v.items() if x is None}
                manquent = {
                    k for k, f in regles.MANQUES.items() if f(org, s.model.seance, delib, n)
                }
                assert absentes == manquent, (d.slug, delib.numero)


# --- Each option changes what it should ------------------------------------------------------


def test_the_rapport_layout(copie) -> None:
    texte = maussane(copie, "", "rapport")
    assert "RAPPORT AU CONSEIL MUNICIPAL" in texte
    assert "Séance du vendredi 29 juillet 2022" in texte
    assert "Mes chers collègues," in texte
    assert "En conséquence, je vous demande de bien vouloir :" in texte
    assert "APPROUVER la démarche partenariale" in texte
    assert "APPROUVE " not in texte
    assert (
        "LE CONSEIL, APRÈS EN AVOIR DÉLIBÉRÉ, ADOPTE À L'UNANIMITÉ DES SUFFRAGES EXPRIMÉS LES "
        "CONCLUSIONS DU PRÉSENT RAPPORT" in texte
    )
    assert (
        "Monsieur le Maire rappelle aux membres du Conseil municipal" in texte
    )  # rapporteur: fonction


def test_en_tete(copie, exemple) -> None:
    texte = maussane(
        copie,
        "      en_tete:\n"
        "        registre: true\n"
        '        titre: "Délibération n° {numero} du {date_jour}"\n'
        "        seance: null\n"
        '        objet: "Objet : {objet}"\n',
    )
    debut = texte[: texte.index("Le vingt-neuf")]
    assert "Extrait du registre des délibérations du Conseil municipal" in debut
    assert "Délibération n° 2022/07/29/07 du vendredi 29 juillet 2022" in debut
    assert "Séance du" not in debut and "DÉLIBÉRATION DU" not in debut
    assert "Objet : CAF - Convention" in debut and "N° 2022/07/29/07" not in debut
    assert "Extrait du registre" not in exemple


def test_en_tete_registre_as_a_formula_and_the_rubrique(copie) -> None:
    c = copie(MAUSSANE)
    c.edit(
        TERRITOIRE,
        STYLE,
        STYLE
        + '      en_tete: {registre: "Registre du {organe} {de_collectivite}", rubrique: true}\n',
    )
    c.edit(
        SEANCE_MAUSSANE,
        "    rapporteurs:",
        "    rubrique: Famille et solidarités\n    rapporteurs:",
    )
    texte = textes(c.dir)[MAUSSANE_STEM]
    assert "Registre du Conseil municipal de la Commune de Maussane-les-Alpilles" in texte
    assert texte.index("Famille et solidarités") < texte.index("N° 2022/07/29/07 – OBJET")


def test_the_rubrique_prints_only_where_the_style_says(copie) -> None:
    c = copie(MAUSSANE)
    c.edit(
        SEANCE_MAUSSANE,
        "    rapporteurs:",
        "    rubrique: Famille et solidarités\n    rapporteurs:",
    )
    assert "Famille et solidarités" not in textes(c.dir)[MAUSSANE_STEM]


def test_ouverture_in_figures_place_first(copie) -> None:
    texte = maussane(
        copie,
        "      ouverture: >-\n"
        "        {A_siege}, {lieu}, le {date} à {heure}, le {organe} {de_collectivite}, convoqué\n"
        "        le {convocation}, s'est réuni en séance publique sous la présidence de\n"
        "        {president_nom} ({president_fonction}).\n",
    )
    assert (
        "À Maussane-les-Alpilles, en l'Hôtel de Ville, le 29 juillet 2022 à 19h00, le Conseil "
        "municipal de la Commune de Maussane-les-Alpilles, convoqué le 13 juillet 2022, s'est "
        "réuni en séance publique sous la présidence de Monsieur Jean-Christophe CARRÉ (Maire)."
        in texte
    )
    assert "vingt-neuf" not in texte


def test_no_ouverture(copie, exemple) -> None:
    texte = maussane(copie, "      ouverture: null\n")
    assert "Le vingt-neuf juillet" in exemple and "Le vingt-neuf juillet" not in texte
    assert "Vu la loi n° 2021-1465" in texte  # the visas stay


def test_comptes_in_a_line_of_other_counts(copie) -> None:
    texte = maussane(
        copie,
        "      comptes:\n"
        "        nombres: [en_exercice, quorum, presents, absents, votants, pour, contre, abstentions]\n"
        "        libelles: {en_exercice: conseillers en exercice}\n",
    )
    assert (
        "Conseillers en exercice : 19 ; quorum : 7 ; présents : 10 ; absents : 9 ; votants : 18 ; "
        "pour : 17 ; contre : 0 ; abstentions : 1." in texte
    )


def test_comptes_in_a_box(copie) -> None:
    c = copie(MAUSSANE)
    c.edit(
        TERRITOIRE,
        STYLE,
        STYLE
        + "      comptes: {forme: tableau, nombres: [en_exercice, exprimes, ne_prennent_pas_part]}\n",
    )
    (doc,) = plan(validate([c.dir]), ["deliberation"])
    (boite,) = [
        b for b in doc.render().tree.blocks if isinstance(b, Div) and "comptes" in b.classes
    ]
    (table,) = boite.children
    assert isinstance(table, Table)
    assert [[inline_text(c) for c in row] for row in table.rows] == [
        ["Membres en exercice", "19"],
        ["Exprimés", "17"],
        ["Ne prenant pas part au vote", "0"],
    ]
    assert "Membres en exercice :" not in plain_text(doc.render().tree)


def test_no_comptes(copie) -> None:
    assert "Membres en exercice" not in maussane(copie, "      comptes: {forme: aucun}\n")


def test_the_form_s_counts_are_rows_of_its_table_or_a_line(copie) -> None:
    c = copie(POITIERS)
    c.edit(
        TERRITOIRE,
        "      mise_en_page: formulaire\n",
        "      mise_en_page: formulaire\n      comptes: {forme: ligne, nombres: [presents, votants]}\n",
    )
    texte = textes(c.dir)["poitiers-deliberation-2022-0301"]
    assert "Présents : 41 ; votants : 50." in texte
    assert "Quorum" not in texte


def test_presences_order_and_choice(copie) -> None:
    texte = maussane(copie, "      presences: [secretaires, president, absents]\n")
    assert "Étaient présents" not in texte and "Pouvoirs :" not in texte
    assert "Rapporteur :" not in texte
    secretaire = texte.index("Secrétaire de séance : Bernadette SAMUEL.")
    president = texte.index("Président de séance : M. Jean-Christophe CARRÉ.")
    assert secretaire < president < texte.index("Absent excusé : Fanny ARSAC.")


def test_each_mention_is_its_own_paragraph(copie, monkeypatch) -> None:
    presence = extrait.contexte_presence

    def avec_mentions(*args, **kwargs):
        found = presence(*args, **kwargs)
        return {
            **found,
            "mentions": ["Marc FUSAT arrive à 19h20.", "Sylvie NARDI quitte la séance."],
        }

    monkeypatch.setattr(extrait, "contexte_presence", avec_mentions)
    c = copie(MAUSSANE)
    (doc,) = plan(validate([c.dir]), ["deliberation"])
    paragraphes = [paragraphe(b) for b in doc.render().tree.blocks]
    i = paragraphes.index("Marc FUSAT arrive à 19h20.")
    assert paragraphes[i + 1] == "Sylvie NARDI quitte la séance."
    assert paragraphes[i - 1] == "Absent excusé : Fanny ARSAC."  # the roll's order, then
    assert paragraphes[i + 2] == "Secrétaire de séance : Bernadette SAMUEL."


def test_rapporteur_by_function(copie, exemple) -> None:
    texte = maussane(copie, "      rapporteur: fonction\n")
    assert "ouï l'exposé de Monsieur le Maire," in texte
    assert "Monsieur le Maire rappelle aux membres" in texte
    assert "ouï l'exposé de Monsieur le Rapporteur," in exemple


@pytest.mark.parametrize(
    ("forme", "attendu"),
    [
        ("conjuguee", "APPROUVE la démarche partenariale"),
        ("infinitif", "APPROUVER la démarche partenariale"),
        ("proposition", "d'approuver la démarche partenariale"),
    ],
)
def test_decisions(copie, forme, attendu) -> None:
    assert attendu in maussane(copie, f"      decisions: {forme}\n")


def test_formulas_around_the_decisions(copie) -> None:
    texte = maussane(
        copie,
        "      avant_decisions: null\n"
        '      apres_decisions: "Le {organe} {adopte} {vote}, {votants} votants."\n',
    )
    assert "Après en avoir délibéré" not in texte
    assert "Le Conseil municipal adopte à l'unanimité des suffrages exprimés, 18 votants." in texte


REJET = "vote: {pour: 5, contre: 12, abstentions: 1}"


def test_a_rejected_deliberation_reads_right(copie) -> None:
    c = copie(MAUSSANE)
    c.edit(SEANCE_MAUSSANE, "vote: {pour: 17, contre: 0, abstentions: 1}", REJET)
    texte = textes(c.dir)[MAUSSANE_STEM]
    assert "par 5 voix pour, 12 voix contre et 1 abstention," in texte
    assert "REJETTE le projet de délibération." in texte and "APPROUVE" not in texte
    c.edit(TERRITOIRE, RECIT, "      mise_en_page: rapport\n")
    texte = textes(c.dir)[MAUSSANE_STEM]
    assert "APPROUVER la démarche" in texte  # what the rapport asked for
    assert (
        "LE CONSEIL, APRÈS EN AVOIR DÉLIBÉRÉ, REJETTE PAR 5 VOIX POUR, 12 VOIX CONTRE ET 1 "
        "ABSTENTION LES CONCLUSIONS DU PRÉSENT RAPPORT" in texte
    )


def test_rejet_is_a_formula(copie) -> None:
    c = copie(MAUSSANE)
    c.edit(SEANCE_MAUSSANE, "vote: {pour: 17, contre: 0, abstentions: 1}", REJET)
    c.edit(TERRITOIRE, STYLE, STYLE + '      rejet: "**REFUSE** le projet, {resultat}."\n')
    assert "REFUSE le projet, rejetée." in textes(c.dir)[MAUSSANE_STEM]


def test_cloture(copie) -> None:
    texte = maussane(
        copie,
        "      cloture:\n"
        '        formules: ["Délibéré {fait_a}.", "Certifié exécutoire."]\n'
        "        signatures: [executif]\n"
        "        publication: false\n",
    )
    fin = texte[texte.index("DONNE tous pouvoirs") :]
    assert "Délibéré à Maussane-les-Alpilles, en l'Hôtel de Ville." in fin
    assert "Certifié exécutoire." in fin and "Pour extrait certifié conforme" not in fin
    assert "Le Maire," in fin and "Secrétaire de séance," not in fin
    assert "Publication sur le site" not in fin and "exécutoire par sa publication" not in fin


def test_signatures_in_their_order(copie, exemple) -> None:
    texte = maussane(copie, "      cloture: {signatures: [executif, secretaires]}\n")
    assert texte.index("Le Maire,") < texte.index("Secrétaire de séance,")
    assert exemple.index("Le Maire,") > exemple.index("Secrétaire de séance,")


# --- A formula is never a template -----------------------------------------------------------


def test_a_formula_prints_braces_and_markdown_as_typed_and_values_as_text(copie) -> None:
    c = copie(MAUSSANE)
    c.edit(SEANCE_MAUSSANE, "  lieu: en l'Hôtel de Ville", "  lieu: en la salle *des fêtes* [1]")
    c.edit(
        TERRITOIRE,
        STYLE,
        STYLE + '      ouverture: "{{ 7*7 }} {% if x %} {Lieu} {LIEU} {Organe} {NoM}."\n',
    )
    texte = textes(c.dir)[MAUSSANE_STEM]
    assert (
        "{{ 7*7 }} {% if x %} En la salle *des fêtes* [1] EN LA SALLE *DES FÊTES* [1] Conseil "
        "municipal {NoM}." in texte
    )


def test_capitals_of_a_value() -> None:
    assert noms_valeurs.substituer("{VOTE} {Vote} {vote}", {"vote": "à l'unanimité"}) == (
        "À L'UNANIMITÉ À l'unanimité à l'unanimité"
    )
    assert noms_valeurs.noms("{A} {NOM_2} {Nom} {NoM} {nOm}") == ["A", "NOM_2", "Nom"]


def test_the_french_of_the_vocabulary() -> None:
    import datetime as dt

    assert date_jour(dt.date(2020, 12, 14)) == "lundi 14 décembre 2020"
    assert date_jour(dt.date(2022, 7, 1)) == "vendredi 1er juillet 2022"
    assert verbes.infinitif("prendre  acte") == "PRENDRE ACTE"
    assert verbes.infinitif("valider") == "VALIDER"


def test_an_epci_with_a_proper_name_takes_no_article(copie) -> None:
    """« le Conseil communautaire de Seine Normandie Agglomération », never « de la »."""
    epci = Organisation(type="epci", nom="Seine Normandie Agglomération")
    assert noms.designation_avec_article(epci) == "Seine Normandie Agglomération"
    assert noms.designation_avec_article(
        Organisation(type="epci", nom="Communauté de communes de la Haute Somme")
    ) == ("la Communauté de communes de la Haute Somme")
    assert noms.designation_avec_article(
        Organisation(type="epci", nom="Métropole Rouen Normandie")
    ) == ("la Métropole Rouen Normandie")
    assert noms.designation_avec_article(
        Organisation(type="epci", nom="Grand Poitiers Communauté urbaine")
    ) == ("Grand Poitiers Communauté urbaine")
    c = copie("grand-chatellerault")
    c.edit(
        TERRITOIRE,
        "    nom: Communauté d'agglomération de Grand Châtellerault\n    nom_court: Grand Châtellerault\n",
        "    nom: Seine Normandie Agglomération\n",
    )
    (texte,) = textes(c.dir).values()
    assert (
        "le Conseil communautaire de Seine Normandie Agglomération, régulièrement convoqué" in texte
    )


# --- Every mistake is located, in French -----------------------------------------------------


def test_an_unknown_value_is_located_with_the_closest_name(copie) -> None:
    c = copie(MAUSSANE)
    c.edit(
        TERRITOIRE,
        STYLE,
        STYLE + "      ouverture: >-\n        Le {date}, le {organe}\n        réuni {lieux}.\n",
    )
    n, col = c.line(TERRITOIRE, "réuni {lieux}"), c.col(TERRITOIRE, "{lieux}")
    assert c.problems() == [
        f"{MAUSSANE}/{TERRITOIRE}:{n}:{col}: organisations.maussane-les-alpilles.deliberations."
        "ouverture : valeur inconnue « {lieux} » ; vouliez-vous dire « {lieu} » ?"
    ]


def test_an_unknown_value_in_a_closing_formula(copie) -> None:
    c = copie(MAUSSANE)
    c.edit(
        TERRITOIRE,
        STYLE,
        STYLE + '      cloture: {formules: ["Fait le {date}.", "Signé {xyz}."]}\n',
    )
    n, col = c.line(TERRITOIRE, "{xyz}"), c.col(TERRITOIRE, "{xyz}")
    (probleme,) = c.problems()
    assert probleme.startswith(
        f"{MAUSSANE}/{TERRITOIRE}:{n}:{col}: organisations.maussane-les-alpilles.deliberations."
        "cloture.formules[1] : valeur inconnue « {xyz} » ; valeurs calculées possibles : {numero}, "
    )


def test_an_option_the_layout_does_not_use_is_refused(copie) -> None:
    c = copie(MAUSSANE)
    c.edit(
        TERRITOIRE,
        STYLE,
        STYLE + "      adresse: Mes chers collègues,\n      en_tete: {seance: null}\n",
    )
    n = c.line(TERRITOIRE, "adresse: Mes chers")
    assert c.problems() == [
        f"{MAUSSANE}/{TERRITOIRE}:{n}:7: organisations.maussane-les-alpilles.deliberations."
        "adresse : l'option « adresse » ne sert pas à la mise en page « recit » ; ses options : "
        "en_tete (registre, titre, seance, objet, rubrique), ouverture, comptes (forme, nombres, "
        "libelles), presences, rapporteur, decisions, avant_decisions, apres_decisions, rejet, "
        "cloture (formules, signatures, publication)"
    ]
    c = copie(POITIERS)
    c.edit(
        TERRITOIRE,
        "      mise_en_page: formulaire\n",
        '      mise_en_page: formulaire\n      en_tete: {objet: "{objet}"}\n',
    )
    n = c.line(TERRITOIRE, "en_tete: {objet")
    col = c.col(TERRITOIRE, "en_tete: {objet") + len("en_tete: {")
    (probleme,) = c.problems()
    assert probleme.startswith(
        f"{POITIERS}/{TERRITOIRE}:{n}:{col}: organisations.poitiers.deliberations.en_tete.objet : "
        "l'option « en_tete.objet » ne sert pas à la mise en page « formulaire » ; ses options : "
        "en_tete (registre, titre, rubrique), comptes"
    )


def test_an_unknown_layout_is_refused(copie) -> None:
    c = copie(MAUSSANE)
    c.edit(TERRITOIRE, RECIT, "      mise_en_page: rapports\n")
    n, col = c.line(TERRITOIRE, "mise_en_page: rapports"), c.col(TERRITOIRE, "mise_en_page:")
    (probleme,) = c.problems()
    assert probleme.startswith(
        f"{MAUSSANE}/{TERRITOIRE}:{n}:{col}: organisations.maussane-les-alpilles.deliberations."
        "mise_en_page : "
    )
    assert "« rapport »" in probleme


def test_a_name_twice_in_a_list_is_refused(copie) -> None:
    c = copie(MAUSSANE)
    c.edit(TERRITOIRE, STYLE, STYLE + "      presences: [presents, absents, presents]\n")
    n, col = c.line(TERRITOIRE, "presences: ["), c.col(TERRITOIRE, "presents]")
    assert c.problems() == [
        f"{MAUSSANE}/{TERRITOIRE}:{n}:{col}: organisations.maussane-les-alpilles.deliberations."
        "presences[2] : « presents » est déjà dans la liste : une fois chacun"
    ]


def test_a_value_the_seance_lacks_is_reported_at_the_seance(copie) -> None:
    c = copie(MAUSSANE)
    c.edit(TERRITOIRE, STYLE, STYLE + "      ouverture: Réuni {Lieu} le {date}.\n")
    c.edit(SEANCE_MAUSSANE, "  lieu: en l'Hôtel de Ville\n", "")
    n, col = c.line(TERRITOIRE, "Réuni {Lieu}"), c.col(TERRITOIRE, "{Lieu}")
    seance = c.line(SEANCE_MAUSSANE, "seance:")
    assert c.problems() == [
        f"{MAUSSANE}/{SEANCE_MAUSSANE}:{seance}:1: seance : {{Lieu}}, que nomme le style des "
        "délibérations (organisations.maussane-les-alpilles.deliberations.ouverture, "
        f"{MAUSSANE}/{TERRITOIRE}:{n}:{col}), manque : cette séance n'a pas de lieu ; écrivez "
        "seance.lieu (ex. « en mairie »), ou retirez {Lieu} de la formule"
    ]


def test_a_value_a_deliberation_lacks_is_reported_at_the_deliberation(copie) -> None:
    c = copie(MAUSSANE)
    c.edit(TERRITOIRE, STYLE, STYLE + '      en_tete: {objet: "{ordre}. {objet}"}\n')
    n = c.line(SEANCE_MAUSSANE, "  - numero:")
    (probleme,) = c.problems()
    assert probleme.startswith(
        f"{MAUSSANE}/{SEANCE_MAUSSANE}:{n}:5: deliberations[0] : {{ordre}}, que nomme le style"
    )
    assert probleme.endswith(
        "manque : cette délibération n'a pas de numéro d'ordre ; écrivez ordre, ou retirez "
        "{ordre} de la formule"
    )
    c.edit(SEANCE_MAUSSANE, "    rapporteurs:", "    ordre: 7\n    rapporteurs:")
    assert c.problems() == []
    assert "7. CAF - Convention" in textes(c.dir)[MAUSSANE_STEM]


def test_a_president_who_is_not_the_executive_has_no_function(copie) -> None:
    c = copie(VAL_DE_SAIRE)
    c.edit(SEANCE_SAINT_VAAST, "  president: marc-exemple", "  president: claire-exemple")
    assert c.problems() == []  # the commune's opening names {president}
    texte = textes(c.dir)[RAPPORT]
    assert "sous la présidence de Madame Claire EXEMPLE." in texte
    c.edit(
        TERRITOIRE,
        "sous la présidence de {president}.",
        "sous la présidence de {president_fonction}.",
    )
    n = c.line(SEANCE_SAINT_VAAST, "  president:")
    (probleme,) = c.problems()
    assert probleme.startswith(
        f"{VAL_DE_SAIRE}/{SEANCE_SAINT_VAAST}:{n}:3: seance.president : {{president_fonction}}, "
    )
    assert "le président de séance n'est pas l'exécutif de la collectivité" in probleme


def test_a_shipped_formula_s_missing_value_is_reported_too(copie) -> None:
    """The narrative closing says where the council sat: an EPCI without a seat, in a séance
    without a place, is told so at its séance."""
    c = copie("grand-chatellerault")
    c.edit(TERRITOIRE, "    siege: Châtellerault\n", "")
    seance = "seances/2024-12-16-grand-chatellerault.yaml"
    c.edit(seance, "  lieu: à l'Hôtel d'Agglomération\n", "")
    n = c.line(seance, "seance:")
    assert c.problems() == [
        f"grand-chatellerault/{seance}:{n}:1: seance : {{fait_a}}, que nomme le style des "
        "délibérations (cloture.formules[0], formule livrée de la mise en page « recit »), "
        "manque : ni le siège de la Communauté d'agglomération de Grand Châtellerault ni le lieu "
        "de la séance ne sont connus ; écrivez seance.lieu ou le siege de la collectivité, ou "
        "retirez {fait_a} de la formule"
    ]


# --- Two councils from their data alone -------------------------------------------------------


EXEMPLES = (
    f"{VAL_DE_SAIRE}/{SEANCE_SAINT_VAAST}",
    f"{HAUTE_SOMME}/{SEANCE_HAUTE_SOMME}",
)


def test_no_template_names_the_two_councils() -> None:
    """The two illustrative councils are data only: no template, no shipped style names them."""
    for path in sorted(p for p in TEMPLATES_DIR.rglob("*") if p.suffix in (".j2", ".yaml")):
        texte = path.read_text(encoding="utf-8").lower()
        for nom in ("vaast", "haute somme", "haute-somme", "péronne"):
            assert nom not in texte, (path, nom)


def test_the_two_councils_were_added_with_templates_unchanged() -> None:
    """The commit that added each council's séance changed nothing under templates/."""
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        pytest.skip("pas de dépôt git : l'historique des gabarits ne peut être lu")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([git, *args], cwd=ROOT, capture_output=True, text=True)

    for chemin in EXEMPLES:
        ajout = run("log", "--format=%H", "--diff-filter=A", "--", f"data/{chemin}").stdout.split()
        if not ajout:
            pytest.skip(f"data/{chemin} n'est pas encore dans l'historique")
        (commit,) = ajout
        if run("rev-parse", "--verify", "--quiet", f"{commit}^").returncode != 0:
            pytest.skip("historique tronqué : le commit parent manque")
        diff = run("diff", "--name-only", f"{commit}^", commit, "--", "templates")
        assert diff.returncode == 0 and diff.stdout == "", diff.stdout


@pytest.fixture(scope="module")
def deux_conseils(tmp_path_factory) -> dict[str, str]:
    """The two illustrative councils, built from a clean copy of their data."""
    root = tmp_path_factory.mktemp("conseils")
    for nom in (VAL_DE_SAIRE, HAUTE_SOMME, "modeles"):
        shutil.copytree(DATA / nom, root / nom)
    found = {}
    for nom in (VAL_DE_SAIRE, HAUTE_SOMME):
        found.update(textes(root / nom))
    return found


def test_saint_vaast_writes_a_rapport(deux_conseils) -> None:
    texte = une_ligne(deux_conseils[RAPPORT])
    attendus = [
        "COMMUNE DE SAINT-VAAST-LA-HOUGUE RAPPORT AU CONSEIL MUNICIPAL Séance du mardi 12 décembre 2023",
        "Rapport n° 2023-58 – Objet : Convention territoriale globale",
        "L'an deux mille vingt-trois, le douze décembre à vingt heures, le Conseil municipal de la "
        "Commune de Saint-Vaast-la-Hougue, légalement convoqué le 6 décembre 2023, s'est réuni en "
        "mairie, salle du conseil, en séance publique, sous la présidence de Monsieur Marc EXEMPLE, Maire.",
        "Membres en exercice : 19 ; présents : 15 ; pouvoirs : 2 ; votants : 17.",
        "Mes chers collègues,",
        "nous avons mené depuis le printemps le diagnostic",
        "En conséquence, je vous demande de bien vouloir :",
        "APPROUVER la convention territoriale globale",
        "AUTORISER Monsieur le Maire à signer",
        "LE CONSEIL, APRÈS EN AVOIR DÉLIBÉRÉ, ADOPTE À L'UNANIMITÉ LES CONCLUSIONS DU PRÉSENT RAPPORT",
        "Ainsi fait et délibéré à Saint-Vaast-la-Hougue, en mairie, salle du conseil, les jour, mois et an susdits.",
        "Le Maire, Marc EXEMPLE La secrétaire de séance, Odile EXEMPLE",
    ]
    for attendu in attendus:
        assert une_ligne(attendu) in texte, attendu
    assert (
        "PRENDRE ACTE de la fin du contrat enfance jeunesse"
        in deux_conseils["saint-vaast-la-hougue-deliberation-2023-59"]
    )


def test_the_haute_somme_writes_a_register_extract_with_a_box(deux_conseils) -> None:
    texte = une_ligne(deux_conseils[REGISTRE])
    attendus = [
        "COMMUNAUTÉ DE COMMUNES DE LA HAUTE SOMME Extrait du registre des délibérations du Conseil "
        "communautaire Délibération n° 2024-041 du jeudi 13 juin 2024",
        "Action sociale - Famille Objet : Convention territoriale globale - Avenant n° 1",
        "À Péronne, salle du conseil communautaire, le 13 juin 2024 à 18h30, le Conseil "
        "communautaire de la Communauté de communes de la Haute Somme, convoqué le 6 juin 2024, "
        "s'est réuni en séance publique sous la présidence de Monsieur Paul EXEMPLE, Président.",
        "En exercice 15 Présents 13 Pouvoirs 2 Votants 15 Exprimés 14 Pour 14 Contre 0 Abstentions 1",
        "Le Conseil communautaire, après en avoir délibéré, à l'unanimité des suffrages exprimés :",
        "APPROUVE l'avenant n° 1 à la convention territoriale globale",
        "Fait et délibéré à Péronne, salle du conseil communautaire, les jour, mois et an susdits.",
        "Le Président, Paul EXEMPLE La secrétaire de séance, Florence EXEMPLE",
    ]
    for attendu in attendus:
        assert une_ligne(attendu) in texte, attendu


@pytest.mark.slow
def test_a_rapport_and_a_register_extract_say_the_same_words_in_every_format(tmp_path) -> None:
    from support.extract import docx_text, html_text, pdf_text

    for nom in (VAL_DE_SAIRE, HAUTE_SOMME, "modeles"):
        shutil.copytree(DATA / nom, tmp_path / "data" / nom)
    out = tmp_path / "out"
    options = BuildOptions(
        output=out, formats=("docx", "pdf", "html"), jobs=1, kinds=("deliberation",)
    )
    assert build([tmp_path / "data"], options).ok
    metas = {
        d.stem: d.render().meta
        for nom in (VAL_DE_SAIRE, HAUTE_SOMME)
        for d in plan(validate([tmp_path / "data" / nom]), ["deliberation"])
    }
    for territoire, stem in ((VAL_DE_SAIRE, RAPPORT), (HAUTE_SOMME, REGISTRE)):
        base = out / territoire / stem
        docx = words(docx_text(base.with_suffix(".docx")))
        assert words(pdf_text(base.with_suffix(".pdf"), metas[stem])) == docx
        assert words(html_text(base.with_suffix(".html"))) == docx
        assert len(docx) > 150
