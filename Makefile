# The two commands of a fresh machine: `make demo` and `make test`.
VENV    := .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed-stamp
LSP     := tools/lsp
LSP_STAMP := $(LSP)/node_modules/.installed-stamp
COG     := tools/cog
COG_STAMP := $(COG)/node_modules/.installed-stamp

.PHONY: setup system demo test lint docs previews captures schema bench bench-quick fuzz clean

setup: system $(STAMP) $(LSP_STAMP) $(COG_STAMP)

system:
	@bash tools/setup_system.sh

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# yaml-language-server, the server of VS Code's YAML extension, at the version of
# tools/lsp/package-lock.json: tests/test_yaml_language_server.py runs it on the data files.
$(LSP_STAMP): $(LSP)/package.json $(LSP)/package-lock.json
	npm ci --prefix $(LSP) --no-audit --no-fund --loglevel=error
	@touch $(LSP_STAMP)

# The Code officiel géographique of Etalab's @etalab/decoupage-administratif, at the version of
# tools/cog/package-lock.json (6.0.0: the COG of 2026): « ctgdocs import territoire » reads it.
$(COG_STAMP): $(COG)/package.json $(COG)/package-lock.json
	npm ci --prefix $(COG) --no-audit --no-fund --loglevel=error
	@touch $(COG_STAMP)

# Writes output/ only: no tracked file changes (the gallery's images are refreshed by `make previews`).
demo: setup
	rm -rf output
	$(PY) -m ctgdocs build data/ --output output

# The first page of every PDF of output/ (after `make demo`) into docs/apercus/, the docs' gallery.
previews:
	$(PY) tools/apercus.py output docs/apercus

# The screenshots of the clerk's walkthrough (docs/application.md), taken by the browser test.
captures: setup
	CAPTURES=docs/captures/serve $(PY) -m pytest -q -p no:cacheprovider tests/test_serve_navigateur.py

# The docs site (mkdocs.yml, docs/, the pages tools/docs_hooks.py generates) into site/.
# NO_MKDOCS_2_WARNING: Material prints a notice about its successor on every build.
MKDOCS := NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs

docs: setup
	$(MKDOCS) build --strict

# mypy checks src/ with the pydantic plugin (pyproject.toml: [tool.mypy]).
test: setup
	$(VENV)/bin/ruff check src tests tools
	$(VENV)/bin/mypy
	$(MKDOCS) build --strict --quiet
	$(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check src tests tools
	$(VENV)/bin/ruff format --check src tests tools
	$(VENV)/bin/mypy

# bench/results/latest.json and a table (about 13 min on 2 cores); bench-quick: about 2.5 min.
bench: setup
	$(PY) bench/run.py

bench-quick: setup
	BENCH_QUICK=1 $(PY) bench/run.py

# Property-based build (tests/test_fuzz.py) with 500 examples; `make test` runs 25.
fuzz: setup
	CTGDOCS_FUZZ_EXAMPLES=500 $(PY) -m pytest -q tests/test_fuzz.py

schema: setup
	for f in $$($(PY) -c 'from ctgdocs.model.fichiers import FICHIERS; print(*FICHIERS)'); do $(PY) -m ctgdocs schema $$f > schema/$$f.schema.json; done

clean:
	rm -rf output site $(VENV) .pytest_cache .mypy_cache $(LSP)/node_modules
