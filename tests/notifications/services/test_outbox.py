import datetime

import pytest
from django.utils import timezone

from chengnuan.notifications.choices import DeliveryStatus
from chengnuan.notifications.models import Delivery
from chengnuan.notifications.services.outbox import (
    deliveries_claim,
    deliveries_purge,
    deliveries_send_claimed,
    deliveries_send_due,
    retry_delay,
)
from chengnuan.notifications.services.sending import notification_send
from tests.notifications.failing_sms import RefusingSmsBackend
from tests.notifications.support import SERVICE, recipient, sms_sent

pytestmark = pytest.mark.django_db

REFUSING = "tests.notifications.failing_sms.RefusingSmsBackend"


def queued(n: int = 1) -> list[Delivery]:
    """n SMS deliveries waiting (stored without the after-commit send)."""
    for _ in range(n):
        notification_send(recipient=recipient(), topic=SERVICE.code, context={"title": "焊工"})
    return list(Delivery.objects.order_by("pk"))


def test_a_claimed_delivery_is_not_claimed_again_while_its_lease_holds():
    queued(3)
    token, first = deliveries_claim(limit=2)
    _, second = deliveries_claim(limit=10)
    _, third = deliveries_claim(limit=10)
    assert len(first) == 2 and len(second) == 1 and third == []
    assert {d.pk for d in first}.isdisjoint({d.pk for d in second})
    rows = Delivery.objects.filter(pk__in=[d.pk for d in first])
    assert {d.claim for d in rows} == {token}
    rows = Delivery.objects.all()
    assert all(d.status == DeliveryStatus.SENDING and d.attempts == 1 for d in rows)


def test_a_delivery_whose_lease_ran_out_is_claimed_again_and_sent_once():
    [delivery] = queued()
    deliveries_claim(limit=10)  # a consumer that then dies
    Delivery.objects.filter(pk=delivery.pk).update(
        lease_until=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert deliveries_send_due() == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SENT, 2)
    assert len(sms_sent()) == 1 and sms_sent()[0].key == f"notification-delivery-{delivery.pk}"


def test_the_claim_loop_goes_through_every_batch_of_deliveries_due_at_the_same_instant():
    queued(5)
    Delivery.objects.update(due_at=timezone.now() - datetime.timedelta(seconds=1))
    assert deliveries_send_due(batch=2) == 5
    assert not Delivery.objects.exclude(status=DeliveryStatus.SENT).exists()


def test_a_consumer_that_lost_its_lease_cannot_mark_the_row():
    [delivery] = queued()
    token, claimed = deliveries_claim(limit=10)
    Delivery.objects.filter(pk=delivery.pk).update(claim="someone-else")
    deliveries_send_claimed(token, claimed)
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENDING and delivery.claim == "someone-else"


def test_a_refused_sms_is_retried_later_with_back_off(settings):
    settings.SMS_BACKEND = REFUSING
    [delivery] = queued()
    before = timezone.now()
    assert deliveries_send_due() == 0
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.PENDING and delivery.attempts == 1
    assert delivery.due_at >= before + retry_delay(1)
    assert "503" in delivery.last_error and delivery.claim == ""
    assert deliveries_send_due() == 0  # not due yet: no second call to the gateway
    assert RefusingSmsBackend.calls >= 1


def test_back_off_doubles_and_is_capped():
    assert [retry_delay(n).seconds for n in (1, 2, 3)] == [30, 60, 120]
    assert retry_delay(50) == datetime.timedelta(hours=6)


def test_a_delivery_fails_for_good_after_the_last_attempt(settings):
    settings.SMS_BACKEND = REFUSING
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 2
    [delivery] = queued()
    for _ in range(2):
        deliveries_send_due()
        Delivery.objects.filter(pk=delivery.pk).update(due_at=timezone.now())
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 2)


def test_a_recipient_without_a_number_has_the_delivery_cancelled():
    [delivery] = queued()
    delivery.notification.recipient.__class__.objects.filter(
        pk=delivery.notification.recipient_id
    ).update(phone="")
    assert deliveries_send_due() == 0
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.CANCELLED and sms_sent() == []


def test_a_consumer_short_of_lease_hands_the_rest_back_unsent(settings):
    queued(2)
    token, claimed = deliveries_claim(limit=10)
    settings.NOTIFICATIONS_LEASE_SECONDS = 0  # no time left to send anything
    assert deliveries_send_claimed(token, claimed) == 0
    rows = Delivery.objects.all()
    assert all(d.status == DeliveryStatus.PENDING and d.attempts == 0 for d in rows)
    assert sms_sent() == []


def test_finished_deliveries_lose_their_text_after_the_keeping_time(settings):
    settings.NOTIFICATIONS_TEXT_KEEP_DAYS = 30
    old, recent = queued(2)
    deliveries_send_due()
    Delivery.objects.filter(pk=old.pk).update(sent_at=timezone.now() - datetime.timedelta(days=31))
    assert deliveries_purge() == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.text == "" and recent.text != ""
