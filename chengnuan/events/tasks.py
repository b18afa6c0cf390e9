"""The events app's periodic tasks (times are Beijing's, see core/schedules.py). Thin: each
calls a service."""

from huey.contrib.djhuey import db_periodic_task

from chengnuan.core.schedules import beijing_crontab
from chengnuan.events.services.fairs import fairs_finish_due
from chengnuan.events.services.signups import fair_reminders_send


@db_periodic_task(beijing_crontab(hour="10", minute="0"))
def remind_fairs_tomorrow() -> int:
    """The day-before reminder, in the morning so an SMS never lands in anyone's night.
    Running twice (or on two machines) sends nothing twice: one dedupe key per sign-up."""
    return fair_reminders_send()


@db_periodic_task(beijing_crontab(minute="15"))
def finish_fairs() -> int:
    """Fairs whose end has passed leave the public lists within the hour."""
    return fairs_finish_due()
