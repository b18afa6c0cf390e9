"""Province staff word the messages, with a preview; every change audited."""

import pytest
from django.urls import reverse

from chengnuan.core.models import AuditAction, AuditEntry
from chengnuan.notifications.models import MessageTemplate
from tests.employment.factories import ShenyangCityStaffFactory
from tests.employment.views_support import staff_signed_in
from tests.factories import StaffFactory
from tests.notifications.support import PUSH

pytestmark = pytest.mark.django_db


@pytest.fixture
def province(client):
    return staff_signed_in(client, StaffFactory(role="province", area_id="21"))


def edit_url():
    return reverse("notifications:template_edit", args=[PUSH.code])


def test_the_list_shows_every_topic(province):
    text = province.get(reverse("notifications:template_list")).content.decode()
    assert "新岗位推荐" in text and "系统默认" in text


def test_the_edit_page_previews_the_current_wording_with_the_sample(province):
    text = province.get(edit_url()).content.decode()
    assert "有2个新岗位适合您" in text and "离您住处3公里" in text


def test_preview_renders_the_draft_and_saves_nothing(province):
    data = {
        "title": "快看！{{ count }}个岗位",
        "body": "{{ title }}",
        "sms": "短信",
        "action": "preview",
    }
    text = province.post(edit_url(), data).content.decode()
    assert "快看！2个岗位" in text
    assert not MessageTemplate.objects.exists()


def test_save_stores_the_wording_and_audits_before_and_after(province):
    data = {"title": "新的{{ count }}", "body": "b", "sms": "s", "action": "save"}
    assert province.post(edit_url(), data).status_code == 302
    template = MessageTemplate.objects.get(topic=PUSH.code)
    assert template.title == "新的{{ count }}"
    entry = AuditEntry.objects.get(object_type="notifications.messagetemplate")
    assert entry.action == AuditAction.CREATE
    assert entry.detail["before"]["title"] == PUSH.title
    assert entry.detail["after"]["title"] == "新的{{ count }}"


def test_reset_goes_back_to_the_registered_wording_audited(province):
    province.post(edit_url(), {"title": "x", "body": "", "sms": "", "action": "save"})
    province.post(edit_url(), {"action": "reset"})
    assert not MessageTemplate.objects.exists()
    assert AuditEntry.objects.filter(action=AuditAction.DELETE).count() == 1


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("{% load static %}x", "模板写法有误"),
        ('{% include "base.html" %}', "模板写法有误"),
        ("{{ title|safe }}", "模板写法有误"),
        ("{% autoescape off %}{{ title }}{% endautoescape %}", "模板写法有误"),
        ("<script>alert(1)</script>", "不能写网页标记"),
        ("{% if count %}", "模板写法有误"),
    ],
)
def test_templates_that_leave_the_sandbox_are_refused(province, title, message):
    for action in ("preview", "save"):
        data = {"title": title, "body": "", "sms": "", "action": action}
        text = province.post(edit_url(), data).content.decode()
        assert message in text
    assert not MessageTemplate.objects.exists()


@pytest.mark.parametrize("staff", [StaffFactory, ShenyangCityStaffFactory])
def test_only_province_staff_edit_templates(client, staff):
    staff_signed_in(client, staff())
    assert client.get(reverse("notifications:template_list")).status_code == 403
    data = {"title": "x", "body": "", "sms": "", "action": "save"}
    assert client.post(edit_url(), data).status_code == 403
    assert not MessageTemplate.objects.exists()


def test_a_worker_cannot_open_the_office_pages(client):
    from tests.notifications.support import recipient

    client.force_login(recipient())
    assert client.get(reverse("notifications:template_list")).status_code == 403
