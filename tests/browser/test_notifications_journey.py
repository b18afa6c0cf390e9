"""A push as a worker meets it on a phone: the SMS's short link opens the message without a
password, one tap unsubscribes; signed in, the message is in 我的消息 with the nav's count."""

import re

import pytest

from chengnuan.notifications.models import Unsubscription
from chengnuan.notifications.services import notification_send
from tests.browser.test_journeys import sign_in_by_sms
from tests.notifications.support import PUSH, SERVICE, recipient

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_worker_opens_the_sms_link_unsubscribes_and_finds_the_inbox(
    new_page, sms_outbox, live_server, settings
):
    settings.SITE_URL = live_server.url
    worker = recipient()
    notification_send(
        recipient=worker,
        topic=PUSH.code,
        context={"count": 2, "title": "保洁员", "reason": "离您住处3公里"},
        link="/jobs/",
    )
    notification_send(recipient=worker, topic=SERVICE.code, context={"title": "焊工"})
    link = re.search(r"http\S+/n/\S+/", sms_outbox[0].text).group(0)

    page = new_page()
    page.goto(link)
    page.get_by_role("heading", name="有2个新岗位适合您").wait_for()
    page.get_by_text("保洁员，离您住处3公里").wait_for()
    page.get_by_role("link", name="点这里退订").click()
    page.get_by_role("button", name="确认退订").click()
    page.get_by_text("已退订“新岗位推荐”").wait_for()
    assert Unsubscription.objects.filter(user=worker, topic=PUSH.code).exists()

    sign_in_by_sms(page, sms_outbox, phone=worker.phone, role_label="我是求职者")
    page.get_by_role("link", name=re.compile(r"消息\s*1\s*条未读")).click()
    page.get_by_role("link", name=re.compile("面试邀请：焊工")).click()
    page.get_by_role("heading", name="面试邀请：焊工").wait_for()
    page.get_by_role("link", name="← 我的消息").click()
    page.get_by_text("没有未读消息").wait_for()
