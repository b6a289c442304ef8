"""@CTES: the transmission identifier, the metadata JSON beside each PDF of an act sent to the
préfecture, the rules on `actes:` of contracts, and the pre-flight of what @CTES refuses."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from conftest import DATA, POITIERS
from ctgdocs.app import BuildOptions, build
from ctgdocs.cli import main
from ctgdocs.errors import OutputError
from ctgdocs.export.ctes import preflight
from ctgdocs.rules.teletransmission import Teletransmission, departement_actes

CHATELLERAULT = "grand-chatellerault"
# The real SIREN of the Communauté d'agglomération de Grand Châtellerault, which its example
# now holds from the COG (ctgdocs import territoire, issue 20).
SIREN_GC = "248600413"


def _acte(**changes) -> Teletransmission:
    values = {
        "nature": "DE",
        "matiere": "7.1",
        "numero": "2022_0301",
        "objet": "Évolution des postes de coordination",
        "date": dt.date(2023, 6, 26),
        "collectivite": "Ville de Poitiers",
        "siren": "218601946",
        "departement": "86",
    }
    return Teletransmission(**{**values, **changes})


@pytest.mark.parametrize(
    ("departement", "code"), [("86", "086"), ("13", "013"), ("2A", "02A"), ("971", "971")]
)
def test_the_departement_is_written_on_three_characters(departement, code) -> None:
    assert departement_actes(departement) == code


def test_the_identifier_of_the_seed_deliberation() -> None:
    acte = _acte()
    assert acte.identifiant == "086-218601946-20230626-2022_0301-DE"
    assert acte.fichier_acte() == "99_DE-086-218601946-20230626-2022_0301-DE-1-1_1.pdf"
    assert (acte.matiere_libelle, acte.famille, acte.famille_libelle) == (
        "Décisions budgétaires",
        "7",
        "Finances locales",
    )


def test_the_example_deliberation_has_its_metadata_beside_its_pdf(tmp_path) -> None:
    options = BuildOptions(output=tmp_path, kinds=("deliberation",), formats=("pdf",), jobs=1)
    report = build([DATA / POITIERS], options)
    stem = tmp_path / POITIERS / "poitiers-deliberation-2022-0301"
    assert sorted(report.ecrits) == [stem.with_suffix(".actes.json"), stem.with_suffix(".pdf")]
    assert json.loads(stem.with_suffix(".actes.json").read_text(encoding="utf-8")) == {
        "identifiant": "086-218601946-20230626-2022_0301-DE",
        "nature": {"code": "DE", "code_numerique": 1, "libelle": "Délibérations"},
        "matiere": {
            "code": "7.1",
            "libelle": "Décisions budgétaires",
            "codes": ["7", "1"],
            "niveau_1": {"code": "7", "libelle": "Finances locales"},
        },
        "numero_interne": "2022_0301",
        "objet": "Évolution des postes de coordinations financés par la Caisse d'allocations "
        "familiales (Caf) dans le cadre de la Convention territoriale globale (CTG)",
        "date_decision": "2023-06-26",
        "collectivite": {"nom": "Ville de Poitiers", "siren": "218601946", "departement": "086"},
        "fichiers": {
            "acte": {
                "nom": "poitiers-deliberation-2022-0301.pdf",
                "type": "application/pdf",
                "nom_teletransmission": "99_DE-086-218601946-20230626-2022_0301-DE-1-1_1.pdf",
            },
            "annexes": [],
        },
    }


def test_without_the_pdf_there_is_no_metadata(tmp_path) -> None:
    options = BuildOptions(output=tmp_path, kinds=("deliberation",), formats=("html",), jobs=1)
    report = build([DATA / POITIERS], options)
    assert [p.name for p in report.ecrits] == ["poitiers-deliberation-2022-0301.html"]


def test_the_metadata_alone_is_refused(tmp_path) -> None:
    result = CliRunner().invoke(
        main, ["build", str(DATA / POITIERS), "--format", "actes", "--output", str(tmp_path)]
    )
    assert (result.exit_code, result.stderr) == (
        1,
        "erreur (utilisation) : « actes » n'est pas un format : les métadonnées @CTES "
        "(.actes.json) sont écrites à côté du PDF de chaque acte télétransmis ; demandez le PDF "
        "(--format pdf)\n",
    )


# --- pre-flight --------------------------------------------------------------------------


def test_preflight_passes_a_good_act() -> None:
    preflight(_acte(), "Délibération n° 2022-0301")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"objet": "x" * 500},
            "objet trop long : 500 caractères, 499 au plus ; écrivez un objet plus court dans "
            "actes.objet",
        ),
        ({"objet": "  "}, "objet vide (1 à 499 caractères)"),
        (
            {"objet": "deux\nlignes"},
            "l'objet doit tenir sur une ligne (@CTES refuse les retours à la ligne)",
        ),
        (
            {"numero": "2022-0301"},
            "numéro ACTES « 2022-0301 » invalide (1 à 15 chiffres, majuscules ou _)",
        ),
    ],
)
def test_preflight_refuses_what_actes_refuses(changes, message) -> None:
    with pytest.raises(OutputError) as error:
        preflight(_acte(**changes), "Convention")
    assert str(error.value) == f"« Convention » ne peut pas être télétransmis : {message}"


def test_a_pdf_over_the_actes_limit_fails_its_territory(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("ctgdocs.writers.pdf.writer.TAILLE_MAX", 10_000)
    options = BuildOptions(output=tmp_path, kinds=("deliberation",), formats=("pdf",), jobs=1)
    report = build([DATA / POITIERS], options)
    assert report.ecrits == [] and len(report.echecs) == 1
    (line,) = report.echecs[0].erreurs
    assert line.startswith("erreur (écriture impossible) : « Délibération n° 2022-0301 » : le ")
    assert line.endswith(" Mo ; @CTES refuse un acte et ses annexes au-delà de 0,01 Mo")
    assert "le PDF fait 0," in line


# --- contracts (nature CC) ---------------------------------------------------------------


@pytest.fixture
def chatellerault(copie):
    c = copie(CHATELLERAULT)
    assert f'    siren: "{SIREN_GC}"\n' in c.path("territoire.yaml").read_text(encoding="utf-8")
    return c


ACTES_CONVENTION = (
    "  actes: {numero: CTG_2020_2024, matiere: '8.2', collectivite: grand-chatellerault}\n"
)


def test_a_signed_convention_and_avenant_are_sent_as_cc(chatellerault, tmp_path) -> None:
    c = chatellerault
    c.edit("convention.yaml", "  signature:\n", ACTES_CONVENTION + "  signature:\n")
    for n in ("01-prolongation", "02-commune-et-representant"):
        c.edit(
            f"avenants/{n}.yaml",
            "  modifications:\n",
            f"  actes: {{numero: CTG_AV{n[1]}, matiere: '8.2', collectivite: grand-chatellerault}}"
            "\n  modifications:\n",
        )
    out = tmp_path / "out"
    options = BuildOptions(output=out, kinds=("convention", "avenant"), formats=("pdf",), jobs=1)
    report = build([c.dir], options)
    assert report.ok
    written = sorted(p.name for p in report.ecrits if p.name.endswith(".json"))
    # the draft avenant n° 2 has no date yet, the consolidated versions are never sent
    assert written == ["convention-avenant-1.actes.json", "convention.actes.json"]
    convention = json.loads((out / CHATELLERAULT / "convention.actes.json").read_text())
    assert convention["identifiant"] == f"086-{SIREN_GC}-20191231-CTG_2020_2024-CC"
    assert convention["nature"] == {
        "code": "CC",
        "code_numerique": 4,
        "libelle": "Contrats, conventions et avenants",
    }
    assert convention["objet"] == (
        "Convention territoriale globale de services aux familles — Grand Châtellerault"
    )
    assert convention["collectivite"]["nom"] == "Communauté d'agglomération de Grand Châtellerault"
    avenant = json.loads((out / CHATELLERAULT / "convention-avenant-1.actes.json").read_text())
    assert avenant["identifiant"] == f"086-{SIREN_GC}-20241220-CTG_AV1-CC"


def _problems(c) -> list[str]:
    return [p.split(": ", 1)[1] for p in c.problems()]


def test_the_transmitting_collectivite_signs_the_contract(chatellerault) -> None:
    c = chatellerault
    c.edit(
        "convention.yaml",
        "  signature:\n",
        ACTES_CONVENTION.replace("grand-chatellerault", "chatellerault") + "  signature:\n",
    )
    line, col = c.line("convention.yaml", "  actes:"), c.col("convention.yaml", "collectivite:")
    assert c.problems() == [
        f"{CHATELLERAULT}/convention.yaml:{line}:{col}: convention.actes.collectivite : "
        "« chatellerault » ne signe pas la convention : la collectivité qui le transmet au "
        "contrôle de légalité en est une partie"
    ]


def test_a_contract_s_transmitting_body_needs_its_siren(copie) -> None:
    c = copie(CHATELLERAULT)
    c.edit("territoire.yaml", f'    siren: "{SIREN_GC}"\n', "")
    c.edit("convention.yaml", "  signature:\n", ACTES_CONVENTION + "  signature:\n")
    line = c.line("territoire.yaml", "  grand-chatellerault:")
    assert c.problems() == [
        f"{CHATELLERAULT}/territoire.yaml:{line}:3: organisations.grand-chatellerault : siren "
        "manquant : nécessaire à l'identifiant de télétransmission la convention"
    ]


def test_a_contract_s_number_and_matiere_are_checked(chatellerault) -> None:
    c = chatellerault
    bad = "  actes: {numero: CTG-2020/2024, matiere: '8.12', collectivite: grand-chatellerault}\n"
    c.edit("convention.yaml", "  signature:\n", bad + "  signature:\n")
    line = c.line("convention.yaml", "  actes:")
    matiere, numero = c.col("convention.yaml", "matiere:"), c.col("convention.yaml", "numero:")
    assert c.problems() == [
        f"{CHATELLERAULT}/convention.yaml:{line}:{numero}: convention.actes.numero : numéro ACTES "
        "« CTG-2020/2024 » invalide : 1 à 15 caractères parmi chiffres, majuscules et _ (tiret, "
        "barre et espace refusés par @CTES) ; écrivez « CTG_2020_2024 »",
        f"{CHATELLERAULT}/convention.yaml:{line}:{matiere}: convention.actes.matiere : matière "
        "« 8.12 » absente de la nomenclature des actes ; vouliez-vous dire « 8.2 » ?",
    ]


# --- SIRET -------------------------------------------------------------------------------


def test_a_siret_begins_with_the_siren(copie) -> None:
    c = copie(POITIERS)
    c.edit("territoire.yaml", 'siret: "21860194600013"', 'siret: "21860195600012"')
    line = c.line("territoire.yaml", "siret:")
    assert c.problems() == [
        f"{POITIERS}/territoire.yaml:{line}:5: organisations.poitiers.siret : SIRET "
        "« 21860195600012 » : ses 9 premiers chiffres doivent être le SIREN « 218601946 »"
    ]


def test_a_siret_has_a_check_digit(copie) -> None:
    c = copie(POITIERS)
    c.edit("territoire.yaml", 'siret: "21860194600013"', 'siret: "21860194600014"')
    line = c.line("territoire.yaml", "siret:")
    assert c.problems() == [
        f"{POITIERS}/territoire.yaml:{line}:5: organisations.poitiers.siret : numéro SIRET "
        "« 21860194600014 » invalide : la clé de contrôle ne correspond pas"
    ]
