"""The core app's own periodic task. Every app declares its schedules in its own tasks.py
(times are Asia/Shanghai); each task is thin and idempotent, so Huey running it on whichever
consumer holds the schedule, or twice, does no harm."""

from django.core.cache import cache
from django.utils import timezone
from huey.contrib.djhuey import db_periodic_task

from chengnuan.core.schedules import beijing_crontab

HEARTBEAT_KEY = "task-consumer-heartbeat"


@db_periodic_task(beijing_crontab(minute="*"))
def consumer_heartbeat() -> None:
    """Lets /healthz tell whether a task consumer is alive."""
    cache.set(HEARTBEAT_KEY, timezone.now().isoformat(), timeout=600)
