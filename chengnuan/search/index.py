"""Keeping the index in step with the records it holds.

The app that owns a document type calls documents_changed(doc_type, ids) after every commit
that may change whether those records are visible or what they say (employment does it for
postings). The documents are rewritten inline, a few milliseconds each, so a change shows in
results as soon as the request returns. If the write fails (SQLite busy during a rebuild, a
dropped connection) a task retries it, and the request that made the change still succeeds."""

import dataclasses
import logging
import multiprocessing
import time
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from django.db import DatabaseError, connections, transaction

from chengnuan.search.backends import DocRow, backend
from chengnuan.search.documents import to_row
from chengnuan.search.lexicon import lexicon
from chengnuan.search.models import SearchDocument
from chengnuan.search.sources import DocumentSource, all_sources, source

logger = logging.getLogger(__name__)


def documents_changed(doc_type: str, ids: list[int]) -> None:
    if not ids:
        return
    try:
        index_documents(doc_type, list(ids))
    except DatabaseError:
        logger.warning(
            "search index update failed for %d %s documents; retrying in a task", len(ids), doc_type
        )
        from chengnuan.search.tasks import reindex_documents

        reindex_documents(doc_type, list(ids))


def index_documents(doc_type: str, ids: list[int]) -> None:
    """Rewrite the documents of these records: visible ones are (re)indexed, the rest removed."""
    rows = [to_row(doc) for doc in source(doc_type).documents(ids)]
    with transaction.atomic():
        SearchDocument.objects.filter(doc_type=doc_type, doc_id__in=ids).delete()
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


def rebuild_all(workers: int = 2, doc_types: list[str] | None = None) -> RebuildReport:
    """Re-index every visible record of every registered source (or of `doc_types`) in bulk;
    other types' documents are left as they are. With workers > 1, worker processes read and
    segment the records (each on its own database connection) while this one writes."""
    started = time.monotonic()
    chosen = [source(t) for t in doc_types] if doc_types is not None else all_sources()
    count = sum(_rebuild(each, workers) for each in chosen)
    store = backend()
    return RebuildReport(
        documents=count, seconds=time.monotonic() - started, size_bytes=store.size_bytes()
    )


def _rebuild(origin: DocumentSource, workers: int) -> int:
    # Loaded before any fork so worker processes inherit them.
    lexicon()
    origin.warm()
    store = backend()
    # A bulk import (generate_demo, a survey) may have just filled these tables: plans made
    # on stale statistics walk them row by row.
    store.refresh_statistics(list(origin.tables))
    # Worker processes need this process's connection closed, impossible inside a transaction.
    if workers <= 1 or connections["default"].in_atomic_block:
        here = (_params_of(origin.doc_type, chunk) for chunk in origin.id_chunks())
        return store.load_all(origin.doc_type, _unique_keys(here))
    # Children must not share this process's connection: close it before the fork, and each
    # side opens its own.
    connections.close_all()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        # A worker lists the records (seconds at a million) while this process clears the old
        # documents.
        listed = pool.apply_async(origin.id_chunks)
        ahead = _ahead(pool, origin.doc_type, listed, workers)
        return store.load_all(origin.doc_type, _unique_keys(ahead))


def _params_of(doc_type: str, chunk: list[int]) -> list[tuple]:
    store = backend()
    return [store.row_params(to_row(doc)) for doc in source(doc_type).for_chunk(chunk)]


def _ahead(pool: Any, doc_type: str, listed: Any, workers: int) -> Iterator[list[tuple]]:
    """Results in chunk order, a few chunks ahead of the writer; `listed` gives the chunks
    (a pending result: waited for when the writer asks for the first batch)."""
    pending: deque = deque()
    for chunk in listed.get():
        pending.append(pool.apply_async(_params_of, (doc_type, chunk)))
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
