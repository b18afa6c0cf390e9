"""Checking the rows of a large sheet in worker processes.

Checking a row (parsing, the 身份证号 and phone rules, look-ups) costs about 150 µs of CPU, so
one process tops out near 4,000 rows a second. Large sheets are therefore checked by a small
pool of worker processes while the importing process reads the sheet, screens each batch
against the database and keeps the progress. Workers are started fresh ("spawn": safe in the
threaded task consumer, unlike fork), each builds its own handler from the pickled job and
resolves names with its own memo; the database they read is only the reference data.

Small sheets (and the test suite) are checked in-process: the pool costs a second to start.
"""

import multiprocessing
import os
import pickle
from collections.abc import Iterator
from itertools import islice
from typing import Any

from django.db import connection

from chengnuan.bulk import conf

CHUNK_ROWS = 500
RowResult = tuple[int, bool, Any]  # (sheet row, ok, item or errors)

_handler: Any = None


def worker_count(estimated_rows: int) -> int:
    """How many worker processes to use for a sheet of about this many rows (0: in-process)."""
    workers = conf.workers()
    if (
        workers < 2
        or estimated_rows < conf.parallel_min_rows()
        or (connection.vendor == "sqlite" and _in_memory())
    ):
        return 0
    return workers


def _in_memory() -> bool:
    name = str(connection.settings_dict.get("NAME") or "")
    return name in ("", ":memory:") or "mode=memory" in name


def _init(pickled_job: bytes, database_name: str) -> None:
    """Runs first in each worker: set Django up on the importer's database (the test run's
    database when under test) and build the handler. The job comes pickled because models
    can only be unpickled once Django is set up. A failure is kept and raised with the first
    chunk: a pool whose initializer dies restarts workers forever."""
    global _handler
    try:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chengnuan.settings")
        import django
        from django.conf import settings

        django.setup()
        settings.DATABASES["default"]["NAME"] = database_name
        from chengnuan.bulk.importer import make_handler

        _handler = make_handler(pickle.loads(pickled_job))  # noqa: S301 (our own job, from our parent)
    except Exception as exc:
        _handler = exc


def _prepare_chunk(chunk: list[tuple[int, dict[str, Any]]]) -> list[RowResult]:
    from chengnuan.bulk.rows import Cells, RowInvalid

    if isinstance(_handler, Exception):
        raise RuntimeError("import worker could not start") from _handler
    results: list[RowResult] = []
    for number, values in chunk:
        try:
            results.append((number, True, _handler.prepare(Cells(_handler.spec, values))))
        except RowInvalid as invalid:
            results.append((number, False, invalid.errors))
    return results


def _chunks(
    rows: Iterator[tuple[int, dict[str, Any]]],
) -> Iterator[list[tuple[int, dict[str, Any]]]]:
    while chunk := list(islice(rows, CHUNK_ROWS)):
        yield chunk


def prepare_in_workers(
    job: Any, rows: Iterator[tuple[int, dict[str, Any]]], workers: int
) -> Iterator[RowResult]:
    """Each row's result, in sheet order."""
    context = multiprocessing.get_context("spawn")
    initargs = (pickle.dumps(job), str(connection.settings_dict["NAME"]))
    pool = context.Pool(workers, initializer=_init, initargs=initargs)
    try:
        for results in pool.imap(_prepare_chunk, _chunks(rows)):
            yield from results
        pool.close()
    finally:
        pool.terminate()
        pool.join()
