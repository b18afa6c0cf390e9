"""/api/v1 job seekers: a worker's own registration, the office's registrations, list, look-up
by POST and the whole phone with a purpose."""

import pytest

from chengnuan.core.models import AuditAction, AuditEntry
from chengnuan.employment.models import JobSeeker
from tests.employment.api.support import API, body, client_for, messages
from tests.employment.factories import (
    LOADER_OCCUPATION,
    DalianClerkFactory,
    EmployerUserFactory,
    WorkerFactory,
    seeker_input,
)
from tests.factories import JobSeekerFactory, StaffFactory, make_id_number

pytestmark = pytest.mark.django_db


def test_worker_registers_self_reads_and_patches():
    user = WorkerFactory()
    client = client_for(user)
    response = client.post(
        f"{API}/seekers/me",
        body(seeker_input()) | {"consent": True},
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    assert (
        "id_number" not in response.json() and response.json()["id_number_masked"].count("*") == 8
    )
    assert client.get(f"{API}/seekers/me").json()["wanted_occupation_codes"] == [LOADER_OCCUPATION]
    patched = client.patch(
        f"{API}/seekers/me", {"expected_wage": 6500}, content_type="application/json"
    )
    assert patched.status_code == 200, patched.json()
    assert patched.json()["expected_wage"] == 6500
    assert JobSeeker.objects.get(user=user).expected_wage == 6500


def test_registration_without_consent_is_refused():
    response = client_for(WorkerFactory()).post(
        f"{API}/seekers/me",
        body(seeker_input()) | {"consent": False},
        content_type="application/json",
    )
    assert messages(response, "consent")
    assert not JobSeeker.objects.exists()


def test_bad_id_number_message_points_at_the_field():
    response = client_for(WorkerFactory()).post(
        f"{API}/seekers/me",
        body(seeker_input(id_number="21010619850615001")) | {"consent": True},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert messages(response, "id_number") == ["身份证号应为18位，您填了17位。"]


def test_worker_without_registration_gets_404():
    assert client_for(WorkerFactory()).get(f"{API}/seekers/me").status_code == 404


def patch_own(worker, payload):
    return client_for(worker).patch(f"{API}/seekers/me", payload, content_type="application/json")


def test_null_for_a_field_that_cannot_be_emptied_is_refused_not_a_server_error():
    worker = WorkerFactory()
    JobSeekerFactory(user=worker)
    response = patch_own(worker, {"wanted_area_codes": None, "name": None})
    assert response.status_code == 422
    assert messages(response, "name") == ["要填文字。"]
    assert messages(response, "wanted_area_codes") == ['要填一个列表，比如 ["a", "b"]。']


def test_null_empties_a_field_that_may_be_empty():
    worker = WorkerFactory()
    JobSeekerFactory(user=worker, expected_wage=5000)
    response = patch_own(worker, {"expected_wage": None})
    assert response.status_code == 200, response.json()
    assert response.json()["expected_wage"] is None


def test_quiet_hours_with_a_time_zone_are_refused_in_chinese():
    worker = WorkerFactory()
    JobSeekerFactory(user=worker)
    response = patch_own(worker, {"quiet_start": "21:00:00Z", "quiet_end": "07:00:00+08:00"})
    assert response.status_code == 422
    assert messages(response, "quiet_start") == [
        "只填几点几分（北京时间），比如 21:00，不要带时区。"
    ]


def test_clerk_registers_lists_and_reads_with_audit():
    clerk = StaffFactory()
    office = client_for(clerk)
    created = office.post(
        f"{API}/office/seekers",
        body(seeker_input()) | {"consent_method": "signed"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.json()
    seeker_id = created.json()["id"]
    listed = office.get(f"{API}/office/seekers").json()
    assert [item["id"] for item in listed["items"]] == [seeker_id]
    assert "phone" not in listed["items"][0]
    detail = office.get(f"{API}/office/seekers/{seeker_id}")
    assert detail.status_code == 200 and "phone" not in detail.json()
    assert detail.json()["phone_masked"].count("*") == 4
    assert AuditEntry.objects.filter(
        actor=clerk, action=AuditAction.VIEW, object_id=str(seeker_id)
    ).exists()


def test_clerk_in_dalian_gets_404_on_a_shenyang_seeker():
    seeker = JobSeekerFactory()  # lives in 210106001, 沈阳市铁西区
    office = client_for(DalianClerkFactory())
    assert office.get(f"{API}/office/seekers/{seeker.pk}").status_code == 404
    assert office.get(f"{API}/office/seekers").json()["count"] == 0
    assert not AuditEntry.objects.filter(action=AuditAction.VIEW).exists()


def test_office_seeker_search_finds_by_id_number_sent_by_post():
    seeker = JobSeekerFactory()
    JobSeekerFactory()
    listed = (
        client_for(StaffFactory())
        .post(
            f"{API}/office/seekers/search",
            {"id_number": seeker.id_number},
            content_type="application/json",
        )
        .json()
    )
    assert [item["id"] for item in listed["items"]] == [seeker.pk]


def test_employer_cannot_use_office_routes():
    seeker = JobSeekerFactory()
    response = client_for(EmployerUserFactory()).get(f"{API}/office/seekers/{seeker.pk}")
    assert response.status_code == 403


def test_office_seeker_list_refuses_a_number_sent_by_get():
    seeker = JobSeekerFactory()
    response = client_for(StaffFactory()).get(
        f"{API}/office/seekers", {"id_number": seeker.id_number}
    )
    assert response.status_code == 422
    assert "POST /api/v1/office/seekers/search" in response.json()["detail"][0]["msg"]


def test_office_seeker_search_reports_a_bad_phone_at_its_field():
    response = client_for(StaffFactory()).post(
        f"{API}/office/seekers/search", {"phone": "1391234"}, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "phone"


def test_the_whole_phone_comes_only_with_a_purpose_and_is_audited():
    clerk = StaffFactory()
    seeker = JobSeekerFactory(phone="13912345678")
    office = client_for(clerk)
    url = f"{API}/office/seekers/{seeker.pk}/contact"
    assert office.post(url, {}, content_type="application/json").status_code == 422
    shown = office.post(url, {"purpose": "verify"}, content_type="application/json")
    assert shown.status_code == 200, shown.json()
    assert shown.json() == {
        "phone": "13912345678",
        "purpose": "verify",
        "purpose_label": "核实登记信息",
    }
    reveal = AuditEntry.objects.get(detail__revealed="phone")
    assert (reveal.actor, reveal.object_id, reveal.detail["purpose"]) == (
        clerk,
        str(seeker.pk),
        "verify",
    )


def test_a_dalian_clerk_gets_404_asking_for_a_shenyang_phone():
    seeker = JobSeekerFactory()
    response = client_for(DalianClerkFactory()).post(
        f"{API}/office/seekers/{seeker.pk}/contact",
        {"purpose": "verify"},
        content_type="application/json",
    )
    assert response.status_code == 404


def test_a_worker_cannot_patch_their_id_number_to_another_valid_one():
    worker = WorkerFactory()
    seeker = JobSeekerFactory(user=worker)
    # Not a field of the PATCH at all (a station corrects it): sent anyway, it changes nothing.
    response = patch_own(worker, {"id_number": make_id_number(), "skills": "电焊"})
    assert response.status_code == 200
    assert JobSeeker.objects.get(pk=seeker.pk).id_number == seeker.id_number


def test_a_clerk_corrects_an_id_number_against_the_card_and_dalian_gets_404():
    seeker = JobSeekerFactory()
    right = make_id_number()
    url = f"{API}/office/seekers/{seeker.pk}/id-number"
    refused = client_for(StaffFactory()).post(
        url, {"id_number": right, "card_checked": False}, content_type="application/json"
    )
    assert refused.status_code == 422
    assert "身份证原件" in messages(refused, "card_checked")[0]
    elsewhere = client_for(DalianClerkFactory()).post(
        url, {"id_number": right, "card_checked": True}, content_type="application/json"
    )
    assert elsewhere.status_code == 404
    done = client_for(StaffFactory()).post(
        url, {"id_number": right, "card_checked": True}, content_type="application/json"
    )
    assert done.status_code == 200, done.json()
    assert JobSeeker.objects.get(pk=seeker.pk).id_number == right
