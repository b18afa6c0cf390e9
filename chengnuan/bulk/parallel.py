"""Checking the rows of a large sheet in worker processes.

Checking a row (parsing, the 身份证号 and phone rules, look-ups) costs about 150 µs of CPU, so
one process tops out near 4,000 rows a second. Large sheets are therefore checked by a small
pool of worker processes while the importing process reads the sheet, screens each batch
against the database and keeps the progress. Workers are started fresh ("spawn": safe in the
threaded task consumer, unlike fork); each builds its own handler from the pickled job and
resolves names with its own memo; the database they read is only the reference data.

A ProcessPoolExecutor, not a multiprocessing.Pool: when a worker cannot start or dies, the
executor raises BrokenProcessPool (the import ends as failed) where a Pool would restart the
worker forever. At most a few chunks are in flight, so memory stays flat whatever the sheet.

Small sheets (and the test suite on SQLite in memory) are checked in-process: the pool
costs a second or two to start.

A worker dies with the process that started it (_die_with_parent). Killed with SIGKILL, the
importing process cannot stop its pool, and workers waiting for their next chunk would wait
on, each holding a database connection.
"""

import ctypes
import gc
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteDatabaseWrapper

from chengnuan.bulk import conf
from chengnuan.core.gc_pause import collect_young

CHUNK_ROWS = 500
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
RowResult = tuple[int, bool, Any]  # (sheet row, ok, item or errors)

_handler: Any = None


def worker_count(estimated_rows: int) -> int:
    """How many worker processes to use for a sheet of about this many rows (0: in-process)."""
    workers = conf.workers()
    if workers < 2 or estimated_rows < conf.parallel_min_rows() or _in_memory_database():
        return 0
    return workers


def _in_memory_database() -> bool:
    wrapper = connections[DEFAULT_DB_ALIAS]
    return isinstance(wrapper, SQLiteDatabaseWrapper) and wrapper.is_in_memory_db()


def database_name() -> str:
    """The database the workers read (the test database under test)."""
    return str(connection.settings_dict["NAME"])


def _init(pickled_job: bytes, database_name: str, parent: int) -> None:
    """Runs first in each worker: tie its life to the importing process, set Django up on
    the importer's database (the test run's database under test) and build the handler. The
    job comes pickled because models can only be unpickled once Django is set up."""
    _die_with_parent(parent)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chengnuan.settings")
    import django
    from django.conf import settings

    django.setup()
    settings.DATABASES["default"]["NAME"] = database_name
    from chengnuan.bulk.importer import make_handler

    global _handler
    _handler = make_handler(pickle.loads(pickled_job))  # noqa: S301 (our own job, from our parent)
    gc.disable()  # a worker lives for one import: see core/gc_pause.py; young ones per chunk


def _die_with_parent(parent: int) -> None:
    """Exit when the importing process is gone: now if it already is; later by the kernel's
    doing (Linux) or by a watching thread's."""
    if not _killed_by_kernel_with_parent():
        threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    if os.getppid() != parent:
        os._exit(1)


def _killed_by_kernel_with_parent() -> bool:
    """On Linux, ask for SIGKILL when the thread that started this process ends: the
    importing thread, which outlives its pool, ends only with its process."""
    if sys.platform != "linux":
        return False
    libc = ctypes.CDLL(None)
    return bool(libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)


def _exit_when_orphaned(parent: int, interval: float = 1.0) -> None:
    while os.getppid() == parent:
        time.sleep(interval)
    os._exit(1)


def _prepare_chunk(chunk: list[tuple[int, dict[str, Any]]]) -> list[RowResult]:
    from chengnuan.bulk.rows import prepare_row

    results = [prepare_row(_handler, number, values) for number, values in chunk]
    collect_young()
    return results


def prepare_in_workers(
    job: Any, rows: Iterator[tuple[int, dict[str, Any]]], workers: int
) -> Iterator[RowResult]:
    """Each row's result, in sheet order."""
    initargs = (pickle.dumps(job), database_name(), os.getpid())
    context = multiprocessing.get_context("spawn")
    in_flight: deque[Future[list[RowResult]]] = deque()
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init, initargs=initargs
    ) as pool:
        while chunk := list(islice(rows, CHUNK_ROWS)):
            in_flight.append(pool.submit(_prepare_chunk, chunk))
            if len(in_flight) > workers * 2:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()
