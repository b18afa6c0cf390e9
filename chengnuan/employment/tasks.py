"""The employment app's periodic tasks (times are Asia/Shanghai). Thin: each calls a service."""

from huey.contrib.djhuey import db_periodic_task

from chengnuan.core.schedules import beijing_crontab
from chengnuan.employment.services.postings import posting_expire_due


@db_periodic_task(beijing_crontab(hour="0", minute="10"))
def expire_postings() -> int:
    """Postings whose end date passed leave the public lists."""
    return posting_expire_due()
