"""The Répertoire national des élus (RNE) of the ministère de l'Intérieur, as data.gouv.fr
publishes it (dataset « Répertoire national des élus », one file per mandate, updated every
quarter), read from the files the user downloaded: nothing is fetched. Two files are read, the
conseillers municipaux (elus-conseillers-municipaux-cm.csv) and the conseillers communautaires
(elus-conseillers-communautaires-epci.csv).

Their format, as public readers of the real files write it (lafranceinsoumise/data_france
backend/tasks/rne.py; aktiur/hexagonal src/hexagonal/rne/extraire.py; collectors that counted
the labels and dates of the 2024-2026 files):
- UTF-8 (a BOM is tolerated), `;`-separated, one header line, one row per mandate and function.
  Someone holding two functions has two rows; both are kept here, the caller merges them.
- Conseillers municipaux, 16 columns: Code du département;Libellé du département;Code de la
  collectivité à statut particulier;Libellé de la collectivité à statut particulier;Code de la
  commune;Libellé de la commune;Nom de l'élu;Prénom de l'élu;Code sexe;Date de naissance;Code
  de la catégorie socio-professionnelle;Libellé de la catégorie socio-professionnelle;Date de
  début du mandat;Libellé de la fonction;Date de début de la fonction;Code nationalité.
- Conseillers communautaires, 17 columns (no nationality): the two département and the two
  collectivité columns, N° SIREN;Libellé de l'EPCI;Code de la commune de rattachement;Libellé de
  la commune de rattachement, then the person, mandate and function columns in the same order.
  « Code de la commune » is accepted for the commune de rattachement.
- Code de la commune: the INSEE code, 5 characters (« 01001 », « 2A004 »). One file lost the
  leading zero (data_france pads it); « 1001 » is read as « 01001 » when the département says 01.
- Dates: AAAA-MM-JJ in the current files (2026), JJ/MM/AAAA in the older ones (which the 2020-
  2025 readers parse); when the form changed is not confirmed, both are read. The 2026 extract
  of outgoing councils (mun2026-*-sortants) writes JJ/MM/AA: a two-digit year is refused.
- Libellé de la fonction: empty for a plain councillor; « Maire », « 1er adjoint au Maire »,
  « 2ème adjoint au Maire »… (the most frequent labels of the file); « Président du conseil
  communautaire », « 1er vice-président du conseil communautaire », « 4eme Vice-président… ».
  Other ordinals (« 2e », « 1ère », « Premier », « Deuxième »…) are not confirmed in the RNE and
  are read all the same.

Columns are found by name; the others are ignored. Date de naissance, the catégorie
socio-professionnelle and the Code nationalité are never read: personal data no act prints."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from ctgdocs.errors import DataError, Location, Problem, UsageError, display_path
from ctgdocs.fr.nombres import liste

Sexe = Literal["M", "F"]
CM = "elus-conseillers-municipaux-cm.csv"
EPCI = "elus-conseillers-communautaires-epci.csv"
NOM, PRENOM, SEXE = "Nom de l'élu", "Prénom de l'élu", "Code sexe"
DEBUT_MANDAT, FONCTION = "Date de début du mandat", "Libellé de la fonction"
DEBUT_FONCTION, DEPARTEMENT = "Date de début de la fonction", "Code du département"


@dataclass(frozen=True, slots=True)
class Elu:
    """One row of the file: a person's mandate, with at most one function."""

    collectivite: str  # the commune's INSEE code (CM), the EPCI's SIREN (EPCI)
    libelle_collectivite: str  # « Châtellerault », « CA Grand Châtellerault »
    nom: str  # as the RNE writes it: « DUPONT »
    prenom: str
    sexe: Sexe
    fonction: str | None  # None for a plain councillor
    commune: str | None  # EPCI: INSEE code of the commune de rattachement; CM: None
    debut_mandat: date
    debut_fonction: date | None
    ligne: int  # in the file, the header being line 1

    @property
    def est_executif(self) -> bool:
        """The maire, the président (« Président du conseil communautaire »)."""
        return self.fonction is not None and bool(_EXECUTIF.fullmatch(self.fonction.strip()))

    @property
    def rang_adjoint(self) -> int | None:
        """1 for the first adjoint or vice-président, 2 for the second…; None for any other
        function, and for an adjoint whose label has no rank (« Adjoint au maire »)."""
        m = _ADJOINT.match(self.fonction.strip()) if self.fonction else None
        if m is None:
            return None
        mot = m["rang"].casefold()
        chiffres = re.fullmatch(r"(\d+)(?:er|re|ère|ere|e|ème|eme|ième|ieme|nde?|°)?", mot)
        return int(chiffres[1]) if chiffres else _RANGS.get(mot)


def civilite(sexe: Sexe) -> Literal["M.", "Mme"]:
    return "M." if sexe == "M" else "Mme"


def lire_conseillers_municipaux(path: Path) -> list[Elu]:
    """The rows of an elus-conseillers-municipaux-cm.csv, in the file's order."""
    return _lire(path, CM, "Code de la commune", "Libellé de la commune")


def lire_conseillers_communautaires(path: Path) -> list[Elu]:
    """The rows of an elus-conseillers-communautaires-epci.csv, in the file's order."""
    commune = ("Code de la commune de rattachement", "Code de la commune")
    return _lire(path, EPCI, "N° SIREN", "Libellé de l'EPCI", commune)


def lire_tableau(path: Path, attendu: str, delimiteurs: str = ";") -> list[tuple[int, list[str]]]:
    """The non-blank rows of a UTF-8 CSV file with their line numbers, the header first; the
    delimiter is the one of `delimiteurs` the header uses most. Located French errors."""
    try:
        octets = path.read_bytes()
    except OSError as error:
        raise UsageError(f"{display_path(path)} : lecture impossible ({error.strerror})") from None
    try:
        texte = octets.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        ligne = octets[: error.start].count(b"\n") + 1
        message = f"octet 0x{octets[error.start]:02X} illisible en UTF-8 : réenregistrez le fichier en UTF-8"
        raise DataError([Problem(Location(str(path), ligne), message)]) from None
    delimiteur = max(delimiteurs, key=texte.partition("\n")[0].count)
    lecteur = csv.reader(io.StringIO(texte, newline=""), delimiter=delimiteur)
    lignes, fin = [], 0
    try:
        for cellules in lecteur:
            if any(c.strip() for c in cellules):
                lignes.append((fin + 1, cellules))
            fin = lecteur.line_num
    except csv.Error as error:
        raise DataError([Problem(Location(str(path), lecteur.line_num), str(error))]) from None
    if not lignes:
        raise DataError([Problem(Location(str(path), 1), f"fichier vide : attendu {attendu}")])
    return lignes


def _lire(
    path: Path, fichier: str, code: str, libelle: str, commune: tuple[str, ...] = ()
) -> list[Elu]:
    source = f"Répertoire national des élus ({fichier})"
    lignes = lire_tableau(path, f"l'en-tête d'un fichier du {source}")
    entete, titres = lignes[0]
    index = {titre.strip(): i for i, titre in reversed(list(enumerate(titres)))}
    col_commune = next((n for n in commune if n in index), commune[0]) if commune else ""
    colonnes = [code, libelle, col_commune, NOM, PRENOM, SEXE, DEBUT_MANDAT, FONCTION]
    manquantes = [f"« {c} »" for c in colonnes if c and c not in index]
    if manquantes:
        s = "s" if len(manquantes) > 1 else ""
        message = f"colonne{s} {liste(manquantes)} manquante{s} : est-ce un fichier du {source} ?"
        raise DataError([Problem(Location(str(path), entete), message)])
    elus: list[Elu] = []
    problemes: list[Problem] = []
    for ligne, cellules in lignes[1:]:
        c = Cellules(str(path), ligne, cellules, index, problemes)
        avant = len(problemes)
        # a refused cell gives "" or None, and its row is dropped
        valeur_code = (
            c.verifie(code, r"\d{9}", "SIREN", "9 chiffres") if commune else c.commune(code)
        )
        elu = Elu(
            collectivite=valeur_code,
            libelle_collectivite=c.non_vide(libelle, "libellé"),
            nom=c.non_vide(NOM, "nom"),
            prenom=c.non_vide(PRENOM, "prénom"),
            sexe="F" if c.verifie(SEXE, "M|F", "code", "« M » ou « F »") == "F" else "M",
            fonction=c.texte(FONCTION) or None,
            commune=c.commune(col_commune) if commune else None,
            debut_mandat=c.date(DEBUT_MANDAT) or date.min,
            debut_fonction=c.date(DEBUT_FONCTION) if DEBUT_FONCTION in index else None,
            ligne=ligne,
        )
        if len(problemes) == avant:
            elus.append(elu)
    if problemes:
        raise DataError(problemes)
    return elus


@dataclass(frozen=True, slots=True)
class Cellules:
    """The cells of one row (of any official CSV: sirene.py reads with it too); each check
    records its Problem, located at its column, and gives "" for a refused cell."""

    fichier: str
    ligne: int
    cellules: list[str]
    index: dict[str, int]
    problemes: list[Problem]

    def texte(self, colonne: str) -> str:
        i = self.index[colonne]
        return self.cellules[i].strip() if i < len(self.cellules) else ""

    def refus(self, colonne: str, message: str) -> str:
        where = Location(self.fichier, self.ligne, self.index[colonne] + 1)
        self.problemes.append(Problem(where, message, colonne))
        return ""

    def non_vide(self, colonne: str, quoi: str) -> str:
        return self.texte(colonne) or self.refus(colonne, f"{quoi} vide")

    def verifie(
        self, colonne: str, motif: str, quoi: str, attendu: str, valeur: str | None = None
    ) -> str:
        """The value (the cell's, unless given) if it matches `motif`, else "" and a Problem."""
        valeur = self.texte(colonne) if valeur is None else valeur
        if re.fullmatch(motif, valeur):
            return valeur
        return self.refus(colonne, f"{quoi} {_cite(valeur)} : attendu {attendu}")

    def commune(self, colonne: str) -> str:
        valeur = self.texte(colonne)
        departement = self.texte(DEPARTEMENT) if DEPARTEMENT in self.index else ""
        if re.fullmatch(r"\d{4}", valeur) and departement == f"0{valeur[0]}":
            valeur = f"0{valeur}"  # the leading zero a spreadsheet lost
        attendu = "le code INSEE de la commune, 5 caractères comme « 86066 » ou « 2A004 »"
        return self.verifie(colonne, r"\d{5}|2[AB]\d{3}", "code", attendu, valeur)

    def date(self, colonne: str) -> date | None:
        valeur = self.texte(colonne)
        if not valeur and colonne == DEBUT_FONCTION:
            return None
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", valeur):
            annee, mois, jour = m.groups()
        elif m := re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", valeur):
            jour, mois, annee = m.groups()
        else:
            self.refus(colonne, f"date {_cite(valeur)} : attendu JJ/MM/AAAA ou AAAA-MM-JJ")
            return None
        try:
            return date(int(annee), int(mois), int(jour))
        except ValueError:
            self.refus(colonne, f"date inexistante « {valeur} »")
            return None


def _cite(valeur: str) -> str:
    return f"illisible « {valeur} »" if valeur else "vide"


_EXECUTIF = re.compile(r"maire|pr[ée]sidente?(?: du conseil communautaire)?", re.IGNORECASE)
_ADJOINT = re.compile(r"(?P<rang>\S+)\s+(?:adjointe?|vice[- ]pr[ée]sidente?)\b", re.IGNORECASE)
_ORDINAUX = "deux trois quatr cinqu six sept huit neuv dix onz douz treiz quatorz quinz seiz"
_RACINES = [*_ORDINAUX.split(), "dix-sept", "dix-huit", "dix-neuv", "vingt"]
_RANGS = {"premier": 1, "première": 1, "premiere": 1, "second": 2, "seconde": 2} | {
    f"{racine}i{e}me": rang for rang, racine in enumerate(_RACINES, 2) for e in "eè"
}
