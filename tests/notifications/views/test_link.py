"""The short link of an SMS: it opens its one message without a password, shows only what
the message said, offers the one-tap unsubscribe, and is refused altered or expired."""

import datetime

import pytest
from django.core import signing
from django.urls import reverse

from chengnuan.notifications.links import link_token, short_url
from chengnuan.notifications.models import Notification, Unsubscription
from chengnuan.notifications.services import notification_send
from tests.notifications.support import PUSH, SERVICE, recipient

pytestmark = pytest.mark.django_db


def pushed(user=None):
    return notification_send(
        recipient=user or recipient(),
        topic=PUSH.code,
        context={"count": 2, "title": "保洁员", "reason": "离您住处3公里"},
        link="/jobs/7/",
    )


def test_the_sms_carries_a_short_link_of_the_site(settings):
    settings.SITE_URL = "https://jobs.example.gov.cn"
    url = short_url(41)
    assert url.startswith("https://jobs.example.gov.cn/n/") and len(url) < 90


def test_the_link_opens_the_message_without_signing_in_and_marks_it_opened(client):
    notification = pushed()
    page = client.get(reverse("notifications:link_open", args=[link_token(notification.pk)]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "有2个新岗位适合您" in text and "保洁员，离您住处3公里" in text
    assert "登录后查看详情" in text and "?next=/jobs/7/" in text  # the item itself needs a sign-in
    notification.refresh_from_db()
    assert notification.opened_at is not None and notification.read_at is not None


def test_the_link_shows_nothing_but_the_message(client):
    user = recipient()
    notification, other = pushed(user), pushed(user)
    text = client.get(reverse("notifications:link_open", args=[link_token(notification.pk)]))
    assert user.phone not in text.content.decode() and user.seeker.name not in text.content.decode()
    other.refresh_from_db()
    assert other.opened_at is None  # the token grants its one message only


def test_the_recipient_signed_in_goes_straight_to_the_message(client):
    user = recipient()
    notification = pushed(user)
    client.force_login(user)
    page = client.get(reverse("notifications:link_open", args=[link_token(notification.pk)]))
    assert page.status_code == 302
    assert page.url == reverse("notifications:message", args=[notification.pk])


@pytest.mark.parametrize("change", ["tampered", "other_id", "garbage"])
def test_an_altered_link_is_refused(client, change):
    notification = pushed()
    token = link_token(notification.pk)
    bad = {
        "tampered": token[:-1] + ("A" if token[-1] != "A" else "B"),
        "other_id": signing.b62_encode(notification.pk + 1) + token[token.index(":") :],
        "garbage": "abc",
    }[change]
    assert client.get(reverse("notifications:link_open", args=[bad])).status_code == 404
    notification.refresh_from_db()
    assert notification.opened_at is None


def test_an_expired_link_is_refused(client, settings, monkeypatch):
    notification = pushed()
    token = link_token(notification.pk)
    settings.NOTIFICATIONS_LINK_DAYS = 7
    later = datetime.datetime.now().timestamp() + 8 * 86400
    monkeypatch.setattr(signing.time, "time", lambda: later)
    assert client.get(reverse("notifications:link_open", args=[token])).status_code == 404
    url = reverse("notifications:link_unsubscribe", args=[token])
    assert client.post(url).status_code == 404
    assert not Unsubscription.objects.exists()


def test_unsubscribe_from_the_link_works_without_signing_in(client):
    user = recipient()
    token = link_token(pushed(user).pk)
    url = reverse("notifications:link_unsubscribe", args=[token])
    confirm = client.get(url).content.decode()
    assert "退订“新岗位推荐”" in confirm and "确认退订" in confirm
    assert not Unsubscription.objects.exists()  # opening the page changes nothing
    assert client.post(url).status_code == 302
    assert Unsubscription.objects.filter(user=user, topic=PUSH.code).exists()
    assert pushed(user) is None  # no more of them


def test_a_service_message_cannot_be_unsubscribed(client):
    notification = notification_send(
        recipient=recipient(), topic=SERVICE.code, context={"title": "焊工"}
    )
    url = reverse("notifications:link_unsubscribe", args=[link_token(notification.pk)])
    assert "不能退订" in client.get(url).content.decode()
    client.post(url)
    assert not Unsubscription.objects.exists()
    assert Notification.objects.count() == 1
