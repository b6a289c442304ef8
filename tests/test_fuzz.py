"""Property-based build: whatever a territory's data says, a build writes valid files or refuses
with a French error that names a place; it never fails with any other exception.

Each example is the Maussane example (data/vallee-des-baux-alpilles) with generated values: the
names of the persons and of the commune, the objet and the exposé texts are any Unicode (control
characters, right-to-left text, emoji, combining marks, HTML, Jinja and Word XML syntax), up to
about 5 000 characters; the lists (présents, pouvoirs, absents, exposé blocks, decisions) have
zero, one or many items. The data is written with yaml.safe_dump, so it is always valid YAML;
whether it is valid for ctgdocs is left to ctgdocs.

`make fuzz` runs 500 examples (CTGDOCS_FUZZ_EXAMPLES); the default run, 25. EXAMPLES counts the
examples run in this process.
"""

from __future__ import annotations

import os
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import docx
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ctgdocs.app import BuildOptions, build
from ctgdocs.errors import CtgError, DataError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data" / "vallee-des-baux-alpilles"
TERRITOIRE = "territoire.yaml"
SEANCE = "seances/2022-07-29-maussane-les-alpilles.yaml"
COMMUNE = "maussane-les-alpilles"
PRESIDENT = "jean-christophe-carre"
PDF_EVERY = 5  # one example in PDF_EVERY is also built in PDF (the slowest format)…
PDF_MAX_YAML = 12_000  # …when its data is short

EXAMPLES = {"run": 0, "built": 0, "refused": 0}

# Fragments that have broken document generators before: markup of every output format,
# template syntax, Markdown, entities, bidi controls, emoji with joiners, combining marks.
FRAGMENTS = (
    "&",
    "<",
    ">",
    '"',
    "'",
    "&amp;",
    "&#x41;",
    "<b>gras</b>",
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "{% if true %}oui{% endif %}",
    "{#",
    "{%",
    "}}",
    "</w:t><w:t>",
    "</w:t></w:r></w:p>",
    "]]>",
    "<!--",
    "**",
    "_",
    "#",
    "- ",
    "1. ",
    "^[note]",
    "[lien](http://x)",
    "\\",
    "\n",
    "\n\n",
    "\t",
    "\r\n",
    "\x00",
    "\x0b",
    "\x1f",
    "\x7f",
    "\u0085",
    "\u00a0",
    "\u200b",
    "\u200d",
    "\u2028",
    "\u202e",
    "\u2066",
    "\ufeff",
    "\ufffe",
    "\uffff",
    "مرحبا",
    "שלום",
    "e\u0301\u0301\u0301",
    "👨‍👩‍👧‍👦",
    "🇫🇷",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "Ǆ",
    "ﬁ",
    "Œuvre",
)


# Characters a document can hold (ctgdocs refuses control characters, except tab and line
# breaks, and noncharacters such as U+FFFE, with a data problem), and any character at all.
def _printable(c: str) -> bool:
    return unicodedata.category(c) not in ("Cc", "Cn", "Cs", "Co")


_clean_chars = st.characters(exclude_categories=("Cs", "Cc", "Cn", "Co"))
_any_chars = st.characters(exclude_categories=("Cs",))  # YAML cannot hold a lone surrogate
CLEAN_FRAGMENTS = tuple(f for f in FRAGMENTS if all(c in "\t\n\r" or _printable(c) for c in f))


def _text(fragments: tuple[str, ...], chars: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(fragments), st.text(chars, min_size=1, max_size=12))
    short = st.lists(piece, min_size=1, max_size=8).map(_not_blank)
    long = st.tuples(short, st.integers(min_value=1000, max_value=5000)).map(_long_text)
    return st.one_of(short, short, short, long)  # mostly short: a long text is slow to lay out


def _not_blank(pieces: list[str]) -> str:
    """A text with something else than white space (a blank text is a data problem)."""
    text = "".join(pieces)
    return text if text.strip() else f"{text}x"


def _long_text(pair: tuple[str, int]) -> str:
    seed, length = pair
    return (seed * (length // len(seed) + 1))[:length]


CLEAN = _text(CLEAN_FRAGMENTS, _clean_chars)
ANY = _text(FRAGMENTS, _any_chars)


def _counts(max_size: int) -> st.SearchStrategy[int]:
    """Zero, one or many."""
    many = st.integers(min_value=2, max_value=max_size)
    return st.sampled_from(["un", "plusieurs", "zero"]).flatmap(
        lambda c: {"un": st.just(1), "plusieurs": many, "zero": st.just(0)}[c]
    )


def _one_in_ten(draw: st.DrawFn) -> bool:
    """True about one time in ten (Hypothesis favours extremes: 7 is neither)."""
    return draw(st.integers(0, 9)) == 7


def _rarely_zero(draw: st.DrawFn, max_size: int) -> int:
    """One or many, and zero one time in ten: for a list that may not be empty (zero is then a
    data problem)."""
    return 0 if _one_in_ten(draw) else draw(st.integers(1, max_size))


@st.composite
def territory_data(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    """The Maussane example's territoire.yaml and séance with generated values."""
    territoire = yaml.safe_load((EXAMPLE / TERRITOIRE).read_text(encoding="utf-8"))
    fichier = yaml.safe_load((EXAMPLE / SEANCE).read_text(encoding="utf-8"))
    # One example in ten may hold any character, the others only characters a document can
    # hold, so that most examples get past validation and are written.
    texte = nom = ANY if _one_in_ten(draw) else CLEAN

    n_presents = draw(_counts(12))
    n_pouvoirs = draw(_counts(6))
    n_absents = draw(_counts(3))
    ids = [f"membre-{i}" for i in range(1, n_presents + n_pouvoirs + n_absents + 1)]
    presents = ids[:n_presents]
    mandants = ids[n_presents : n_presents + n_pouvoirs]
    absents = ids[n_presents + n_pouvoirs :]
    mandataires = [PRESIDENT, *presents] if presents else [PRESIDENT]

    personnes: dict[str, Any] = {
        PRESIDENT: {"civilite": "M.", "prenom": draw(nom), "nom": draw(nom)}
    }
    for person in ids:
        personnes[person] = {"prenom": draw(nom), "nom": draw(nom)}
    territoire["personnes"] = personnes
    territoire["organisations"][COMMUNE]["nom"] = draw(nom)
    if draw(st.booleans()):
        territoire["organisations"]["ccvba"]["nom"] = draw(nom)

    seance = fichier["seance"]
    # The president is present, but in one example in ten (then a data problem, or not).
    president_present = not _one_in_ten(draw)
    seance["presents"] = [PRESIDENT, *presents] if president_present else presents
    seance["pouvoirs"] = [
        {"mandant": mandant, "mandataire": draw(st.sampled_from(mandataires))}
        for mandant in mandants
    ]
    seance["absents"] = absents
    seance["secretaires"] = [draw(st.sampled_from(mandataires))]
    seance["membres_en_exercice"] = len(seance["presents"]) + n_pouvoirs + n_absents
    seance["lieu"] = draw(texte)

    delib = fichier["deliberations"][0]
    delib["objet"] = draw(texte)  # over 499 characters, a data problem (@CTES)
    n_blocks = _rarely_zero(draw, 6)
    clauses = ["presentation_ctg", "missions_branche_famille", "signataires", "enjeux_axes"]
    delib["expose"] = [
        draw(st.one_of(texte, st.sampled_from(clauses).map(lambda c: {"clause": c})))
        for _ in range(n_blocks)
    ]
    n_decisions = _rarely_zero(draw, 4)
    delib["decisions"] = [
        draw(
            st.one_of(
                st.builds(lambda t: {"verbe": "préciser", "texte": t}, texte),
                st.just({"verbe": "approuver", "clause": "demarche_partenariale_ctg"}),
            )
        )
        for _ in range(n_decisions)
    ]
    votants = len(seance["presents"]) + n_pouvoirs
    delib["vote"] = {"pour": votants, "contre": 0, "abstentions": 0}
    return territoire, fichier


def write_territory(root: Path, territoire: dict[str, Any], fichier: dict[str, Any]) -> Path:
    folder = root / EXAMPLE.name
    (folder / "seances").mkdir(parents=True)
    for rel, data in ((TERRITOIRE, territoire), (SEANCE, fichier)):
        schema_comment = (EXAMPLE / rel).read_text(encoding="utf-8").splitlines()[0]
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        (folder / rel).write_text(f"{schema_comment}\n{text}", encoding="utf-8")
    return folder


def check_written(path: Path) -> None:
    if path.suffix == ".html":
        assert "</html>" in path.read_text(encoding="utf-8"), path
    elif path.suffix == ".docx":
        docx.Document(str(path))
    elif path.suffix == ".pdf":
        content = path.read_bytes()
        assert content.startswith(b"%PDF-"), path
        assert content.rstrip().endswith(b"%%EOF"), path
    else:
        raise AssertionError(f"unexpected file {path}")


def check_refusal(error: CtgError) -> None:
    if isinstance(error, DataError):
        assert error.problems
        for problem in error.problems:
            assert problem.location.file, problem
            assert problem.message, problem


@settings(
    max_examples=int(os.environ.get("CTGDOCS_FUZZ_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=territory_data())
def test_a_build_writes_valid_files_or_refuses_with_a_ctg_error(
    data: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    EXAMPLES["run"] += 1
    # PDF is the slowest format (a page per ~3 000 characters): only for a few short examples.
    short = len(yaml.safe_dump(data, allow_unicode=True)) < PDF_MAX_YAML
    pdf = EXAMPLES["run"] % PDF_EVERY == 1 and short
    formats = ("html", "docx", "pdf") if pdf else ("html", "docx")
    with tempfile.TemporaryDirectory(prefix="ctgdocs-fuzz-") as tmp:
        root = Path(tmp)
        folder = write_territory(root / "data", *data)
        out = root / "out"
        try:
            report = build([folder], BuildOptions(output=out, formats=formats, jobs=1))
        except CtgError as error:
            check_refusal(error)
            EXAMPLES["refused"] += 1
            return
        for echec in report.echecs:
            for line in echec.erreurs:
                # pool.write turns a writer's ValueError into this line: not a CtgError.
                assert "n'a pas pu être écrit (" not in line, line
                assert line.startswith("erreur"), line
        if report.echecs:
            EXAMPLES["refused"] += 1
            assert not report.ecrits
            return
        assert len(report.ecrits) == len(formats)
        for path in report.ecrits:
            assert path.resolve().is_relative_to(out.resolve())
            check_written(path)
        EXAMPLES["built"] += 1
