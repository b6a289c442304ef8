"""The Code officiel géographique as Etalab publishes it: the npm package
@etalab/decoupage-administratif, installed by `make setup` into tools/cog/ at the version of its
package-lock.json, read from its JSON files (data/communes.json, epci.json, departements.json).
Nothing is fetched: the machine that runs ctgdocs may be offline, and the version pins the data.

Each package version is one year's COG; its populations are the populations légales in force
on 1 January of that year, of the millésime three years before (2026: millésime 2023)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ctgdocs.errors import UsageError
from ctgdocs.paths import PROJECT_DIR

PAQUET = "@etalab/decoupage-administratif"
DOSSIER_PAR_DEFAUT = PROJECT_DIR / "tools" / "cog" / "node_modules" / PAQUET
# The year of the COG of each version of the package (its README's table of millésimes).
ANNEES = {"6.0.0": 2026, "5.3.0": 2025, "4.1.0": 2024, "3.1.1": 2023}
DECALAGE_MILLESIME = 3  # the populations légales in force in year N are of millésime N − 3


@dataclass(frozen=True, slots=True)
class Commune:
    code: str  # INSEE
    nom: str  # with its article: « Le Pradet »
    # INSEE TNCC: 0 « de », 1 « d' », 2 « le/du », 3 « la/de la »…; None in the collectivités
    # d'outre-mer, which the COG gives without it
    type_liaison: int | None
    departement: str
    siren: str | None
    population: int | None


@dataclass(frozen=True, slots=True)
class Epci:
    siren: str
    nom: str  # « CA Grand Châtellerault »
    type: str  # CC, CA, CU, METRO
    membres: tuple[str, ...]  # the INSEE codes of its communes


@dataclass(frozen=True, slots=True)
class Departement:
    code: str
    nom: str
    type_liaison: int


@dataclass(frozen=True, slots=True)
class Cog:
    version: str  # of the package
    annee: int  # of the COG
    communes: dict[str, Commune]  # by INSEE code
    epci: dict[str, Epci]  # by SIREN
    departements: dict[str, Departement]  # by code

    @property
    def millesime(self) -> int:
        """The millésime of the populations it gives."""
        return self.annee - DECALAGE_MILLESIME

    @property
    def source(self) -> str:
        """How a written file names it: « @etalab/decoupage-administratif 6.0.0 (COG 2026) »."""
        return f"{PAQUET} {self.version} (COG {self.annee})"


def dossier() -> Path:
    """Where the package is: CTGDOCS_COG, else tools/cog/ of the checkout."""
    return Path(os.environ.get("CTGDOCS_COG", DOSSIER_PAR_DEFAUT))


def charger(racine: Path | None = None) -> Cog:
    """The COG of the installed package; a French UsageError when it is missing or unknown."""
    racine = dossier() if racine is None else racine
    try:
        version = str(_lire(racine / "package.json")["version"])
        communes = _lire(racine / "data" / "communes.json")
        epci = _lire(racine / "data" / "epci.json")
        departements = _lire(racine / "data" / "departements.json")
    except FileNotFoundError as error:
        raise UsageError(
            f"le Code officiel géographique ({PAQUET}) n'est pas installé : {error.filename} "
            "manque ; lancez « make setup » (npm ci dans tools/cog), ou nommez son dossier avec "
            "CTGDOCS_COG"
        ) from None
    if version not in ANNEES:
        connues = ", ".join(sorted(ANNEES))
        raise UsageError(
            f"{PAQUET} {version} : version inconnue de ctgdocs (connues : {connues}) ; l'année "
            "de son COG fixe le millésime des populations écrites"
        )
    return Cog(
        version=version,
        annee=ANNEES[version],
        communes={
            c["code"]: Commune(
                code=c["code"],
                nom=c["nom"],
                type_liaison=int(c["typeLiaison"]) if "typeLiaison" in c else None,
                departement=c["departement"],
                siren=c.get("siren"),
                population=c.get("population"),
            )
            for c in communes
            if c.get("type") == "commune-actuelle"
        },
        epci={
            e["code"]: Epci(
                siren=e["code"],
                nom=e["nom"],
                type=e["type"],
                membres=tuple(m["code"] for m in e["membres"]),
            )
            for e in epci
        },
        departements={
            d["code"]: Departement(d["code"], d["nom"], int(d["typeLiaison"])) for d in departements
        },
    )


def _lire(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        return json.load(f)
