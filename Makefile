# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
PG_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: run venv static-vendor collectstatic system-deps migrate ingest serve test test-sqlite test-postgres bench bench-pages score clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

# Browser libraries (plotly.js, cartesian bundle) from the npm registry into the git-ignored node_modules/.
static-vendor: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Hashed, precompressed copies in var/static, which whitenoise serves with far-future caching.
collectstatic: venv static-vendor
	$(PY) manage.py collectstatic --noinput -v0

# Debian packages the browser tests need (Chromium, Chinese glyphs); installed only when missing.
system-deps:
	@command -v chromium >/dev/null && fc-list 2>/dev/null | grep -qi wqy || { \
	  echo "installing chromium and fonts-wqy-microhei"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; }

migrate: venv
	$(PY) manage.py migrate --noinput

ingest: migrate
	$(PY) manage.py ingest seeds

serve:
	$(PY) manage.py runserver 127.0.0.1:8000

run: ingest collectstatic serve

test: venv static-vendor system-deps test-sqlite test-postgres

test-sqlite:
	DATABASE_URL=sqlite:///var/test.sqlite3 $(PY) -m pytest

# The whole suite again on PostgreSQL. REQUIRE_POSTGRES=1 (set by CI) turns an unreachable server into a failure.
test-postgres:
	@if $(PY) -c "import psycopg,sys; psycopg.connect('$(PG_URL)', connect_timeout=3).close()" 2>/dev/null; then \
	  DATABASE_URL=$(PG_URL) $(PY) -m pytest -m "not browser"; \
	elif [ "$$REQUIRE_POSTGRES" = 1 ]; then echo "PostgreSQL at $(PG_URL) is not reachable" >&2; exit 1; \
	else echo "PostgreSQL at $(PG_URL) is not reachable: skipped the PostgreSQL run"; fi

bench: venv
	$(PY) bench/ingest_speed.py

# Public pages under load on a generated atlas (1,000 cities, 50,000 facts), PostgreSQL and SQLite,
# then the bytes of a first visit. The atlas is generated on first use and kept in var/.
bench-pages: venv static-vendor
	$(PY) bench/load_pages.py
	$(PY) bench/page_weight.py

score: venv
	rm -f var/score.sqlite3
	DATABASE_URL=sqlite:///var/score.sqlite3 $(PY) manage.py migrate --noinput -v0
	DATABASE_URL=sqlite:///var/score.sqlite3 $(PY) manage.py ingest seeds
	DATABASE_URL=sqlite:///var/score.sqlite3 $(PY) manage.py export_facts > var/export.json
	$(PYTHON) ../shared/eval/score.py var/export.json ../shared/gold --verbose

clean:
	rm -rf $(VENV) var staticfiles node_modules
