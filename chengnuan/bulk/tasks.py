"""Thin tasks: load by id, call a service. Large imports run here so the clerk can leave the
page; the daily purge removes old error sheets, which hold personal numbers."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from chengnuan.bulk import importer, services


@db_task()
def run_import(job_id: int) -> None:
    importer.import_run(job_id=job_id)


@db_periodic_task(crontab(hour="3", minute="17"))
def purge_old_error_sheets() -> None:
    services.import_files_purge()
