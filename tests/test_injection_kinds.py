"""Hostile text in the data of every kind comes out literally, never as code.

test_injection.py covers a deliberation. Here one hostile string, with HTML, Jinja and Word XML
syntax (no Markdown: Markdown in a text block is formatting by design), goes into:
- the convention (grand-chatellerault/convention.yaml): a préambule paragraph, an axe's
  intitulé, a partie's ci_apres;
- the acte d'engagement (le-pradet/acte.yaml): a visa, the name of a structure in the annexe
  of équipements;
- the référentiel de poste (grand-chatellerault/coordination.yaml): the poste's intitulé;
- the avenant (grand-chatellerault/avenants/01-prolongation.yaml): its objet, an exposé
  paragraph.
Each is read back from the document tree (the writers' common source) and from the HTML and
DOCX files of one build.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
import yaml
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph

from ctgdocs.app import BuildOptions, build, plan, validate
from ctgdocs.render.tree import plain_text
from support.extract import docx_header_footer_text, docx_text, read_html
from support.similarity import words

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

HOSTILE = "Commune & Fils <b>gras</b> \"x\" 'y' {{ 7*7 }} {% if true %}oui{% endif %} </w:t><w:t>"
JINJA_IF = "{% if true %}oui{% endif %}"

# (territoire, file, where in it, kind, document stem)
PLACES = {
    "convention-preambule": ("grand-chatellerault", "convention", "convention"),
    "convention-axe": ("grand-chatellerault", "convention", "convention"),
    "convention-ci-apres": ("grand-chatellerault", "convention", "convention"),
    "acte-visa": ("le-pradet", "acte-engagement", "acte-engagement"),
    "acte-equipement": ("le-pradet", "acte-engagement", "acte-engagement"),
    "referentiel-intitule": (
        "grand-chatellerault",
        "referentiel-poste",
        "referentiel-poste-charge-cooperation",
    ),
    "avenant-objet": ("grand-chatellerault", "avenant", "convention-avenant-1"),
    "avenant-expose": ("grand-chatellerault", "avenant", "convention-avenant-1"),
}


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _prefix(value: str) -> str:
    return f"{HOSTILE} {value}"


def hostile_chatellerault(dest: Path, place: str) -> Path:
    folder = dest / "grand-chatellerault"
    shutil.copytree(DATA / "grand-chatellerault", folder)
    if place.startswith("convention"):
        path = folder / "convention.yaml"
        data = _load(path)
        convention = data["convention"]
        if place == "convention-preambule":
            convention["preambule"].append(HOSTILE)
        elif place == "convention-axe":
            axe = convention["axes"][0] if "axes" in convention else None
            if axe is None:  # the axes may be nested under an enjeu
                axe = _first_with(convention, "intitule")
            axe["intitule"] = _prefix(axe["intitule"])
        else:
            convention["parties"][0]["ci_apres"] = HOSTILE
        _dump(path, data)
    elif place == "referentiel-intitule":
        path = folder / "coordination.yaml"
        data = _load(path)
        data["postes"]["charge-cooperation"]["intitule"] = HOSTILE
        _dump(path, data)
    else:
        path = folder / "avenants" / "01-prolongation.yaml"
        data = _load(path)
        if place == "avenant-objet":
            data["avenant"]["objet"] = HOSTILE
        else:
            data["avenant"]["expose"].insert(0, HOSTILE)
        _dump(path, data)
    return folder


def _first_with(node: object, key: str) -> dict:
    """The first mapping under node that has `key` and a list of objectifs or actions (an axe)."""
    if isinstance(node, dict):
        if key in node and any(isinstance(v, list) for k, v in node.items() if k != key):
            return node
        children = list(node.values())
    elif isinstance(node, list):
        children = node
    else:
        children = []
    for child in children:
        found = _first_with(child, key) if isinstance(child, dict | list) else None
        if found:
            return found
    return {}


def hostile_pradet(dest: Path, place: str) -> Path:
    folder = dest / "le-pradet"
    shutil.copytree(DATA / "le-pradet", folder)
    path = folder / "acte.yaml"
    data = _load(path)
    acte = data["acte_engagement"]
    if place == "acte-visa":
        acte["visas"].insert(0, HOSTILE)
    else:
        structure = _find_key(data, "equipements")["EAJE"][0]
        structure["nom"] = HOSTILE
    _dump(path, data)
    return folder


def _find_key(node: object, key: str) -> dict:
    if isinstance(node, dict):
        if key in node:
            return node[key]
        for value in node.values():
            found = _find_key(value, key)
            if found:
                return found
    elif isinstance(node, list):
        for value in node:
            found = _find_key(value, key)
            if found:
                return found
    return {}


@dataclass(frozen=True)
class Built:
    tree_text: str
    original_tree_text: str
    html: Path
    docx: Path


def plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _tree_text(folder: Path, kind: str, stem: str) -> str:
    (document,) = [d for d in plan(validate([folder]), (kind,)) if d.stem == stem]
    return plain(plain_text(document.render().tree))


@pytest.fixture(scope="module", params=sorted(PLACES))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    place = request.param
    territoire, kind, stem = PLACES[place]
    root = tmp_path_factory.mktemp(place)
    make = hostile_pradet if territoire == "le-pradet" else hostile_chatellerault
    folder = make(root / "data", place)
    report = build(
        [folder], BuildOptions(output=root / "out", kinds=(kind,), formats=("html", "docx"), jobs=1)
    )
    assert not report.echecs, report.echecs
    by_name = {path.name: path for path in report.ecrits}
    return Built(
        _tree_text(folder, kind, stem),
        _tree_text(DATA / territoire, kind, stem),
        by_name[f"{stem}.html"],
        by_name[f"{stem}.docx"],
    )


def html_all(built: Built) -> str:
    return plain(read_html(built.html).body)


def docx_all(built: Built) -> str:
    return plain(docx_text(built.docx) + "\n" + docx_header_footer_text(built.docx))


def test_the_tree_keeps_the_text_literally(built: Built) -> None:
    assert HOSTILE in built.tree_text


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_every_file_prints_the_text_literally(built: Built, fmt: str) -> None:
    text = html_all(built) if fmt == "html" else docx_all(built)
    assert text.count(HOSTILE) >= built.tree_text.count(HOSTILE) >= 1


@pytest.mark.parametrize("fmt", ["tree", "html", "docx"])
def test_jinja_is_neither_computed_nor_run(built: Built, fmt: str) -> None:
    text = {"tree": built.tree_text, "html": html_all(built), "docx": docx_all(built)}[fmt]
    before = words(built.original_tree_text)
    # No « 49 » more than in the original document (its page count, an amount… may have one).
    assert words(text).count("49") <= before.count("49")
    # « oui » only inside the literal block (upper-cased in a heading): run, it stands alone.
    outside = re.compile(re.escape(JINJA_IF), re.IGNORECASE).sub(" ", text)
    assert words(outside).count("oui") <= before.count("oui")


def test_html_source_escapes_the_markup(built: Built) -> None:
    source = built.html.read_text(encoding="utf-8")
    assert "&lt;b&gt;gras&lt;/b&gt;" in source
    assert "<b>gras" not in source
    assert "</w:t><w:t>" not in source


def test_no_bold_from_the_markup_in_docx(built: Built) -> None:
    document = docx.Document(str(built.docx))
    paragraphs = [DocxParagraph(p, document) for p in document.element.body.iter(qn("w:p"))]
    runs = [run for p in paragraphs for run in p.runs if "gras" in run.text]
    assert runs
    hostile = [p for p in paragraphs if HOSTILE in plain(p.text)]
    assert hostile
    for paragraph in hostile:
        # The runs that carry « <b>gras</b> » have the weight of the text around them.
        texts = [(run.text, run.bold) for run in paragraph.runs if run.text]
        around = {bold for text, bold in texts if "Commune" in text or "Fils" in text}
        assert {bold for text, bold in texts if "gras" in text} <= around
