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
from typing import Any

from django.db import DatabaseError, connections, transaction

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
    """Re-index every visible posting in bulk. With workers > 1, worker processes read and
    segment the postings (each on its own database connection) while this one writes."""
    started = time.monotonic()
    # Loaded before any fork so worker processes inherit them.
    lexicon()
    postings._places()
    postings._occupation_names()
    store = backend()
    # A bulk import (generate_demo, a survey) may have just filled these tables: plans made
    # on stale statistics walk them row by row.
    store.refresh_statistics(["employment_posting", "employment_employer"])
    # Worker processes need this process's connection closed, impossible inside a transaction.
    if workers <= 1 or connections["default"].in_atomic_block:
        chunks = postings.visible_id_chunks()
        count = store.load_all(postings.DOC_TYPE, _unique_keys(map(_params_of, chunks)))
    else:
        # Children must not share this process's connection: close it before the fork, and
        # each side opens its own.
        connections.close_all()
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            # A worker lists the postings (seconds at a million) while this process clears
            # the old documents.
            listed = pool.apply_async(postings.visible_id_chunks)
            batches = _ahead(pool, listed, workers)
            count = store.load_all(postings.DOC_TYPE, _unique_keys(batches))
    return RebuildReport(
        documents=count, seconds=time.monotonic() - started, size_bytes=store.size_bytes()
    )


def _params_of(chunk: list[int]) -> list[tuple]:
    store = backend()
    return [store.row_params(to_row(postings.source_doc(v))) for v in postings.chunk_values(chunk)]


def _ahead(pool: Any, listed: Any, workers: int) -> Iterator[list[tuple]]:
    """Results in chunk order, a few chunks ahead of the writer; `listed` gives the chunks
    (a pending result: waited for when the writer asks for the first batch)."""
    pending: deque = deque()
    for chunk in listed.get():
        pending.append(pool.apply_async(_params_of, (chunk,)))
        if len(pending) >= 2 * workers:
            yield pending.popleft().get()
    while pending:
        yield pending.popleft().get()


def _unique_keys(batches: Iterable[list[tuple]]) -> Iterator[list[tuple]]:
    """Row params with their key (first) moved on where two documents would share it."""
    taken: set[int] = set()
    for rows in batches:
        out = []
        for row in rows:
            key = row[0]
            while key in taken:
                key += 1
            taken.add(key)
            out.append(row if key == row[0] else (key, *row[1:]))
        yield out
