"""The shape of the package, pinned: the stages of DESIGN.md §4 as folders, the imports allowed
between them, no import cycle, and the registries that the models' Literals must agree with.

Imports are read from the source (ast), so lazy imports inside functions and those under
`if TYPE_CHECKING:` count as much as the ones at the top of a module."""

from __future__ import annotations

import ast
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from ctgdocs.avenants.contrats import CONTRATS
from ctgdocs.model.avenant import Avenant
from ctgdocs.model.seance import RefAvenant
from ctgdocs.paths import PACKAGE_DIR

TOP_LEVEL_MAX = 8  # modules at src/ctgdocs/, __init__ and __main__ included

# What each stage may import of the package, besides itself and the base modules (errors,
# paths). The stages run in the order of DESIGN.md §4: load → model → rules → avenants →
# documents → render → writers → build, with export/ beside them; `app` and `cli` are the API
# and the entry point over all of them. Each import against that order is named with its reason.
BASE = {"errors", "paths", "ctgdocs"}  # "ctgdocs": the package itself, for __version__
ALLOWED: dict[str, set[str]] = {
    "model": set(),  # the data's shape: nothing of ours
    "fr": {"model"},  # the names of persons and organisations agree with their gender, number
    "load": {"model", "fr"},  # located messages print dates in French
    "references": set(),  # the national references (nomenclature, référentiels), read once
    # rules/avenants checks each state of an avenant chain, so it applies them (avenants/)
    "rules": {"model", "fr", "load", "references", "avenants"},
    # an avenant's changes compare two renderings of its act, each by its kind's renderer
    # plugged into the contract registry (avenants/contrats.brancher): the tree, not the kinds
    "avenants": {"model", "fr", "load", "render"},
    "documents": {"model", "fr", "load", "references", "rules", "avenants", "render"},
    # render/document.py names the @CTES metadata's type (rules/teletransmission); the
    # environment and the fetcher read only the files a document declared (load/access)
    "render": {"fr", "load", "rules"},
    # the PDF writer refuses an act @CTES would refuse (its size); the DOCX frame is read
    # through load/access like every template
    "writers": {"load", "rules", "render"},
    "build": {"fr", "load", "documents", "render", "writers", "export"},
    # the SCDL export reads the deliberations' objets and dates; the @CTES sidecar is written
    # atomically like every output (writers/atomic)
    "export": {"fr", "load", "references", "rules", "documents", "render", "writers"},
    # official data read from the files that publish it (the COG, the RNE); an update never
    # writes populations a séance's rule would lack (rules/convocation: the renewal's millésime)
    "imports": {"model", "fr", "load", "rules"},
    # the web app, beside the command line over the stages: it is handed app.build by cli,
    # and reads the build's options, report and manifest, and the territories' folders; its
    # séance form checks a draft with the rules, counts with rules/presence and rules/vote
    # and words the vote as the extract does (documents/deliberation/vote), previews it with
    # the HTML writer, saves it with the round trip of imports/yamlrt and writers/atomic
    "serve": {"build", "fr", "load", "model", "rules", "documents", "writers", "imports"},
}
ENTRY_POINTS = {"__init__", "__main__", "app", "cli", "cli_fr", "errors", "paths"}


@dataclass(frozen=True)
class Import:
    source: str  # the importing module, e.g. "ctgdocs.writers.pdf.writer"
    target: str  # the imported module of ours
    line: int


def modules() -> dict[str, Path]:
    """Every module of the package by its dotted name (a package by its __init__)."""
    found = {}
    for path in PACKAGE_DIR.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = modules()


def _target(name: str) -> str:
    """The module of ours a dotted name lives in (a name imported from a module is not one)."""
    while name not in MODULES and "." in name:
        name = name.rsplit(".", 1)[0]
    return name


def imports() -> Iterator[Import]:
    for name, path in MODULES.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")
                    parts = parts[: len(parts) - (node.level - 1)]
                    base = ".".join([*parts, *([node.module] if node.module else [])])
                targets = [f"{base}.{alias.name}" for alias in node.names]
            for target in targets:
                if target.split(".")[0] == "ctgdocs" and _target(target) != name:
                    yield Import(name, _target(target), node.lineno)


IMPORTS = list(imports())


def stage(module: str) -> str:
    """The stage of a module: its folder under ctgdocs/, or its own name at the top level."""
    return module.split(".")[1] if "." in module else module


def test_the_reader_sees_lazy_and_type_checking_imports() -> None:
    """The checks below read what they claim: a lazy import (render/pagination imports the
    layout inside its function) and a TYPE_CHECKING one (render/document)."""
    found = {(i.source, i.target) for i in IMPORTS}
    assert ("ctgdocs.render.pagination", "ctgdocs.render.layout") in found
    assert ("ctgdocs.render.document", "ctgdocs.rules.teletransmission") in found


def test_at_most_eight_modules_at_the_top_level() -> None:
    top = sorted(p.stem for p in PACKAGE_DIR.glob("*.py"))
    assert len(top) <= TOP_LEVEL_MAX, top
    assert set(top) <= ENTRY_POINTS, set(top) - ENTRY_POINTS


def test_every_folder_is_a_stage_with_its_allowed_imports() -> None:
    folders = {p.name for p in PACKAGE_DIR.iterdir() if (p / "__init__.py").is_file()}
    assert folders == set(ALLOWED)


def test_stages_import_only_what_they_may() -> None:
    wrong = [
        f"{i.source}:{i.line} → {i.target}"
        for i in IMPORTS
        if stage(i.source) in ALLOWED
        and stage(i.target) != stage(i.source)
        and stage(i.target) not in ALLOWED[stage(i.source)] | BASE
    ]
    assert wrong == []


def test_model_imports_nothing_of_ours() -> None:
    assert [i for i in IMPORTS if stage(i.source) == "model" and stage(i.target) != "model"] == []


def test_no_stage_imports_an_entry_point() -> None:
    """app, cli and cli_fr sit over the stages: nothing under them imports them back."""
    wrong = [
        i
        for i in IMPORTS
        if stage(i.source) in ALLOWED
        and i.target in {f"ctgdocs.{m}" for m in ("app", "cli", "cli_fr", "__main__")}
    ]
    assert wrong == []


WRITERS_SHARED = {"ctgdocs.writers", "ctgdocs.writers.base", "ctgdocs.writers.atomic"}


def writer_of(module: str) -> str | None:
    """The writer a module of writers/ belongs to (docx, pdf, html), None for the shared ones."""
    if module in WRITERS_SHARED or not module.startswith("ctgdocs.writers."):
        return None
    return module.split(".")[2]


def test_writers_never_import_each_other() -> None:
    """A writer reads the rendered document and its pagination (render/), never another writer:
    only the registry (writers/__init__) knows them all."""
    assert {writer_of(m) for m in MODULES} - {None} == {"docx", "pdf", "html"}
    wrong = [
        f"{i.source}:{i.line} → {i.target}"
        for i in IMPORTS
        if i.source != "ctgdocs.writers"
        and writer_of(i.source)
        and writer_of(i.target)
        and writer_of(i.target) != writer_of(i.source)
    ]
    assert wrong == []


def test_no_import_cycle_between_modules() -> None:
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for i in IMPORTS:
        graph[i.source].add(i.target)
    found = cycle_in(graph)
    assert found == [], " → ".join(found)


def cycle_in(graph: dict[str, set[str]]) -> list[str]:
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        path.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycle_in({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert cycle_in({"a": {"b"}, "b": set()}) == []


def _literal(annotation: object) -> set[str]:
    return set(typing.get_args(annotation))


@pytest.mark.parametrize(
    "field",
    [Avenant.model_fields["modifie"], RefAvenant.model_fields["modifie"]],
    ids=["avenant.modifie", "seance.avenant.modifie"],
)
def test_the_amendable_acts_of_the_data_are_the_registry_s(field) -> None:
    """model/ cannot import the contract registry (avenants/contrats): its Literals of the acts
    an avenant may modify name exactly the registry's contracts."""
    assert _literal(field.annotation) == set(CONTRATS)
