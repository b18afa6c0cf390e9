"""Two database roles: web and task nodes connect as a role that owns nothing, so it cannot
wipe the audit log (TRUNCATE, DELETE, UPDATE, or taking its triggers away); the owner role
changes the schema. The role tests need PostgreSQL (SQLite has no roles)."""

import secrets

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from chengnuan.core import audit_triggers
from chengnuan.core.checks import OWNED_TABLES, app_role_owns_no_table
from tests import production

pytestmark = pytest.mark.django_db
on_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="roles: PostgreSQL")
# The web role's own connection sees only what was committed: these tests commit, and the
# database is flushed after them.
committed = pytest.mark.django_db(transaction=True)

APP_URL = "postgres://chengnuan_app:secret-a@db.example:5432/chengnuan"
OWNER_URL = "postgres://chengnuan_owner:secret-o@db.example:5432/chengnuan"
CONNECTED_ROLE = (
    "import sys; sys.argv = {argv!r}; from chengnuan import settings;"
    " print(settings.DATABASES['default']['USER'])"
)

# What someone holding the web role would try, to erase their tracks.
AUDIT_WIPES = [
    "TRUNCATE core_auditentry",
    "DELETE FROM core_auditentry",
    "UPDATE core_auditentry SET actor_label = 'someone else'",
    "ALTER TABLE core_auditentry DISABLE TRIGGER core_auditentry_no_change",
    "ALTER TABLE core_auditentry DISABLE TRIGGER ALL",
    "DROP TRIGGER core_auditentry_no_change ON core_auditentry",
    "DROP FUNCTION core_auditentry_append_only() CASCADE",
    "DROP TABLE core_auditentry",
    "ALTER TABLE core_auditentry RENAME TO core_auditentry_old",
    "CREATE TABLE core_auditentry_copy (id bigint)",
    "DELETE FROM django_migrations",
]
AUDIT_ROW = (
    "INSERT INTO core_auditentry (at, actor_label, action, object_type, object_id, result,"
    " detail) VALUES (now(), 'web', 'view', 'employment.jobseeker', '1', 'ok', '{}') RETURNING id"
)


@pytest.fixture
def app_role():
    """A login role of this run's own (roles belong to the whole server, not the test
    database), dropped afterwards with the rights it was given."""
    name = f"cn_app_test_{secrets.token_hex(4)}"
    password = secrets.token_hex(16)
    # An earlier test that flushes the database may have lifted the append-only triggers
    # (tests/conftest.py); on PostgreSQL the flush truncates, which they do not block.
    audit_triggers.install(connection)
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {name} LOGIN PASSWORD '{password}'")
    yield name, password
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS created_after_grants")
        cursor.execute(f"DROP OWNED BY {name}")
        cursor.execute(f"DROP ROLE {name}")


def connect_as(role: tuple[str, str]) -> psycopg.Connection:
    name, password = role
    database = connection.settings_dict
    return psycopg.connect(
        host=database["HOST"] or None,
        port=database["PORT"] or None,
        dbname=database["NAME"],
        user=name,
        password=password,
        autocommit=True,
    )


def refused(conn: psycopg.Connection, statement: str) -> bool:
    try:
        conn.execute(statement)
    except psycopg.errors.InsufficientPrivilege:
        return True
    return False


@on_postgres
@committed
def test_the_web_role_cannot_wipe_the_audit_log_but_writes_and_reads_it(app_role):
    call_command("db_grants", role=app_role[0])
    with connect_as(app_role) as conn:
        (row_id,) = conn.execute(AUDIT_ROW).fetchone()
        allowed = [statement for statement in AUDIT_WIPES if not refused(conn, statement)]
        assert allowed == []
        assert conn.execute(
            "SELECT actor_label FROM core_auditentry WHERE id = %s", [row_id]
        ).fetchone() == ("web",)
        assert conn.execute(OWNED_TABLES).fetchall() == []  # the deploy check passes for it


@on_postgres
@committed
def test_the_web_role_writes_and_deletes_ordinary_rows_also_in_tables_created_later(app_role):
    call_command("db_grants", role=app_role[0])
    with connection.cursor() as cursor:  # as the owner, after the grants (a later migration)
        cursor.execute("CREATE TABLE created_after_grants (id bigserial PRIMARY KEY, note text)")
    with connect_as(app_role) as conn:
        conn.execute(
            "INSERT INTO django_session (session_key, session_data, expire_date)"
            " VALUES ('k-roles-test', 'x', now())"
        )
        conn.execute(
            "UPDATE django_session SET session_data = 'y' WHERE session_key = 'k-roles-test'"
        )
        conn.execute("DELETE FROM django_session WHERE session_key = 'k-roles-test'")
        conn.execute("INSERT INTO created_after_grants (note) VALUES ('ok')")
        # Bulk imports draw ids from a table's sequence before their COPY.
        conn.execute("SELECT nextval(pg_get_serial_sequence('employment_posting', 'id'))")
        assert conn.execute("SELECT count(*) FROM created_after_grants").fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM django_migrations").fetchone()[0] > 0
        assert refused(conn, "TRUNCATE created_after_grants")


@on_postgres
def test_grants_are_refused_to_the_owner_itself_and_to_a_role_that_does_not_exist():
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        (owner,) = cursor.fetchone()
    with pytest.raises(CommandError, match="就是表的所有者"):
        call_command("db_grants", role=owner)
    with pytest.raises(CommandError, match="没有角色"):
        call_command("db_grants", role=f"cn_missing_{secrets.token_hex(4)}")
    with pytest.raises(CommandError, match="角色名不对"):
        call_command("db_grants", role="app; DROP TABLE core_auditentry")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")
def test_grants_on_sqlite_say_it_has_no_roles():
    with pytest.raises(CommandError, match="只有 PostgreSQL"):
        call_command("db_grants", role="chengnuan_app")


@pytest.mark.parametrize(
    "command", ["migrate", "createcachetable", "rebuild_search_index", "db_grants"]
)
def test_commands_that_change_the_schema_connect_as_the_owner(command):
    result = production.python(
        CONNECTED_ROLE.format(argv=["manage.py", command]),
        DATABASE_URL=APP_URL,
        DATABASE_OWNER_URL=OWNER_URL,
    )
    assert result.stdout.strip() == "chengnuan_owner", result.stderr


@pytest.mark.parametrize(
    "argv",
    [
        ["gunicorn", "chengnuan.wsgi:application"],
        ["manage.py", "run_huey"],
        ["manage.py", "load_reference"],
        ["manage.py", "shell"],
    ],
)
def test_web_and_task_nodes_and_other_commands_connect_as_the_app_role(argv):
    result = production.python(
        CONNECTED_ROLE.format(argv=argv), DATABASE_URL=APP_URL, DATABASE_OWNER_URL=OWNER_URL
    )
    assert result.stdout.strip() == "chengnuan_app", result.stderr


def test_web_and_task_nodes_in_production_start_without_the_owner_url():
    result = production.python(
        CONNECTED_ROLE.format(argv=["gunicorn"]), DATABASE_URL=APP_URL, DATABASE_OWNER_URL=None
    )
    assert result.stdout.strip() == "chengnuan_app", result.stderr


@pytest.mark.parametrize("owner_url", [None, APP_URL])
def test_production_refuses_to_change_the_schema_as_the_web_role(owner_url):
    result = production.python(
        CONNECTED_ROLE.format(argv=["manage.py", "migrate"]),
        DATABASE_URL=APP_URL,
        DATABASE_OWNER_URL=owner_url,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "DATABASE_OWNER_URL" in result.stderr


@on_postgres
def test_deploy_check_reports_a_web_role_that_owns_tables():
    # The test run connects as the owner of every table: what a one-role deployment looks like.
    (error,) = app_role_owns_no_table(app_configs=None, databases=["default"])
    assert error.id == "chengnuan.E001" and "truncate the audit log" in error.msg
    assert app_role_owns_no_table(app_configs=None, databases=None) == []


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")
def test_deploy_check_has_nothing_to_ask_sqlite():
    assert app_role_owns_no_table(app_configs=None, databases=["default"]) == []
