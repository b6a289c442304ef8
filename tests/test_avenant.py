"""Avenants: the text for each kind of change (only the changed parts), consolidated versions,
the deliberation approving an avenant, and every message about an avenant."""

from __future__ import annotations

import shutil
import textwrap

import pytest

from conftest import DATA
from ctgdocs.app import plan, validate
from ctgdocs.avenants.sections import sections
from ctgdocs.render.tree import plain_text

CHATELLERAULT = "grand-chatellerault"
PRADET = "le-pradet"
AVENANT_1 = "avenants/01-prolongation.yaml"
AVENANT_2 = "avenants/02-commune-et-representant.yaml"
SEANCE_CAGC = "seances/2024-12-16-grand-chatellerault.yaml"
DATA_CHAT = DATA / CHATELLERAULT


def sans_avenants(c):
    """The copy as signed: no avenant, no séance approving one."""
    shutil.rmtree(c.path("avenants"))
    shutil.rmtree(c.path("seances"))
    return c


def ecrire(c, nom: str, modifications: str, *, numero: int = 1, entete: str = "") -> str:
    """An avenant file in the copy; returns its relative path."""
    rel = f"avenants/{nom}.yaml"
    c.path("avenants").mkdir(exist_ok=True)
    texte = (
        "avenant:\n"
        f"  numero: {numero}\n"
        f"{entete}"
        "  objet: modifier la convention\n"
        "  effet: 2024-06-01\n"
        "  signature: {lieu: Poitiers}\n"
        "  modifications:\n" + textwrap.indent(textwrap.dedent(modifications).strip(), "    ")
    )
    c.path(rel).write_text(texte + "\n", encoding="utf-8")
    return rel


def lire(doc) -> str:
    """The document's text, its no-break spaces as plain spaces (typography is tested apart)."""
    return plain_text(doc.render().tree).replace("\u00a0", " ").replace("\u202f", " ")


def document(c, stem: str, kind: str = "avenant") -> str:
    (doc,) = [d for d in plan(validate([c.dir]), [kind]) if d.stem == stem]
    return lire(doc)


def articles(texte: str) -> list[str]:
    return [line for line in texte.splitlines() if line.startswith("Article ")]


def test_a_prolongation_quotes_article_8_only():
    (doc,) = [d for d in plan(validate([DATA_CHAT]), ["avenant"]) if d.stem.endswith("-1")]
    texte = lire(doc)
    assert articles(texte) == [
        "Article 1er : Modification de l'article 8",
        "Article 2 : Date d'effet",
        "Article 3 : Autres dispositions",
    ]
    assert (
        "Le présent avenant a pour objet de modifier la convention territoriale globale de "
        "services aux familles signée le 31 décembre 2019, afin de prolonger la convention "
        "d'une année." in texte
    )
    assert (
        "L'article 8 « Durée de la convention » de la convention est remplacé par la rédaction "
        "suivante :\nLa présente convention est conclue à compter de la date de signature "
        "figurant ci-dessous jusqu'au 31 décembre 2025 inclus." in texte
    )
    assert "Le présent avenant prend effet le 20 décembre 2024." in texte
    assert "Les autres dispositions de la convention demeurent inchangées." in texte
    assert "Fait à Poitiers, le 20 décembre 2024, en trois exemplaires originaux." in texte
    assert doc.signe_le is not None and doc.signe_le.isoformat() == "2024-12-20"


def test_an_added_item_changes_the_article_that_shows_it(copie):
    c = sans_avenants(copie(CHATELLERAULT))
    ecrire(
        c,
        "01-orientation",
        """
        - ajoute: convention.axes[1].orientations
          valeur: Développer l'accueil des enfants en situation de handicap
        """,
    )
    texte = document(c, "convention-avenant-1")
    assert articles(texte)[0] == "Article 1er : Modification de l'article 2"
    assert len(articles(texte)) == 3
    assert "Développer l'accueil des enfants en situation de handicap" in texte


def test_a_removed_item_updates_every_count_and_list(copie):
    c = sans_avenants(copie(CHATELLERAULT))
    ecrire(c, "01-thure", "- retire: organisations.thure")
    texte = document(c, "convention-avenant-1")
    assert articles(texte) == [
        "Article 1er : Modification du préambule",
        "Article 2 : Modification de l'annexe 2",
        "Article 3 : Date d'effet",
        "Article 4 : Autres dispositions",
    ]
    assert "s'établit autour de 46 communes" in texte
    assert "pour les 3 communes de :" in texte and "Thuré" not in texte


def test_a_changed_representative_changes_the_parties_and_the_signatures(copie):
    c = sans_avenants(copie(CHATELLERAULT))
    ecrire(
        c,
        "01-president",
        """
        - ajoute: personnes.jean-dupont
          valeur: {civilite: M., prenom: Jean, nom: DUPONT}
        - remplace: convention.parties[grand-chatellerault].representants[1].personne
          valeur: jean-dupont
        """,
    )
    texte = document(c, "convention-avenant-1")
    assert articles(texte)[:1] == ["Article 1er : Modification de la désignation des parties"]
    assert len(articles(texte)) == 3
    assert (
        "La désignation des parties de la convention est remplacée par la rédaction suivante :"
        in texte
    )
    assert "représentée par son Président, Monsieur Jean DUPONT" in texte
    assert "Le Président,\nJean DUPONT" in texte  # the new representative signs the avenant
    assert "ABELIN" not in texte


def test_a_removed_annex_is_said_removed(copie):
    c = sans_avenants(copie(CHATELLERAULT))
    ecrire(c, "01-cej", "- remplace: convention.annexes.cej\n  valeur: false")
    texte = document(c, "convention-avenant-1")
    assert articles(texte)[0] == "Article 1er : Suppression de l'annexe 2"
    assert (
        "L'annexe 2 « Intégration des collectivités compétentes au fur et à mesure de la fin des "
        "dispositifs contractuels Contrats enfance jeunesse » de la convention est supprimée."
        in texte
    )


def test_the_second_avenant_names_the_first_and_only_its_own_changes():
    (doc,) = [d for d in plan(validate([DATA_CHAT]), ["avenant"]) if d.stem.endswith("-2")]
    texte = lire(doc)
    assert articles(texte) == [
        "Article 1er : Modification de la désignation des parties",
        "Article 2 : Modification du préambule",
        "Article 3 : Modification de l'annexe 2",
        "Article 4 : Date d'effet",
        "Article 5 : Autres dispositions",
    ]
    assert "signée le 31 décembre 2019, modifiée par l'avenant n° 1 signé le 20 décembre 2024" in (
        texte
    )
    assert "afin d'intégrer la commune de La Puye" in texte
    assert "Fait à Châtellerault, le ……………" in texte  # a draft: no date of signature yet
    assert doc.signe_le is None
    assert doc.render().meta.footer == "Projet d'avenant n° 2"


def test_consolidated_versions_have_versioned_names_and_say_what_they_merge():
    docs = {d.stem: d for d in plan(validate([DATA_CHAT]), ["convention"])}
    assert sorted(docs) == [
        "convention",
        "convention-consolidee-avenant-1",
        "convention-consolidee-avenant-2",
    ]
    rendu = docs["convention-consolidee-avenant-2"].render()
    texte = plain_text(rendu.tree).replace("\u00a0", " ").replace("\u202f", " ")
    assert (
        "Version consolidée au 1er mars 2025 : texte de la convention signée le 31 décembre "
        "2019, modifiée par l'avenant n° 1 signé le 20 décembre 2024 et l'avenant n° 2 (projet, "
        "non signé)." in texte
    )
    assert "jusqu'au 31 décembre 2025 inclus" in texte and "La Puye." in texte
    assert rendu.meta.footer == "Version consolidée au 1er mars 2025"
    original = lire(docs["convention"])
    assert "jusqu'au 31 décembre 2024 inclus" in original and "La Puye" not in original
    assert docs["convention"].signe_le is not None
    assert docs["convention-consolidee-avenant-1"].signe_le is None


def test_declared_inputs_of_the_avenant_documents():
    names = {
        d.stem: sorted(p.relative_to(DATA_CHAT).as_posix() for p in d.entrees)
        for d in plan(validate([DATA_CHAT]), [])
    }
    base = ["convention.yaml", "coordination.yaml", "territoire.yaml"]
    assert names["convention"] == base
    assert names["convention-avenant-1"] == sorted([*base, AVENANT_1])
    assert names["convention-consolidee-avenant-2"] == sorted([*base, AVENANT_1, AVENANT_2])
    assert names["grand-chatellerault-deliberation-2024-12-16-12"] == sorted(
        [*base, AVENANT_1, SEANCE_CAGC]
    )


def test_the_deliberation_approving_an_avenant():
    (doc,) = [d for d in plan(validate([DATA_CHAT]), ["deliberation"])]
    texte = lire(doc)
    assert (
        "La convention territoriale globale de services aux familles a été signée le 31 décembre "
        "2019. Le projet d'avenant n° 1 soumis au conseil communautaire a pour objet de la "
        "modifier, afin de prolonger la convention d'une année.\n"
        "Il modifie l'article 8 « Durée de la convention », et prend effet le 20 décembre 2024."
        in texte
    )
    assert (
        "APPROUVE l'avenant n° 1 à la convention territoriale globale de services aux familles, "
        "annexé à la présente délibération ;" in texte
    )
    assert "AUTORISE Monsieur le Président à signer l'avenant n° 1" in texte
    assert "Fait et délibéré à Châtellerault, à l'Hôtel d'Agglomération" in texte


def test_an_avenant_to_the_acte_d_engagement(copie):
    c = copie(PRADET)
    c.edit(
        "acte.yaml",
        "  # No date_signature: the seed leaves it blank",
        "  date_signature: 2021-12-10\n  # No date_signature: the seed leaves it blank",
    )
    ecrire(
        c,
        "01-fin",
        "- remplace: acte_engagement.fin\n  valeur: 2023-06-30",
        entete="  modifie: acte-engagement\n",
    )
    c.edit("avenants/01-fin.yaml", "effet: 2024-06-01", "effet: 2022-06-01")
    texte = document(c, "acte-engagement-avenant-1")
    assert (
        "Le présent avenant a pour objet de modifier l'acte d'engagement dans la démarche CTG "
        "(Convention territoriale globale) signé le 10 décembre 2021, afin de modifier la "
        "convention." in texte
    )
    changed = [a for a in articles(texte) if "Modification" in a]
    assert changed and all("article" in a for a in changed)
    assert "Les autres dispositions de l'acte d'engagement demeurent inchangées." in texte
    assert "30 juin 2023" in texte
    consolidee = document(c, "acte-engagement-consolidee-avenant-1", "acte-engagement")
    assert "texte de l'acte d'engagement signé le 10 décembre 2021, modifié par" in consolidee


def test_sections_of_the_convention():
    (doc,) = plan(validate([DATA_CHAT]), ["convention"])[:1]
    cles = [s.cle for s in sections(doc.render().tree)]
    assert cles == [
        "parties",
        "preambule",
        *[f"article-{n}" for n in range(1, 11)],
        "annexe-1",
        "annexe-2",
    ]


# --- messages --------------------------------------------------------------------------------


def _erreurs(c, rel, modifications, **kw):
    ecrire(c, rel.removeprefix("avenants/").removesuffix(".yaml"), modifications, **kw)
    return c.problems()


@pytest.mark.parametrize(
    ("modification", "message"),
    [
        (
            "- remplace: territoire.ctg.fn\n  valeur: 2025-12-31",
            "chemin « territoire.ctg.fn » : la clé « fn » n'existe pas ; vouliez-vous dire "
            "« fin » ?",
        ),
        (
            "- remplace: communes.x\n  valeur: 1",
            "chemin « communes.x » : il commence par une de ces clés : territoire, "
            "organisations, personnes, convention, postes, tableau_etp, grille_evaluation, "
            "acte_engagement",
        ),
        (
            "- remplace: acte_engagement.fin\n  valeur: 2025-12-31",
            "acte.yaml est absent du territoire : l'avenant ne peut pas le modifier",
        ),
        (
            "- remplace: territoire.ctg.fin\n  valeur: 2024-12-31",
            "cette modification ne change rien : « territoire.ctg.fin » vaut déjà cela",
        ),
        (
            "- ajoute: organisations.thure\n  valeur: {type: commune, nom: Thuré}",
            "« organisations.thure » existe déjà : pour changer sa valeur, utilisez « remplace »",
        ),
        (
            "- ajoute: territoire.ctg.signataires\n  valeur: caf-86",
            "« territoire.ctg.signataires » contient déjà cet élément",
        ),
        (
            "- retire: convention.parties[cnaf]",
            "chemin « convention.parties[cnaf] » : aucun élément de la liste ne correspond "
            "à « cnaf »",
        ),
        (
            "- retire: convention.parties[4]",
            "chemin « convention.parties[4] » : pas d'élément n° 4 (la liste en a 3)",
        ),
        (
            "- remplace: territoire.ctg.fin.jour\n  valeur: 1",
            "chemin « territoire.ctg.fin.jour » : « jour » désigne une clé, mais ici la valeur "
            "n'est pas un dictionnaire",
        ),
        (
            "- retire: territoire.caf[1]",
            "chemin « territoire.caf[1] » : [1] désigne un élément de liste, mais ici la valeur "
            "n'est pas une liste",
        ),
        (
            "- retire: territoire.ctg.signataires[3].x",
            "chemin « territoire.ctg.signataires[3].x » : « x » désigne une clé, mais ici la "
            "valeur n'est pas un dictionnaire",
        ),
    ],
)
def test_a_modification_that_cannot_apply_is_located_in_the_avenant(copie, modification, message):
    c = sans_avenants(copie(CHATELLERAULT))
    rel = "avenants/01-x.yaml"
    operation = modification.split(":")[0].removeprefix("- ")
    problems = _erreurs(c, rel, modification)
    line, col = c.line(rel, operation), c.col(rel, operation)
    assert problems == [
        f"{c.dir.name}/{rel}:{line}:{col}: avenant.modifications[0].{operation} : {message}"
    ]


@pytest.mark.parametrize(
    ("modification", "field", "message"),
    [
        (
            "- remplace: territoire.ctg.fin\n  ajoute: territoire.ctg.signataires\n  valeur: 1",
            "avenant.modifications[0]",
            "une modification contient exactement une opération : « remplace », « ajoute » ou "
            "« retire »",
        ),
        (
            "- remplace: territoire.ctg.fin",
            "avenant.modifications[0]",
            "« valeur » manque : la nouvelle valeur (remplace) ou l'élément ajouté (ajoute)",
        ),
        (
            "- retire: organisations.thure\n  valeur: 1",
            "avenant.modifications[0]",
            "« retire » ne prend pas de « valeur » : le chemin désigne l'élément retiré",
        ),
        (
            "- remplace: Territoire/fin\n  valeur: 1",
            "avenant.modifications[0].remplace",
            "chemin invalide « Territoire/fin » : des clés séparées par des points, un élément de "
            "liste entre crochets (ex. « territoire.ctg.fin », "
            "« convention.parties[caf-86].representants »)",
        ),
    ],
)
def test_a_malformed_modification(copie, modification, field, message):
    c = sans_avenants(copie(CHATELLERAULT))
    problems = _erreurs(c, "avenants/01-x.yaml", modification)
    assert len(problems) == 1 and problems[0].endswith(f": {field} : {message}")
    assert problems[0].startswith(f"{c.dir.name}/avenants/01-x.yaml:")


def test_consolidated_data_is_checked_and_the_problem_located_in_the_avenant(copie):
    c = sans_avenants(copie(CHATELLERAULT))
    rel = "avenants/01-x.yaml"
    problems = _erreurs(
        c,
        rel,
        """
        - remplace: convention.parties[caf-86].representants[1].personne
          valeur: tania-concii
        """,
    )
    line, col = c.line(rel, "tania-concii"), c.col(rel, "valeur")
    assert problems == [
        f"{c.dir.name}/{rel}:{line}:{col}: convention.parties[0].representants[0].personne : après "
        "l'avenant n° 1 : identifiant inconnu « tania-concii » : aucune personne de ce nom dans "
        "territoire.yaml ; vouliez-vous dire « tania-conci » ?"
    ]


def test_a_consolidated_type_error_is_located_in_the_avenant(copie):
    c = sans_avenants(copie(CHATELLERAULT))
    rel = "avenants/01-x.yaml"
    problems = _erreurs(c, rel, "- remplace: territoire.ctg.fin\n  valeur: bientôt")
    line, col = c.line(rel, "bientôt"), c.col(rel, "valeur")
    assert problems == [
        f"{c.dir.name}/{rel}:{line}:{col}: territoire.ctg.fin : date attendue au format AAAA-MM-JJ, reçu "
        "« bientôt »"
    ]


def test_avenants_are_numbered_from_1_without_gaps(copie):
    c = sans_avenants(copie(CHATELLERAULT))
    ecrire(c, "01-a", "- remplace: territoire.ctg.fin\n  valeur: 2025-12-31")
    ecrire(c, "03-b", "- remplace: territoire.ctg.fin\n  valeur: 2026-12-31", numero=3)
    assert c.problems() == [
        f"{c.dir.name}/avenants/03-b.yaml:{c.line('avenants/03-b.yaml', 'numero')}:3: avenant.numero : "
        "avenant n° 3 : n° 2 attendu"
    ]
    c.path("avenants/03-b.yaml").write_text(
        c.path("avenants/03-b.yaml").read_text().replace("numero: 3", "numero: 1")
    )
    (problem,) = c.problems()
    assert problem.endswith("avenant.numero : avenant n° 1 : deux avenants portent ce numéro")


def test_an_unsigned_act_is_corrected_without_avenant(copie):
    c = copie(PRADET)
    ecrire(
        c,
        "01-fin",
        "- remplace: acte_engagement.fin\n  valeur: 2023-06-30",
        entete="  modifie: acte-engagement\n",
    )
    (problem,) = c.problems()
    assert problem.endswith(
        "avenant.modifie : l'acte d'engagement n'est pas signé : un projet se corrige "
        "directement, sans avenant (indiquez acte_engagement.date_signature une fois l'acte signé)"
    )


def test_an_avenant_to_a_missing_act(copie):
    c = copie(PRADET)
    ecrire(c, "01-x", "- remplace: territoire.nom\n  valeur: Autre")
    (problem,) = c.problems()
    assert problem.endswith(
        "avenant.modifie : convention.yaml est absent : il n'y a pas d'acte à modifier"
    )


def test_signatures_follow_the_order_of_the_avenants(copie):
    c = sans_avenants(copie(CHATELLERAULT))
    ecrire(c, "01-a", "- remplace: territoire.ctg.fin\n  valeur: 2025-12-31")
    rel = ecrire(c, "02-b", "- remplace: territoire.ctg.fin\n  valeur: 2026-12-31", numero=2)
    c.edit(rel, "signature: {lieu: Poitiers}", "signature: {lieu: Poitiers, date: 2024-03-01}")
    (problem,) = c.problems()
    assert problem.endswith(
        "avenant.signature.date : l'avenant n° 1 n'est pas signé : l'avenant n° 2 ne peut pas "
        "l'être avant lui"
    )
    c.edit(
        "avenants/01-a.yaml",
        "signature: {lieu: Poitiers}",
        "signature: {lieu: Poitiers, date: 2024-04-01}",
    )
    (problem,) = c.problems()
    assert problem.endswith(
        "avenant.signature.date : signé le 1er mars 2024, avant l'avenant n° 1 (signé le "
        "1er avril 2024)"
    )
    c.edit("avenants/01-a.yaml", "date: 2024-04-01", "date: 2019-01-01")
    assert any(
        p.endswith("signé le 1er janvier 2019, avant l'acte modifié (signé le 31 décembre 2019)")
        for p in c.problems()
    )


def test_an_expired_act_cannot_be_amended(copie):
    c = sans_avenants(copie(CHATELLERAULT))
    rel = ecrire(c, "01-a", "- remplace: territoire.ctg.fin\n  valeur: 2025-12-31")
    c.edit(rel, "effet: 2024-06-01", "effet: 2025-02-01")
    assert c.problems() == [
        f"{c.dir.name}/{rel}:{c.line(rel, 'effet')}:3: avenant.effet : l'avenant doit prendre effet pendant "
        "la durée de la convention, du 31 décembre 2019 au 31 décembre 2024 : un acte échu ne "
        "peut plus être modifié"
    ]


def test_an_avenant_that_changes_no_article_is_refused_when_rendered(copie):
    from ctgdocs.errors import DataError

    c = sans_avenants(copie(CHATELLERAULT))
    rel = ecrire(c, "01-a", "- remplace: postes.charge-cooperation.date\n  valeur: 2021-01-01")
    (doc,) = [d for d in plan(validate([c.dir]), ["avenant"])]
    with pytest.raises(DataError) as error:
        doc.render()
    assert [str(p) for p in error.value.problems] == [
        f"{c.dir.name}/{rel}:{c.line(rel, 'modifications')}:3: avenant.modifications : l'avenant ne change le "
        "texte d'aucun article de la convention : il n'y a rien à signer"
    ]


def test_deliberation_rules_for_an_avenant(copie):
    c = copie(CHATELLERAULT)
    c.edit(SEANCE_CAGC, "avenant: 1", "avenant: 3")
    assert c.problems() == [
        f"{c.dir.name}/{SEANCE_CAGC}:{c.line(SEANCE_CAGC, 'avenant: 3')}:5: deliberations[0].avenant : "
        "aucun avenant n° 3 à la convention dans avenants/"
    ]
    c.edit(SEANCE_CAGC, "avenant: 3", "avenant: 1")
    c.edit(SEANCE_CAGC, "date: 2024-12-16", "date: 2024-12-21")
    c.edit(SEANCE_CAGC, "convocation: 2024-12-10", "convocation: 2024-12-15")
    c.edit(SEANCE_CAGC, "publiee_le: 2024-12-18", "publiee_le: 2024-12-23")
    assert c.problems() == [
        f"{c.dir.name}/{SEANCE_CAGC}:{c.line(SEANCE_CAGC, 'date: 2024')}:3: seance.date : la séance du 21 "
        "décembre 2024 suit la signature de l'avenant n° 1 (le 20 décembre 2024) : le conseil "
        "autorise la signature avant qu'elle ait lieu"
    ]


def test_an_avenant_clause_needs_the_avenant(copie):
    c = copie(CHATELLERAULT)
    c.edit(SEANCE_CAGC, "    avenant: 1\n", "")
    line = c.line(SEANCE_CAGC, "expose_avenant")
    assert c.problems()[0] == (
        f"{c.dir.name}/{SEANCE_CAGC}:{line}:9: deliberations[0].expose[0].clause : la clause "
        "« expose_avenant » nomme l'avenant approuvé : indiquez « avenant: » (son numéro) dans "
        "la délibération"
    )


def test_only_a_party_approves_an_avenant(copie):
    c = copie(CHATELLERAULT)
    c.edit(SEANCE_CAGC, "collectivite: grand-chatellerault", "collectivite: chatellerault")
    line = c.line(SEANCE_CAGC, "collectivite:")
    assert (
        f"{c.dir.name}/{SEANCE_CAGC}:{line}:3: seance.collectivite : « chatellerault » n'est pas "
        "partie à la convention : seules ses parties (caf-86, msa-poitou, grand-chatellerault) "
        "approuvent ses avenants" in c.problems()
    )
