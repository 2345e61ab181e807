# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock | sha1sum | cut -c1-12)
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
# config.settings refuses to start without SECRET_KEY when DEBUG is off; the make targets are
# development, so they bring a key of their own (pytest uses config.test_settings instead).
export SECRET_KEY ?= dev-only-insecure-key-from-the-makefile-never-in-production

.PHONY: run venv lock system-deps migrate ingest serve worker lint test test-sqlite test-postgres bench bench-corpus score clean

venv: $(STAMP) map-vendor

# Exact versions from requirements.lock, then the project itself without resolving again.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements.lock
	$(VENV)/bin/pip install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $@

# Pin again after changing dependencies in pyproject.toml (`make lock`, then commit requirements.lock).
lock: venv
	$(VENV)/bin/pip-compile --quiet --extra test --extra dev --strip-extras --no-emit-index-url \
	  --no-emit-find-links -o requirements.lock pyproject.toml
# The map's browser files, each taken from a pinned npm package into the git-ignored static/vendor/map/
# (the site has no internet, so nothing is loaded from a CDN): plotly.js's cartesian bundle draws it,
# AntV's china-geojson gives the province outlines.
MAP_VENDOR := static/vendor/map
.PHONY: map-vendor
map-vendor: $(MAP_VENDOR)/plotly-cartesian.min.js $(MAP_VENDOR)/china.json

$(MAP_VENDOR)/plotly-cartesian.min.js:
	pack=$$(mktemp -d) && npm pack --silent --pack-destination $$pack plotly.js-cartesian-dist-min@4.1.1 >/dev/null \
	  && tar -xzf $$pack/*.tgz -C $$pack package/plotly-cartesian.min.js \
	  && cp $$pack/package/plotly-cartesian.min.js $@ && rm -rf $$pack

$(MAP_VENDOR)/china.json:
	pack=$$(mktemp -d) && npm pack --silent --pack-destination $$pack china-geojson@1.0.0 >/dev/null \
	  && tar -xzf $$pack/*.tgz -C $$pack package/src/geojson/china.json \
	  && cp $$pack/package/src/geojson/china.json $@ && rm -rf $$pack

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

run: ingest serve

# Linters first, so a style or type error fails fast; then no model change may lack its migration.
lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	DATABASE_URL=sqlite:///var/lint.sqlite3 $(PY) manage.py makemigrations --check --dry-run

# A Celery worker for `manage.py ingest --queue` (broker: CELERY_BROKER_URL, default the local Redis).
worker: venv
	$(VENV)/bin/celery -A config worker --loglevel=INFO

test: venv lint system-deps test-sqlite test-postgres

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

# The whole work-report corpus into a fresh database; BENCH_ARGS="--jobs 2 --database-url postgres://…"
bench-corpus: venv
	$(PY) bench/ingest_corpus.py $(BENCH_ARGS)

score: venv
	rm -f var/score.sqlite3
	DATABASE_URL=sqlite:///var/score.sqlite3 $(PY) manage.py migrate --noinput -v0
	DATABASE_URL=sqlite:///var/score.sqlite3 $(PY) manage.py ingest seeds
	DATABASE_URL=sqlite:///var/score.sqlite3 $(PY) manage.py export_facts > var/export.json
	$(PYTHON) ../shared/eval/score.py var/export.json ../shared/gold --verbose

clean:
	rm -rf $(VENV) var staticfiles
