"""Leases of running imports: how an import whose process died is told from one that is
still working (docs/decisions/0005-a-killed-import-ends-as-failed.md).

A running import holds a lease, `ImportJob.lease_expires_at`, on the database's clock so that
consumers on machines whose clocks differ agree. A thread of the importing process
(LeaseKeeper) pushes it forward every third of its length, whatever the import is busy with:
reading a large sheet, checking, writing the error sheet, the final write. When the process
dies the lease runs out, and any consumer ends the import (services.import_jobs_end_abandoned).

While the import's final write holds SQLite's write lock (on PostgreSQL: the job's row, in
the import's transaction), a renewal waits and may miss a turn; ending the import waits for
the same lock and then finds it finished. An importer that comes back after being frozen
past its lease (a paused machine, a swap storm) finds its job ended: it writes the job's state
only while the job is still running (save_while_running), and gives up with LeaseLost instead
of writing rows or a status over the ending.
"""

import datetime
import logging
import threading
from typing import Any

from django.db import DatabaseError, connection
from django.db.models.functions import Now
from django.utils import timezone

from chengnuan.bulk import conf
from chengnuan.bulk.choices import RUNNING_STATUSES
from chengnuan.bulk.models import ImportJob

logger = logging.getLogger(__name__)


class LeaseLost(Exception):
    """The import was ended by another process (its lease had run out) while this one ran it."""


def lease_expiry() -> Any:
    """The end of a lease taken now, as a database expression."""
    return Now() + datetime.timedelta(seconds=conf.lease_seconds())


def lease_renew(job_id: int) -> bool:
    """A fresh lease for a running import; False once it is no longer running."""
    running = ImportJob.objects.filter(pk=job_id, status__in=RUNNING_STATUSES)
    return bool(running.update(lease_expires_at=lease_expiry()))


def save_while_running(job: ImportJob, fields: list[str]) -> None:
    """Write these fields of the job, unless it was ended meanwhile by another process: the
    conditional update's row count says whether it still runs."""
    job.updated_at = timezone.now()
    values = {name: getattr(job, name) for name in [*fields, "updated_at"]}
    if not ImportJob.objects.filter(pk=job.pk, status__in=RUNNING_STATUSES).update(**values):
        raise LeaseLost(f"import job {job.pk} was ended while it ran")


class LeaseKeeper:
    """Renews a running import's lease from a thread of its own for the length of the block."""

    def __init__(self, job_id: int) -> None:
        self.job_id = job_id
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._keep, name=f"import-{job_id}-lease")

    def __enter__(self) -> "LeaseKeeper":
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()

    def _keep(self) -> None:
        try:
            while not self._stop.wait(conf.lease_seconds() / 3):
                if not self._renewed():
                    return  # ended: by this import itself, or by others after a freeze
        finally:
            connection.close()  # this thread's own connection

    def _renewed(self) -> bool:
        try:
            return lease_renew(self.job_id)
        except DatabaseError:
            # SQLite's write lock held by the import's own final write past busy_timeout, or
            # the database briefly away: the next turn will do, on a new connection if need be.
            logger.warning("import job %s: lease not renewed this turn", self.job_id)
            connection.close_if_unusable_or_obsolete()
            return True
