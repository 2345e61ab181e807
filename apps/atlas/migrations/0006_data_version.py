"""A data version that changes on every write to the tables the public pages read.

Database triggers rather than signals: QuerySet.update(), bulk_create(), raw SQL and the
many-to-many tables change the data without a save() or a signal, and a cached page must not
outlive any of them. See apps/atlas/dataversion.py for how it is read.
"""

from django.db import migrations

from apps.atlas.dataversion import VERSIONED_TABLES

POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION atlas_bump_data_version() RETURNS trigger AS $$
BEGIN
    PERFORM nextval('atlas_data_version');
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
"""


def create(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A sequence: nextval takes no row lock, so concurrent writers never wait on (or deadlock over) it.
            cursor.execute("CREATE SEQUENCE atlas_data_version")
            cursor.execute(POSTGRES_FUNCTION)
            for table in VERSIONED_TABLES:
                cursor.execute(
                    f"CREATE TRIGGER {table}_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                    "FOR EACH STATEMENT EXECUTE FUNCTION atlas_bump_data_version()"
                )
        else:  # SQLite: one writer at a time, row triggers only
            cursor.execute("CREATE TABLE atlas_data_version (id integer PRIMARY KEY, counter integer NOT NULL)")
            cursor.execute("INSERT INTO atlas_data_version (id, counter) VALUES (1, 0)")
            for table in VERSIONED_TABLES:
                for event in ("INSERT", "UPDATE", "DELETE"):
                    cursor.execute(
                        f"CREATE TRIGGER {table}_data_version_{event.lower()} AFTER {event} ON {table} "
                        "BEGIN UPDATE atlas_data_version SET counter = counter + 1 WHERE id = 1; END"
                    )


def drop(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for table in VERSIONED_TABLES:
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_data_version ON {table}")
            cursor.execute("DROP FUNCTION IF EXISTS atlas_bump_data_version()")
            cursor.execute("DROP SEQUENCE IF EXISTS atlas_data_version")
        else:
            for table in VERSIONED_TABLES:
                for event in ("insert", "update", "delete"):
                    cursor.execute(f"DROP TRIGGER IF EXISTS {table}_data_version_{event}")
            cursor.execute("DROP TABLE IF EXISTS atlas_data_version")


class Migration(migrations.Migration):
    dependencies = [
        ("atlas", "0005_target_metric_ranking_index"),
    ]

    operations = [migrations.RunPython(create, drop)]
