# Jugendhilfe-Portal — every target sets itself up: a fresh machine needs only
# Python >= 3.11 and make. Targets delegate to tasks.py (invoke) where natural.

PYTHON ?= python3
# Browser tests use Debian's Chromium, never a downloaded browser.
CHROMIUM := /usr/bin/chromium
# The production web server (make serve-production, the nginx tests) and the deploy tool:
# Debian's nginx with its Brotli module for the build's .br files, and rsync.
NGINX := /usr/sbin/nginx
BROTLI_MODULE := /usr/lib/nginx/modules/ngx_http_brotli_static_module.so
RSYNC := /usr/bin/rsync
# RUNLEVEL=1: the package's scripts start no server of their own (no init system needed).
APT_INSTALL = $(SUDO) apt-get update -qq && \
	$(SUDO) env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq \
	--no-install-recommends
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# axe-core and the Nu Html Checker (vnu.jar) from npm; vnu runs on Java (17 on these machines).
CHECKERS := node_modules/.installed-stamp
INVOKE := $(BIN)/invoke
# Any content tree in the contract; OUTPUT defaults to preview/ (build, serve) or output/ (publish).
CONTENT ?= content
# PORT: make serve 8000, make serve-production 8080 unless given.
PORT ?=
OUTPUT_ARG = $(if $(OUTPUT),--output "$(OUTPUT)")

.DEFAULT_GOAL := help
.PHONY: help install browser nginx rsync checkers build publish serve serve-production deploy \
	check new rollback releases hooks test lint audit benchmark clean

help:
	@echo "make serve    Vorschau mit Live-Reload auf http://127.0.0.1:8000 (in preview/)"
	@echo "make build    Vorschau-Build nach preview/"
	@echo "make publish  Produktions-Build (publishconf.py) nach output/"
	@echo "              (alle drei auch mit CONTENT=ordner, build/publish mit OUTPUT=ordner)"
	@echo "make serve-production  Produktions-Build mit nginx wie im Betrieb zeigen, auf"
	@echo "              http://127.0.0.1:8080 (PORT=…, CONTENT=…; OUTPUT=ordner: diesen Build)"
	@echo "make deploy TARGET=benutzer@server:/pfad   output/ per rsync hochladen"
	@echo "make rollback output/ wieder auf den vorigen Build zeigen lassen (OUTPUT=ordner)"
	@echo "make releases die aufbewahrten Builds von output/ auflisten (OUTPUT=ordner)"
	@echo "make check    alles prüfen wie make publish, ohne zu veröffentlichen (CONTENT=ordner)"
	@echo "make new TYPE=pressemitteilung TITLE=\"…\"   neue Datei anlegen (auch TYPE=ausschussmitteilung)"
	@echo "make hooks    Prüfung vor jedem git commit einschalten"
	@echo "make test     alle Tests"
	@echo "make audit    Lighthouse-Bericht für Startseite und eine Meldung"
	@echo "make benchmark  Bauzeit für 1.000 erzeugte Meldungen messen"
	@echo "make lint     ruff"
	@echo "make install  nur die virtuelle Umgebung .venv anlegen"
	@echo "make clean    preview/, output/, alle aufbewahrten Builds und Caches löschen"

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

# make serve-production and the tests run their own nginx on loopback.
$(NGINX) $(BROTLI_MODULE) &:
	$(APT_INSTALL) nginx libnginx-mod-http-brotli-static

nginx: $(NGINX) $(BROTLI_MODULE)

$(RSYNC):
	$(APT_INSTALL) rsync openssh-client

rsync: $(RSYNC)

$(CHECKERS): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $(CHECKERS)

checkers: $(CHECKERS)
	@command -v java >/dev/null || { $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; }

build: install
	$(INVOKE) build --content "$(CONTENT)" $(OUTPUT_ARG)

publish: install
	$(INVOKE) publish --content "$(CONTENT)" $(OUTPUT_ARG)

serve: install
	$(INVOKE) serve --content "$(CONTENT)" --port "$(or $(PORT),8000)" $(OUTPUT_ARG)

# Values reach the tasks through the environment, never through the shell's parsing.
serve-production: export PORT := $(or $(PORT),8080)
serve-production: export OUTPUT := $(OUTPUT)
serve-production: export CONTENT := $(CONTENT)
serve-production: install nginx
	$(INVOKE) serve-production --port "$$PORT" --content "$$CONTENT" $${OUTPUT:+--output "$$OUTPUT"}

deploy: export TARGET := $(TARGET)
deploy: export RELOAD := $(RELOAD)
deploy: export OUTPUT := $(OUTPUT)
deploy: install rsync
	$(INVOKE) deploy --target "$$TARGET" --reload "$$RELOAD" $${OUTPUT:+--output "$$OUTPUT"}

check: install
	$(INVOKE) check --content "$(CONTENT)"

rollback: install
	$(INVOKE) rollback $(OUTPUT_ARG)

releases: install
	$(INVOKE) releases $(OUTPUT_ARG)

# TYPE and TITLE reach the task through the environment, never through the shell's
# parsing: a title with quotes, backticks or $(…) stays text.
new: export TYPE := $(TYPE)
new: export TITLE := $(TITLE)
new: install
	$(INVOKE) new --type "$$TYPE" --title "$$TITLE" --content "$(CONTENT)"

hooks:
	git config core.hooksPath .githooks
	@echo "Vor jedem Commit läuft jetzt 'make check'."

test: install browser nginx rsync checkers
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .

audit: install browser
	$(INVOKE) audit

benchmark: install
	$(BIN)/python tests/benchmark.py --items 1000

clean:
	rm -rf preview output .preview.releases .output.releases .preview.neu .output.neu \
	  .output.im-bau .output.alt .pelican-cache .cache .pytest_cache
	find . -name __pycache__ -not -path './.venv/*' -prune -exec rm -rf {} +
