"""Limits of the bulk app, read from settings so an operator can change them without code.
Defaults fit a county station's sheets with room to spare; set BULK_* in settings to change."""

import os

from django.conf import settings


def max_upload_bytes() -> int:
    """Largest file accepted (BULK_IMPORT_MAX_MB, default 40 MB: a 100,000-row sheet is ~10 MB)."""
    return int(getattr(settings, "BULK_IMPORT_MAX_MB", 40)) * 1024 * 1024


def max_rows() -> int:
    """Most data rows in one sheet (BULK_IMPORT_MAX_ROWS, default 200,000)."""
    return int(getattr(settings, "BULK_IMPORT_MAX_ROWS", 200_000))


def inline_max_bytes() -> int:
    """Files up to this size (BULK_IMPORT_INLINE_MAX_BYTES, default 256 KB, about 1,000 rows)
    are imported while the clerk waits; larger ones go to the task queue."""
    return int(getattr(settings, "BULK_IMPORT_INLINE_MAX_BYTES", 256 * 1024))


def batch_size() -> int:
    """Rows per bulk insert and per dedupe look-up (BULK_BATCH_SIZE, default 2,000)."""
    return int(getattr(settings, "BULK_BATCH_SIZE", 2000))


def error_sheet_days() -> int:
    """Days a returned error sheet (it holds personal numbers) is kept (BULK_ERROR_SHEET_DAYS, default 7)."""
    return int(getattr(settings, "BULK_ERROR_SHEET_DAYS", 7))


def workers() -> int:
    """Worker processes that check the rows of a large sheet (BULK_IMPORT_WORKERS, default one
    per CPU core up to 4; 1 checks in the importing process)."""
    return int(getattr(settings, "BULK_IMPORT_WORKERS", min(4, os.cpu_count() or 1)))


def parallel_min_rows() -> int:
    """Sheets of at least this many rows use the workers (BULK_PARALLEL_MIN_ROWS, default 5,000)."""
    return int(getattr(settings, "BULK_PARALLEL_MIN_ROWS", 5000))


def lease_seconds() -> float:
    """How long a running import's lease lasts (BULK_IMPORT_LEASE_SECONDS, default 45). The
    importing process renews it every third of that; once it has run out (the process is
    gone) the import is ended as failed. See leases.py."""
    return float(getattr(settings, "BULK_IMPORT_LEASE_SECONDS", 45))


def orphan_file_hours() -> int:
    """Files in the import folders that no import names are deleted once they are this many
    hours old (BULK_ORPHAN_FILE_HOURS, default 6): an upload being saved is younger."""
    return int(getattr(settings, "BULK_ORPHAN_FILE_HOURS", 6))
