"""Two `manage.py ingest` processes on the same folder at once both finish, and the rows are right."""

import os
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter

import pytest
from django.conf import settings
from django.db import connection

from apps.atlas.taxonomy import load_taxonomy
from apps.ingest.identity import fact_identity
from apps.ingest.pipeline.read import find_articles, read_file
from apps.ingest.service import process

SEEDS = settings.BASE_DIR / "seeds"
MANAGE = [sys.executable, str(settings.BASE_DIR / "manage.py")]
KINDS = {
    "officials": "atlas_official",
    "meetings": "atlas_meeting",
    "clusters": "atlas_industrycluster",
    "targets": "atlas_target",
}


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
    first = sorted(SEEDS.glob("*.txt"))[0]
    shutil.copy(first, folder / f"copy-of-{first.name}")  # the same article under another name
    return folder


@pytest.fixture
def shared_database(tmp_path):
    """(DATABASE_URL for the processes, a function running one SQL query there)."""
    if connection.vendor == "sqlite":
        path = tmp_path / "shared.sqlite3"
        url = f"sqlite:///{path}"
        subprocess.run([*MANAGE, "migrate", "--noinput", "-v0"], env={**os.environ, "DATABASE_URL": url}, check=True)

        def query(sql):
            with sqlite3.connect(path) as db:
                return db.execute(sql).fetchone()[0]

        return url, query
    db = connection.settings_dict  # the test database, committed to (transaction=True) so the processes see it
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"

    def query(sql):
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchone()[0]

    return url, query


def expected_facts(folder):
    """How many facts each kind should have: the extraction of each distinct article, by identity."""
    counts, texts = Counter(), set()
    for path in find_articles([folder]):
        normalized, extraction = process(read_file(path))
        if normalized.text in texts:
            continue
        texts.add(normalized.text)
        for kind in KINDS:
            counts[kind] += len({fact_identity(fact.fingerprint) for fact in getattr(extraction, kind)})
    return counts


@pytest.mark.django_db(transaction=True)
def test_two_ingests_of_the_same_folder_at_once_both_finish_with_the_right_rows(articles, shared_database):
    url, query = shared_database
    env = {**os.environ, "DATABASE_URL": url}
    runs = [
        subprocess.Popen(
            [*MANAGE, "ingest", str(articles)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (_out, err) in zip(runs, outputs):
        assert run.returncode == 0, err[-2000:]

    assert query("SELECT COUNT(*) FROM atlas_document") == 5
    assert query("SELECT COUNT(*) FROM atlas_document WHERE duplicate_of_id IS NULL") == 5
    assert query("SELECT COUNT(*) FROM atlas_city") == query("SELECT COUNT(DISTINCT adcode) FROM atlas_city") > 0
    assert query("SELECT COUNT(*) FROM atlas_industrytag") == len(load_taxonomy())
    expected = expected_facts(articles)
    for kind, table in KINDS.items():
        assert query(f"SELECT COUNT(*) FROM {table}") == expected[kind] > 0, kind
    # Each fact was created once: one creation record in its history.
    assert query("SELECT COUNT(*) FROM atlas_historicaltarget WHERE history_type = '+'") == expected["targets"]


@pytest.mark.django_db
def test_the_document_transaction_is_retried_after_a_lost_race_and_not_after_other_errors(monkeypatch):
    from django.db import IntegrityError, OperationalError

    from apps.ingest import load

    monkeypatch.setattr(load.time, "sleep", lambda seconds: None)
    attempts = []

    def loses_twice():
        attempts.append(1)
        if len(attempts) == 1:
            raise IntegrityError("duplicate key value violates unique constraint")
        if len(attempts) == 2:
            raise OperationalError("database is locked")
        return "loaded"

    assert load._retrying(loses_twice) == "loaded" and len(attempts) == 3

    def broken():
        raise OperationalError("no such table: atlas_document")

    with pytest.raises(OperationalError):
        load._retrying(broken)
