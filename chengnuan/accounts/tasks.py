from huey.contrib.djhuey import db_periodic_task, db_task

from chengnuan.accounts.services.phone import phone_codes_purge
from chengnuan.accounts.services.sign_ins import sign_ins_purge
from chengnuan.accounts.sms import sms_send_now
from chengnuan.core import crypto
from chengnuan.core.schedules import beijing_crontab


@db_task(retries=3, retry_delay=20)
def sms_deliver(sealed_phone: str, sealed_text: str) -> None:
    """Arguments arrive encrypted so the queue's storage never holds a number or a code."""
    sms_send_now(phone=crypto.decrypt(sealed_phone), text=crypto.decrypt(sealed_text))


@db_periodic_task(beijing_crontab(hour="4", minute="7"))
def phone_codes_purge_daily() -> None:
    """One-time codes older than two days are deleted."""
    phone_codes_purge()


@db_periodic_task(beijing_crontab(hour="4", minute="23"))
def sign_ins_purge_daily() -> None:
    """Tokens and browser sign-ins that ended or expired a month ago are deleted."""
    sign_ins_purge()
