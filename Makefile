# ICS Viewer: the two commands a new user needs are `make run` and `make test`.
# Both create .venv on first use and install everything the project needs into it.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CHART  ?= data/cheshire_and_merseyside.yaml
# The package is installed editable, so pip writes no bytecode for it; without .pyc files
# (or with PYTHONDONTWRITEBYTECODE set) every start compiles our modules again (~0.4 s).
# compileall only rewrites files whose source changed, so repeating it is cheap.
COMPILE = $(BIN)/python -m compileall -q icsviewer exporters

.PHONY: run test lint fuzz bench screenshots clean bytecode

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files: reinstall only when pyproject.toml changes.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(COMPILE)
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,dev]"
	$(COMPILE)
	touch $@ $(VENV)/.installed-run

# Byte-compile what changed since the install, so a start never compiles sources.
bytecode: $(VENV)/.installed-run
	@$(COMPILE)

run: bytecode
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

bench: $(VENV)/.installed-test bytecode
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info
