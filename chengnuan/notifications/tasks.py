"""The notifications app's tasks (times are Asia/Shanghai). Thin: each calls a service."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from chengnuan.notifications.services.outbox import deliveries_purge, deliveries_send_due


@db_task()
def deliveries_send() -> int:
    """Queued after a send commits: the consumer sends whatever is due."""
    return deliveries_send_due()


@db_periodic_task(crontab(minute="*"))
def deliveries_redrive() -> int:
    """Every minute: SMS held for quiet hours that are now due, retries whose back-off ended,
    and deliveries whose consumer died mid-send (their lease ran out)."""
    return deliveries_send_due()


@db_periodic_task(crontab(hour="4", minute="41"))
def deliveries_purge_daily() -> int:
    """Texts of deliveries that ended a month ago are emptied."""
    return deliveries_purge()
