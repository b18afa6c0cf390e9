"""Settings of the task consumers that the process tests start (test_killed_consumer.py): the
project's own, with a lease short enough for a test and large sheets checked by two worker
processes on any machine."""

from chengnuan.settings import *  # noqa: F403

BULK_IMPORT_WORKERS = 2
BULK_PARALLEL_MIN_ROWS = 1000
BULK_BATCH_SIZE = 500  # the progress shows early
BULK_IMPORT_LEASE_SECONDS = 12  # longer than a consumer takes to start: it finds it fresh
