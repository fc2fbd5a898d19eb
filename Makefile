# Two commands for a fresh machine:
#   make serve   install everything, then serve the site at http://127.0.0.1:8000
#   make test    install everything, then run the whole test suite (browser tests included)
# and one to build the site with Zensical instead of MkDocs:
#   make zensical  install everything, generate the pages (Zensical runs no hooks), then build site/
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup serve test lint bench bench-full search-quality java zensical zensical-site

setup: $(BIN)/acqkb /usr/bin/chromium node_modules/.installed java

$(BIN)/acqkb: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/acqkb

/usr/bin/chromium:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

# axe-core and the Nu HTML Checker for the accessibility and HTML tests (versions pinned in package-lock.json).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch node_modules/.installed

# The Nu HTML Checker runs on Java.
java:
	command -v java >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless)

# One build per edit (the hook keeps docs/ unwatched), only changed pages rebuilt; a data problem is reported
# and the last good site stays up, so serving is not strict (`make test` and `mkdocs build` are).
serve: setup
	$(BIN)/mkdocs serve --dirty --no-strict -a 127.0.0.1:8000

test: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/acqkb schema --check
	$(BIN)/acqkb validate
	$(BIN)/pytest

bench: setup
	$(BIN)/python benchmarks/scale.py --real --serve

bench-full: setup
	$(BIN)/python benchmarks/scale.py --real --full

search-quality: setup
	$(BIN)/python benchmarks/search_quality.py

zensical: setup
	$(MAKE) --no-print-directory zensical-site

# The build alone, for a machine already set up (tests/test_zensical.py runs it with BIN set).
zensical-site:
	$(BIN)/acqkb build
	$(BIN)/zensical build --clean --strict
