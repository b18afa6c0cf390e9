"""A person's inbox pages: list with unread marks, one message, unsubscribe, settings."""

import pytest
from django.urls import reverse

from chengnuan.notifications.models import Unsubscription
from chengnuan.notifications.services import notification_send
from tests.employment.factories import DalianClerkFactory, EmployerUserFactory
from tests.employment.views_support import staff_signed_in
from tests.factories import StaffFactory
from tests.notifications.support import PUSH, SERVICE, recipient

pytestmark = pytest.mark.django_db
JOBS = {"count": 2, "title": "保洁员", "reason": "离您住处3公里"}


def test_the_inbox_lists_ones_own_messages_newest_first_with_unread_marked(client):
    user, other = recipient(), recipient()
    notification_send(recipient=user, topic=PUSH.code, context=JOBS)
    notification_send(recipient=user, topic=SERVICE.code, context={"title": "焊工"})
    notification_send(recipient=other, topic=SERVICE.code, context={"title": "别人的"})
    client.force_login(user)
    text = client.get(reverse("notifications:inbox")).content.decode()
    assert text.index("面试邀请：焊工") < text.index("有2个新岗位适合您")
    assert "别人的" not in text
    assert "有 2 条未读" in text and text.count("【未读】") == 2
    assert '消息<span class="badge">2</span><span class="visually-hidden">条未读</span>' in text


def test_opening_a_message_marks_it_read_and_shows_the_unsubscribe_button(client):
    user = recipient()
    notification = notification_send(recipient=user, topic=PUSH.code, context=JOBS, link="/jobs/3/")
    client.force_login(user)
    text = client.get(reverse("notifications:message", args=[notification.pk])).content.decode()
    assert "保洁员，离您住处3公里" in text and 'href="/jobs/3/"' in text
    assert reverse("notifications:topic_unsubscribe", args=[PUSH.code]) in text
    notification.refresh_from_db()
    assert notification.read_at is not None and notification.opened_at is not None


def test_a_message_can_be_read_aloud_and_is_kept_for_reading_offline(client):
    user = recipient()
    notification = notification_send(recipient=user, topic=PUSH.code, context=JOBS)
    client.force_login(user)
    response = client.get(reverse("notifications:message", args=[notification.pk]))
    text = response.content.decode()
    assert 'data-read-aloud="message-text"' in text and 'id="message-text"' in text
    assert response["X-Offline-Copy"] == "keep"
    assert client.get(reverse("notifications:inbox"))["X-Offline-Copy"] == "keep"


def test_someone_elses_message_is_a_404(client):
    notification = notification_send(recipient=recipient(), topic=PUSH.code, context=JOBS)
    client.force_login(recipient())
    assert client.get(reverse("notifications:message", args=[notification.pk])).status_code == 404


def test_mark_all_read(client):
    user = recipient()
    notification_send(recipient=user, topic=PUSH.code, context=JOBS)
    client.force_login(user)
    client.post(reverse("notifications:inbox_mark_all_read"))
    assert "没有未读消息" in client.get(reverse("notifications:inbox")).content.decode()


def test_the_unsubscribe_button_asks_then_stops_the_topic(client):
    user = recipient()
    client.force_login(user)
    url = reverse("notifications:topic_unsubscribe", args=[PUSH.code])
    assert "确认退订" in client.get(url).content.decode()
    client.post(url)
    assert Unsubscription.objects.filter(user=user, topic=PUSH.code).exists()


def test_settings_list_topics_and_switch_a_promotional_one_off_and_on(client):
    user = recipient()
    client.force_login(user)
    url = reverse("notifications:settings")
    text = client.get(url).content.decode()
    assert "新岗位推荐" in text and "面试邀请" in text and "办事通知，一直发送" in text
    client.post(url, {"topic": PUSH.code, "on": "0"})
    assert "已退订" in client.get(url).content.decode()
    client.post(url, {"topic": PUSH.code, "on": "1"})
    assert not Unsubscription.objects.exists()
    client.post(url, {"topic": SERVICE.code, "on": "0"})
    assert not Unsubscription.objects.exists()  # a service topic stays on
    assert client.post(url, {"topic": "tests.none", "on": "0"}).status_code == 404


def test_an_employer_has_an_inbox_too(client):
    client.force_login(EmployerUserFactory())
    assert client.get(reverse("notifications:inbox")).status_code == 200


@pytest.mark.parametrize("staff", [StaffFactory, DalianClerkFactory])
def test_staff_have_no_inbox_and_cannot_read_workers_messages(client, staff):
    """A Dalian clerk (or any staff) sees no Shenyang worker's messages: there is no route."""
    notification = notification_send(recipient=recipient(), topic=PUSH.code, context=JOBS)
    staff_signed_in(client, staff())
    assert client.get(reverse("notifications:inbox")).status_code == 403
    response = client.get(reverse("notifications:message", args=[notification.pk]))
    assert response.status_code == 403


def test_not_signed_in_is_sent_to_sign_in(client):
    response = client.get(reverse("notifications:inbox"))
    assert response.status_code == 302 and reverse("accounts:login") in response.url
