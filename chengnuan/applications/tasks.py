"""The applications app's periodic task: a closed room's signalling rows (SDP, candidates with
network addresses) are of no use once the call is over, so they go."""

from huey.contrib.djhuey import db_periodic_task

from chengnuan.applications.services.rooms import room_signals_purge
from chengnuan.core.schedules import beijing_crontab


@db_periodic_task(beijing_crontab(minute="17"))
def purge_closed_room_signals() -> int:
    return room_signals_purge()
