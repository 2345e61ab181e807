# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock | sha1sum | cut -c1-12)
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
# config.settings refuses to start without SECRET_KEY when DEBUG is off; the make targets are
# development, so they bring a key of their own (pytest uses config.test_settings instead).
export SECRET_KEY ?= dev-only-insecure-key-from-the-makefile-never-in-production

.PHONY: run venv lock static-vendor collectstatic system-deps migrate ingest serve worker lint test test-sqlite test-postgres bench bench-corpus bench-pages score score-real score-holdout clean

venv: $(STAMP)

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

# Browser files from the npm registry into the git-ignored node_modules/ (package.json pins them):
# plotly.js's cartesian bundle for every chart and the map, AntV's china-geojson for province outlines.
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

# `make run PORT=8080` serves on another port.
PORT ?= 8000
serve:
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

run: ingest collectstatic serve

# Linters first, so a style or type error fails fast; then no model change may lack its migration.
lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	DATABASE_URL=sqlite:///var/lint.sqlite3 $(PY) manage.py makemigrations --check --dry-run

# A Celery worker for `manage.py ingest --queue` (broker: CELERY_BROKER_URL, default the local Redis).
worker: venv
	$(VENV)/bin/celery -A config worker --loglevel=INFO

test: venv lint static-vendor system-deps test-sqlite test-postgres

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

# Real text: the development gold (40 + 20 work reports; 34 + 14 + 25 + 23 news articles), then the held-out gold
# (20 reports, 16 articles) that no rule is tuned on — the figure that predicts unseen text.
score-real: venv
	$(PY) bench/score_work_reports.py --gold bench/gold/work_reports
	$(PY) bench/score_work_reports.py --gold bench/gold/work_reports_dev2
	$(PY) bench/score_news.py tests/fixtures/realnews tests/fixtures/realnews_gold
	$(PY) bench/score_news.py tests/fixtures/realnews_dev2 tests/fixtures/realnews_dev2_gold
	$(PY) bench/score_news.py tests/fixtures/realnews_dev3 tests/fixtures/realnews_dev3_gold
	$(PY) bench/score_news.py tests/fixtures/realnews_dev4 tests/fixtures/realnews_dev4_gold
	$(PY) bench/score_news.py tests/fixtures/realnews_dev5 tests/fixtures/realnews_dev5_gold
	$(PY) bench/score_news.py tests/fixtures/realnews_dev6 tests/fixtures/realnews_dev6_gold
	$(PY) bench/score_news.py tests/fixtures/realnews_dev7 tests/fixtures/realnews_dev7_gold
	$(PY) bench/score_news.py tests/fixtures/realnews_dev8 tests/fixtures/realnews_dev8_gold
	$(PY) bench/score_news.py tests/fixtures/realnews_dev10 tests/fixtures/realnews_dev10_gold
	$(PY) bench/score_news.py tests/fixtures/realnews_dev11 tests/fixtures/realnews_dev11_gold
	$(PY) bench/score_news.py tests/fixtures/realnews_dev9 tests/fixtures/realnews_dev9_gold
	$(PY) bench/score_news.py tests/fixtures/realnews_dev13 tests/fixtures/realnews_dev13_gold
	$(PY) bench/score_news.py tests/fixtures/realnews_dev12 tests/fixtures/realnews_dev12_gold
score-holdout: venv
	$(PY) bench/score_work_reports.py --gold bench/gold/work_reports_holdout
	$(PY) bench/score_news.py tests/fixtures/realnews_holdout tests/fixtures/realnews_holdout_gold --totals-only
	$(PY) bench/score_news.py tests/fixtures/holdout2 tests/fixtures/holdout2_gold --totals-only
	$(PY) bench/score_news.py tests/fixtures/holdout3 tests/fixtures/holdout3_gold --totals-only
	$(PY) bench/score_news.py tests/fixtures/holdout4 tests/fixtures/holdout4_gold --totals-only
	$(PY) bench/score_news.py tests/fixtures/holdout5 tests/fixtures/holdout5_gold --totals-only
	$(PY) bench/score_news.py tests/fixtures/holdout6 tests/fixtures/holdout6_gold --totals-only
	$(PY) bench/score_news.py tests/fixtures/holdout7 tests/fixtures/holdout7_gold --totals-only
	$(PY) bench/score_news.py tests/fixtures/holdout8 tests/fixtures/holdout8_gold --totals-only
	$(PY) bench/score_news.py tests/fixtures/holdout9 tests/fixtures/holdout9_gold --totals-only

clean:
	rm -rf $(VENV) var staticfiles node_modules
