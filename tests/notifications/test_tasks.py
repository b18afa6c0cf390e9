"""The tasks are thin: each calls its service (Huey runs them inline in the tests)."""

import datetime

import pytest
from django.utils import timezone

from chengnuan.notifications import tasks
from chengnuan.notifications.choices import DeliveryStatus
from chengnuan.notifications.models import Delivery
from chengnuan.notifications.services import notification_send
from tests.notifications.support import SERVICE, recipient, sms_sent

pytestmark = pytest.mark.django_db


def test_the_redrive_sends_what_is_due_and_what_a_dead_sender_left():
    for _ in range(2):
        notification_send(recipient=recipient(), topic=SERVICE.code, context={"title": "x"})
    first = Delivery.objects.order_by("pk").first()
    Delivery.objects.filter(pk=first.pk).update(
        status=DeliveryStatus.SENDING,
        claim="dead",
        lease_until=timezone.now() - datetime.timedelta(seconds=1),
    )
    assert tasks.deliveries_redrive.call_local() == 2
    assert len(sms_sent()) == 2


def test_the_redrive_leaves_a_live_lease_alone():
    notification_send(recipient=recipient(), topic=SERVICE.code, context={"title": "x"})
    Delivery.objects.update(
        status=DeliveryStatus.SENDING,
        claim="alive",
        lease_until=timezone.now() + datetime.timedelta(minutes=1),
    )
    assert tasks.deliveries_redrive.call_local() == 0 and sms_sent() == []


def test_the_daily_purge_empties_old_texts(settings):
    notification_send(recipient=recipient(), topic=SERVICE.code, context={"title": "x"})
    tasks.deliveries_send.call_local()
    Delivery.objects.update(sent_at=timezone.now() - datetime.timedelta(days=40))
    assert tasks.deliveries_purge_daily.call_local() == 1
    assert Delivery.objects.get().text == ""


def test_a_send_after_commit_queues_the_sender(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(recipient=recipient(), topic=SERVICE.code, context={"title": "x"})
    assert Delivery.objects.get().status == DeliveryStatus.SENT
