"""`ctgdocs import elus` (issue 20): the councils from the Répertoire national des élus, with
civilité and executive, no personal data; a new maire or président reported, and drafted as an
avenant when a signed act names the former one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.importation import charger, run

ROOT = Path(__file__).resolve().parent.parent
OFFICIELS = ROOT / "tests" / "fixtures" / "officiels"
CM = OFFICIELS / "elus-conseillers-municipaux-cm.csv"
CM_2023 = OFFICIELS / "elus-conseillers-municipaux-cm-2023.csv"
EPCI = OFFICIELS / "elus-conseillers-communautaires-epci.csv"
SIRENE = OFFICIELS / "StockEtablissement-extrait.csv"
GC = ROOT / "data" / "grand-chatellerault"
COMMUNES = ("86066", "86174", "86092", "86272")  # the four communes of the fixtures


@pytest.fixture
def quatre(tmp_path: Path) -> Path:
    """A territory of the EPCI's four communes of the fixtures, from the installed COG."""
    dossier = tmp_path / "quatre"
    args = [a for code in COMMUNES for a in ("--commune", code)]
    assert run("import", "territoire", str(dossier), "--epci", "248600413", *args)[0] == 0
    return dossier


def test_the_councils_are_filled(quatre: Path) -> None:
    code, out, err = run("import", "elus", str(quatre), "--rne", str(CM))
    assert (code, err) == (0, "")
    assert (
        "écrit : Châtellerault (chatellerault) : maire Marie-Claire EXEMPLE (executif: marie-claire-exemple)"
        in out.splitlines()
    )
    t = charger(quatre)
    chatellerault = t.organisations["chatellerault"]
    assert chatellerault.executif == "marie-claire-exemple"
    assert chatellerault.conseil is not None
    assert chatellerault.conseil.adjoints == ["jean-pierre-fictif", "sophie-modele", "karim-temoin"]
    assert chatellerault.conseil.membres[0] == "marie-claire-exemple"
    # seven rows but one person with two functions: seven distinct élus, counted once
    assert chatellerault.conseil.membres_en_exercice == len(set(chatellerault.conseil.membres))
    maire = t.personnes["marie-claire-exemple"]
    assert (maire.civilite, maire.prenom, maire.nom, maire.commune) == (
        "Mme",
        "Marie-Claire",
        "EXEMPLE",
        None,
    )
    assert t.personnes["jean-pierre-fictif"].civilite == "M."
    assert run("validate", str(quatre))[0] == 0


def test_no_personal_data_is_written(quatre: Path) -> None:
    """Birth dates, socio-professional categories and nationality never reach the file."""
    assert run("import", "elus", str(quatre), "--rne", str(CM), "--rne-epci", str(EPCI))[0] == 0
    texte = (quatre / "territoire.yaml").read_text(encoding="utf-8")
    for ligne in CM.read_text(encoding="utf-8").splitlines()[1:]:
        cellules = ligne.split(";")
        naissance, csp, libelle_csp, nationalite = (
            cellules[9],
            cellules[10],
            cellules[11],
            cellules[15],
        )
        assert naissance not in texte and libelle_csp not in texte
        assert f": {csp}" not in texte and nationalite not in texte.split("personnes:")[1]


def test_both_date_forms_give_the_same_file(quatre: Path, tmp_path: Path) -> None:
    autre = tmp_path / "autre"
    shutil.copytree(quatre, autre)
    assert run("import", "elus", str(quatre), "--rne", str(CM))[0] == 0
    assert run("import", "elus", str(autre), "--rne", str(CM_2023))[0] == 0
    un = (quatre / "territoire.yaml").read_text(encoding="utf-8")
    deux = (autre / "territoire.yaml").read_text(encoding="utf-8")
    assert f"  rne: {CM.name}\n" in un and f"  rne: {CM_2023.name}\n" in deux
    assert un.replace(f"  rne: {CM.name}\n", "") == deux.replace(f"  rne: {CM_2023.name}\n", "")


def test_a_second_import_is_stable_and_a_new_maire_is_reported(
    quatre: Path, tmp_path: Path
) -> None:
    assert run("import", "elus", str(quatre), "--rne", str(CM))[0] == 0
    avant = (quatre / "territoire.yaml").read_text(encoding="utf-8")
    assert run("import", "elus", str(quatre), "--rne", str(CM)) == (
        0,
        f"{quatre / 'territoire.yaml'} : rien à changer\n",
        "",
    )
    # next quarter: Naintré's first adjoint becomes maire, the maire an ordinary councillor
    texte = CM.read_text(encoding="utf-8")
    naintre = [ligne for ligne in texte.splitlines() if ";86174;" in ligne]
    maire = next(x for x in naintre if ";Maire;" in x)
    premier = next(x for x in naintre if ";1er adjoint au Maire;" in x)
    suivant = tmp_path / "cm-suivant.csv"
    suivant.write_text(
        texte.replace(maire, maire.replace(";Maire;", ";;")).replace(
            premier, premier.replace(";1er adjoint au Maire;", ";Maire;")
        ),
        encoding="utf-8",
    )
    code, out, _ = run("import", "elus", str(quatre), "--rne", str(suivant))
    assert code == 0
    t = charger(quatre)
    nouveau = t.organisations["naintre"].executif
    assert nouveau is not None and nouveau != "francois-gabarit"
    p = t.personnes[nouveau]
    assert (
        f"écrit : nouveau maire de Naintré : {p.prenom} {p.nom} ({nouveau}) remplace François "
        "GABARIT (francois-gabarit)"
    ) in out.splitlines()
    assert "francois-gabarit" in t.personnes  # kept: past séances name him
    assert avant != (quatre / "territoire.yaml").read_text(encoding="utf-8")


def test_a_new_president_of_a_signed_convention_is_an_avenant(tmp_path: Path) -> None:
    """Grand Châtellerault's convention is signed by its président Jean-Pierre ABELIN: a RNE
    that names another président is reported, drafted as an avenant, and not written."""
    dossier = tmp_path / "gc"
    shutil.copytree(GC, dossier)
    assert run("import", "territoire", str(dossier), "--epci", "248600413", "--mise-a-jour")[0] == 0
    code, out, err = run("import", "elus", str(dossier), "--rne", str(CM), "--rne-epci", str(EPCI))
    assert (code, err) == (0, "")
    lignes = out.splitlines()
    debut = lignes.index(
        "avenant nécessaire : convention.yaml est signé du 31 décembre 2019 ; 1 changement qu'il "
        "nomme n'est pas écrit dans territoire.yaml :"
    )
    assert lignes[debut + 1 : debut + 8] == [
        "  - nouvelle présidente de la Communauté d'agglomération de Grand Châtellerault : "
        "Marie-Claire EXEMPLE "
        "(marie-claire-exemple) remplace Jean-Pierre ABELIN (jean-pierre-abelin)",
        "  à reprendre dans un avenant (avenants/NN-objet.yaml) :",
        "    modifications:",
        "      - remplace: organisations.grand-chatellerault.executif",
        "        valeur: marie-claire-exemple",
        "      - remplace: convention.parties[grand-chatellerault].representants[1].personne",
        "        valeur: marie-claire-exemple",
    ]
    t = charger(dossier)
    assert t.organisations["grand-chatellerault"].executif == "jean-pierre-abelin"  # signed
    assert "marie-claire-exemple" in t.personnes  # ready for the avenant
    assert run("validate", str(dossier))[0] == 0


def test_sirene_gives_the_siret(quatre: Path) -> None:
    code, _, _ = run(
        "import", "territoire", str(quatre), "--epci", "248600413",
        *[a for c in COMMUNES for a in ("--commune", c)],
        "--mise-a-jour", "--sirene", str(SIRENE),
    )  # fmt: skip
    assert code == 0
    t = charger(quatre)
    assert all(
        o.siret and o.siret.startswith(o.siren or "-") for o in t.organisations.values() if o.siren
    )
    assert t.sources is not None and t.sources.sirene == SIRENE.name


@pytest.mark.parametrize("option", ["--rne", "--rne-epci"])
def test_a_file_of_the_wrong_kind_is_refused_where_it_is(
    quatre: Path, tmp_path: Path, option: str
) -> None:
    faux = tmp_path / "faux.csv"
    faux.write_text("Nom;Prénom\nDUPONT;Jean\n", encoding="utf-8")
    args = (
        ["--rne", str(faux)] if option == "--rne" else ["--rne", str(CM), "--rne-epci", str(faux)]
    )
    avant = (quatre / "territoire.yaml").read_bytes()
    code, out, err = run("import", "elus", str(quatre), *args)
    assert (code, out) == (1, "")
    assert err.startswith(f"erreur : {faux}:1: colonnes ")
    assert err.endswith("1 erreur : rien n'a été écrit.\n")
    assert (quatre / "territoire.yaml").read_bytes() == avant


def test_elus_need_a_territory(tmp_path: Path) -> None:
    (tmp_path / "vide").mkdir()
    code, _, err = run("import", "elus", str(tmp_path / "vide"), "--rne", str(CM))
    assert code == 1
    assert err == (
        f"erreur (utilisation) : {tmp_path / 'vide' / 'territoire.yaml'} n'existe pas : écrivez "
        f"d'abord le territoire (« ctgdocs import territoire {tmp_path / 'vide'} --epci SIREN »)\n"
    )


def test_the_help_is_french(tmp_path: Path) -> None:
    code, out, _ = run("import", "elus", "--help")
    assert code == 0
    assert "[obligatoire]" in out
    assert "[required]" not in out
    code, _, err = run("import", "elus", str(tmp_path))
    assert code == 2
    assert err.splitlines()[-1] == "Erreur : option manquante '--rne'."
