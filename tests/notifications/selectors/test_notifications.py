import pytest

from chengnuan.notifications.selectors import (
    inbox_of,
    notifications_for_dedupe_keys,
    topics_with_choice,
    unread_count,
)
from chengnuan.notifications.services import notification_send
from chengnuan.notifications.services.inbox import notification_open, topic_unsubscribe
from tests.notifications.support import PUSH, SERVICE, recipient

pytestmark = pytest.mark.django_db
JOBS = {"count": 1, "title": "t", "reason": "r"}


def test_other_apps_read_their_messages_by_dedupe_key_with_the_opened_time():
    user = recipient()
    opened = notification_send(recipient=user, topic=PUSH.code, context=JOBS, dedupe_key="m:1")
    notification_send(recipient=user, topic=PUSH.code, context=JOBS, dedupe_key="m:2")
    notification_send(recipient=user, topic=PUSH.code, context=JOBS, dedupe_key="other")
    notification_open(notification=opened)
    found = {n.dedupe_key: n for n in notifications_for_dedupe_keys(["m:1", "m:2", "m:3"])}
    assert set(found) == {"m:1", "m:2"}
    assert found["m:1"].opened_at is not None and found["m:2"].opened_at is None


def test_an_inbox_holds_its_owners_messages_only():
    user, other = recipient(), recipient()
    mine = notification_send(recipient=user, topic=SERVICE.code, context={"title": "a"})
    notification_send(recipient=other, topic=SERVICE.code, context={"title": "b"})
    assert list(inbox_of(user)) == [mine] and unread_count(user) == 1


def test_topics_say_which_are_switched_off():
    user = recipient()
    topic_unsubscribe(user=user, topic=PUSH.code)
    choice = dict(topics_with_choice(user))
    assert choice[PUSH] is False and choice[SERVICE] is True
