"""/api/v1/notifications: one's own inbox (paged), read marks, topics and unsubscribing."""

import pytest

from chengnuan.notifications.models import Notification, Unsubscription
from chengnuan.notifications.services import notification_send
from tests.employment.api.support import client_for
from tests.employment.factories import DalianClerkFactory
from tests.notifications.support import PUSH, SERVICE, recipient

pytestmark = pytest.mark.django_db
URL = "/api/v1/notifications"
JOBS = {"count": 2, "title": "保洁员&<b>", "reason": "近"}


def test_the_inbox_is_paged_newest_first_and_plain_text():
    user = recipient()
    for n in range(3):
        notification_send(recipient=user, topic=SERVICE.code, context={"title": f"岗位{n}"})
    notification_send(recipient=user, topic=PUSH.code, context=JOBS, link="/jobs/1/")
    notification_send(recipient=recipient(), topic=SERVICE.code, context={"title": "别人的"})
    answer = client_for(user).get(f"{URL}/", {"page_size": 2}).json()
    assert answer["count"] == 4 and len(answer["items"]) == 2
    first = answer["items"][0]
    assert first["body"] == "保洁员&<b>，近"  # unescaped for the APP
    assert first["topic_label"] == "新岗位推荐" and first["can_unsubscribe"] is True
    assert first["link"] == "/jobs/1/" and first["read_at"] is None


def test_mark_read_open_and_unread_count():
    user = recipient()
    notification = notification_send(recipient=user, topic=PUSH.code, context=JOBS)
    notification_send(recipient=user, topic=SERVICE.code, context={"title": "x"})
    api = client_for(user)
    assert api.get(f"{URL}/unread").json() == {"count": 2}
    assert api.post(f"{URL}/{notification.pk}/read").json()["read_at"] is not None
    opened = api.post(f"{URL}/{notification.pk}/open").json()
    assert opened["opened_at"] is not None
    assert api.post(f"{URL}/read-all").json() == {"count": 1}
    assert api.get(f"{URL}/unread").json() == {"count": 0}


def test_someone_elses_message_is_a_404_in_chinese():
    notification = notification_send(recipient=recipient(), topic=PUSH.code, context=JOBS)
    answer = client_for(recipient()).post(f"{URL}/{notification.pk}/read")
    assert answer.status_code == 404 and answer.json()["detail"][0]["msg"] == "没有找到这条记录。"
    assert Notification.objects.get().read_at is None


def test_topics_and_unsubscribe_and_subscribe_again():
    user = recipient()
    api = client_for(user)
    topics = {t["code"]: t for t in api.get(f"{URL}/topics").json()}
    assert topics[PUSH.code]["subscribed"] and topics[PUSH.code]["promotional"]
    assert api.post(f"{URL}/topics/{PUSH.code}/unsubscribe").json()["subscribed"] is False
    assert Unsubscription.objects.filter(user=user, topic=PUSH.code).exists()
    assert notification_send(recipient=user, topic=PUSH.code, context=JOBS) is None
    assert api.post(f"{URL}/topics/{PUSH.code}/subscribe").json()["subscribed"] is True
    assert not Unsubscription.objects.exists()


def test_a_service_topic_cannot_be_unsubscribed():
    answer = client_for(recipient()).post(f"{URL}/topics/{SERVICE.code}/unsubscribe")
    assert answer.status_code == 422
    assert "不能退订" in answer.json()["detail"][0]["msg"]


def test_an_unknown_topic_is_a_404():
    assert client_for(recipient()).post(f"{URL}/topics/nope/unsubscribe").status_code == 404


def test_without_a_token_it_is_a_401():
    assert client_for().get(f"{URL}/").status_code == 401


def test_staff_have_no_inbox_route():
    """A Dalian clerk reaches nobody's messages (nor anyone else in staff)."""
    notification = notification_send(recipient=recipient(), topic=PUSH.code, context=JOBS)
    api = client_for(DalianClerkFactory())
    assert api.get(f"{URL}/").status_code == 403
    assert api.post(f"{URL}/{notification.pk}/read").status_code == 403
