"""Every periodic schedule of the platform, in one place (times are Asia/Shanghai). Each task
is thin: it calls one service. Huey runs them on whichever consumer holds the schedule; all of
them are idempotent, so running them twice does no harm."""

from django.core.cache import cache
from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from chengnuan.accounts.services import phone_codes_purge
from chengnuan.employment.services_postings import posting_expire_due

HEARTBEAT_KEY = "task-consumer-heartbeat"


@db_periodic_task(crontab(minute="*"))
def consumer_heartbeat() -> None:
    """Lets /healthz tell whether a task consumer is alive."""
    cache.set(HEARTBEAT_KEY, timezone.now().isoformat(), timeout=600)


@db_periodic_task(crontab(hour="0", minute="10"))
def expire_postings() -> int:
    """Postings whose end date passed leave the public lists."""
    return posting_expire_due()


@db_periodic_task(crontab(hour="4", minute="7"))
def phone_codes_purge_daily() -> None:
    """One-time codes older than two days are deleted."""
    phone_codes_purge()
