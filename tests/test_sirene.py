"""The SIRET of each siège (issue 20) is read from a SIRENE file the user downloaded, here an
extract of INSEE's stock of établissements (tests/fixtures/officiels, NICs made up): either
stock, either delimiter, and every problem located."""

from __future__ import annotations

from pathlib import Path

import pytest

from ctgdocs.errors import DataError, UsageError
from ctgdocs.imports.sirene import lire_sieges

STOCK = (
    Path(__file__).resolve().parent / "fixtures" / "officiels" / "StockEtablissement-extrait.csv"
)
ENTETE, *LIGNES = STOCK.read_text(encoding="utf-8").splitlines()
SIEGES = {
    "218600666": "21860066600013",  # Châtellerault; its 00021 is not the siège
    "218601748": "21860174800019",  # Naintré
    "218600922": "21860092200017",  # Dangé-Saint-Romain
    "218602720": "21860272000012",  # Thuré
    "248600413": "24860041300015",  # CA Grand Châtellerault
}
COLONNES = (
    "« siren », « siret » (ou « nic ») et « etablissementSiege » (stock des établissements, "
    "StockEtablissement) ou « siren » et « nicSiegeUniteLegale » (stock des unités légales, "
    "StockUniteLegale)"
)


@pytest.fixture(autouse=True)
def _dans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages name the files relative to the working directory."""
    monkeypatch.chdir(tmp_path)


def _ecrire(tmp_path: Path, *lignes: str) -> Path:
    path = tmp_path / "sirene.csv"
    path.write_text("".join(f"{ligne}\n" for ligne in lignes), encoding="utf-8")
    return path


def _erreur(path: Path) -> str:
    with pytest.raises(DataError) as erreur:
        lire_sieges(path)
    return str(erreur.value)


def _ligne(siren: str = "218600666", nic: str = "00013", siege: str = "true", **autres: str) -> str:
    """A row of the stock of établissements; siret is siren + nic unless given."""
    valeurs = dict(zip(ENTETE.split(","), LIGNES[0].split(","), strict=True))
    valeurs |= {"siren": siren, "nic": nic, "siret": siren + nic, "etablissementSiege": siege}
    return ",".join((valeurs | autres).values())


def test_the_sieges_of_four_communes_and_their_epci() -> None:
    assert lire_sieges(STOCK) == SIEGES


def test_a_semicolon_file_is_read_the_same(tmp_path: Path) -> None:
    path = _ecrire(tmp_path, *(ligne.replace(",", ";") for ligne in (ENTETE, *LIGNES)))
    assert lire_sieges(path) == SIEGES


def test_the_siret_is_the_siren_and_the_nic_without_a_siret_column(tmp_path: Path) -> None:
    path = _ecrire(tmp_path, "etablissementSiege;nic;siren", "true;00013;218600666")
    assert lire_sieges(path) == {"218600666": "21860066600013"}


def test_a_stock_of_unites_legales(tmp_path: Path) -> None:
    """A purged unit has no nicSiegeUniteLegale: it is left out."""
    path = _ecrire(
        tmp_path,
        "siren,statutDiffusionUniteLegale,nicSiegeUniteLegale,denominationUniteLegale",
        "218600666,O,00013,COMMUNE DE CHATELLERAULT",
        "248600413,O,00015,CA GRAND CHATELLERAULT",
        "999999999,O,,UNITE PURGEE",
    )
    assert lire_sieges(path) == {"218600666": "21860066600013", "248600413": "24860041300015"}


def test_a_header_alone_gives_no_siege(tmp_path: Path) -> None:
    assert lire_sieges(_ecrire(tmp_path, ENTETE)) == {}


def test_the_same_siege_twice_is_one(tmp_path: Path) -> None:
    assert lire_sieges(_ecrire(tmp_path, ENTETE, LIGNES[0], LIGNES[0])) == {
        "218600666": "21860066600013"
    }


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    assert _erreur(_ecrire(tmp_path)) == (
        f"sirene.csv:1: fichier vide : attendu l'en-tête d'un fichier SIRENE : {COLONNES}"
    )


def test_missing_columns_name_the_expected_ones(tmp_path: Path) -> None:
    path = _ecrire(tmp_path, "siren,siret,denominationUsuelleEtablissement", "218600666,x,y")
    assert _erreur(path) == f"sirene.csv:1: colonnes SIRENE manquantes : attendu {COLONNES}"


@pytest.mark.parametrize(
    ("ligne", "message"),
    [
        (
            _ligne(siret="2186006660001"),
            "3: siret : SIRET illisible « 2186006660001 » : attendu 14 chiffres",
        ),
        (
            _ligne(siret="21860174800019"),
            "3: siret : SIRET « 21860174800019 » : ne commence pas par son SIREN « 218600666 »",
        ),
        (
            _ligne(siren="21860066", nic="600013"),
            "1: siren : SIREN illisible « 21860066 » : attendu 9 chiffres",
        ),
        (
            _ligne(siege="oui"),
            "10: etablissementSiege : valeur illisible « oui » : attendu « true » ou « false »",
        ),
        (
            _ligne(nic="00021"),
            "3: siret : deuxième siège du SIREN « 218600666 » : « 21860066600021 », après "
            "« 21860066600013 » (ligne 2)",
        ),
    ],
)
def test_a_bad_row_is_located_at_its_column(tmp_path: Path, ligne: str, message: str) -> None:
    assert _erreur(_ecrire(tmp_path, ENTETE, LIGNES[0], ligne)) == f"sirene.csv:3:{message}"


def test_a_non_siege_is_not_checked(tmp_path: Path) -> None:
    """Only the sièges matter: a stock of millions of rows is not refused for another one."""
    path = _ecrire(tmp_path, ENTETE, LIGNES[0], _ligne(siret="x", siege="false"))
    assert lire_sieges(path) == {"218600666": "21860066600013"}


def test_a_bad_nic_of_a_unite_legale(tmp_path: Path) -> None:
    path = _ecrire(tmp_path, "siren,nicSiegeUniteLegale", "218600666,13", "248600413,00015")
    assert _erreur(path) == (
        "sirene.csv:2:2: nicSiegeUniteLegale : NIC illisible « 13 » : attendu 5 chiffres"
    )


def test_every_problem_is_raised_together(tmp_path: Path) -> None:
    path = _ecrire(
        tmp_path, ENTETE, _ligne(siege="vrai"), LIGNES[2], _ligne(siren="248600413", nic="1")
    )
    assert _erreur(path).splitlines() == [
        "sirene.csv:2:10: etablissementSiege : valeur illisible « vrai » : attendu « true » ou « false »",
        "sirene.csv:4:3: siret : SIRET illisible « 2486004131 » : attendu 14 chiffres",
    ]


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"absent\.csv : lecture impossible"):
        lire_sieges(tmp_path / "absent.csv")
