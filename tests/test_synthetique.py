"""The synthetic territories of the benchmark: valid data, fictitious names, the counts asked
for, the same bytes for the same seed, and a national run split under the file size limit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from synthetique import (
    ENTETE,
    PAR_DEPARTEMENT,
    fichiers,
    generer,
    main,
    repartir,
)

from ctgdocs.app import BuildOptions, build, validate
from ctgdocs.load.yamlfile import MAX_BYTES


def contents(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in fichiers(root)}


def test_a_small_run_is_valid_counted_and_fictitious(tmp_path):
    departements = generer(tmp_path, 12, par_departement=5, graine=3)
    assert [(d.dossier.name, d.code, d.communes) for d in departements] == [
        ("departement-fictif-01", "01", 4),
        ("departement-fictif-02", "02", 4),
        ("departement-fictif-03", "03", 4),
    ]
    territoires = validate([tmp_path])  # every rule: quorum, pouvoirs, votes, convocation
    assert [t.slug for t in territoires] == [d.dossier.name for d in departements]
    numeros = []
    for t in territoires:
        modele = t.territoire.model
        communes = {k: o for k, o in modele.organisations.items() if o.type == "commune"}
        assert len(communes) == 4 and len(t.seances) == 4
        assert modele.territoire.nom.startswith("Département fictif ")
        assert all(re.fullmatch(r"Commune fictive \d{4}", o.nom) for o in communes.values())
        others = [o.nom for o in modele.organisations.values() if o.type != "commune"]
        assert others == [
            f"Caisse d'allocations familiales fictive {t.slug[-2:]}",
            f"Communauté fictive {t.slug[-2:]}",
        ]
        assert all(re.fullmatch(r"FICTIF\d{4}", p.nom) for p in modele.personnes.values())
        assert all(re.fullmatch(r"Prénom\d{2}", p.prenom) for p in modele.personnes.values())
        for seance in t.seances:
            (deliberation,) = seance.model.deliberations
            assert deliberation.objet.endswith("(fictive)")
            assert deliberation.decisions[0].clause == "demarche_partenariale_ctg"
            numeros.append(int(seance.model.seance.collectivite.removeprefix("commune-")))
    assert sorted(numeros) == list(range(1, 13))
    for path in fichiers(tmp_path):
        assert ENTETE in path.read_text(encoding="utf-8"), path


def test_the_same_seed_gives_the_same_bytes(tmp_path):
    generer(tmp_path / "a", 6, par_departement=4, graine=7)
    generer(tmp_path / "b", 6, par_departement=4, graine=7)
    generer(tmp_path / "c", 6, par_departement=4, graine=8)
    a, b, c = (contents(tmp_path / x) for x in "abc")
    assert a == b and len(a) == 2 + 6
    assert a != c


def test_a_department_builds_its_deliberations(tmp_path):
    generer(tmp_path / "data", 2)
    report = build([tmp_path / "data"], BuildOptions(output=tmp_path / "out", formats=("html",)))
    assert report.ok and len(report.ecrits) == 2
    html = sorted((tmp_path / "out" / "departement-fictif-01").glob("*.html"))
    assert [p.name[:25] for p in html] == [f"commune-000{n}-deliberation" for n in (1, 2)]
    text = html[0].read_text(encoding="utf-8")
    assert "COMMUNE FICTIVE 0001" in text and "Prénom01 FICTIF0001" in text


def test_a_national_run_is_split_into_departments_under_the_size_limit(tmp_path):
    assert repartir(35_000) == [PAR_DEPARTEMENT] * 100
    assert repartir(1_000, 300) == [250] * 4
    assert repartir(7, 3) == [3, 2, 2]
    (departement,) = generer(tmp_path, PAR_DEPARTEMENT)  # one full department of the national run
    size = (departement.dossier / "territoire.yaml").stat().st_size
    assert size < MAX_BYTES / 5
    assert len(validate([tmp_path])[0].seances) == PAR_DEPARTEMENT
    data = yaml.safe_load((departement.dossier / "territoire.yaml").read_text(encoding="utf-8"))
    assert len(data["territoire"]["ctg"]["signataires"]) == PAR_DEPARTEMENT + 2


def test_the_command_line(tmp_path, capsys):
    assert main([str(tmp_path / "x"), "--communes", "3", "--par-departement", "2"]) == 0
    assert (
        capsys.readouterr().out == f"3 communes fictives en 2 départements dans {tmp_path / 'x'}\n"
    )
    assert main([str(tmp_path / "x"), "--communes", "3"]) == 1
    assert (
        capsys.readouterr().err
        == f"erreur : {tmp_path / 'x'} n'est pas vide : rien n'a été écrit\n"
    )
    assert main([str(tmp_path / "y"), "--communes", "35000", "--par-departement", "100"]) == 1
    assert capsys.readouterr().err == (
        "erreur : 35000 communes à 100 par département font 350 départements ; 102 codes de "
        "département au plus (augmentez --par-departement)\n"
    )
    assert main([str(tmp_path / "z"), "--communes", "0"]) == 1
    assert capsys.readouterr().err == "erreur : au moins une commune par département\n"
    assert not (tmp_path / "y").exists() and not (tmp_path / "z").exists()


@pytest.mark.parametrize("communes", [1, 2])
def test_one_commune_per_file(tmp_path, communes):
    generer(tmp_path, communes)
    assert len(list(tmp_path.glob("*/seances/*.yaml"))) == communes
