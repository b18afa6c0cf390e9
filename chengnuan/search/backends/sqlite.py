"""SQLite FTS5 (migration 0002). Every query starts from the full-text index, which hands
rows back in rowid order (newest first, keys.py) and stops at the LIMIT; search_document is
joined by primary key only when a wage or position is needed, with CROSS JOIN so SQLite keeps
the full-text table as the outer loop instead of walking search_document and probing the
index row by row."""

from collections.abc import Iterable
from typing import Any

from django.db import connection, transaction

from chengnuan.search.backends.base import Backend, DocRow, Order, Scope, ValueRow
from chengnuan.search.text import Expr

# FTS5's defaults: merge segments as updates accumulate, and write the pending terms of a
# transaction out as a new segment whenever they pass 1 MiB (both changed only for a rebuild).
AUTOMERGE = 4
HASH_BYTES = 1024 * 1024
# A rebuild keeps up to 256 MiB of terms in memory: a million postings make a handful of
# segments instead of hundreds, which FTS5 would otherwise merge again and again (-25% time).
REBUILD_HASH_BYTES = 256 * 1024 * 1024
REBUILD_CACHE_KIB = -512 * 1024  # negative: KiB, as PRAGMA cache_size reads it
TITLE_WEIGHT = 3.0
BODY_WEIGHT = 1.0
INSERT_SQL = (
    "INSERT INTO search_document"
    " (id, doc_type, doc_id, published_at, wage_min, lng, lat, title_tokens, body_tokens)"
    " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)"
)
FROM_MATCH = (
    " FROM search_fts CROSS JOIN search_document d ON d.id = search_fts.rowid"
    " WHERE search_fts MATCH %s AND search_fts.rowid BETWEEN %s AND %s"
)
FROM_DOCS = " FROM search_document d WHERE d.id BETWEEN %s AND %s"


class SqliteBackend(Backend):
    and_op, or_op, not_op = "AND", "OR", "NOT"

    def quote(self, token: str) -> str:
        return '"' + token.replace('"', '""') + '"'

    def row_params(self, row: DocRow) -> tuple:
        return _row_params(row)

    def insert(self, rows: list[DocRow]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(INSERT_SQL, [self.row_params(r) for r in rows])

    def load_all(self, doc_type: str, batches: Iterable[list[tuple]]) -> int:
        """One transaction, so searches see the old index until the new one is whole. The old
        documents go without their per-row FTS deletes ('delete-all', then the other doc
        types re-added); the new ones are indexed by the triggers as they arrive, so FTS5
        works while the worker processes segment the next batches. Segment merging waits for
        one 'optimize' at the end; until then new terms gather in a large in-memory hash."""
        count = 0
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            cache_size = cursor.fetchone()[0]
            # A big page cache keeps the transaction's pages out of the WAL until commit.
            cursor.execute(f"PRAGMA cache_size = {REBUILD_CACHE_KIB}")
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'search_document'"
            )
            triggers = cursor.fetchall()
            for name, _sql in triggers:
                cursor.execute(f'DROP TRIGGER "{name}"')
            cursor.execute("DELETE FROM search_document WHERE doc_type = %s", [doc_type])
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
            cursor.execute(
                "INSERT INTO search_fts(rowid, title_tokens, body_tokens)"
                " SELECT id, title_tokens, body_tokens FROM search_document"
            )
            for _name, sql in triggers:
                cursor.execute(sql)
            _configure(cursor, automerge=0, hashsize=REBUILD_HASH_BYTES)
            for rows in batches:
                cursor.executemany(INSERT_SQL, rows)
                count += len(rows)
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
            _configure(cursor, automerge=AUTOMERGE, hashsize=HASH_BYTES)
            cursor.execute(f"PRAGMA cache_size = {int(cache_size)}")
        return count

    def newest(self, match: Expr | None, scope: Scope, limit: int, offset: int = 0) -> list[int]:
        sql, params = self._select("d.id" if match is None else "search_fts.rowid", match, scope)
        sql += " LIMIT %s OFFSET %s"
        return [row[0] for row in self._fetch(sql, [*params, limit, offset])]

    def ranked(self, match: Expr, scope: Scope, window: int) -> list[tuple[int, float]]:
        # bm25() is lower for better matches; flip it so higher is better everywhere.
        columns = f"search_fts.rowid, -bm25(search_fts, {TITLE_WEIGHT}, {BODY_WEIGHT})"
        sql, params = self._select(columns, match, scope)
        return [(row[0], row[1]) for row in self._fetch(sql + " LIMIT %s", [*params, window])]

    def values(
        self, match: Expr | None, scope: Scope, limit: int, order: Order = "newest"
    ) -> list[ValueRow]:
        sql, params = self._select("d.id, d.wage_min, d.lng, d.lat", match, scope)
        if order == "wage":
            sql = (
                sql[: sql.rindex(" ORDER BY")]
                + " ORDER BY d.wage_min IS NULL, d.wage_min DESC, d.id DESC"
            )
        return [(r[0], r[1], r[2], r[3]) for r in self._fetch(sql + " LIMIT %s", [*params, limit])]

    def refresh_statistics(self, tables: list[str]) -> None:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA analysis_limit = 1000")  # samples: seconds, not minutes
            for table in tables:
                cursor.execute(f'ANALYZE "{table}"')

    def size_bytes(self) -> int:
        with connection.cursor() as cursor:
            try:
                cursor.execute(
                    "SELECT SUM(pgsize) FROM dbstat WHERE name = 'search_document'"
                    " OR name LIKE 'search_fts%%' OR name LIKE 'search_document%%'"
                )
            except Exception:  # dbstat is an optional SQLite module
                cursor.execute(
                    "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"
                )
            return int(cursor.fetchone()[0] or 0)

    def _select(self, columns: str, match: Expr | None, scope: Scope) -> tuple[str, list]:
        if match is None:
            sql = "SELECT " + columns + FROM_DOCS
            params: list = [scope.low, scope.high]
            order = " ORDER BY d.id DESC"
        else:
            sql, params = (
                "SELECT " + columns + FROM_MATCH,
                [self.render(match), scope.low, scope.high],
            )
            order = " ORDER BY search_fts.rowid DESC"
        if scope.min_wage is not None:
            sql += " AND d.wage_min >= %s"
            params.append(scope.min_wage)
        return sql + order, params

    @staticmethod
    def _fetch(sql: str, params: list) -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()


def _configure(cursor: Any, **options: int) -> None:
    """Set FTS5 options; they are stored in the index (search_fts_config) until changed."""
    for name, value in options.items():
        cursor.execute("INSERT INTO search_fts(search_fts, rank) VALUES (%s, %s)", [name, value])


def _row_params(row: DocRow) -> tuple:
    return (
        row.key,
        row.doc_type,
        row.doc_id,
        connection.ops.adapt_datetimefield_value(row.published_at),
        row.wage_min,
        row.lng,
        row.lat,
        " ".join(row.title_tokens),
        " ".join(row.body_tokens),
    )
