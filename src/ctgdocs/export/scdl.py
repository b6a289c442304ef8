"""SCDL « Délibérations » 2.1.5 export: the open-data file of the deliberations, from the same
data as the documents (../shared/reference/fr_standards.md §1).

One row per deliberation of the séance files, in the 17 columns of the schema, in its order;
UTF-8, comma-separated, ISO dates, empty string for a missing optional value. A required value
missing from the data (COLL_SIRET, DELIB_MATIERE_CODE) is an error located where it belongs.

VOTE_REEL is the number of voters, « élus ayant réellement participé au vote »: present and
represented members, minus those who did not take part (so pour + contre + abstentions).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence

from ctgdocs.documents.deliberation import stem
from ctgdocs.errors import DataError, Problem, UsageError
from ctgdocs.fr.dates import date_fr
from ctgdocs.load.territoire import DonneesTerritoire
from ctgdocs.references import nomenclature
from ctgdocs.rules.vote import compte, resultat

COLONNES = (
    "COLL_NOM",
    "COLL_SIRET",
    "DELIB_ID",
    "DELIB_DATE",
    "DELIB_MATIERE_CODE",
    "DELIB_MATIERE_NOM",
    "DELIB_OBJET",
    "BUDGET_ANNEE",
    "BUDGET_NOM",
    "PREF_ID",
    "PREF_DATE",
    "VOTE_EFFECTIF",
    "VOTE_REEL",
    "VOTE_POUR",
    "VOTE_CONTRE",
    "VOTE_ABSTENTION",
    "DELIB_URL",
)
URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$")


def matiere_nom(code: str) -> str:
    """« level-1 label/level-2 label », in lower case, without comma nor parenthesis, as the
    schema asks: « 7.1 » → « finances locales/décisions budgétaires »."""
    famille = code.partition(".")[0]
    return f"{_libelle(nomenclature()[famille])}/{_libelle(nomenclature()[code])}"


def _libelle(text: str) -> str:
    text = re.sub(r"\s*\([^)]*\)", "", text)  # « Transactions (protocole …) » → « Transactions »
    return re.sub(r"\s+", " ", text.replace(",", " ")).strip().lower()


def lignes(
    territoires: Sequence[DonneesTerritoire], url_base: str | None = None
) -> list[dict[str, str]]:
    """The rows, by collectivité, date and number; DataError with every missing value."""
    rows: list[tuple[tuple[str, dt.date, int, str], dict[str, str]]] = []
    problems: list[Problem] = []
    for d in territoires:
        t = d.territoire
        sans_siret: set[str] = set()
        for s in d.seances:
            seance = s.model.seance
            org = t.model.organisations[seance.collectivite]
            if org.siret is None and seance.collectivite not in sans_siret:
                sans_siret.add(seance.collectivite)
                problems.append(
                    t.problem(
                        ("organisations", seance.collectivite),
                        "siret manquant : la colonne COLL_SIRET de l'export SCDL est obligatoire "
                        f"pour ses délibérations (séance du {date_fr(seance.date)})",
                    )
                )
            for n, delib in enumerate(s.model.deliberations):
                if delib.actes is None:
                    problems.append(
                        s.problem(
                            ("deliberations", n),
                            f"délibération {delib.numero} : la colonne DELIB_MATIERE_CODE de "
                            "l'export SCDL est obligatoire ; ajoutez actes: {numero: …, matiere: …}",
                        )
                    )
                    continue
                vote = compte(s.model, delib)
                resultat_vote = resultat(vote)
                row = {
                    "COLL_NOM": org.designation or org.nom,
                    "COLL_SIRET": org.siret or "",
                    "DELIB_ID": delib.actes.numero,
                    "DELIB_DATE": seance.date.isoformat(),
                    "DELIB_MATIERE_CODE": delib.actes.matiere,
                    "DELIB_MATIERE_NOM": matiere_nom(delib.actes.matiere),
                    "DELIB_OBJET": delib.objet,
                    "BUDGET_ANNEE": "",
                    "BUDGET_NOM": "",
                    "PREF_ID": "",
                    "PREF_DATE": "",
                    "VOTE_EFFECTIF": str(seance.membres_en_exercice),
                    "VOTE_REEL": str(resultat_vote.votants),
                    "VOTE_POUR": str(vote.pour),
                    "VOTE_CONTRE": str(vote.contre),
                    "VOTE_ABSTENTION": str(vote.abstentions),
                    "DELIB_URL": f"{url_base}{d.slug}/{stem(seance, delib)}.pdf"
                    if url_base
                    else "",
                }
                ordre = delib.ordre if delib.ordre is not None else n + 1
                rows.append(((row["COLL_NOM"], seance.date, ordre, delib.numero), row))
    if problems:
        raise DataError(problems)
    return [row for _, row in sorted(rows, key=lambda r: r[0])]


def csv_text(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLONNES, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def url_de_base(url_base: str | None) -> str | None:
    """--url-base checked (a full web address), ending with « / »."""
    if url_base is None:
        return None
    if not URL.match(url_base):
        raise UsageError(
            f"--url-base « {url_base} » : une adresse web complète est attendue "
            "(ex. https://www.ville.fr/deliberations/)"
        )
    return url_base if url_base.endswith("/") else url_base + "/"


def exporter(territoires: Sequence[DonneesTerritoire], url_base: str | None = None) -> str:
    """The SCDL file of the deliberations of these (validated) territories."""
    rows = lignes(territoires, url_base)
    if not rows:
        raise UsageError("aucune délibération dans ces données : rien à exporter")
    return csv_text(rows)


__all__ = ["COLONNES", "csv_text", "exporter", "lignes", "matiere_nom", "url_de_base"]
