"""The SIRET of each siège, from a SIRENE file the user downloaded (INSEE, « Base Sirene des
entreprises et de leurs établissements (SIREN, SIRET) » on data.gouv.fr): nothing is fetched.

Two files are read, by the names of their columns (INSEE's headers, as public readers of the
stock files use them; the other columns are ignored):
- the stock of établissements (StockEtablissement_utf8.csv, UTF-8, comma-separated): one row per
  établissement, beginning siren,nic,siret,statutDiffusionEtablissement,…; etablissementSiege
  is « true » for the siège of its unité légale and « false » for the others;
- the stock of unités légales (StockUniteLegale_utf8.csv): one row per SIREN, whose
  nicSiegeUniteLegale is the NIC of its siège (SIRET = SIREN + NIC); a row without one, whose
  siège is not known, is left out.
An extract of either, or the same columns separated by `;` as a spreadsheet saves them, is read
the same: the delimiter is the one the header uses."""

from __future__ import annotations

from pathlib import Path

from ctgdocs.errors import DataError, Location, Problem
from ctgdocs.imports.rne import Cellules, lire_tableau

SIEGE, NIC_SIEGE = "etablissementSiege", "nicSiegeUniteLegale"
ATTENDU = (
    "« siren », « siret » (ou « nic ») et « etablissementSiege » (stock des établissements, "
    "StockEtablissement) ou « siren » et « nicSiegeUniteLegale » (stock des unités légales, "
    "StockUniteLegale)"
)


def lire_sieges(path: Path) -> dict[str, str]:
    """SIREN → SIRET of its siège, in the file's order."""
    lignes = lire_tableau(path, f"l'en-tête d'un fichier SIRENE : {ATTENDU}", delimiteurs=",;")
    entete, titres = lignes[0]
    index = {titre.strip(): i for i, titre in reversed(list(enumerate(titres)))}
    if {"siren", SIEGE} <= index.keys() and ({"siret", "nic"} & index.keys()):
        etablissements = True
    elif {"siren", NIC_SIEGE} <= index.keys():
        etablissements = False
    else:
        message = f"colonnes SIRENE manquantes : attendu {ATTENDU}"
        raise DataError([Problem(Location(str(path), entete), message)])
    sieges: dict[str, tuple[str, int]] = {}
    problemes: list[Problem] = []
    for ligne, cellules in lignes[1:]:
        c = Cellules(str(path), ligne, cellules, index, problemes)
        if etablissements:
            siege = c.verifie(SIEGE, "(?i)true|false", "valeur", "« true » ou « false »")
            if siege.casefold() != "true":
                continue
            colonne = "siret" if "siret" in index else "nic"
            siret = c.texte("siret") if colonne == "siret" else c.texte("siren") + c.texte("nic")
        else:
            colonne = NIC_SIEGE
            if not c.texte(NIC_SIEGE) or not c.verifie(NIC_SIEGE, r"\d{5}", "NIC", "5 chiffres"):
                continue  # no siège known, or a refused NIC
            siret = c.texte("siren") + c.texte(NIC_SIEGE)
        siren = c.verifie("siren", r"\d{9}", "SIREN", "9 chiffres")
        if not siren or not c.verifie(colonne, r"\d{14}", "SIRET", "14 chiffres", siret):
            continue
        if not siret.startswith(siren):
            c.refus(colonne, f"SIRET « {siret} » : ne commence pas par son SIREN « {siren} »")
        elif siren in sieges and sieges[siren][0] != siret:
            premier, ligne_premier = sieges[siren]
            message = f"deuxième siège du SIREN « {siren} » : « {siret} », après « {premier} » (ligne {ligne_premier})"
            c.refus(colonne, message)
        else:
            sieges.setdefault(siren, (siret, ligne))
    if problemes:
        raise DataError(problemes)
    return {siren: siret for siren, (siret, _) in sieges.items()}
