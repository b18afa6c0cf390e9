"""Thin tasks: load by id, call a service. Large imports run here so the clerk can leave the
page. The bulk app's periodic tasks: imports whose process died are ended (at a consumer's
start and every minute), and the files that hold personal numbers are purged every hour."""

from huey.contrib.djhuey import close_db, db_periodic_task, db_task, on_startup

from chengnuan.bulk import conf, importer
from chengnuan.bulk.services import imports
from chengnuan.core.schedules import beijing_crontab


@db_task()
def run_import(job_id: int) -> None:
    importer.import_run(job_id=job_id)


@db_periodic_task(beijing_crontab(minute="*"))
def end_abandoned_imports() -> int:
    """Every minute, on whichever consumer runs the schedule, so that an import whose
    consumer died is ended even if that machine never comes back."""
    return imports.import_jobs_end_abandoned()


@on_startup()
@close_db
def end_abandoned_imports_at_start_up() -> None:
    """A restarted consumer ends what its dead predecessor left running, also when it runs
    with --no-periodic. The lease of that import may still be fresh if the restart came
    quickly, and a fresh lease may as well be another live consumer's: look again once every
    lease seen now has either been renewed or run out."""
    imports.import_jobs_end_abandoned()
    end_abandoned_imports.schedule(delay=conf.lease_seconds() + 1)


@db_periodic_task(beijing_crontab(minute="17"))
def purge_import_files() -> int:
    return imports.import_files_purge()
