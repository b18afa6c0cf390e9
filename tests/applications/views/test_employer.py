import datetime

import pytest
from django.utils import timezone

from chengnuan.applications.models import Application
from chengnuan.core.models import AuditEntry
from tests.applications.support import applied, make_world
from tests.employment.views_support import signed_in

pytestmark = pytest.mark.django_db


def _starts() -> str:
    return f"{timezone.localtime() + datetime.timedelta(days=1):%Y-%m-%dT%H:%M}"


def test_the_employer_home_links_each_postings_applicants(client, world):
    signed_in(client, world.owner)
    assert (
        f"/employer/postings/{world.posting.pk}/applicants/"
        in client.get("/employer/").content.decode()
    )


def test_applicants_are_listed_with_the_phone_masked(client, world):
    applied(world)
    signed_in(client, world.owner)
    page = client.get(f"/employer/postings/{world.posting.pk}/applicants/").content.decode()
    assert world.seeker.name in page and world.seeker.phone_masked in page
    assert world.seeker.phone not in page


def test_the_phone_is_shown_after_the_invitation_and_each_showing_is_audited(client, world):
    application = applied(world)
    signed_in(client, world.owner)
    before = client.get(f"/employer/applications/{application.pk}/").content.decode()
    assert world.seeker.phone not in before and world.seeker.id_number not in before
    response = client.post(f"/employer/applications/{application.pk}/invite/",
                           {"mode": "in_person", "starts_at": _starts(), "place": "", "meeting_url": "",
                            "note": "带身份证", "action": "save"}, follow=True)  # fmt: skip
    page = response.content.decode()
    assert "已邀请面试" in page and world.posting.address in page
    assert world.seeker.phone in page
    assert world.seeker.id_number not in page
    assert AuditEntry.objects.filter(actor=world.owner, detail__revealed="phone").count() == 1


def test_a_bad_invitation_keeps_what_was_typed_with_the_reason(client, world):
    application = applied(world)
    signed_in(client, world.owner)
    response = client.post(f"/employer/applications/{application.pk}/invite/",
                           {"mode": "external", "starts_at": _starts(), "meeting_url": "http://x.cn/1",
                            "note": "请准时", "action": "save"})  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200 and "https://" in page
    assert response.context["form"].data["note"] == "请准时"
    assert Application.objects.get().status == "applied"


def test_recording_the_outcome(client, world):
    application = applied(world)
    signed_in(client, world.owner)
    response = client.post(f"/employer/applications/{application.pk}/outcome/", {"to": "declined",
                           "note": "岗位已招满"}, follow=True)  # fmt: skip
    assert "已记录：未录用" in response.content.decode()
    bad = client.post(
        f"/employer/applications/{application.pk}/outcome/", {"to": "nonsense"}, follow=True
    )
    assert "请从列表里重新选择结果" in bad.content.decode()


def test_another_employers_applicants_are_a_404(client, world):
    application = applied(world)
    signed_in(client, make_world().owner)
    assert client.get(f"/employer/postings/{world.posting.pk}/applicants/").status_code == 404
    assert client.get(f"/employer/applications/{application.pk}/").status_code == 404
    assert (
        client.post(
            f"/employer/applications/{application.pk}/outcome/", {"to": "declined"}
        ).status_code
        == 404
    )
