"""python manage.py db_grants [--role NAME]: gives the application's PostgreSQL role (the one in
DATABASE_URL, which web and task nodes use) exactly the rights it needs, run as the owner of
the tables (manage.py connects with DATABASE_OWNER_URL for this command) after every migrate.

The application role reads and writes rows; it owns nothing, so it cannot TRUNCATE, ALTER or
DROP a table, nor disable or drop a trigger. On the audit log it may only add and read rows:
it could not delete one even with the append-only triggers gone. It changes no schema either;
migrate, createcachetable and rebuild_search_index run as the owner."""

import re
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction

from chengnuan.core.models import AuditEntry

ROLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
# Only read: the application must not be able to fake which migrations ran.
READ_ONLY_TABLES = ["django_migrations"]
APPEND_ONLY_TABLES = [AuditEntry._meta.db_table]


class Command(BaseCommand):
    help = (
        "给应用的数据库角色（DATABASE_URL 里的）授权：能读写数据，不能改表结构，审计日志只能追加。"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--role",
            default=settings.DATABASE_APP_ROLE,
            help="应用连接数据库用的角色（默认：DATABASE_URL 里的用户）",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "postgresql":
            raise CommandError(
                "只有 PostgreSQL 分数据库角色；SQLite 是一个文件，靠文件权限保护（见 README）。"
            )
        role = options["role"] or ""
        if not ROLE_NAME.match(role):
            raise CommandError(f"角色名不对：{role!r}（用 --role 指定，只能有字母、数字、下划线）")
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT current_user, current_schema()")
            owner, schema = cursor.fetchone()
            _check_role(cursor, role=role, owner=owner)
            for statement in grant_statements(role=role, owner=owner, schema=schema):
                cursor.execute(statement)
        self.stdout.write(f"已给角色 {role} 授权（表的所有者：{owner}，模式：{schema}）。")


def _check_role(cursor: Any, *, role: str, owner: str) -> None:
    if role == owner:
        raise CommandError(
            f"角色 {role} 就是表的所有者。应用要用另一个不拥有任何表的角色连接："
            "DATABASE_URL 写应用角色，DATABASE_OWNER_URL 写所有者角色。"
        )
    cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
    if cursor.fetchone() is None:
        raise CommandError(
            f"数据库里没有角色 {role}，请先建：CREATE ROLE {role} LOGIN PASSWORD '…';"
        )
    cursor.execute(
        "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = current_schema() AND pg_get_userbyid(c.relowner) = %s",
        [role],
    )
    if cursor.fetchone()[0]:
        raise CommandError(
            f"角色 {role} 还拥有表，先把它们交给所有者：REASSIGN OWNED BY {role} TO {owner};"
        )


def grant_statements(*, role: str, owner: str, schema: str) -> list[str]:
    quote = connection.ops.quote_name
    r, o, s = quote(role), quote(owner), quote(schema)
    statements = [
        # Use the schema, never create in it (before PostgreSQL 15 everyone could).
        f"REVOKE CREATE ON SCHEMA {s} FROM PUBLIC",
        f"REVOKE ALL ON SCHEMA {s} FROM {r}",
        f"GRANT USAGE ON SCHEMA {s} TO {r}",
        # From nothing, so a re-run also takes back what was granted by hand.
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM {r}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO {r}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {s} FROM {r}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {r}",
        # What the owner creates later (a new migration's tables, the cache table) is usable at
        # once; rerunning this command after each migrate re-checks everything above.
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA {s}"
        f" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {r}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA {s} GRANT USAGE, SELECT ON SEQUENCES TO {r}",
    ]
    for table in APPEND_ONLY_TABLES:
        statements.append(f"REVOKE UPDATE, DELETE ON {s}.{quote(table)} FROM {r}")
    for table in READ_ONLY_TABLES:
        statements.append(f"REVOKE INSERT, UPDATE, DELETE ON {s}.{quote(table)} FROM {r}")
    return statements
