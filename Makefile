# Jugendhilfe-Portal — every target sets itself up: a fresh machine needs only
# Python >= 3.11 and make. Targets delegate to tasks.py (invoke) where natural.

PYTHON ?= python3
# Browser tests use Debian's Chromium, never a downloaded browser.
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# axe-core and the Nu Html Checker (vnu.jar) from npm; vnu runs on Java (17 on these machines).
CHECKERS := node_modules/.installed-stamp
INVOKE := $(BIN)/invoke

.DEFAULT_GOAL := help
.PHONY: help install browser checkers build publish serve check new hooks test lint audit benchmark clean

help:
	@echo "make serve    Vorschau mit Live-Reload auf http://127.0.0.1:8000"
	@echo "make build    Entwicklungs-Build nach output/"
	@echo "make publish  Produktions-Build (publishconf.py) nach output/"
	@echo "make check    alle Inhalte prüfen, ohne zu bauen"
	@echo "make new TYPE=pressemitteilung TITLE=\"…\"   neue Datei anlegen (auch TYPE=ausschussmitteilung)"
	@echo "make hooks    Prüfung vor jedem git commit einschalten"
	@echo "make test     alle Tests"
	@echo "make audit    Lighthouse-Bericht für Startseite und eine Meldung"
	@echo "make benchmark  Bauzeit für 1.000 erzeugte Meldungen messen"
	@echo "make lint     ruff"
	@echo "make install  nur die virtuelle Umgebung .venv anlegen"
	@echo "make clean    output/ und Caches löschen"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --editable ".[test]"
	@touch $(STAMP)

install: $(STAMP)

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

browser: $(CHROMIUM)

$(CHECKERS): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $(CHECKERS)

checkers: $(CHECKERS)
	@command -v java >/dev/null || { $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; }

build: install
	$(INVOKE) build

publish: install
	$(INVOKE) publish

serve: install
	$(INVOKE) serve

check: install
	$(INVOKE) check

new: install
	$(INVOKE) new --type "$(TYPE)" --title "$(TITLE)"

hooks:
	git config core.hooksPath .githooks
	@echo "Vor jedem Commit läuft jetzt 'make check'."

test: install browser checkers
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .

audit: install browser
	$(INVOKE) audit

benchmark: install
	$(BIN)/python tests/benchmark.py --items 1000

clean:
	rm -rf output .output.im-bau .pelican-cache .pytest_cache
	find . -name __pycache__ -not -path './.venv/*' -prune -exec rm -rf {} +
