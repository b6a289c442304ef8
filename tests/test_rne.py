"""The Répertoire national des élus (issue 20) is read from the files data.gouv.fr publishes,
here in miniature (tests/fixtures/officiels, fictitious people): columns by name, both date
forms, no personal data the acts do not print, and every problem of a file located."""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from ctgdocs.errors import DataError
from ctgdocs.imports import rne
from ctgdocs.imports.rne import Elu

OFFICIELS = Path(__file__).resolve().parent / "fixtures" / "officiels"
CM = OFFICIELS / "elus-conseillers-municipaux-cm.csv"
CM_2023 = OFFICIELS / "elus-conseillers-municipaux-cm-2023.csv"
EPCI = OFFICIELS / "elus-conseillers-communautaires-epci.csv"
SOURCE_CM = "Répertoire national des élus (elus-conseillers-municipaux-cm.csv)"
SOURCE_EPCI = "Répertoire national des élus (elus-conseillers-communautaires-epci.csv)"
ENTETE = CM.read_text(encoding="utf-8").splitlines()[0]
LIGNE = "86;Vienne;;;86066;Châtellerault;EXEMPLE;Marie-Claire;F;1962-04-12;33;Cadre de la fonction publique;2020-06-28;Maire;2020-07-04;FR"
MAIRE = Elu(
    collectivite="86066",
    libelle_collectivite="Châtellerault",
    nom="EXEMPLE",
    prenom="Marie-Claire",
    sexe="F",
    fonction="Maire",
    commune=None,
    debut_mandat=date(2020, 6, 28),
    debut_fonction=date(2020, 7, 4),
    ligne=2,
)


def test_the_conseillers_municipaux_of_four_communes() -> None:
    elus = rne.lire_conseillers_municipaux(CM)
    assert elus[0] == MAIRE
    assert [e.ligne for e in elus] == list(range(2, 2 + len(elus)))
    par_commune = {e.collectivite: e.libelle_collectivite for e in elus}
    assert par_commune == {
        "86066": "Châtellerault",
        "86174": "Naintré",
        "86092": "Dangé-Saint-Romain",
        "86272": "Thuré",
    }
    for code in par_commune:
        conseil = [e for e in elus if e.collectivite == code]
        assert [e.nom for e in conseil if e.est_executif] == [conseil[0].nom]
        assert {e.sexe for e in conseil} == {"M", "F"}
        assert {e.rang_adjoint for e in conseil} - {None} in ({1, 2}, {1, 2, 3})
        assert any(e.fonction is None and e.debut_fonction is None for e in conseil)
    assert all(e.commune is None for e in elus)


def test_a_person_with_two_functions_keeps_both_rows() -> None:
    """The caller merges them: the reader gives the file as it is."""
    karim = [e for e in rne.lire_conseillers_municipaux(CM) if e.nom == "TEMOIN"]
    assert [(e.fonction, e.rang_adjoint, e.debut_fonction, e.ligne) for e in karim] == [
        ("3ème adjoint au Maire", 3, date(2020, 7, 4), 5),
        ("Conseiller délégué", None, date(2021, 1, 15), 6),
    ]


def test_both_date_forms_give_the_same_elus() -> None:
    """The older files write JJ/MM/AAAA, the current ones AAAA-MM-JJ."""
    assert "28/06/2020" in CM_2023.read_text(encoding="utf-8")
    assert rne.lire_conseillers_municipaux(CM_2023) == rne.lire_conseillers_municipaux(CM)


def test_the_conseillers_communautaires_with_their_commune() -> None:
    elus = rne.lire_conseillers_communautaires(EPCI)
    assert {(e.collectivite, e.libelle_collectivite) for e in elus} == {
        ("248600413", "CA Grand Châtellerault")
    }
    president, premier, deuxieme, *conseillers = elus
    assert (president.nom, president.commune, president.est_executif) == ("EXEMPLE", "86066", True)
    assert president.rang_adjoint is None
    assert (premier.nom, premier.commune, premier.rang_adjoint) == ("GABARIT", "86174", 1)
    assert (deuxieme.commune, deuxieme.rang_adjoint, deuxieme.est_executif) == ("86092", 2, False)
    assert {e.commune for e in conseillers} == {"86066", "86174", "86092", "86272"}
    assert all(e.fonction is None and not e.est_executif for e in conseillers)
    assert premier.debut_mandat == date(2020, 7, 10) and premier.debut_fonction == date(2020, 7, 16)


def test_the_birth_date_and_the_other_personal_data_are_never_read() -> None:
    champs = {f.name for f in dataclasses.fields(Elu)}
    assert champs == {
        "collectivite",
        "libelle_collectivite",
        "nom",
        "prenom",
        "sexe",
        "fonction",
        "commune",
        "debut_mandat",
        "debut_fonction",
        "ligne",
    }
    for path, lire in (
        (CM, rne.lire_conseillers_municipaux),
        (EPCI, rne.lire_conseillers_communautaires),
    ):
        with path.open(encoding="utf-8") as f:
            lignes = list(csv.DictReader(f, delimiter=";"))
        naissances = {date.fromisoformat(ligne["Date de naissance"]) for ligne in lignes}
        categories = {ligne["Libellé de la catégorie socio-professionnelle"] for ligne in lignes}
        nationalites = {ligne.get("Code nationalité", "FR") for ligne in lignes}
        lues = {v for e in lire(path) for v in dataclasses.astuple(e)}
        assert len(naissances) > 5 and len(categories) > 5 and nationalites == {"FR"}
        assert not (naissances | categories | nationalites) & lues


def test_the_civilite() -> None:
    assert (rne.civilite("M"), rne.civilite("F")) == ("M.", "Mme")


@pytest.mark.parametrize(
    ("fonction", "executif", "rang"),
    [
        ("Maire", True, None),
        ("maire", True, None),
        ("Maire délégué", False, None),
        ("Président du conseil communautaire", True, None),
        ("Présidente du conseil communautaire", True, None),
        ("1er adjoint au Maire", False, 1),
        ("2ème adjoint au Maire", False, 2),
        ("3eme adjoint au Maire", False, 3),
        ("12ème adjoint au Maire", False, 12),
        ("2e adjoint au maire", False, 2),
        ("1ère adjointe au maire", False, 1),
        ("Premier adjoint au maire", False, 1),
        ("Première adjointe au maire", False, 1),
        ("Deuxième adjoint au maire", False, 2),
        ("Second adjoint au maire", False, 2),
        ("Troisième adjoint au maire", False, 3),
        ("Dix-septième adjoint au maire", False, 17),
        ("Adjoint au maire", False, None),
        ("1er vice-président du conseil communautaire", False, 1),
        ("1er Vice-président du conseil communautaire", False, 1),
        ("4eme Vice-président du conseil communautaire", False, 4),
        ("5ème vice-président du conseil communautaire", False, 5),
        ("Deuxième vice-présidente du conseil communautaire", False, 2),
        ("Conseiller délégué", False, None),
        (None, False, None),
    ],
)
def test_the_executive_and_the_rank_of_each_label(
    fonction: str | None, executif: bool, rang: int | None
) -> None:
    elu = dataclasses.replace(MAIRE, fonction=fonction)
    assert (elu.est_executif, elu.rang_adjoint) == (executif, rang)


# --- reading whatever the file looks like --------------------------------------------------


def _ecrire(tmp_path: Path, *lignes: str, nom: str = "elus.csv") -> Path:
    path = tmp_path / nom
    path.write_text("".join(f"{ligne}\n" for ligne in lignes), encoding="utf-8")
    return path


def _erreur(path: Path, lire: Callable[[Path], object] = rne.lire_conseillers_municipaux) -> str:
    with pytest.raises(DataError) as erreur:
        lire(path)
    return str(erreur.value)


@pytest.fixture(autouse=True)
def _dans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages name the files relative to the working directory."""
    monkeypatch.chdir(tmp_path)


def test_columns_by_name_a_bom_extra_columns_and_blank_lines(tmp_path: Path) -> None:
    titres, valeurs = ENTETE.split(";"), LIGNE.split(";")
    ordre = [*reversed(range(len(titres)))]
    path = tmp_path / "elus.csv"
    path.write_text(
        "\ufeff"
        + ";".join([*(titres[i] for i in ordre), "Autre"])
        + "\n\n"
        + ";".join([*(valeurs[i] for i in ordre), "x"])
        + "\n",
        encoding="utf-8",
    )
    assert rne.lire_conseillers_municipaux(path) == [dataclasses.replace(MAIRE, ligne=3)]


def test_a_header_alone_is_an_empty_council(tmp_path: Path) -> None:
    assert rne.lire_conseillers_municipaux(_ecrire(tmp_path, ENTETE)) == []


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    assert _erreur(_ecrire(tmp_path, "", "")) == (
        f"elus.csv:1: fichier vide : attendu l'en-tête d'un fichier du {SOURCE_CM}"
    )


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    entete = ENTETE.replace("Code sexe", "Sexe")
    assert _erreur(_ecrire(tmp_path, entete, LIGNE)) == (
        f"elus.csv:1: colonne « Code sexe » manquante : est-ce un fichier du {SOURCE_CM} ?"
    )


def test_the_wrong_file_names_the_missing_columns() -> None:
    """The EPCI file given for the councils, whose commune is the commune de rattachement, and
    the councils given for the EPCI (« Code de la commune » is read as the commune de
    rattachement, as some readers name it)."""
    assert _erreur(EPCI) == (
        f"{EPCI}:1: colonnes « Code de la commune » et « Libellé de la commune » manquantes : "
        f"est-ce un fichier du {SOURCE_CM} ?"
    )
    assert _erreur(CM, rne.lire_conseillers_communautaires) == (
        f"{CM}:1: colonnes « N° SIREN » et « Libellé de l'EPCI » manquantes : est-ce un fichier "
        f"du {SOURCE_EPCI} ?"
    )


def test_the_date_of_birth_and_the_nationality_are_not_required(tmp_path: Path) -> None:
    titres, valeurs = ENTETE.split(";"), LIGNE.split(";")
    garde = [i for i, t in enumerate(titres) if t not in ("Date de naissance", "Code nationalité")]
    path = _ecrire(
        tmp_path, ";".join(titres[i] for i in garde), ";".join(valeurs[i] for i in garde)
    )
    assert rne.lire_conseillers_municipaux(path) == [MAIRE]


def _ligne(**cellules: str) -> str:
    valeurs = dict(zip(ENTETE.split(";"), LIGNE.split(";"), strict=True)) | cellules
    return ";".join(valeurs.values())


@pytest.mark.parametrize(
    ("cellule", "valeur", "message"),
    [
        ("Code sexe", "H", "9: Code sexe : code illisible « H » : attendu « M » ou « F »"),
        ("Code sexe", "", "9: Code sexe : code vide : attendu « M » ou « F »"),
        (
            "Date de début du mandat",
            "31-12-2020",
            "13: Date de début du mandat : date illisible « 31-12-2020 » : attendu JJ/MM/AAAA ou AAAA-MM-JJ",
        ),
        (
            "Date de début du mandat",
            "15/03/20",
            "13: Date de début du mandat : date illisible « 15/03/20 » : attendu JJ/MM/AAAA ou AAAA-MM-JJ",
        ),
        (
            "Date de début du mandat",
            "",
            "13: Date de début du mandat : date vide : attendu JJ/MM/AAAA ou AAAA-MM-JJ",
        ),
        (
            "Date de début de la fonction",
            "31/02/2020",
            "15: Date de début de la fonction : date inexistante « 31/02/2020 »",
        ),
        ("Nom de l'élu", " ", "7: Nom de l'élu : nom vide"),
        ("Prénom de l'élu", "", "8: Prénom de l'élu : prénom vide"),
        ("Libellé de la commune", "", "6: Libellé de la commune : libellé vide"),
        (
            "Code de la commune",
            "8606",
            "5: Code de la commune : code illisible « 8606 » : attendu le code INSEE de la "
            "commune, 5 caractères comme « 86066 » ou « 2A004 »",
        ),
    ],
)
def test_a_bad_cell_is_located_at_its_column(
    tmp_path: Path, cellule: str, valeur: str, message: str
) -> None:
    path = _ecrire(tmp_path, ENTETE, LIGNE, _ligne(**{cellule: valeur}))
    assert _erreur(path) == f"elus.csv:3:{message}"


def test_every_problem_of_the_file_is_raised_together(tmp_path: Path) -> None:
    path = _ecrire(
        tmp_path,
        ENTETE,
        _ligne(**{"Code sexe": "X", "Date de début du mandat": "2020-13-01"}),
        LIGNE,
        _ligne(**{"Nom de l'élu": ""}),
    )
    assert _erreur(path).splitlines() == [
        "elus.csv:2:9: Code sexe : code illisible « X » : attendu « M » ou « F »",
        "elus.csv:2:13: Date de début du mandat : date inexistante « 2020-13-01 »",
        "elus.csv:4:7: Nom de l'élu : nom vide",
    ]


def test_codes_of_corsica_and_a_lost_leading_zero(tmp_path: Path) -> None:
    corse = _ligne(**{"Code du département": "2A", "Code de la commune": "2A004"})
    ain = _ligne(**{"Code du département": "01", "Code de la commune": "1001"})
    elus = rne.lire_conseillers_municipaux(_ecrire(tmp_path, ENTETE, corse, ain))
    assert [e.collectivite for e in elus] == ["2A004", "01001"]
    ailleurs = _ligne(**{"Code de la commune": "1001"})  # département 86: not a lost zero
    assert _erreur(_ecrire(tmp_path, ENTETE, ailleurs)).startswith(
        "elus.csv:2:5: Code de la commune : code illisible « 1001 »"
    )


def test_a_bad_siren_or_commune_in_the_epci_file(tmp_path: Path) -> None:
    entete, ligne = EPCI.read_text(encoding="utf-8").splitlines()[:2]
    mauvaise = ligne.replace("248600413", "24860041").replace(";86066;", ";860;")
    assert _erreur(_ecrire(tmp_path, entete, mauvaise), rne.lire_conseillers_communautaires) == (
        "elus.csv:2:5: N° SIREN : SIREN illisible « 24860041 » : attendu 9 chiffres\n"
        "elus.csv:2:7: Code de la commune de rattachement : code illisible « 860 » : attendu le "
        "code INSEE de la commune, 5 caractères comme « 86066 » ou « 2A004 »"
    )


def test_a_file_not_in_utf8_is_located(tmp_path: Path) -> None:
    path = tmp_path / "elus.csv"
    path.write_bytes(f"{ENTETE}\n{LIGNE}\n".encode("cp1252"))
    assert _erreur(path) == (
        "elus.csv:1: octet 0xE9 illisible en UTF-8 : réenregistrez le fichier en UTF-8"
    )


def test_the_commune_de_rattachement_is_required_in_the_epci_file(tmp_path: Path) -> None:
    entete, ligne = EPCI.read_text(encoding="utf-8").splitlines()[:2]
    entete = entete.replace("Code de la commune de rattachement", "Commune")
    assert _erreur(_ecrire(tmp_path, entete, ligne), rne.lire_conseillers_communautaires) == (
        "elus.csv:1: colonne « Code de la commune de rattachement » manquante : est-ce un fichier "
        f"du {SOURCE_EPCI} ?"
    )
