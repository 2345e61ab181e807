"""The atlas's data version: a number that changes whenever a row the public pages read is written.

Database triggers (migration 0006_data_version) bump it on every insert, update and delete of the
tables below, whoever writes: a save, a bulk load, a QuerySet.update(), raw SQL. Reading it is one
lookup whatever the size of the atlas, so what the pages derive from every row (tag counts, the
map's choice lists) can be cached under it instead of recounted on each request.

PostgreSQL bumps a sequence (no lock for concurrent writers to wait on); its new value is visible
before the writing transaction commits, so a page computed in that instant can be cached under
the new version with the old rows, until the next write or the cache timeout. SQLite bumps a
one-row table inside the transaction.
"""

from django.db import connection

VERSIONED_TABLES = (
    "atlas_city",
    "atlas_document",
    "atlas_industrytag",
    "atlas_official",
    "atlas_meeting",
    "atlas_meeting_officials",
    "atlas_industrycluster",
    "atlas_industrycluster_tags",
    "atlas_target",
)


def data_version():
    """The current data version, as a string for cache keys."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT last_value, is_called FROM atlas_data_version")
            value, called = cursor.fetchone()
            return str(value if called else 0)
        cursor.execute("SELECT counter FROM atlas_data_version WHERE id = 1")
        return str(cursor.fetchone()[0])
