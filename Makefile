# Sauti — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup test test-postgres test-browser lint translations messages ci clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

setup: $(STAMP)
	@mkdir -p var
	$(PY) manage.py compiletranslations
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py load_mechanisms_demo
	$(PY) manage.py load_commitments_demo
	$(PY) manage.py load_calendar_demo
	$(PY) manage.py load_campaigns_demo
	$(PY) manage.py load_monitoring_demo

## Serve the demo at http://$(HOST):$(PORT) with the task worker; Ctrl-C stops both.
run: setup
	@echo "Sauti is starting at http://$(HOST):$(PORT)/  (Ctrl-C to stop)"
	@trap 'kill 0' INT TERM EXIT; \
	  $(PY) manage.py db_worker --interval 1 & \
	  $(PY) manage.py runserver $(HOST):$(PORT)

# The ODK Web Forms engine drives the OpenRosa end-to-end test (tests/monitoring).
XFORMS_ENGINE := tests/e2e/xforms-engine
# Without npm (a machine with only Python) the suite still runs: that one test says it
# is skipped and why; CI (.ci/run) installs Node from Debian's packages and requires it.
$(XFORMS_ENGINE)/node_modules/.package-lock.json: $(XFORMS_ENGINE)/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --prefix $(XFORMS_ENGINE) --no-audit --no-fund; \
	else \
	  echo "npm not found: the ODK Web Forms end-to-end test will be skipped (apt-get install npm)"; \
	fi

## The whole suite on SQLite (browser journeys: `make test-browser`).
test: $(STAMP) $(XFORMS_ENGINE)/node_modules/.package-lock.json
	@$(PY) manage.py compiletranslations >/dev/null
	$(PY) -m pytest -q $(PYTEST_ARGS)
	$(PY) -m pytest -q -m e2e tests/monitoring $(PYTEST_ARGS)

## The same suite on PostgreSQL: DATABASE_URL must point at a server.
test-postgres: $(STAMP) $(XFORMS_ENGINE)/node_modules/.package-lock.json
	@test -n "$$DATABASE_URL" || { echo "set DATABASE_URL=postgres://..."; exit 2; }
	@$(PY) manage.py compiletranslations >/dev/null
	$(PY) -m pytest -q $(PYTEST_ARGS)
	$(PY) -m pytest -q -m e2e tests/monitoring $(PYTEST_ARGS)

## Playwright journeys in Debian's Chromium (/usr/bin/chromium).
test-browser: $(STAMP)
	@$(PY) manage.py compiletranslations >/dev/null
	$(PY) -m pytest -q -m browser tests/browser $(PYTEST_ARGS)

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	@# Production settings as a deployment sets them. HSTS preload is the operator's
	@# opt-in (off by default), so it is set here to keep security.W021 out of the way.
	SAUTI_ENV=production SECRET_KEY=ci-check-only-$$(date +%s)-not-secret-0123456789abcdefghijklmnop \
	  ALLOWED_HOSTS=sauti.example.org SECURE_HSTS_PRELOAD=true \
	  $(PY) manage.py check --deploy --fail-level WARNING

## Fails when a UI string is missing in any of the seven languages.
translations: $(STAMP)
	$(PY) manage.py checktranslations

## Re-extract UI strings into the catalogues (needs GNU gettext).
messages: $(STAMP)
	cd sauti && ../$(PY) ../manage.py makemessages --no-obsolete --no-location -l fr -l es -l pt -l ar -l ru -l zh_Hans

ci: lint translations test
	bash .ci/postgres-tests
	$(MAKE) test-browser

clean:
	rm -rf $(VENV) var
