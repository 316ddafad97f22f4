"""The database itself refuses a day outside the dates of its visit.

A check constraint cannot look at another table, so a trigger does it, in the SQL of each
supported database. The admin says the same in plain words before it gets this far.
"""

from django.db import migrations

SQLITE = [
    """
    CREATE TRIGGER visits_day_within_visit_insert BEFORE INSERT ON visits_day
    WHEN NOT EXISTS (SELECT 1 FROM visits_visit v WHERE v.id = NEW.visit_id
                     AND NEW.date BETWEEN v.start_date AND v.end_date)
    BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: day_within_visit'); END;
    """,
    """
    CREATE TRIGGER visits_day_within_visit_update BEFORE UPDATE ON visits_day
    WHEN NOT EXISTS (SELECT 1 FROM visits_visit v WHERE v.id = NEW.visit_id
                     AND NEW.date BETWEEN v.start_date AND v.end_date)
    BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: day_within_visit'); END;
    """,
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS visits_day_within_visit_insert;",
    "DROP TRIGGER IF EXISTS visits_day_within_visit_update;",
]

POSTGRESQL = [
    """
    CREATE FUNCTION visits_day_within_visit() RETURNS trigger AS $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM visits_visit v WHERE v.id = NEW.visit_id
                       AND NEW.date BETWEEN v.start_date AND v.end_date) THEN
            RAISE EXCEPTION 'day % is outside its visit', NEW.date
                USING ERRCODE = 'check_violation', CONSTRAINT = 'day_within_visit';
        END IF;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER visits_day_within_visit BEFORE INSERT OR UPDATE ON visits_day
    FOR EACH ROW EXECUTE FUNCTION visits_day_within_visit();
    """,
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS visits_day_within_visit ON visits_day;",
    "DROP FUNCTION IF EXISTS visits_day_within_visit();",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            # No parameters: the plpgsql body has % placeholders of its own.
            schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("visits", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        )
    ]
