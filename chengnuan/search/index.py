"""Keeping the index in step with postings.

The employment services call postings_changed(ids) after every commit that creates, edits,
publishes, closes or expires postings (or changes their employer's standing). The documents
are rewritten inline, a few milliseconds per posting, so a change shows in results as soon as
the request returns. If the write fails (SQLite busy during a rebuild, a dropped connection)
a task retries it, and the request that made the change still succeeds."""

import dataclasses
import logging
import multiprocessing
import time
from collections import deque
from collections.abc import Iterable, Iterator

from django.db import DatabaseError, transaction

from chengnuan.search import postings
from chengnuan.search.backends import DocRow, backend
from chengnuan.search.documents import to_row
from chengnuan.search.lexicon import lexicon
from chengnuan.search.models import SearchDocument

logger = logging.getLogger(__name__)


def postings_changed(posting_ids: list[int]) -> None:
    if not posting_ids:
        return
    try:
        index_postings(list(posting_ids))
    except DatabaseError:
        logger.warning(
            "search index update failed for %d postings; retrying in a task", len(posting_ids)
        )
        from chengnuan.search.tasks import reindex_postings

        reindex_postings(list(posting_ids))


def index_postings(posting_ids: list[int]) -> None:
    """Rewrite the documents of these postings: visible ones are (re)indexed, the rest removed."""
    rows = [to_row(doc) for doc in postings.source_docs(posting_ids)]
    with transaction.atomic():
        SearchDocument.objects.filter(doc_type=postings.DOC_TYPE, doc_id__in=posting_ids).delete()
        backend().insert(_with_free_keys(rows))


def _with_free_keys(rows: list[DocRow]) -> list[DocRow]:
    """Two documents published in the same millisecond with ids ending alike would share a key;
    the later one takes the next free key."""
    wanted = [r.key for r in rows]
    taken = set(SearchDocument.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    out = []
    for row in rows:
        key = row.key
        while key in taken:
            key += 1
        taken.add(key)
        out.append(row if key == row.key else dataclasses.replace(row, key=key))
    return out


@dataclasses.dataclass(frozen=True)
class RebuildReport:
    documents: int
    seconds: float
    size_bytes: int


def rebuild_all(workers: int = 2) -> RebuildReport:
    """Re-index every visible posting in bulk (segmentation spread over `workers` processes)."""
    started = time.monotonic()
    # Loaded before any fork so worker processes inherit them and never touch the database.
    lexicon()
    postings._places()
    postings._occupation_names()
    store = backend()
    # A bulk import (generate_demo, a survey) may have just filled these tables: plans made
    # on stale statistics walk them row by row.
    store.refresh_statistics(["employment_posting", "employment_employer"])
    batches = _row_batches(postings.all_source_values(), workers)
    count = store.load_all(postings.DOC_TYPE, _unique_keys(batches))
    return RebuildReport(
        documents=count, seconds=time.monotonic() - started, size_bytes=store.size_bytes()
    )


def _rows_of(batch: list[dict]) -> list[DocRow]:
    return [to_row(postings.source_doc(values)) for values in batch]


def _row_batches(value_batches: Iterator[list[dict]], workers: int) -> Iterator[list[DocRow]]:
    """Segmentation in worker processes, a few batches ahead. Database reads stay in this
    thread, between the writes of the batches before (PostgreSQL's COPY owns the connection
    while it runs)."""
    if workers <= 1:
        yield from map(_rows_of, value_batches)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pending: deque = deque()
        for batch in value_batches:
            pending.append(pool.apply_async(_rows_of, (batch,)))
            if len(pending) >= 2 * workers:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def _unique_keys(batches: Iterable[list[DocRow]]) -> Iterator[list[DocRow]]:
    taken: set[int] = set()
    for rows in batches:
        out = []
        for row in rows:
            key = row.key
            while key in taken:
                key += 1
            taken.add(key)
            out.append(row if key == row.key else dataclasses.replace(row, key=key))
        yield out
