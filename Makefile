# Both targets bootstrap .venv from nothing: only Python 3.11 and make are needed.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP_ALL := $(VENV)/.installed-all
STAMP_DEV := $(VENV)/.installed-dev

.PHONY: demo test lint typecheck pytest bench clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found: install Python 3.11 or run 'make PYTHON=python3 ...'"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_DEV): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

$(STAMP_ALL): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[all]"
	@touch $@ $(STAMP_DEV)

# The package is installed editable, so pip does not byte-compile it; where
# PYTHONDONTWRITEBYTECODE is set, Python never caches the compiled modules either, and every
# command would compile the whole package from source first (about 0.1 s). compileall
# refreshes only what changed.
COMPILE := $(BIN)/python -m compileall -q scr_timeline
# The classifiers' matchers for the shipped vocabularies and the bank holidays, built once
# (see scr_timeline/_prebuilt.py): a process then loads them in a few milliseconds instead
# of building them (about 0.3-0.5 s). Rebuilt only when what they come from changed.
PREBUILD := $(BIN)/python -c "from scr_timeline._prebuilt import refresh; refresh()"

demo: $(STAMP_ALL)
	@$(COMPILE)
	@$(PREBUILD)
	$(BIN)/scr-timeline demo

lint: $(STAMP_DEV)
	$(BIN)/ruff check scr_timeline tests benchmarks notebooks/make_notebooks.py data
	$(BIN)/ruff format --check scr_timeline tests benchmarks notebooks/make_notebooks.py data

typecheck: $(STAMP_DEV)
	$(BIN)/mypy

pytest: $(STAMP_DEV)
	@$(COMPILE)
	@$(PREBUILD)
	$(BIN)/python -m pytest -q

test: lint typecheck pytest

bench: $(STAMP_DEV)
	@$(COMPILE)
	@$(PREBUILD)
	$(BIN)/python benchmarks/bench_read.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info
