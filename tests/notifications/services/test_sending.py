import datetime

import pytest
from django.db import connection
from django.utils import timezone

from chengnuan.employment.choices import PushFrequency, SeekerStatus
from chengnuan.employment.models import Consent, ConsentMethod, ConsentPurpose
from chengnuan.notifications.choices import Channel, DeliveryStatus
from chengnuan.notifications.models import Delivery, MessageTemplate, Notification
from chengnuan.notifications.quiet import BEIJING
from chengnuan.notifications.services import Outgoing, notification_send, notifications_send_bulk
from chengnuan.notifications.services.outbox import deliveries_send_due
from chengnuan.notifications.services.templates import message_template_save
from tests.employment.factories import EmployerUserFactory
from tests.factories import StaffFactory
from tests.notifications.support import PUSH, SERVICE, recipient, sms_sent

pytestmark = pytest.mark.django_db

JOBS = {"count": 2, "title": "保洁员", "reason": "离您住处3公里"}


def send(user, topic=PUSH.code, key=None, **context):
    return notification_send(
        recipient=user, topic=topic, context=context or JOBS, dedupe_key=key, link="/jobs/"
    )


def test_a_message_is_stored_in_the_inbox_and_its_sms_sent_after_commit(
    django_capture_on_commit_callbacks,
):
    user = recipient()
    with django_capture_on_commit_callbacks(execute=True):
        notification = send(user, key="k1")
        assert sms_sent() == []  # nothing leaves before the transaction commits
    assert notification.title == "有2个新岗位适合您"
    assert notification.body == "保洁员，离您住处3公里"
    assert notification.promotional and notification.read_at is None
    [message] = sms_sent()
    assert message.phone == user.phone
    assert message.text.startswith("【城暖农民工】有2个新岗位适合您：保洁员 详情：http")
    assert "/n/" in message.text
    delivery = Delivery.objects.get(notification=notification)
    assert (delivery.channel, delivery.status) == (Channel.SMS, DeliveryStatus.SENT)
    assert message.key == f"notification-delivery-{delivery.pk}"


def test_the_sms_text_is_encrypted_at_rest():
    notification = send(recipient())
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT text FROM notifications_delivery WHERE notification_id = %s",
            [notification.pk],
        )
        stored = cursor.fetchone()[0]
    assert "保洁员" not in stored and stored.startswith("gAAAA")  # a Fernet token


def test_the_same_dedupe_key_twice_sends_once(django_capture_on_commit_callbacks):
    user = recipient()
    with django_capture_on_commit_callbacks(execute=True):
        first = send(user, key="matching:1:2")
    with django_capture_on_commit_callbacks(execute=True):
        second = send(user, key="matching:1:2")
    assert first is not None and second is None
    assert Notification.objects.filter(dedupe_key="matching:1:2").count() == 1
    assert len(sms_sent()) == 1


def test_bulk_sends_a_dedupe_key_once_within_the_batch_and_against_stored_ones(
    django_capture_on_commit_callbacks,
):
    a, b = recipient(), recipient()
    send(a, key="old")
    messages = [
        Outgoing(recipient_id=a.pk, topic=PUSH.code, context=JOBS, dedupe_key="old"),
        Outgoing(recipient_id=a.pk, topic=PUSH.code, context=JOBS, dedupe_key="new"),
        Outgoing(recipient_id=b.pk, topic=PUSH.code, context=JOBS, dedupe_key="new"),
        Outgoing(recipient_id=b.pk, topic=SERVICE.code, context={"title": "焊工"}),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        stored = notifications_send_bulk(messages=messages)
    assert stored == 2
    assert Notification.objects.get(dedupe_key="new").recipient_id == a.pk
    assert Notification.objects.filter(recipient=b, topic=SERVICE.code).count() == 1
    assert Delivery.objects.filter(status=DeliveryStatus.SENT).count() == 3  # old, new, invited


def test_a_worker_who_chose_no_pushes_gets_no_promotional_message_but_service_ones():
    user = recipient(frequency=PushFrequency.NEVER)
    assert send(user) is None
    assert send(user, topic=SERVICE.code, title="焊工") is not None


def test_a_paused_registration_gets_no_promotional_message():
    assert send(recipient(status=SeekerStatus.PAUSED)) is None


def test_without_push_consent_no_promotional_message():
    assert send(recipient(push=False)) is None


def test_the_newest_consent_row_is_the_one_in_force():
    user = recipient(push=True)
    Consent.objects.create(
        seeker=user.seeker,
        purpose=ConsentPurpose.PUSH,
        granted=False,
        method=ConsentMethod.WITHDRAWN,
    )
    assert send(user) is None


def test_sms_only_for_those_who_chose_it_and_agreed_to_sms():
    site_only, refused_sms = recipient(sms=False), recipient(sms_consent=False)
    for user in (site_only, refused_sms):
        assert send(user) is not None
    assert not Delivery.objects.exists()


def test_an_account_without_a_registration_gets_inbox_service_messages_only():
    employer = EmployerUserFactory()
    assert send(employer) is None  # a push needs consent no provider vouches for
    invited = send(employer, topic=SERVICE.code, title="焊工", employer="甲公司", when="明天")
    assert invited.title == "面试邀请：焊工"
    assert not Delivery.objects.exists()


def test_a_closed_account_gets_nothing():
    user = recipient()
    user.is_active = False
    user.closed_at = timezone.now()
    user.save()
    assert send(user, topic=SERVICE.code) is None


def _quiet_around_now() -> tuple[datetime.time, datetime.time]:
    now = timezone.now().astimezone(BEIJING)
    start = (now - datetime.timedelta(hours=1)).time().replace(second=0, microsecond=0)
    end = (now + datetime.timedelta(hours=1)).time().replace(second=0, microsecond=0)
    return start, end


def test_an_sms_due_in_quiet_hours_is_held_until_they_end_and_the_inbox_row_is_there_at_once(
    django_capture_on_commit_callbacks,
):
    user = recipient(quiet=_quiet_around_now())
    with django_capture_on_commit_callbacks(execute=True):
        notification = send(user, topic=SERVICE.code, title="焊工", employer="甲", when="明天")
    assert Notification.objects.filter(pk=notification.pk).exists()
    delivery = Delivery.objects.get(notification=notification)
    assert delivery.status == DeliveryStatus.PENDING and sms_sent() == []
    held_until = delivery.due_at.astimezone(BEIJING)
    assert held_until.time() == user.seeker.quiet_end
    assert timezone.now() < delivery.due_at <= timezone.now() + datetime.timedelta(hours=1)
    assert deliveries_send_due() == 0  # the periodic re-drive leaves it alone until then
    Delivery.objects.filter(pk=delivery.pk).update(due_at=timezone.now())  # the hours end
    assert deliveries_send_due() == 1 and len(sms_sent()) == 1


@pytest.mark.parametrize("cap", [3, 1])
def test_promotional_messages_beyond_the_daily_cap_are_dropped(settings, cap):
    settings.NOTIFICATIONS_PROMOTIONAL_DAILY_CAP = cap
    user = recipient()
    sent = [send(user, key=f"push-{n}") for n in range(cap + 2)]
    assert [n is not None for n in sent] == [True] * cap + [False, False]
    # Service messages are never capped.
    assert send(user, topic=SERVICE.code) is not None


def test_bulk_respects_the_daily_cap_across_its_chunks(settings, monkeypatch):
    from chengnuan.notifications.services import sending

    monkeypatch.setattr(sending, "CHUNK", 2)
    settings.NOTIFICATIONS_PROMOTIONAL_DAILY_CAP = 3
    user = recipient()
    messages = [
        Outgoing(recipient_id=user.pk, topic=PUSH.code, context=JOBS, dedupe_key=f"b{n}")
        for n in range(5)
    ]
    assert notifications_send_bulk(messages=messages) == 3


def test_the_daily_cap_counts_from_midnight_beijing_time(settings):
    settings.NOTIFICATIONS_PROMOTIONAL_DAILY_CAP = 1
    user = recipient()
    yesterday = send(user, key="y")
    midnight = timezone.now().astimezone(BEIJING).replace(hour=0, minute=0, second=0)
    Notification.objects.filter(pk=yesterday.pk).update(
        created_at=midnight - datetime.timedelta(minutes=1)
    )
    assert send(user, key="today") is not None


def test_a_staff_template_edit_changes_the_next_message(django_capture_on_commit_callbacks):
    staff = StaffFactory(role="province", area_id="21")
    user = recipient()
    before = send(user, key="before")
    message_template_save(
        actor=staff,
        topic=PUSH.code,
        title="为您找到{{ count }}个好岗位",
        body="{{ title }}（{{ reason }}）",
        sms="{{ title }}等{{ count }}个岗位在招",
    )
    with django_capture_on_commit_callbacks(execute=True):
        after = send(user, key="after")
    assert before.title == "有2个新岗位适合您"
    assert (after.title, after.body) == ("为您找到2个好岗位", "保洁员（离您住处3公里）")
    assert sms_sent()[-1].text.startswith("【城暖农民工】保洁员等2个岗位在招 详情：")
    assert MessageTemplate.objects.get(topic=PUSH.code).updated_by == staff


def test_context_values_are_escaped_in_the_inbox_and_plain_in_the_sms(
    django_capture_on_commit_callbacks,
):
    user = recipient()
    with django_capture_on_commit_callbacks(execute=True):
        notification = send(user, count=1, title="<b>焊工</b>&", reason="近")
    assert notification.body == "&lt;b&gt;焊工&lt;/b&gt;&amp;，近"
    assert "<b>焊工</b>&" in sms_sent()[0].text


def test_an_unknown_topic_is_a_programming_error():
    with pytest.raises(LookupError):
        send(recipient(), topic="tests.nothing")
