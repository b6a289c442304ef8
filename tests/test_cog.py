"""The Code officiel géographique (issue 20) is read from the installed
@etalab/decoupage-administratif package, at the version tools/cog/package-lock.json pins:
nothing is typed, nothing is fetched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from ctgdocs.errors import UsageError
from ctgdocs.imports import cog

ROOT = Path(__file__).resolve().parent.parent


def test_the_installed_package_is_the_pinned_one() -> None:
    lock = json.loads((ROOT / "tools" / "cog" / "package-lock.json").read_text(encoding="utf-8"))
    pinned = lock["packages"][f"node_modules/{cog.PAQUET}"]["version"]
    donnees = cog.charger()
    assert donnees.version == pinned and pinned in cog.ANNEES
    assert donnees.source == f"{cog.PAQUET} {pinned} (COG {cog.ANNEES[pinned]})"
    assert donnees.millesime == cog.ANNEES[pinned] - 3


def test_grand_chatellerault_has_47_communes_as_in_seed_002() -> None:
    """CA Grand Châtellerault, SIREN 248600413: 47 member communes in the COG of 2026, as in
    the example territory written from seed 002 (2022). Two have changed since: La Bussière
    and Saint-Pierre-de-Maillé are no longer members, Orches and Sossais are. An update of the
    territory from the COG reports exactly this."""
    donnees = cog.charger()
    epci = donnees.epci["248600413"]
    assert epci.nom == "CA Grand Châtellerault" and epci.type == "CA"
    noms = {donnees.communes[code].nom for code in epci.membres}
    territoire = yaml.safe_load(
        (ROOT / "data" / "grand-chatellerault" / "territoire.yaml").read_text(encoding="utf-8")
    )
    exemple = {o["nom"] for o in territoire["organisations"].values() if o["type"] == "commune"}
    assert len(epci.membres) == 47 == len(exemple)
    assert noms - exemple == {"Orches", "Sossais"}
    assert exemple - noms == {"La Bussière", "Saint-Pierre-de-Maillé"}
    chatellerault = donnees.communes["86066"]
    assert (chatellerault.nom, chatellerault.siren, chatellerault.departement) == (
        "Châtellerault",
        "218600666",
        "86",
    )


def test_every_commune_has_its_insee_article_code() -> None:
    donnees = cog.charger()
    assert donnees.communes["83098"].nom == "Le Pradet"
    assert donnees.communes["83098"].type_liaison == 2  # « le », « du »
    codes = [c.type_liaison for c in donnees.communes.values()]
    assert set(codes) <= {*range(9), None} and codes.count(None) < 100  # only outre-mer
    assert len(donnees.communes) > 34000


def test_a_missing_package_says_how_to_install_it(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as raised:
        cog.charger(tmp_path)
    assert str(raised.value) == (
        f"le Code officiel géographique (@etalab/decoupage-administratif) n'est pas installé : "
        f"{tmp_path / 'package.json'} manque ; lancez « make setup » (npm ci dans tools/cog), ou "
        "nommez son dossier avec CTGDOCS_COG"
    )


def test_an_unknown_version_is_refused(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "package.json").write_text('{"version": "9.9.9"}', encoding="utf-8")
    for name in ("communes", "epci", "departements"):
        (tmp_path / "data" / f"{name}.json").write_text("[]", encoding="utf-8")
    with pytest.raises(UsageError) as raised:
        cog.charger(tmp_path)
    assert str(raised.value).startswith(
        "@etalab/decoupage-administratif 9.9.9 : version inconnue de ctgdocs (connues : 3.1.1, "
        "4.1.0, 5.3.0, 6.0.0)"
    )
