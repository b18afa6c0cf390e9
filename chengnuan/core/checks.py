"""A deployment check that asks the database: the role web and task nodes connect as must own
no table, or it could truncate the audit log and take its triggers away. Run it where they
run: python manage.py check --deploy --database default."""

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.core.checks import CheckMessage, Error, Tags, register
from django.db import connections

OWNED_TABLES = (
    "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')"
    " AND pg_get_userbyid(c.relowner) = current_user ORDER BY c.relname"
)


@register(Tags.database, Tags.security, deploy=True)
def app_role_owns_no_table(
    *, app_configs: Sequence[AppConfig] | None, databases: Sequence[str] | None, **kwargs: Any
) -> list[CheckMessage]:
    errors: list[CheckMessage] = []
    for alias in databases or []:
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue  # SQLite has no roles: see README, security checks
        with connection.cursor() as cursor:
            cursor.execute(OWNED_TABLES)
            owned = [row[0] for row in cursor.fetchall()]
        if owned:
            errors.append(
                Error(
                    f"The role of DATABASES[{alias!r}] owns {len(owned)} tables "
                    f"({', '.join(owned[:3])}, …): it could truncate the audit log.",
                    hint="Connect web and task nodes as a role that owns nothing and run "
                    "manage.py db_grants (README: DATABASE_OWNER_URL).",
                    id="chengnuan.E001",
                )
            )
    return errors
