# ICS Viewer: the two commands a new user needs are `make run` and `make test`.
# Both create .venv on first use and install everything the project needs into it.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CHART  ?= data/cheshire_and_merseyside.yaml

.PHONY: run test lint fuzz bench screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files: reinstall only when pyproject.toml changes.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,dev]"
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	@$(BIN)/python -m icsviewer.app.platform_check
	$(BIN)/icsviewer $(CHART)

test: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: $(VENV)/.installed-test
	$(BIN)/ruff check icsviewer exporters tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

fuzz: $(VENV)/.installed-test
	HYPOTHESIS_PROFILE=fuzz QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q tests -k "property or hostile"

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info
