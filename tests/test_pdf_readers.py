"""Every example PDF as the independent tools that read it see it: qpdf and pikepdf (syntax,
name trees), the PDF/A-3b rules that can be checked here (tests/support/pdfa_rules.py), Apache
PDFBox Preflight (slow), and the tagged structure a screen reader follows: a title at level 1,
footnotes as notes, a sommaire whose dots are not read.

The examples are built once per session (the `exemples_pdf` fixture). The checkers are tested
too: each finds the fault it is written for in a PDF broken on purpose.
"""

from __future__ import annotations

import itertools
import re
import subprocess
from pathlib import Path

import pikepdf
import pytest

from conftest import DATA
from ctgdocs.app import plan, validate
from ctgdocs.render.html import tree_html
from ctgdocs.render.tree import Div, Heading, Paragraph, Run, Sommaire, Tree, inline_text, notes
from support.pdfa_rules import pdfa_problems
from support.pdftags import tagged_pdf
from support.preflight import preflight

EXAMPLES = sorted(p for p in DATA.iterdir() if (p / "territoire.yaml").is_file())
ACTE = "le-pradet/acte-engagement.pdf"  # notes, tables, a sommaire, two data files
LEADER = re.compile(r"\.{4,}|(\. ){3,}")  # a dot leader as text (an ellipsis has three dots)


@pytest.fixture(scope="module")
def planned() -> dict[str, tuple[list[str], bool]]:
    """territory/stem.pdf → (the text of each footnote, whether it has a sommaire)."""
    found = {}
    for doc in plan(validate(EXAMPLES), ()):
        blocks = doc.render().tree.blocks
        texts = [inline_text(note.inlines) for note in notes(blocks)]
        found[f"{doc.territoire}/{doc.stem}.pdf"] = (texts, any(isinstance(b, Sommaire) for b in blocks))  # fmt: skip
    return found


@pytest.fixture(scope="module")
def pdfs(exemples_pdf: Path, planned) -> dict[str, Path]:
    found = {p.relative_to(exemples_pdf).as_posix(): p for p in exemples_pdf.rglob("*.pdf")}
    assert sorted(found) == sorted(planned)
    return dict(sorted(found.items()))


def _squash(text: str) -> str:
    return "".join(text.split())


# --- Syntax: qpdf and pikepdf -------------------------------------------------------------------


def test_qpdf_finds_nothing_to_report(pdfs: dict[str, Path]) -> None:
    reports = {}
    for name, path in pdfs.items():
        result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        said = [
            line
            for line in (result.stdout + result.stderr).splitlines()
            if not re.match(r"checking |PDF Version|File is not (encrypted|linearized)", line)
        ]
        # What qpdf says of a sound file, whatever it says of others.
        if result.returncode or said != ["No syntax or stream encoding errors found; the file may still contain", "errors that qpdf cannot detect"]:  # fmt: skip
            reports[name] = said
    assert reports == {}


def test_pikepdf_reads_every_pdf_without_a_warning(pdfs: dict[str, Path]) -> None:
    """check_pdf_syntax() is empty, and so are the warnings of qpdf's library after reading
    every embedded file, and finding each by name in the name tree (a binary search)."""
    reports = {}
    for name, path in pdfs.items():
        with pikepdf.open(path) as pdf:
            problems = list(pdf.check_pdf_syntax())
            tree = pikepdf.NameTree(pdf.Root.Names.EmbeddedFiles)
            listed = {str(spec.UF) for spec in pdf.Root.AF}
            problems += [f"{file} not found in the name tree" for file in listed if file not in tree]  # fmt: skip
            problems += [f"{file} unreadable" for file, a in pdf.attachments.items() if not a.get_file().read_bytes()]  # fmt: skip
            problems += pdf.get_warnings()
            if problems or not listed:
                reports[name] = problems or ["no embedded file"]
    assert reports == {}


# --- PDF/A-3b -----------------------------------------------------------------------------------


def test_every_pdf_keeps_the_pdf_a_3b_rules_checked_here(pdfs: dict[str, Path]) -> None:
    reports = {name: pdfa_problems(path) for name, path in pdfs.items()}
    assert {name: found for name, found in reports.items() if found} == {}


@pytest.mark.slow
def test_pdfbox_preflight_finds_no_error_but_what_pdf_a_3_allows(
    pdfs: dict[str, Path], tmp_path: Path
) -> None:
    """Preflight checks PDF/A-1b: the PDF/A-3 allowances are set apart (support/preflight.py).
    A copy of one PDF without its fonts' programs shows that the rest is really looked at."""
    broken = tmp_path / "sans-polices.pdf"
    with pikepdf.open(pdfs[ACTE]) as pdf:
        for font in pdf.pages[0].Resources.Font.values():
            del font.DescendantFonts[0].FontDescriptor["/FontFile2"]
        pdf.save(broken)
    found = preflight([*pdfs.values(), broken], tmp_path)
    assert any(code.startswith("3.1") for code, _ in found.pop(broken))
    assert {path.name: errors for path, errors in found.items() if errors} == {}


# --- What a screen reader follows ---------------------------------------------------------------


def test_the_structure_tree_starts_at_h1_and_never_skips_a_level(pdfs: dict[str, Path]) -> None:
    """The first heading is the title, an H1 on the first page; each heading is at most one
    level below the one before it."""
    reports = {}
    for name, path in pdfs.items():
        tagged = tagged_pdf(path)
        headings = [e for e in tagged.root.walk() if re.fullmatch(r"/H[1-6]", e.type)]
        levels = [int(h.type[2]) for h in headings]
        skips = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        if not headings or levels[0] != 1 or headings[0].page != 1 or skips:
            reports[name] = (levels[:5], skips)
        elif not _squash(headings[0].text):
            reports[name] = "empty title"
    assert reports == {}


def test_the_title_block_is_the_h1(pdfs: dict[str, Path]) -> None:
    """Where the tree has no level-1 heading of its own, the title block is the H1 (its lines,
    in order), with nothing before it."""
    tagged = tagged_pdf(pdfs[ACTE])
    part = tagged.elements("/Part")[0]
    assert part.children[0].type == "/H1"
    assert _squash(part.children[0].text) == _squash(
        "COMMUNE DU PRADET ACTE D'ENGAGEMENT DANS LA DÉMARCHE CTG (CONVENTION TERRITORIALE GLOBALE)"
    )


def test_the_html_writer_makes_the_title_block_the_h1_unless_the_tree_has_one() -> None:
    block = Div(("en-tete",), (Paragraph((Run("COMMUNE"),)), Paragraph((Run("ACTE"),))))
    article = Heading(2, (Run("Article 1"),))
    assert tree_html(Tree((block, article))).startswith(
        '<h1 class="en-tete"><span>COMMUNE</span> <span>ACTE</span></h1>\n<h2 id="titre-1">'
    )
    own = tree_html(Tree((block, Heading(1, (Run("Liste"),)), article)))
    assert own.startswith('<div class="en-tete"><p>COMMUNE</p>') and own.count("<h1") == 1


def test_footnotes_are_notes_with_their_identifier(pdfs, planned) -> None:
    """Each footnote of the document is a Note, in order, numbered, listed in the IDTree."""
    reports = {}
    for name, path in pdfs.items():
        expected = [f"{n}.{_squash(text)}" for n, text in enumerate(planned[name][0], start=1)]
        tagged = tagged_pdf(path)
        found = tagged.elements("/Note")
        ids = [f"note-{n}" for n in range(1, len(found) + 1)]
        if [_squash(note.text) for note in found] != expected or [n.id for n in found] != ids:
            reports[name] = [note.text for note in found]
        elif any(tagged.ids.get(i) != "/Note" for i in ids):
            reports[name] = "notes missing from the IDTree"
    assert reports == {}
    assert sum(len(texts) for texts, _ in planned.values()) >= 5  # a real check


def test_the_sommaire_dots_are_not_text(pdfs, planned) -> None:
    """No dot leader in what a reader or a text extractor gets: each entry is its title and its
    page, the page where the heading is."""
    with_sommaire = [name for name, (_, has) in planned.items() if has]
    assert len(with_sommaire) >= 2
    reports = {}
    for name in with_sommaire:
        tagged = tagged_pdf(pdfs[name])
        entries = tagged.sommaire()
        headings = {" ".join(h.text.split()): str(h.page) for h in tagged.root.walk() if re.fullmatch(r"/H[2-6]", h.type)}  # fmt: skip
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(pdfs[name]), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        dots = any(LEADER.search(t) for t in (text, tagged.root.text, tagged.artifacts))
        wrong = {title: page for title, page in entries.items() if headings.get(title) != page}
        if dots or len(entries) < 3 or wrong:
            reports[name] = (dots, len(entries), wrong)
    assert reports == {}


# --- The checkers find what they look for --------------------------------------------------------


def _broken(source: Path, dest: Path, change) -> Path:
    with pikepdf.open(source) as pdf:
        change(pdf)
        pdf.save(dest, deterministic_id=True)
    return dest


def _unsort_files(pdf: pikepdf.Pdf) -> None:
    names = pdf.Root.Names.EmbeddedFiles.Names
    pdf.Root.Names.EmbeddedFiles.Names = pikepdf.Array([names[2], names[3], names[0], names[1]])


def _javascript(pdf: pikepdf.Pdf) -> None:
    pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("1"))


def _no_output_intent(pdf: pikepdf.Pdf) -> None:
    del pdf.Root["/OutputIntents"]


def _wrong_widths(pdf: pikepdf.Pdf) -> None:
    for font in pdf.pages[0].Resources.Font.values():
        cidfont = font.DescendantFonts[0]
        cidfont.W = pikepdf.Array([0, 65535, 1])
        cidfont.DW = 1


def _part_2(pdf: pikepdf.Pdf) -> None:
    meta = pdf.Root.Metadata.read_bytes().replace(b'pdfaid:part="3"', b'pdfaid:part="2"')
    pdf.Root.Metadata.write(meta)


def _other_title(pdf: pikepdf.Pdf) -> None:
    pdf.docinfo["/Title"] = pikepdf.String("Un autre titre")


def _no_relationship(pdf: pikepdf.Pdf) -> None:
    del pdf.Root.AF[0]["/AFRelationship"]


def _hidden_link(pdf: pikepdf.Pdf) -> None:
    annots = [a for page in pdf.pages for a in page.obj.get("/Annots", [])]
    annots[0].F = 2


def _foreign_xmp(pdf: pikepdf.Pdf) -> None:
    meta = pdf.Root.Metadata.read_bytes().replace(
        b'<rdf:Description rdf:about="" pdf:Producer',
        b'<rdf:Description rdf:about="" xmlns:c="urn:ctgdocs" c:outil="x" pdf:Producer',
    )
    pdf.Root.Metadata.write(meta)


@pytest.mark.parametrize(
    ("change", "clause"),
    [
        (_unsort_files, "7.9.6"),
        (_javascript, "6.5.1"),
        (_no_output_intent, "6.2.3"),
        (_wrong_widths, "6.2.11.5"),
        (_part_2, "6.6.4"),
        (_other_title, "Info /Title"),
        (_no_relationship, "6.8"),
        (_hidden_link, "6.3.2"),
        (_foreign_xmp, "6.6.2.3.1"),
    ],
)
def test_the_pdf_a_rules_find_a_broken_pdf(pdfs, tmp_path: Path, change, clause: str) -> None:
    assert pdfa_problems(pdfs[ACTE]) == []
    found = pdfa_problems(_broken(pdfs[ACTE], tmp_path / "broken.pdf", change))
    assert any(problem.startswith(clause) for problem in found), found


def test_qpdf_and_pikepdf_see_an_unsorted_name_tree(pdfs, tmp_path: Path) -> None:
    broken = _broken(pdfs[ACTE], tmp_path / "broken.pdf", _unsort_files)
    with pikepdf.open(broken) as pdf:
        assert "territoire.yaml" not in pikepdf.NameTree(pdf.Root.Names.EmbeddedFiles)
        list(pdf.attachments.keys())
        assert any("not sorted" in warning for warning in pdf.get_warnings())
