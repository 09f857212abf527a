# The verbs a user types. Every target installs what it needs first, once.
#   make reports   run every notebook on the seed and write the HTML reports into reports/
#   make test      unit tests, notebook regression checks (nbval), browser checks of the reports
#   make lab       open JupyterLab on the project kernel
#   make bench     speed and accuracy benchmarks (figures into benchmarks/results/)
#   make notebooks re-execute notebooks/ on the seed, and on the committed corpus into
#                  tests/notebooks/wikinews/ (the outputs nbval compares against)
#   make clean     remove generated files (reports, caches); `make distclean` also the venv

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
KERNEL := news-text-analysis
STAMP := $(VENV)/.installed
SEED := seeds/000_81c44d20d7573865.txt
CORPUS := seeds/wikinews.csv
CORPUS_NOTEBOOKS := tests/notebooks/wikinews
REPORTS ?= reports
REVEAL := $(VENV)/share/news-text-analysis/reveal.js/.fetched
SOURCES := $(shell find src/analysis -name '*.py' -o -name '*.j2' -o -name '*.json' -o -name '*.css' 2>/dev/null)
NOTEBOOKS := $(wildcard notebooks/*.ipynb)
export PYTHONHASHSEED := 0
export MPLBACKEND := agg
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help install reports test lab bench notebooks clean distclean lock lint browser

help:
	@sed -n '2,9p' Makefile | sed 's/^# \{0,1\}//'

# The virtual environment: created once, refreshed when pyproject.toml or constraints.txt change.
$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) \
		--display-name "Python 3 (news-text-analysis)" >/dev/null
	@touch $@

# reveal.js for the offline slide deck, from the npm registry (pinned version and checksum).
$(REVEAL): $(STAMP) tools/fetch_revealjs.py
	$(BIN)/python tools/fetch_revealjs.py --dest $(dir $@)
	@touch $@

install: $(STAMP) $(REVEAL)

reports: $(REPORTS)/index.html

$(REPORTS)/index.html: $(STAMP) $(REVEAL) $(SEED) $(NOTEBOOKS) $(SOURCES)
	$(BIN)/python -m analysis report $(SEED) --out $(REPORTS)

# Unit tests, doctests, browser checks, and nbval on both executed sets: notebooks/ (the seed)
# and tests/notebooks/wikinews/ (the corpus; collected from tests/ like any test file).
test: $(STAMP) $(REVEAL) browser
	$(BIN)/python -m pytest tests notebooks --nbval --nbval-kernel-name $(KERNEL)

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks $(LAB_ARGS) \
		$$([ "$$(id -u)" = 0 ] && echo --allow-root)

bench: $(STAMP) $(REVEAL)
	$(BIN)/python -m benchmarks

notebooks: $(STAMP)
	@test -f $(CORPUS) || { echo "$(CORPUS) is missing: it is the committed corpus the" \
		"notebooks are checked on (see seeds/README.md)" >&2; exit 1; }
	$(BIN)/python -m analysis refresh-notebooks notebooks
	$(BIN)/python -m analysis refresh-notebooks notebooks --input $(CORPUS) \
		--into $(CORPUS_NOTEBOOKS) -p id_column id -p group_by section

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools

# Chromium for the browser checks of the reports (Debian's package; nothing is downloaded
# by Playwright). Installed with apt-get when missing and we may; otherwise say what to do.
browser:
	@if command -v chromium >/dev/null || command -v chromium-browser >/dev/null \
		|| [ -n "$${CHROMIUM:-}" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's chromium for the report checks"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null && command -v apt-get >/dev/null; then \
		sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "make test needs Chromium: install it (Debian/Ubuntu: apt-get install chromium)" \
			"or set CHROMIUM=/path/to/chromium" >&2; exit 1; \
	fi

lock: $(STAMP)
	@( echo "# Exact versions for byte-identical reports. Regenerate with: make lock"; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -v '^news-text-analysis' ) > constraints.txt

clean:
	rm -rf reports/* .pytest_cache .hypothesis benchmarks/results/*.tmp
	find . -name __pycache__ -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
