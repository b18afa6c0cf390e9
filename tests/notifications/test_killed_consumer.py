"""A real consumer (`manage.py run_huey`) killed with SIGKILL in the middle of sending a push,
then started again: every message is delivered exactly once. The consumer, the Huey queue and
the database are real; the SMS gateway is tests/notifications/file_sms.py, which records every
call in a file that outlives the killed process and, as the real gateway adapter must, accepts
each delivery's idempotency key once. The restarted consumer takes over the dead one's
deliveries when their lease ends (the per-minute re-drive), so this test waits up to a minute
and a half."""

import time
from collections import Counter

import pytest
from django.db import transaction

from chengnuan.notifications.choices import DeliveryStatus
from chengnuan.notifications.models import Delivery
from chengnuan.notifications.services import Outgoing, notifications_send_bulk
from tests.bulk.test_killed_consumer import Consumer, within
from tests.notifications.file_sms import read_record
from tests.notifications.support import SERVICE, recipient

pytestmark = pytest.mark.slow

PEOPLE, EACH = 200, 10  # 2,000 messages: some seconds of sending at 4 ms an SMS
SETTINGS = "tests.notifications.consumer_settings"
BATCH = 50  # consumer_settings.NOTIFICATIONS_SEND_BATCH
SENDERS = 2  # sender tasks queued (NOTIFICATIONS_SENDERS), on the consumer's two worker threads


@pytest.mark.django_db(transaction=True)
def test_a_push_interrupted_by_kill_9_is_delivered_exactly_once_after_a_restart(
    shared_database, shared_queue, tmp_path
):
    record = tmp_path / "gateway.txt"
    people = [recipient() for _ in range(PEOPLE)]
    with transaction.atomic():  # committed: the delivery task is queued for the consumer
        stored = notifications_send_bulk(
            messages=[
                Outgoing(
                    recipient_id=person.pk,
                    topic=SERVICE.code,
                    context={"title": f"岗位{n}"},
                    dedupe_key=f"killed:{person.pk}:{n}",
                )
                for person in people
                for n in range(EACH)
            ]
        )
    assert stored == PEOPLE * EACH

    def accepted() -> int:
        return sum(verdict == "accepted" for verdict, _ in read_record(record))

    env = {"FILE_SMS_RECORD": str(record)}
    first = Consumer(shared_database, tmp_path / "consumer-1.log", SETTINGS, **env)
    second = None
    try:
        assert within(60, lambda: accepted() >= 400), first.output()
        first.kill()
        at_kill = accepted()
        assert at_kill < stored, "the run ended before the kill: nothing was interrupted"
        second = Consumer(shared_database, tmp_path / "consumer-2.log", SETTINGS, **env)
        restarted = time.monotonic()
        done = within(
            150,
            lambda: not Delivery.objects.exclude(status=DeliveryStatus.SENT).exists(),
        )
        assert done, second.output()
        took = time.monotonic() - restarted
    finally:
        first.stop()
        if second:
            second.stop()

    calls = read_record(record)
    sent = Counter(key for verdict, key in calls if verdict == "accepted")
    keys = {f"notification-delivery-{pk}" for pk in Delivery.objects.values_list("pk", flat=True)}
    assert set(sent) == keys and set(sent.values()) == {1}  # every message, once
    repeats = sum(verdict == "duplicate" for verdict, _ in calls)
    # Only the batches in flight when the consumer died (one a sender) can be tried twice;
    # the key stops them.
    assert repeats <= BATCH * SENDERS, (repeats, at_kill, took)
