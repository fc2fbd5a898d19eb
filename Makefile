# Two commands for a fresh machine:
#   make serve   install everything, then serve the site at http://127.0.0.1:8000
#   make test    install everything, then run the whole test suite (browser tests included)
# and one to build the site with Zensical instead of MkDocs:
#   make zensical  install everything, generate the pages (Zensical runs no hooks), then build site/
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup serve test lint bench zensical zensical-site

setup: $(BIN)/acqkb /usr/bin/chromium

$(BIN)/acqkb: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/acqkb

/usr/bin/chromium:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

serve: setup
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

test: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/acqkb schema --check
	$(BIN)/acqkb validate
	$(BIN)/pytest

bench: setup
	$(BIN)/python benchmarks/scale.py

zensical: setup
	$(MAKE) --no-print-directory zensical-site

# The build alone, for a machine already set up (tests/test_zensical.py runs it with BIN set).
zensical-site:
	$(BIN)/acqkb build
	$(BIN)/zensical build --clean --strict
