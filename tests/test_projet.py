"""Dates as real contracts have them: the durée clause in its two forms (from the signature, or
over the CTG's period), and drafts — no date of signature — printed « Projet » on every page of
every format, never frozen and never sent to the préfecture."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from markupsafe import escape

from conftest import DATA
from ctgdocs.app import BuildOptions, build, plan, validate
from ctgdocs.documents import PlannedDocument
from ctgdocs.render.tree import plain_text
from support.chantier import Chantier

G = "grand-chatellerault"
P = "le-pradet"
ACTES = "  actes: {numero: CTG_2020_2024, matiere: '8.2', collectivite: grand-chatellerault}\n"
DATE = "    date: 2019-12-31\n"
FORMATS = ("pdf", "docx", "html")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def seule(root: Path) -> Path:
    """A copy of Grand Châtellerault's data under root/data/, its convention as signed: no
    avenant, no séance approving one."""
    dest = root / "data" / G
    shutil.copytree(DATA / G, dest)
    shutil.rmtree(dest / "avenants")
    shutil.rmtree(dest / "seances")
    return dest


def brouillon(root: Path) -> Path:
    """The same convention as a draft (no date of signature), with its @CTES metadata ready."""
    dest = seule(root)
    edit(dest / "convention.yaml", DATE, "")
    edit(dest / "convention.yaml", "  signature:\n", ACTES + "  signature:\n")
    return dest


def document(folder: Path, stem: str) -> PlannedDocument:
    (doc,) = [d for d in plan(validate([folder]), []) if d.stem == stem]
    return doc


def texte(doc: PlannedDocument) -> str:
    return plain_text(doc.render().tree).replace("\u00a0", " ").replace("\u202f", " ")


# --- the durée clause ------------------------------------------------------------------------


def test_by_default_the_convention_runs_from_its_signature():
    text = texte(document(DATA / G, "convention"))
    assert (
        "La présente convention est conclue à compter de la date de signature figurant "
        "ci-dessous jusqu'au 31 décembre 2024 inclus." in text
    )
    assert "Fait à Poitiers, le 31 décembre 2019, en trois exemplaires originaux." in text


def test_over_the_ctg_period_the_convention_prints_its_period(tmp_path):
    folder = seule(tmp_path)
    edit(folder / "territoire.yaml", "debut: 2019-12-31", "debut: 2020-01-01")
    edit(folder / "convention.yaml", "  signature:\n", "  vigueur: periode\n  signature:\n")
    edit(folder / "convention.yaml", DATE, "    date: 2020-03-15\n")
    text = texte(document(folder, "convention"))
    assert "La présente convention est conclue du 1er janvier 2020 au 31 décembre 2024." in text
    assert "à compter de la date de signature" not in text
    assert "Fait à Poitiers, le 15 mars 2020, en trois exemplaires originaux." in text


# --- a draft: its document -------------------------------------------------------------------


def test_a_draft_convention_is_a_projet_and_is_not_sent(tmp_path):
    doc = document(brouillon(tmp_path), "convention")
    assert doc.signe_le is None and not doc.actes  # never frozen, no @CTES sidecar planned
    rendu = doc.render()
    assert rendu.meta.projet and rendu.actes is None
    assert rendu.meta.footer == "Projet de convention"
    assert "Fait à Poitiers, le ……………, en trois exemplaires originaux." in texte(doc)


def test_a_signed_convention_is_not_a_projet_and_is_sent(tmp_path):
    folder = brouillon(tmp_path)
    edit(folder / "convention.yaml", "    lieu: Poitiers\n", "    lieu: Poitiers\n" + DATE)
    doc = document(folder, "convention")
    assert doc.signe_le is not None and doc.actes
    rendu = doc.render()
    assert not rendu.meta.projet and rendu.actes is not None
    assert rendu.meta.footer == "Signée le 31 décembre 2019"


def test_the_acte_and_the_avenant_drafts_are_projets_too(tmp_path):
    assert document(DATA / P, "acte-engagement").render().meta.projet  # no date_signature
    assert document(DATA / G, "convention-avenant-2").render().meta.projet  # no signature.date
    assert not document(DATA / G, "convention-avenant-1").render().meta.projet
    folder = tmp_path / P
    shutil.copytree(DATA / P, folder)
    edit(
        folder / "acte.yaml",
        "  lieu: au Pradet\n",
        "  lieu: au Pradet\n  date_signature: 2021-12-20\n",
    )
    signe = document(folder, "acte-engagement").render()
    assert not signe.meta.projet
    assert "Fait au Pradet, le 20 décembre 2021." in plain_text(signe.tree)


# --- a draft: « Projet » on every page of every format ---------------------------------------


@pytest.fixture(scope="module")
def projets(tmp_path_factory) -> dict[str, tuple[Path, str]]:
    """The three drafts built in every format: a convention (with `actes:`), the acte
    d'engagement of Le Pradet, the avenant n° 2 of Grand Châtellerault. Each: its output file
    stem, and its running header."""
    root = tmp_path_factory.mktemp("projets")
    brouillon(root)
    shutil.copytree(DATA / P, root / "data" / P)
    out = root / "out"
    options = BuildOptions(
        output=out, kinds=("convention", "acte-engagement"), formats=FORMATS, jobs=2
    )
    assert build([root / "data"], options).ok
    avenants = BuildOptions(output=out, kinds=("avenant",), formats=FORMATS, jobs=2)
    assert build([DATA / G], avenants).ok
    found = {}
    for folder, stem in ((root / "data" / G, "convention"), (root / "data" / P, "acte-engagement")):
        found[stem] = (out / folder.name / stem, document(folder, stem).render().meta.header)
    avenant = "convention-avenant-2"
    found[avenant] = (out / G / avenant, document(DATA / G, avenant).render().meta.header)
    return found


DRAFTS = ("convention", "acte-engagement", "convention-avenant-2")


def pdf_pages(pdf: Path) -> list[str]:
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    (pages,) = [int(line.split()[1]) for line in info.splitlines() if line.startswith("Pages:")]
    return [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), pdf, "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, pages + 1)
    ]


@pytest.mark.parametrize("stem", DRAFTS)
def test_a_draft_pdf_says_projet_on_every_page(projets, stem):
    base, header = projets[stem]
    pages = pdf_pages(base.with_suffix(".pdf"))
    assert len(pages) > 1
    for n, text in enumerate(pages, start=1):
        assert f"Projet\n{header}" in text, f"page {n} of {base.name}.pdf:\n{text[:300]}"


@pytest.mark.parametrize("stem", DRAFTS)
def test_a_draft_docx_says_projet_in_its_header(projets, stem):
    base, header = projets[stem]
    section = docx.Document(base.with_suffix(".docx")).sections[0]
    assert [p.text for p in section.header.paragraphs] == ["Projet", header]
    assert section.header.paragraphs[0].runs[0].bold
    # One header for every page: no other first-page or even-page header.
    xml = zipfile.ZipFile(base.with_suffix(".docx")).read("word/document.xml").decode()
    assert xml.count("<w:headerReference") == 1 and 'w:type="default"' in xml


@pytest.mark.parametrize("stem", DRAFTS)
def test_a_draft_html_preview_says_projet(projets, stem):
    base, header = projets[stem]
    html = base.with_suffix(".html").read_text(encoding="utf-8")
    projet = '<div class="entete-courant"><strong class="projet">Projet</strong><br>'
    assert f"{projet}{escape(header)}</div>" in html


def test_a_draft_convention_has_no_ctes_sidecar(projets):
    base, _ = projets["convention"]
    assert base.with_suffix(".pdf").is_file()
    assert not base.with_name("convention.actes.json").exists()
    assert [p.name for p in base.parent.glob("*.json")] == []


def test_the_footer_of_a_draft_convention_replaces_its_date(projets):
    base, _ = projets["convention"]
    footer = docx.Document(base.with_suffix(".docx")).sections[0].footer.paragraphs[0].text
    assert footer.startswith("Projet de convention — Page ")
    assert all(
        "Projet de convention — Page" in page for page in pdf_pages(base.with_suffix(".pdf"))
    )


def test_a_signed_act_has_no_projet_mark(projets):
    meta = document(DATA / G, "convention").render().meta
    assert not meta.projet
    html = (projets["convention"][0].parent.parent / G / "convention-avenant-1.html").read_text(
        encoding="utf-8"
    )
    assert 'class="projet"' not in html
    section = docx.Document(
        projets["convention"][0].parent.parent / G / "convention-avenant-1.docx"
    )
    assert len(section.sections[0].header.paragraphs) == 1


# --- a draft is never frozen; a signed act stays signed --------------------------------------


@pytest.fixture
def site(tmp_path_factory, tmp_path, monkeypatch) -> Chantier:
    root = tmp_path_factory.mktemp("brouillon")
    brouillon(root)
    assert build([root / "data"], BuildOptions(output=root / "out", formats=("html",))).ok
    return Chantier.copy(root, tmp_path, monkeypatch, formats=("html",))


def _manifest_entry(site: Chantier) -> dict:
    return site.manifest()["fichiers"][f"{G}/convention.html"]


def test_a_draft_is_rebuilt_when_edited_then_frozen_once_signed(site):
    assert _manifest_entry(site)["signe_le"] is None
    site.edit(f"{G}/convention.yaml", "territoire en mouvement", "territoire en plein mouvement")
    report = site.build()
    assert report.ok and f"{G}/convention.html" in site.rel(report.ecrits)  # a draft changes
    assert "en plein mouvement" in (site.root / "out" / G / "convention.html").read_text("utf-8")
    site.edit(f"{G}/convention.yaml", "    lieu: Poitiers\n", "    lieu: Poitiers\n" + DATE)
    report = site.build()
    assert report.ok and f"{G}/convention.html" in site.rel(report.ecrits)  # now signed
    assert _manifest_entry(site)["signe_le"] == "2019-12-31"
    html = (site.root / "out" / G / "convention.html").read_text("utf-8")
    assert 'class="projet"' not in html and "Signée le 31 décembre 2019" in html


def test_a_signed_convention_does_not_become_a_draft_again(site):
    site.edit(f"{G}/convention.yaml", "    lieu: Poitiers\n", "    lieu: Poitiers\n" + DATE)
    assert site.build().ok
    before = site.outputs()
    site.edit(f"{G}/convention.yaml", DATE, "")
    code, out, err = site.cli("build")
    assert code == 1
    assert err == (
        f"erreur : {G}/convention : document signé le 31 décembre 2019 ; sa date de signature ne "
        "peut pas être retirée de ses données : un acte signé ne redevient pas un projet "
        "(modifié depuis : convention.yaml). Pour le modifier, écrivez un avenant dans "
        f"data/{G}/avenants/ ; le document signé reste tel quel.\n"
    )
    assert f"échec : {G} : document signé modifié (convention)" in out
    assert site.outputs() == before


def test_a_signed_convention_s_date_of_signature_does_not_change(site):
    """Its text says when it was signed: a new date is a change of a signed text."""
    site.edit(f"{G}/convention.yaml", "  signature:\n", "  vigueur: periode\n  signature:\n")
    site.edit(f"{G}/convention.yaml", "    lieu: Poitiers\n", "    lieu: Poitiers\n" + DATE)
    assert site.build().ok
    site.edit(f"{G}/convention.yaml", DATE, "    date: 2020-01-15\n")
    code, _, err = site.cli("build")
    assert code == 1
    assert err.startswith(
        f"erreur : {G}/convention : document signé le 31 décembre 2019 ; son texte ne peut plus "
        "changer (modifié depuis : convention.yaml)."
    )
