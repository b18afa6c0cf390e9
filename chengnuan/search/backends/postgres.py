"""PostgreSQL tsvector('simple' tokens, weight A for the title) with a GIN index
(migration 0002). The same tokens as SQLite, written as a tsvector literal, so PostgreSQL's
parser never re-cuts them.

"Newest matches" runs in two steps whose cost is bounded whatever the planner would guess:
first the newest rows (a bounded number) are read down the primary key and tested (cheap when the query
is common: 20 matches turn up early); if that window holds too few, the rest come from the
GIN index, restricted to keys older than the window, where matches are known to be sparse.
Letting the planner choose instead walks the whole table when a query is rarer than its
statistics say (a common word filtered to a city where it is rare).

The walk is skipped when a query cannot match many documents at all: a word missing from the
column's most-common-elements statistics (or listed as rare) bounds every query that requires
it, so an absent or rare word goes to the GIN index straight away (the walk cost 30–45 ms at a
million postings and found nothing)."""

import time
from collections.abc import Callable, Iterable

from django.db import connection, transaction

from chengnuan.search.backends.base import Backend, DocRow, Order, Scope, ValueRow
from chengnuan.search.text import All, Expr, Term, Without

# Rows read down the primary key before the GIN index takes over: WALK_PER_ROW per row
# wanted, so a query matching at least one row in WALK_PER_ROW finds its page there, and the
# GIN index then only serves rarer ones (at most NEED / WALK_PER_ROW of the table).
WALK_PER_ROW = 250
MIN_WALK = 1_000
MAX_WALK = 20_000
# A query that cannot match more documents than this goes to the GIN index without the walk.
GIN_FIRST_ROWS = 2_000
# Token statistics change only with ANALYZE (after a rebuild, autovacuum): read them this often.
STATS_SECONDS = 600.0
# ts_rank weights for {D, C, B, A}: body tokens are D, title tokens A.
RANK_WEIGHTS = "{0.1, 0.1, 0.1, 0.3}"
COLUMNS = "id, doc_type, doc_id, published_at, wage_min, lng, lat, title_tokens, body_tokens, tsv"
INDEX_DDL = (
    "CREATE INDEX search_document_tsv ON search_document USING gin (tsv) WITH (fastupdate = off)"
)


def tsvector_literal(title: list[str], body: list[str]) -> str:
    """Title tokens at position 1 with weight A (what ts_rank weighs); body tokens without a
    position, which keeps the column small. Tokens are Chinese characters, [a-z0-9] and "_",
    so they need no escaping inside the quotes."""
    title_set = set(title)
    parts = [f"'{t}':1A" for t in title]
    parts += [f"'{t}'" for t in body if t not in title_set]
    return " ".join(parts)


class PostgresBackend(Backend):
    and_op, or_op, not_op = "&", "|", "& !"

    def quote(self, token: str) -> str:
        return "'" + token.replace("'", "''").replace("\\", "\\\\") + "'"

    def row_params(self, row: DocRow) -> tuple:
        return _row_params(row)

    def insert(self, rows: list[DocRow]) -> None:
        placeholders = ", ".join(["%s"] * 9) + ", %s::tsvector"
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO search_document ({COLUMNS}) VALUES ({placeholders})",  # noqa: S608
                [self.row_params(r) for r in rows],
            )

    def load_all(self, doc_type: str, batches: Iterable[list[tuple]]) -> int:
        """COPY into the table with the GIN index dropped, then build the index in one pass.
        One transaction: searches wait for it instead of seeing a half-built index. Rows come
        oldest first (postings.visible_id_chunks), so the table lies in key order."""
        count = 0
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DROP INDEX IF EXISTS search_document_tsv")
            cursor.execute("SELECT 1 FROM search_document WHERE doc_type <> %s LIMIT 1", [doc_type])
            if cursor.fetchone():
                cursor.execute("DELETE FROM search_document WHERE doc_type = %s", [doc_type])
            else:
                # A fresh table: no dead rows, and the new ones lie in key order.
                cursor.execute("TRUNCATE search_document")
            for rows in batches:
                with cursor.copy(f"COPY search_document ({COLUMNS}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                count += len(rows)
            cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
            cursor.execute(INDEX_DDL)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_document")
        return count

    def newest(self, match: Expr | None, scope: Scope, limit: int, offset: int = 0) -> list[int]:
        rows = self._newest_rows("id", match, scope, offset + limit)
        return [row[0] for row in rows[offset:]]

    def ranked(self, match: Expr, scope: Scope, window: int) -> list[tuple[int, float]]:
        columns = f"id, ts_rank('{RANK_WEIGHTS}', tsv, %(q)s::tsquery)"
        return [(row[0], float(row[1])) for row in self._newest_rows(columns, match, scope, window)]

    def values(
        self, match: Expr | None, scope: Scope, limit: int, order: Order = "newest"
    ) -> list[ValueRow]:
        columns = "id, wage_min, lng, lat"
        if order == "newest" or match is None:
            rows = self._newest_rows(columns, match, scope, limit)
        else:
            rows = self._gin_rows(columns, match, scope, limit, by_wage=order == "wage")
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def refresh_statistics(self, tables: list[str]) -> None:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE " + ", ".join(f'"{t}"' for t in tables))

    def size_bytes(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_total_relation_size('search_document')")
            return int(cursor.fetchone()[0])

    def _newest_rows(
        self, columns: str, match: Expr | None, scope: Scope, need: int
    ) -> list[tuple]:
        walk = min(MAX_WALK, max(MIN_WALK, WALK_PER_ROW * need))
        params: dict = {"low": scope.low, "high": scope.high, "need": need, "walk": walk}
        wage = ""
        if scope.min_wage is not None:
            wage = " AND wage_min >= %(wage)s"
            params["wage"] = scope.min_wage
        if match is None:
            return _fetch(
                f"SELECT {columns} FROM search_document WHERE id BETWEEN %(low)s AND %(high)s{wage}"  # noqa: S608
                " ORDER BY id DESC LIMIT %(need)s",
                params,
            )
        if _few_matches(match):
            return self._gin_rows(columns, match, scope, need)
        params["q"] = self.render(match)
        walked = _fetch(
            f"SELECT {columns} FROM (SELECT * FROM search_document"  # noqa: S608
            " WHERE id BETWEEN %(low)s AND %(high)s ORDER BY id DESC LIMIT %(walk)s) w"
            f" WHERE tsv @@ %(q)s::tsquery{wage} ORDER BY id DESC LIMIT %(need)s",
            params,
        )
        if len(walked) >= need:
            return walked
        boundary = _fetch(
            "SELECT id FROM search_document WHERE id BETWEEN %(low)s AND %(high)s"
            " ORDER BY id DESC OFFSET %(walk)s LIMIT 1",
            params,
        )
        if not boundary:
            return walked
        older = Scope(low=scope.low, high=boundary[0][0], min_wage=scope.min_wage)
        return walked + self._gin_rows(columns, match, older, need - len(walked))

    def _gin_rows(
        self, columns: str, match: Expr, scope: Scope, need: int, by_wage: bool = False
    ) -> list[tuple]:
        """Matches straight from the GIN index, newest (or best paid) first; "id + 0" keeps
        the planner off the primary key. For selective matches: the cost grows with them."""
        params: dict = {"low": scope.low, "high": scope.high, "need": need, "q": self.render(match)}
        order = "wage_min DESC NULLS LAST, id DESC" if by_wage else "id + 0 DESC"
        wage = ""
        if scope.min_wage is not None:
            wage = " AND wage_min >= %(wage)s"
            params["wage"] = scope.min_wage
        return _fetch(
            f"SELECT {columns} FROM search_document WHERE tsv @@ %(q)s::tsquery"  # noqa: S608
            f" AND id BETWEEN %(low)s AND %(high)s{wage} ORDER BY {order} LIMIT %(need)s",
            params,
        )


def matches_at_most(expr: Expr, share: Callable[[str], float]) -> float:
    """An upper bound on the share of documents that can match, from each token's share."""
    if isinstance(expr, Term):
        return share(expr.token)
    if isinstance(expr, Without):
        return matches_at_most(expr.include, share)
    shares = [matches_at_most(part, share) for part in expr.parts]
    return min(shares) if isinstance(expr, All) else min(1.0, sum(shares))


TokenStats = tuple[dict[str, float], float, float]  # listed token shares, rarest, documents


class _TokenStats:
    """The tsv column's most-common-elements statistics, per database, re-read every
    STATS_SECONDS. A token not listed occurs in fewer documents than the rarest listed one."""

    def __init__(self) -> None:
        self.read: dict[str, tuple[float, TokenStats | None]] = {}  # database -> (when, stats)

    def get(self) -> TokenStats | None:
        database = str(connection.settings_dict["NAME"])
        when, stats = self.read.get(database, (-STATS_SECONDS, None))
        if time.monotonic() - when >= STATS_SECONDS:
            stats = _read_token_stats()
            self.read[database] = (time.monotonic(), stats)
        return stats

    def forget(self) -> None:
        self.read.clear()


def _read_token_stats() -> TokenStats | None:
    rows = _fetch(
        "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs, c.reltuples"
        " FROM pg_stats s JOIN pg_class c ON c.relname = s.tablename"
        " AND c.relnamespace = to_regnamespace(s.schemaname)"
        " WHERE s.schemaname = current_schema() AND s.tablename = 'search_document'"
        " AND s.attname = 'tsv'",
        {},
    )
    if not rows or not rows[0][0] or not rows[0][1]:
        return None  # never analysed: no bound known
    elements, shares, documents = rows[0]
    listed = dict(zip(elements, shares[: len(elements)], strict=True))
    return listed, min(listed.values()), float(documents)


_token_stats = _TokenStats()


def _few_matches(match: Expr) -> bool:
    stats = _token_stats.get()
    if stats is None:
        return False
    listed, rarest, documents = stats
    return matches_at_most(match, lambda t: listed.get(t, rarest)) * documents <= GIN_FIRST_ROWS


def _fetch(sql: str, params: dict) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _row_params(row: DocRow) -> tuple:
    return (
        row.key,
        row.doc_type,
        row.doc_id,
        row.published_at,
        row.wage_min,
        row.lng,
        row.lat,
        "",
        "",
        tsvector_literal(row.title_tokens, row.body_tokens),
    )
