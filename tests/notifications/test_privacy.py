"""Messages are personal data: on 我的信息 and in its download; erased with the account."""

import pytest
from django.urls import reverse

from chengnuan.accounts.services.account import account_close
from chengnuan.notifications.models import Delivery, Notification, Unsubscription
from chengnuan.notifications.services import notification_send
from chengnuan.notifications.services.inbox import topic_unsubscribe
from tests.notifications.support import PUSH, SERVICE, recipient

pytestmark = pytest.mark.django_db


def test_my_data_shows_my_messages_and_unsubscriptions(client):
    user = recipient()
    notification_send(recipient=user, topic=SERVICE.code, context={"title": "焊工&"})
    topic_unsubscribe(user=user, topic=PUSH.code)
    client.force_login(user)
    text = client.get(reverse("accounts:my_data")).content.decode()
    assert "我收到的消息" in text and "面试邀请：焊工&amp;" in text
    assert "我退订的消息" in text and "新岗位推荐" in text


def test_closing_the_account_erases_messages_deliveries_and_unsubscriptions():
    user, other = recipient(), recipient()
    notification_send(recipient=user, topic=SERVICE.code, context={"title": "x"})
    notification_send(recipient=other, topic=SERVICE.code, context={"title": "y"})
    topic_unsubscribe(user=user, topic=PUSH.code)
    account_close(user=user)
    assert not Notification.objects.filter(recipient=user).exists()
    assert not Unsubscription.objects.exists()
    assert Delivery.objects.count() == 1  # the other person's
