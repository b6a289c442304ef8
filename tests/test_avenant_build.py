"""Building avenants: only their outputs are written, the signed original is never touched."""

from __future__ import annotations

import shutil

from conftest import DATA
from ctgdocs.app import BuildOptions, build

CHATELLERAULT = "grand-chatellerault"


def test_an_avenant_builds_exactly_its_outputs_and_leaves_the_signed_original(copie, tmp_path):
    c = copie(CHATELLERAULT)
    shutil.rmtree(c.path("avenants"))
    shutil.rmtree(c.path("seances"))
    out = tmp_path / "sortie"
    options = BuildOptions(output=out, formats=("html", "docx"), jobs=1)
    build([c.dir], options)
    signe = {p.name: p.read_bytes() for p in (out / CHATELLERAULT).glob("convention.*")}
    assert sorted(signe) == ["convention.docx", "convention.html"]

    shutil.copytree(DATA / CHATELLERAULT / "avenants", c.path("avenants"))
    report = build([c.dir], options)
    assert sorted(p.name for p in report.ecrits) == [
        f"convention-{doc}.{fmt}"
        for doc in ("avenant-1", "avenant-2", "consolidee-avenant-1", "consolidee-avenant-2")
        for fmt in ("docx", "html")
    ]
    assert {p.name: p.read_bytes() for p in (out / CHATELLERAULT).glob("convention.*")} == signe

    shutil.copytree(DATA / CHATELLERAULT / "seances", c.path("seances"))
    report = build([c.dir], options)
    assert sorted(p.name for p in report.ecrits) == [
        "grand-chatellerault-deliberation-2024-12-16-12.docx",
        "grand-chatellerault-deliberation-2024-12-16-12.html",
        "grand-chatellerault-liste-deliberations-2024-12-16.docx",
        "grand-chatellerault-liste-deliberations-2024-12-16.html",
    ]

    report = build([c.dir], options)
    assert (report.ecrits, report.rendus) == ([], 0)
    assert {p.name: p.read_bytes() for p in (out / CHATELLERAULT).glob("convention.*")} == signe
