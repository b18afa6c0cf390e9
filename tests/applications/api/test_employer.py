import datetime

import pytest
from django.utils import timezone

from chengnuan.core.models import AuditEntry
from tests.applications.api.support import API, client_for, messages, post
from tests.applications.support import applied, make_world

pytestmark = pytest.mark.django_db


def _starts(hours=2):
    return (timezone.now() + datetime.timedelta(hours=hours)).isoformat()


def test_the_applicants_list_masks_the_phone(world):
    applied(world)
    body = client_for(world.owner).get(f"{API}/postings/{world.posting.pk}/applicants").json()
    [item] = body["items"]
    assert item["phone_masked"] == world.seeker.phone_masked
    assert world.seeker.phone not in str(body)
    assert world.seeker.id_number not in str(body)


def test_another_employers_applicants_are_a_404(world):
    application = applied(world)
    other = client_for(make_world().owner)
    assert other.get(f"{API}/postings/{world.posting.pk}/applicants").status_code == 404
    assert other.get(f"{API}/employer/{application.pk}").status_code == 404


def test_inviting_reveals_the_phone_to_this_employer_with_an_audit_row(world):
    application = applied(world)
    api = client_for(world.owner)
    before = api.get(f"{API}/employer/{application.pk}").json()
    assert before["phone"] is None
    response = post(api, f"{API}/employer/{application.pk}/invite",
                    {"mode": "in_person", "starts_at": _starts(), "note": "带身份证"})  # fmt: skip
    assert response.status_code == 201, response.content
    assert response.json()["place"] == world.posting.address
    after = api.get(f"{API}/employer/{application.pk}").json()
    assert after["phone"] == world.seeker.phone
    assert AuditEntry.objects.filter(actor=world.owner, detail__revealed="phone").count() == 1


def test_a_bad_invitation_is_a_422_naming_the_field(world):
    application = applied(world)
    response = post(client_for(world.owner), f"{API}/employer/{application.pk}/invite",
                    {"mode": "external", "starts_at": _starts(), "meeting_url": "http://x.cn"})  # fmt: skip
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"][-1] == "meeting_url" and "https" in error["msg"]


def test_the_outcome_goes_interviewed_then_hired(world):
    application = applied(world)
    api = client_for(world.owner)
    post(api, f"{API}/employer/{application.pk}/invite", {"mode": "remote", "starts_at": _starts()})
    interviewed = post(api, f"{API}/employer/{application.pk}/outcome", {"to": "interviewed"})
    assert interviewed.json()["status"] == "interviewed"
    hired = post(
        api, f"{API}/employer/{application.pk}/outcome", {"to": "hired", "note": "下周一报到"}
    )
    assert hired.json()["status"] == "hired"
    assert hired.json()["outcome_note"] == "下周一报到"


def test_hiring_before_the_interview_is_refused(world):
    application = applied(world)
    response = post(
        client_for(world.owner), f"{API}/employer/{application.pk}/outcome", {"to": "hired"}
    )
    assert response.status_code == 422
    assert "不能改成" in messages(response)[0]
