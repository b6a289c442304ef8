"""The README is a short French entry page that leads to the docs site; every page of docs/ is
in the site's navigation; the generated parts of the site (tools/docs_hooks.py) say what the code
says. `mkdocs build --strict`, run by `make test`, checks the links and anchors."""

from __future__ import annotations

import json
import re
import runpy

import pytest
import yaml

from conftest import ROOT

DOCS = ROOT / "docs"
hooks = runpy.run_path(str(ROOT / "tools" / "docs_hooks.py"))


def _nav_pages(nav: list) -> list[str]:
    pages = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        pages += _nav_pages(value) if isinstance(value, list) else [value]
    return pages


def test_the_readme_is_a_short_entry_page_into_the_docs() -> None:
    text = (ROOT / "README.md").read_text("utf-8")
    assert len(text.splitlines()) < 250
    links = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text)
    docs = [link for link in links if link.startswith("docs/")]
    assert "docs/index.md" in docs
    for link in links:
        if not re.match(r"[a-z]+:", link):
            assert (ROOT / link).exists(), f"README : lien cassé {link}"
    assert "make demo" in text and "make test" in text and "make docs" in text


def test_every_docs_page_is_in_the_nav() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    nav = _nav_pages(config["nav"])
    pages = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
    assert sorted(nav) == pages
    assert len(nav) == len(set(nav))
    assert config["strict"] is True
    assert config["hooks"] == ["tools/docs_hooks.py"]


def test_every_marker_is_a_known_generator() -> None:
    found = set()
    for page in DOCS.rglob("*.md"):
        for match in hooks["MARKER"].finditer(page.read_text("utf-8")):
            assert match["name"] in hooks["GENERATORS"], f"{page}: {match[0]}"
            found.add(match["name"])
    assert found == set(hooks["GENERATORS"])  # each generator has its page


def test_each_data_file_has_its_page_and_reference() -> None:
    from ctgdocs.model.fichiers import FICHIERS

    for nom in FICHIERS:
        page = (DOCS / "donnees" / f"{nom}.md").read_text("utf-8")
        assert f"<!-- ctgdocs:schema {nom} -->" in page


def test_a_schema_reference_lists_every_field() -> None:
    from ctgdocs.model.schema import json_schema

    page = hooks["schema"]("seance")
    for name, definition in json_schema("seance")["$defs"].items():
        assert f"### `{name}` {{ #seance-{name.lower()} }}" in page
        for key in definition.get("properties", {}):
            assert f"| `{key}` |" in page
    assert "| `membres_en_exercice` | nombre entier | oui |" in page
    assert "| `date` | date (AAAA-MM-JJ) | oui |" in page


def test_a_committed_schema_that_drifted_fails_the_build(tmp_path, monkeypatch) -> None:
    from mkdocs.exceptions import PluginError

    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "acte.schema.json").write_text("{}", "utf-8")
    monkeypatch.setitem(hooks["schema"].__globals__, "ROOT", tmp_path)
    with pytest.raises(PluginError, match="ne suit plus le modèle : lancez make schema"):
        hooks["schema"]("acte")


def test_every_template_filter_is_described_with_computed_examples() -> None:
    page = hooks["filtres"]()
    assert "### `date_fr`" in page and "| `2022-07-29` | « 29 juillet 2022 » |" in page
    assert '| `"Le Pradet"` | « du Pradet » |' in page
    from ctgdocs.render.filters import FILTERS

    for name in [*FILTERS, "de", "a", "elide", "lignes"]:
        assert f"### `{name}`" in page


def test_what_a_template_reads_follows_aliases_and_loops() -> None:
    from ctgdocs.render.environment import body_environment

    source = (
        "{% set d = deliberation %}{{ d.vote.pour }} {{ d.objet }}"
        "{% for p in parties %}{{ p.nom }}{{ loop.index }}{% endfor %}"
        '{{ seance.presents|map(attribute="nom")|liste }}{% include "clauses/_x.md.j2" %}'
    )
    reads, includes = hooks["template_reads"](body_environment(), source)
    assert reads == {
        "deliberation": ["objet", "vote.pour"],
        "parties": ["[].nom"],
        "seance": ["presents[].nom"],
    }
    assert includes == ["clauses/_x.md.j2"]


def test_the_cli_reference_is_click_s_french_help() -> None:
    page = hooks["cli"]()
    for command in ("validate", "build", "diff", "export scdl", "kinds", "schema"):
        assert f"### `ctgdocs {command}`" in page
    assert "Utilisation : ctgdocs build [OPTIONS] [PATHS]..." in page
    assert "--dry-run" in page and "-h, --help" in page


def test_the_benchmark_page_renders_what_is_committed(tmp_path) -> None:
    assert "Aucun résultat versionné" in hooks["bench"](tmp_path)
    result = {
        "mode": "full",
        "date": "2026-11-22",
        "machine": {"description": "x86_64, 2 cœurs", "weasyprint": "70.0"},
        "targets": [{"target": "no-op rebuild < 1 s", "measured": "0.38 s", "met": True}],
        "per_document": [
            {"document": "le-pradet/acte-engagement", "format": "pdf", "ctgdocs_ms": 120.5}
            | {"raw_ms": 130.0, "ratio": 0.93, "pages": 9}
        ],
    }
    (tmp_path / "latest.json").write_text(json.dumps(result), "utf-8")
    page = hooks["bench"](tmp_path)
    assert "#### `bench/results/latest.json`" in page
    assert "| no-op rebuild < 1 s | 0.38 s | oui |" in page
    assert "| `le-pradet/acte-engagement` | pdf | 120.5 | 130.0 | 0.93 | 9 |" in page


def test_the_benchmark_results_are_not_ignored() -> None:
    ignored = (ROOT / ".gitignore").read_text("utf-8").splitlines()
    assert "/bench/results/" not in ignored and "/site/" in ignored


def test_the_typed_contexts_page_lists_each_key_with_its_type_and_note() -> None:
    page = hooks["structures"]()
    section = page[page.index("#### `ContexteFinancement`") :]
    section = section[: section.index("\n#### ")]
    assert "| `plafond_par_etp` | `Decimal` | the rule's annual cap per ETP |" in section
    assert "| `plafond_total` | `Decimal` | plafond_par_etp × the post's ETP |" in section
    # inherited keys keep their parent's note; other contexts are links to their section
    commune = page[page.index("#### `ContexteCommune`") :]
    assert "| `avec_article` | `str` | « la Caf », « la commune du Pradet » |" in commune
    assert "[`ContexteOrganisation`](#contexteorganisation)" in page
    assert "#### `ContexteOrganisation` { #contexteorganisation }" in page
    # an optional key says so
    assert "| `avenant` (facultative) | [`ContexteApprobation`](#contexteapprobation) |" in page
