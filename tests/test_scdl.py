"""The SCDL « Délibérations » 2.1.5 export, checked field by field against the schema's rules
(fr_standards.md §1.2–1.3), written here independently of ctgdocs.export.scdl."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata

from click.testing import CliRunner

from conftest import DATA, MAUSSANE, POITIERS, SEANCE_MAUSSANE
from ctgdocs.cli import main
from ctgdocs.export.scdl import matiere_nom

SCHEMA = (  # name, required, pattern (None: any text)
    ("COLL_NOM", True, None),
    ("COLL_SIRET", True, r"^\d{14}$"),
    ("DELIB_ID", True, None),
    ("DELIB_DATE", True, r"^\d{4}-\d{2}-\d{2}$"),
    ("DELIB_MATIERE_CODE", True, r"^\d\.\d{1,2}$"),
    ("DELIB_MATIERE_NOM", True, None),
    ("DELIB_OBJET", True, None),
    ("BUDGET_ANNEE", False, r"^[0-9]{4}(\/[0-9]{4})?$"),
    ("BUDGET_NOM", False, None),
    ("PREF_ID", False, r"^(PREF\d{2}[0-9AB]|SPREF\d{2}[0-9AB]\d|SGAR\d{2}[0-9AB])$"),
    ("PREF_DATE", False, r"^\d{4}-\d{2}-\d{2}$"),
    ("VOTE_EFFECTIF", False, r"^\d+$"),
    ("VOTE_REEL", False, r"^\d+$"),
    ("VOTE_POUR", False, r"^\d+$"),
    ("VOTE_CONTRE", False, r"^\d+$"),
    ("VOTE_ABSTENTION", False, r"^\d+$"),
    ("DELIB_URL", False, r"^https?://\S+$"),
)
RANGES = {1: 7, 2: 3, 3: 6, 4: 5, 5: 8, 6: 5, 7: 10, 8: 9, 9: 4}  # level-1 → last level-2
FAMILLES = (
    "Commande publique",
    "Urbanisme",
    "Domaine et patrimoine",
    "Fonction publique",
    "Institutions et vie politique",
    "Libertés publiques et pouvoirs de police",
    "Finances locales",
    "Domaines de compétences par thèmes",
    "Autres domaines de compétences",
)


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def schema_errors(text: str) -> list[str]:
    """Every way the file breaks the SCDL schema (empty list: it conforms)."""
    errors = []
    if text.startswith("\ufeff"):
        errors.append("BOM")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, body = rows[0], rows[1:]
    if header != [name for name, _, _ in SCHEMA]:
        return [f"header {header}"]
    for n, row in enumerate(body, 2):
        if len(row) != len(SCHEMA):
            errors.append(f"line {n}: {len(row)} fields")
            continue
        values = dict(zip(header, row, strict=True))
        for name, required, pattern in SCHEMA:
            value = values[name]
            if required and not value:
                errors.append(f"line {n}: {name} required")
            elif value and pattern and not re.match(pattern, value):
                errors.append(f"line {n}: {name} « {value} »")
        for name in ("DELIB_DATE", "PREF_DATE"):
            if values[name]:
                dt.date.fromisoformat(values[name])
        code = values["DELIB_MATIERE_CODE"]
        if re.match(r"^\d\.\d{1,2}$", code):
            level1, level2 = (int(x) for x in code.split("."))
            if not 1 <= level2 <= RANGES.get(level1, 0):
                errors.append(f"line {n}: matière {code} out of range")
        nom = values["DELIB_MATIERE_NOM"]
        prefix, slash, suffix = nom.partition("/")
        if slash and (prefix != prefix.rstrip() or suffix != suffix.lstrip()):
            errors.append(f"line {n}: space around / in « {nom} »")
        elif not slash or _plain(prefix) not in {_plain(f) for f in FAMILLES}:
            errors.append(f"line {n}: DELIB_MATIERE_NOM « {nom} »")
        elif _plain(prefix) != _plain(FAMILLES[int(code[0]) - 1]):
            errors.append(f"line {n}: « {nom} » does not match {code}")
        if nom != nom.lower() or any(c in nom for c in ",()"):
            errors.append(f"line {n}: « {nom} » not lower case without comma nor parenthesis")
        if all(values[k] for k in ("VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR")):
            votes = sum(int(values[k]) for k in ("VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION"))
            if not votes <= int(values["VOTE_REEL"]) <= int(values["VOTE_EFFECTIF"]):
                errors.append(f"line {n}: vote figures")
    return errors


def export(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["export", "scdl", *args])
    return result.exit_code, result.stdout, result.stderr


def test_the_poitiers_example_gives_a_conforming_file() -> None:
    code, out, _ = export(str(DATA / POITIERS))
    assert code == 0 and schema_errors(out) == []
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert rows == [
        {
            "COLL_NOM": "Ville de Poitiers",
            "COLL_SIRET": "21860194600013",
            "DELIB_ID": "2022_0301",
            "DELIB_DATE": "2023-06-26",
            "DELIB_MATIERE_CODE": "7.1",
            "DELIB_MATIERE_NOM": "finances locales/décisions budgétaires",
            "DELIB_OBJET": "Évolution des postes de coordinations financés par la Caisse "
            "d'allocations familiales (Caf) dans le cadre de la Convention territoriale "
            "globale (CTG)",
            "BUDGET_ANNEE": "",
            "BUDGET_NOM": "",
            "PREF_ID": "",
            "PREF_DATE": "",
            "VOTE_EFFECTIF": "53",
            "VOTE_REEL": "50",  # 41 présents + 9 représentés
            "VOTE_POUR": "50",
            "VOTE_CONTRE": "0",
            "VOTE_ABSTENTION": "0",
            "DELIB_URL": "",
        }
    ]


def test_the_checker_finds_what_breaks_the_schema() -> None:
    _, out, _ = export(str(DATA / POITIERS))
    assert schema_errors(out.replace("21860194600013", "2186019460001")) == [
        "line 2: COLL_SIRET « 2186019460001 »"
    ]
    broken = out.replace("finances locales/", "finances locales / ").replace(",7.1,", ",7.12,")
    assert schema_errors(broken) == [
        "line 2: matière 7.12 out of range",
        "line 2: space around / in « finances locales / décisions budgétaires »",
    ]
    assert schema_errors(out.replace("COLL_NOM,COLL_SIRET", "COLL_SIRET,COLL_NOM"))[0].startswith(
        "header"
    )


def test_matiere_names_follow_the_schema() -> None:
    assert matiere_nom("8.4") == "domaines de compétences par thèmes/aménagement du territoire"
    assert matiere_nom("1.5") == "commande publique/transactions"
    assert matiere_nom("7.1") == "finances locales/décisions budgétaires"
    for code in ("1.1", "4.1", "5.7", "7.10", "8.2", "9.4"):
        csv_line = f"h\nx,{matiere_nom(code)}"
        assert "(" not in csv_line and "," not in matiere_nom(code)


def test_the_url_of_each_pdf_and_the_output_file(tmp_path) -> None:
    dest = tmp_path / "deliberations.csv"
    code, out, err = export(
        str(DATA / POITIERS), "-o", str(dest), "--url-base", "https://www.poitiers.fr/actes"
    )
    assert code == 0 and out == ""
    assert err == f"écrit : {dest} (1 délibération)\n"
    text = dest.read_bytes().decode("utf-8")  # UTF-8 without BOM, RFC 4180 line ends
    assert schema_errors(text) == [] and text.count("\r\n") == 2 and text.endswith("\r\n")
    row = next(csv.DictReader(io.StringIO(text, newline="")))
    url = "https://www.poitiers.fr/actes/grand-poitiers/poitiers-deliberation-2022-0301.pdf"
    assert row["DELIB_URL"] == url


def test_a_url_base_that_is_not_a_web_address_is_refused() -> None:
    code, _, err = export(str(DATA / POITIERS), "--url-base", "www.poitiers.fr")
    assert (code, err) == (
        1,
        "erreur (utilisation) : --url-base « www.poitiers.fr » : une adresse web complète est "
        "attendue (ex. https://www.ville.fr/deliberations/)\n",
    )


def test_missing_required_values_are_errors_where_they_belong(copie) -> None:
    c = copie(MAUSSANE)
    code, out, err = export(MAUSSANE)
    seance = f"{MAUSSANE}/{SEANCE_MAUSSANE}"
    territoire = f"{MAUSSANE}/territoire.yaml"
    line = c.line(SEANCE_MAUSSANE, "- numero: 2022/07/29/07")
    org = c.line("territoire.yaml", "  maussane-les-alpilles:")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"erreur : {seance}:{line}:5: deliberations[0] : délibération 2022/07/29/07 : la colonne "
        "DELIB_MATIERE_CODE de l'export SCDL est obligatoire ; ajoutez actes: "
        "{numero: …, matiere: …}",
        f"erreur : {territoire}:{org}:3: organisations.maussane-les-alpilles : siret manquant : la "
        "colonne COLL_SIRET de l'export SCDL est obligatoire pour ses délibérations (séance du "
        "29 juillet 2022)",
        "2 erreurs : rien n'a été écrit.",
    ]


def _luhn_completed(digits: str) -> str:
    for key in "0123456789":
        total = 0
        for i, ch in enumerate(reversed(digits + key)):
            n = int(ch) * (2 if i % 2 else 1)
            total += n - 9 if n > 9 else n
        if total % 10 == 0:
            return digits + key
    raise AssertionError


def test_several_collectivites_in_one_file_sorted_by_name(copie) -> None:
    """Maussane, with its real SIREN (from the COG) and a FICTITIOUS NIC (test only: no
    SIRENE extract is in our sources), beside Poitiers."""
    c = copie(MAUSSANE)
    siren = "211300587"
    siret = _luhn_completed(siren + "0001")
    c.edit(
        "territoire.yaml",
        f'    siren: "{siren}"\n',
        f'    siren: "{siren}"\n    siret: "{siret}"   # FICTITIOUS NIC (test)\n',
    )
    c.edit(
        SEANCE_MAUSSANE,
        "    objet:",
        "    actes: {numero: 2022_07_29_07, matiere: '8.2'}\n    objet:",
    )
    code, out, err = export(MAUSSANE, str(DATA / POITIERS))
    assert code == 0, err
    assert schema_errors(out) == []
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert [(r["COLL_NOM"], r["DELIB_ID"], r["DELIB_MATIERE_NOM"]) for r in rows] == [
        (
            "Maussane-les-Alpilles",
            "2022_07_29_07",
            "domaines de compétences par thèmes/aide sociale",
        ),
        ("Ville de Poitiers", "2022_0301", "finances locales/décisions budgétaires"),
    ]


def test_no_folder_is_a_usage_error() -> None:
    code, _, err = export()
    assert code == 2
    assert err.splitlines()[-1] == "Erreur : indiquez au moins un dossier de données (ex. : data/)"


def test_a_folder_without_deliberations_has_nothing_to_export() -> None:
    code, _, err = export(str(DATA / "charente"))
    assert (code, err) == (
        1,
        "erreur (utilisation) : aucune délibération dans ces données : rien à exporter\n",
    )
