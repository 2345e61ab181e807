import copy
import os
import sys

import pytest
from django.db import transaction

from tests.factories import build_atlas

# Playwright's sync API runs an event loop; Django's async-safety check would refuse
# database access from live_server tests otherwise.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Test users are hashed for every test; the production hasher is deliberately slow."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def built_once(django_db_blocker, build):
    """Yield build()'s rows, made once inside a transaction that stays open for the whole module.

    Each test's own transaction (the `db` fixture) is then a savepoint inside it: what a test
    changes is rolled back after the test, and the shared rows after the module.  Not for
    modules whose tests need transactional_db, which cannot run inside an open transaction.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            data = build()
        except BaseException:
            outer.__exit__(*sys.exc_info())
            raise
    try:
        yield data
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def shared_atlas(django_db_setup, django_db_blocker):
    yield from built_once(django_db_blocker, build_atlas)


@pytest.fixture
def atlas(shared_atlas, db):
    """The factories' atlas (tests/factories.py), built once per module.

    A copy of its objects per test, so that a test which changes one in memory (refresh_from_db
    after an edit) leaves the next test the rows as built; the database side is rolled back.
    """
    return copy.deepcopy(shared_atlas)


def ingest_seeds():
    from io import StringIO

    from django.conf import settings
    from django.core.management import call_command

    call_command("ingest", str(settings.BASE_DIR / "seeds"), stdout=StringIO(), stderr=StringIO())


@pytest.fixture(scope="module")
def shared_seeds(django_db_setup, django_db_blocker):
    """seeds/ ingested once per module (jieba and extraction are the slow part); see built_once."""
    yield from built_once(django_db_blocker, ingest_seeds)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: two tests' atlases can share a data version
    (SQLite rolls the counter back with each test), and a value cached by one would answer the other's page."""
    from django.core.cache import cache

    cache.clear()
