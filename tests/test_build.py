"""Builds: reproducible bytes, atomic writes, the vote wording, a rejected deliberation."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from conftest import DATA, MAUSSANE, SEANCE_MAUSSANE
from ctgdocs.app import BuildOptions, build, plan, validate
from ctgdocs.build.plan import formats_of
from ctgdocs.documents.deliberation import formule_vote
from ctgdocs.model import Vote
from ctgdocs.render.fonts import assets
from ctgdocs.render.tree import plain_text
from ctgdocs.rules.vote import resultat
from support.pdfa import pdfa_facts


def digests(root: Path) -> dict[str, str]:
    """The outputs under root (the manifest and the work folder apart), by relative path."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != "manifest.json" and ".ctgdocs" not in p.parts
    }


def test_same_inputs_same_bytes_serial_or_parallel(tmp_path):
    build([DATA], BuildOptions(output=tmp_path / "a", jobs=1))
    build([DATA], BuildOptions(output=tmp_path / "b", jobs=2))
    a, b = digests(tmp_path / "a"), digests(tmp_path / "b")
    documents = plan(validate([DATA]), ())
    expected = sum(len(formats_of(d, BuildOptions().formats)) for d in documents)
    expected += len(assets())  # the previews' fonts, DIR/_polices/
    assert len(a) == expected > len(documents) and a == b
    manifest = (tmp_path / "a" / "manifest.json").read_bytes()
    assert manifest == (tmp_path / "b" / "manifest.json").read_bytes()


def test_one_data_value_changes_the_bytes_of_its_document(copie, tmp_path):
    c = copie(MAUSSANE)
    options = BuildOptions(output=tmp_path / "a", formats=("docx", "pdf"), jobs=1)
    build([c.dir], options)
    c.edit(SEANCE_MAUSSANE, "heure: 19h00", "heure: 18h30")
    build([c.dir], BuildOptions(output=tmp_path / "b", formats=("docx", "pdf"), jobs=1))
    a, b = digests(tmp_path / "a"), digests(tmp_path / "b")
    stem = f"{MAUSSANE}/maussane-les-alpilles-deliberation-2022-07-29-07"
    assert sorted(a) == sorted(b) == [f"{stem}.docx", f"{stem}.pdf"]
    assert a[f"{stem}.docx"] != b[f"{stem}.docx"] and a[f"{stem}.pdf"] != b[f"{stem}.pdf"]
    # the PDF's permanent identifier follows its sources
    first, second = (pdfa_facts(tmp_path / x / f"{stem}.pdf").identifier for x in "ab")
    assert first and second and first[0] != second[0] and len(first[0]) == 32


def test_no_temporary_file_is_left(tmp_path):
    report = build([DATA], BuildOptions(output=tmp_path, formats=("html", "docx"), jobs=2))
    assert report.ok and report.ecrits
    files = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    kept = re.compile(r"\.ctgdocs/verrou|\.ctgdocs/textes/[\w-]+/[\w-]+\.txt")
    hidden = [f for f in files if "/." in f"/{f}" and not kept.fullmatch(f)]
    assert hidden == []  # no staging folder, no temporary file
    assert "manifest.json" in files
    assert sorted(p.name for p in (tmp_path / ".ctgdocs").iterdir()) == ["textes", "verrou"]


@pytest.mark.parametrize(
    ("pour", "contre", "abstentions", "formule", "adoptee"),
    [
        (18, 0, 0, "à l'unanimité", True),
        (17, 0, 1, "à l'unanimité des suffrages exprimés", True),
        (12, 3, 3, "par 12 voix pour, 3 voix contre et 3 abstentions", True),
        (12, 3, 1, "par 12 voix pour, 3 voix contre et 1 abstention", True),
        (9, 9, 0, "par 9 voix pour et 9 voix contre", False),
        (5, 13, 0, "par 5 voix pour et 13 voix contre", False),
    ],
)
def test_vote_wording_and_outcome(pour, contre, abstentions, formule, adoptee):
    vote = Vote(pour=pour, contre=contre, abstentions=abstentions)
    res = resultat(vote)
    assert formule_vote(pour, contre, abstentions, res) == formule
    assert res.adoptee is adoptee


def test_a_tie_follows_the_presidents_vote():
    assert resultat(Vote(pour=9, contre=9, abstentions=0, voix_du_president="pour")).adoptee
    assert not resultat(Vote(pour=9, contre=9, abstentions=0, voix_du_president="contre")).adoptee


def test_a_rejected_deliberation_says_so(copie):
    c = copie(MAUSSANE)
    c.edit(
        SEANCE_MAUSSANE,
        "vote: {pour: 17, contre: 0, abstentions: 1}",
        "vote: {pour: 5, contre: 12, abstentions: 1}",
    )
    (doc,) = plan(validate([c.dir]), ["deliberation"])
    text = plain_text(doc.render().tree)
    assert (
        "ouï l'exposé de Monsieur le Rapporteur, par 5 voix pour, 12 voix contre et 1 abstention,"
        in text
    )
    assert "REJETTE le projet de délibération." in text
    assert "APPROUVE" not in text


def test_a_failing_writer_leaves_no_file(tmp_path, monkeypatch):
    """If no DOCX can be written, no territory is written: each one is whole or untouched."""
    from ctgdocs.writers import get_writer

    def refuse(self, document, dest):
        raise ValueError("refusé")

    monkeypatch.setattr(type(get_writer("docx")), "write", refuse)
    out = tmp_path / "out"
    report = build([DATA], BuildOptions(output=out, formats=("html", "docx"), jobs=1))
    assert not report.ok and report.ecrits == []
    assert {e.territoire for e in report.echecs} == {
        p.name for p in DATA.iterdir() if (p / "territoire.yaml").is_file()
    }
    assert all(e.resume == "un fichier n'a pas pu être écrit" for e in report.echecs)
    lines = [line for e in report.echecs for line in e.erreurs]
    assert (
        f"erreur (écriture impossible) : {out / 'le-pradet' / 'acte-engagement.docx'}: le document n'a pas pu être écrit (refusé)"
        in lines
    )
    assert [p for p in out.rglob("*") if p.is_file() and ".ctgdocs" not in p.parts] == []


def test_a_plain_weasyprint_pdf_is_not_taken_for_pdf_a(tmp_path):
    """The PDF/A checks of test_formats can fail: a PDF written without the variant fails them."""
    from weasyprint import HTML

    HTML(string="<p>Texte</p>").write_pdf(tmp_path / "plain.pdf")
    facts = pdfa_facts(tmp_path / "plain.pdf")
    assert (facts.part, facts.conformance, facts.lang) == (None, None, None)
    assert facts.output_intents == [] and not facts.tagged and facts.embedded == {}
