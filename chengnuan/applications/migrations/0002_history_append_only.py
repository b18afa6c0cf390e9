"""The history of an application is append-only: a trigger refuses UPDATE on its rows. DELETE
stays possible: rows go with their application when a worker's data is erased."""

from django.db import migrations

SQLITE = (
    """CREATE TRIGGER IF NOT EXISTS applications_event_no_update
       BEFORE UPDATE ON applications_applicationevent
       BEGIN SELECT RAISE(ABORT, 'application history is append-only'); END""",
    "DROP TRIGGER IF EXISTS applications_event_no_update",
)
POSTGRES = (
    """CREATE OR REPLACE FUNCTION applications_event_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'application history is append-only'; END; $$ LANGUAGE plpgsql;
       CREATE TRIGGER applications_event_no_update BEFORE UPDATE
       ON applications_applicationevent
       FOR EACH ROW EXECUTE FUNCTION applications_event_append_only()""",
    """DROP TRIGGER IF EXISTS applications_event_no_update ON applications_applicationevent;
       DROP FUNCTION IF EXISTS applications_event_append_only()""",
)


def _run(apps, schema_editor, forward: bool) -> None:
    install, remove = POSTGRES if schema_editor.connection.vendor == "postgresql" else SQLITE
    schema_editor.execute(install if forward else remove)


def install(apps, schema_editor):
    _run(apps, schema_editor, forward=True)


def remove(apps, schema_editor):
    _run(apps, schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [("applications", "0001_applications_interviews_rooms")]

    operations = [migrations.RunPython(install, remove)]
