"""Every message of the import's merge and of the council rule, exactly (issue 20)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from ctgdocs.errors import DataError
from ctgdocs.imports import yamlrt
from support.importation import run

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "cog"
CM = ROOT / "tests" / "fixtures" / "officiels" / "elus-conseillers-municipaux-cm.csv"


@pytest.fixture
def liaisons(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("CTGDOCS_COG", str(FIXTURE))
    dossier = tmp_path / "liaisons"
    assert run("import", "territoire", str(dossier), "--epci", "299999995")[0] == 0
    return dossier


def test_unreadable_yaml_is_located() -> None:
    with pytest.raises(DataError) as raised:
        yamlrt.lire("a: [1,\n", "t.yaml")
    assert str(raised.value.problems[0]).startswith("t.yaml:2:1: YAML illisible : ")
    with pytest.raises(DataError) as raised:
        yamlrt.lire("- a\n- b\n", "t.yaml")
    assert [str(p) for p in raised.value.problems] == [
        "t.yaml:1:1: un mapping YAML (clé: valeur) est attendu"
    ]


def test_the_file_written_is_never_one_read(liaisons: Path) -> None:
    code, _, err = run("import", "elus", str(liaisons), "--rne", str(liaisons / "territoire.yaml"))
    assert code == 1
    assert err.startswith(f"erreur : {liaisons / 'territoire.yaml'}:1: ")  # not an RNE file


def test_a_commune_another_file_names_is_kept(
    liaisons: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (liaisons / "seances").mkdir()
    (liaisons / "seances" / "2026-12-01.yaml").write_text("seance: {collectivite: houlgate}\n")
    cog = tmp_path / "cog"
    shutil.copytree(FIXTURE, cog)
    epci_json = cog / "data" / "epci.json"
    epci = json.loads(epci_json.read_text(encoding="utf-8"))
    epci[0]["membres"] = [m for m in epci[0]["membres"] if m["code"] != "14338"]
    epci_json.write_text(json.dumps(epci, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("CTGDOCS_COG", str(cog))
    code, out, _ = run(
        "import", "territoire", str(liaisons), "--epci", "299999995", "--mise-a-jour"
    )
    assert code == 0
    assert (
        "note : Houlgate (houlgate) ne fait plus partie de la Communauté de communes Exemple des "
        "Liaisons (COG 2026) ; gardée, car seances/2026-12-01.yaml la nomme : retirez-la à la "
        "main"
    ) in out.splitlines()
    assert "houlgate:" in (liaisons / "territoire.yaml").read_text(encoding="utf-8")


def _conseil(liaisons: Path, texte: str) -> list[str]:
    f = liaisons / "territoire.yaml"
    f.write_text(
        f.read_text(encoding="utf-8").replace(
            "  le-pradet: {type: commune,", "  le-pradet: {" + texte + ", type: commune,"
        )
        + "personnes:\n  a: {civilite: M., prenom: Jean, nom: A}\n  b: {civilite: Mme, prenom: Anne, nom: B}\n",
        encoding="utf-8",
    )
    code, _, err = run("validate", str(liaisons))
    assert code == 1
    # « erreur : fichier:ligne:col: champ : message » → « champ : message »; the count line apart
    return [ligne.split(": ", 2)[2] for ligne in err.splitlines()[:-1]]


def test_an_adjoint_sits_in_the_council(liaisons: Path) -> None:
    lignes = _conseil(liaisons, "conseil: {membres: [a], adjoints: [b]}")
    assert lignes == [
        "organisations.le-pradet.conseil.adjoints[0] : Anne B n'est pas membre du conseil "
        "(organisations.le-pradet.conseil.membres)"
    ]


def test_the_count_covers_the_members(liaisons: Path) -> None:
    lignes = _conseil(liaisons, "conseil: {membres_en_exercice: 1, membres: [a, b, b]}")
    assert lignes == [
        "organisations.le-pradet.conseil.membres_en_exercice : 1 membres en exercice, mais le "
        "conseil en nomme 2 (organisations.le-pradet.conseil.membres)",
        "organisations.le-pradet.conseil.membres[1] : « b » est nommé deux fois parmi les "
        "membres du conseil",
    ]


def test_an_unknown_member_is_an_unknown_id(liaisons: Path) -> None:
    lignes = _conseil(liaisons, "conseil: {membres: [a, c]}")
    assert lignes == [
        "organisations.le-pradet.conseil.membres[1] : identifiant inconnu « c » : aucune "
        "personne de ce nom dans territoire.yaml"
    ]


def test_only_an_elected_body_has_a_council(liaisons: Path) -> None:
    f = liaisons / "territoire.yaml"
    f.write_text(
        f.read_text(encoding="utf-8").replace(
            "    type: caf\n", "    type: caf\n    conseil: {membres_en_exercice: 20}\n"
        ),
        encoding="utf-8",
    )
    code, _, err = run("validate", str(liaisons))
    assert code == 1
    assert err.splitlines()[0].split(": ", 2)[2] == (
        "organisations.caf-13.conseil : une organisation de type caf n'a pas de conseil élu : "
        "seuls une commune, un EPCI ou un syndicat en ont un"
    )


def test_an_incomplete_package_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cog = tmp_path / "cog"
    shutil.copytree(FIXTURE, cog)
    communes_json = cog / "data" / "communes.json"
    communes = json.loads(communes_json.read_text(encoding="utf-8"))
    communes_json.write_text(json.dumps([c for c in communes if c["code"] != "14338"]))
    monkeypatch.setenv("CTGDOCS_COG", str(cog))
    code, _, err = run("import", "territoire", str(tmp_path / "t"), "--epci", "299999995")
    assert code == 1
    assert err == (
        "erreur (utilisation) : @etalab/decoupage-administratif 6.0.0 (COG 2026) : l'EPCI "
        "299999995 a pour membres des communes qu'il ne connaît pas (14338) ; le paquet est "
        "incomplet, réinstallez-le (make setup)\n"
    )


def test_a_commune_added_to_a_territory_of_communes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CTGDOCS_COG", str(FIXTURE))
    dossier = tmp_path / "t"
    assert run("import", "territoire", str(dossier), "--commune", "83098")[0] == 0
    code, out, _ = run(
        "import", "territoire", str(dossier), "--commune", "83098", "--commune", "08502",
        "--mise-a-jour",
    )  # fmt: skip
    assert (code, out.splitlines()) == (
        0,
        ["écrit : commune ajoutée : Yoncq (08502)", f"écrit : {dossier / 'territoire.yaml'}"],
    )


def test_elus_of_a_territory_typed_by_hand_need_its_codes(tmp_path: Path) -> None:
    dossier = tmp_path / "gc"
    shutil.copytree(ROOT / "data" / "grand-chatellerault", dossier)
    f = dossier / "territoire.yaml"
    texte = re.sub(r', code_insee: "\d+"|\n    siren: "\d+"', "", f.read_text(encoding="utf-8"))
    f.write_text(texte, encoding="utf-8")  # as typed by hand, before any import
    code, out, _ = run("import", "elus", str(dossier), "--rne", str(CM))
    assert code == 0
    assert out.splitlines() == [
        "note : 47 collectivités sans code INSEE ni SIREN (chatellerault, senille-saint-sauveur, "
        "thure, colombiers …) : leurs élus ne sont pas lus ; « ctgdocs import territoire … "
        "--mise-a-jour » écrit ces codes",
        f"{dossier / 'territoire.yaml'} : rien à changer",
    ]


def test_populations_a_past_seance_would_lack_are_not_written(tmp_path: Path) -> None:
    """Maussane's séance of 29 July 2022 sets its 3 500 threshold by the millésime in force at
    the 2020 renewal (2017), which the COG 2026 does not give: its 2023 population is not
    written, so the territory stays valid."""
    dossier = tmp_path / "vb"
    shutil.copytree(ROOT / "data" / "vallee-des-baux-alpilles", dossier)
    f = dossier / "territoire.yaml"
    texte = f.read_text(encoding="utf-8")
    importe = '    code_insee: "13058"\n    type_liaison: 0\n    siren: "211300587"\n'
    assert importe in texte  # data/ was imported so: as typed by hand before
    f.write_text(texte.replace(importe, ""), encoding="utf-8")
    code, out, _ = run("import", "territoire", str(dossier), "--commune", "13058", "--mise-a-jour")
    assert code == 0
    assert (
        "note : Maussane-les-Alpilles (maussane-les-alpilles) : populations légales non écrites : "
        "ses séances demandent le millésime 2017, que le COG ne donne pas ; écrivez "
        "populations_legales avec ce millésime (INSEE), puis relancez l'import"
    ) in out.splitlines()
    assert (
        "écrit : code_insee, type_liaison, siren ajoutés : 1 organisation (maussane-les-alpilles)"
        in out
    )
    assert run("validate", str(dossier))[0] == 0


def test_a_tncc_that_contradicts_the_name_is_refused(copie) -> None:
    c = copie("le-pradet")
    c.edit("territoire.yaml", "    nom: Le Pradet\n", "    nom: Hyères\n")
    problems = c.problems()
    assert [p.split(": ", 1)[1] for p in problems] == [
        "organisations.le-pradet.type_liaison : type de nom en clair 2 : attendu un nom qui "
        "commence par « Le », pas « Hyères » ; corrigez l'un, ou retirez type_liaison (le nom "
        "seul dit alors « d'Hyères »)"
    ]
