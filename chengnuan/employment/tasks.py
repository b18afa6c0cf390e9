"""Periodic work of the labour market database. Tasks stay thin: they call a service.

Periodic schedules declared here: expire_postings, daily at 00:10 (Asia/Shanghai)."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from chengnuan.employment.services_postings import posting_expire_due


@db_periodic_task(crontab(hour="0", minute="10"))
def expire_postings() -> int:
    """Postings whose end date passed yesterday leave the public lists."""
    return posting_expire_due()
