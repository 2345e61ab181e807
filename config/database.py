"""Database tuning that does not belong in a URL.

SQLite: write-ahead logging so readers never block the writer; a busy timeout so a second
writer waits instead of failing at once; and write transactions that take the lock when they
begin (BEGIN IMMEDIATE), so two ingests queue up rather than deadlock when both upgrade a
read lock. PostgreSQL needs nothing here.
"""

import os

SQLITE_BUSY_TIMEOUT = float(os.environ.get("SQLITE_BUSY_TIMEOUT", "30"))  # seconds


def tuned(database: dict) -> dict:
    if database.get("ENGINE") == "django.db.backends.sqlite3":
        options = database.setdefault("OPTIONS", {})
        options.setdefault("timeout", SQLITE_BUSY_TIMEOUT)
        options.setdefault("transaction_mode", "IMMEDIATE")
        options.setdefault("init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL")
    return database
