"""The order key that is search_document's primary key and the full-text rowid:

    doc type code * 10^17 + publication time in ms * 1000 + doc_id % 1000

Each doc type owns a contiguous key range, and inside it keys grow with publication time, so
"newest first" is descending rowid order (which FTS5 and a primary-key index walk for free)
and "posted within N days" is a rowid range. Two documents published in the same
millisecond whose ids end alike get the next free key (see index.py)."""

import datetime

from django.utils import timezone

from chengnuan.search.sources import source

TYPE_SPAN = 10**17
MS_SPAN = 1000


def type_code(doc_type: str) -> int:
    """The code the doc type's source registered (sources.py)."""
    return source(doc_type).code


def doc_key(doc_type: str, published_at: datetime.datetime, doc_id: int) -> int:
    ms = int(published_at.timestamp() * 1000)
    return type_code(doc_type) * TYPE_SPAN + max(ms, 0) * MS_SPAN + doc_id % MS_SPAN


def key_range(doc_type: str, since: datetime.datetime | None = None) -> tuple[int, int]:
    """Lowest and highest key of a doc type, published at or after `since` if given."""
    base = type_code(doc_type) * TYPE_SPAN
    low = base
    if since is not None:
        low = base + max(int(since.timestamp() * 1000), 0) * MS_SPAN
    return low, base + TYPE_SPAN - 1


def published_at_of(key: int) -> datetime.datetime:
    ms = (key % TYPE_SPAN) // MS_SPAN
    return datetime.datetime.fromtimestamp(ms / 1000, tz=datetime.UTC)


def age_days(key: int, now: datetime.datetime | None = None) -> float:
    now = now or timezone.now()
    return max((now - published_at_of(key)).total_seconds() / 86400, 0.0)
