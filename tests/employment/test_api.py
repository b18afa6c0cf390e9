import datetime

import pytest
from django.test import Client

from chengnuan.accounts.services.sign_ins import api_token_create
from chengnuan.core.models import AuditAction, AuditEntry
from chengnuan.employment.choices import EmployerStatus, PostingStatus, WageUnit
from chengnuan.employment.models import Employer, JobSeeker, Posting
from chengnuan.employment.search import postings_changed
from tests.employment.factories import (
    DALIAN_GANJINGZI,
    LOADER_OCCUPATION,
    DalianClerkFactory,
    EmployerUserFactory,
    PendingEmployerFactory,
    WorkerFactory,
    employer_input,
    posting_input,
    seeker_input,
)
from tests.factories import EmployerFactory, JobSeekerFactory, PostingFactory, StaffFactory

pytestmark = pytest.mark.django_db
API = "/api/v1"


def indexed(*postings):
    postings_changed([p.pk for p in postings])


def client_for(user=None):
    if user is None:
        return Client()
    _token, key = api_token_create(user=user, name="测试")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def body(data):
    values = dict(data.__dict__)
    for name, value in values.items():
        if isinstance(value, datetime.date | datetime.time):
            values[name] = value.isoformat()
    return values


def messages(response, field):
    return [d["msg"] for d in response.json()["detail"] if d["loc"][-1] == field]


# --- public postings ----------------------------------------------------------------------------


def test_public_list_is_paged_and_shows_only_live_postings():
    # The list reads the search index, as the employment services keep it.
    indexed(*PostingFactory.create_batch(3))
    indexed(PostingFactory(status=PostingStatus.PENDING, published_at=None))
    response = client_for().get(f"{API}/postings", {"page_size": 2})
    assert response.status_code == 200
    payload = response.json()
    assert payload["count"] == 3 and len(payload["items"]) == 2
    assert "contact_phone" not in payload["items"][0]


def test_public_list_filters():
    # min_monthly_wage reads as the search's min_wage: the monthly minimum (the one list).
    dalian = PostingFactory(
        county_id=DALIAN_GANJINGZI, city_code="2102", occupation_id=LOADER_OCCUPATION,
        wage_min=5000, monthly_wage_min=5000,
    )  # fmt: skip
    young_only = PostingFactory(age_max=35, open_to_older=False, monthly_wage_max=3500)
    piece = PostingFactory(wage_unit=WageUnit.PIECE, monthly_wage_min=None, monthly_wage_max=None)
    indexed(dalian, young_only, piece)
    client = client_for()

    def ids(**params):
        return {item["id"] for item in client.get(f"{API}/postings", params).json()["items"]}

    assert ids(city="2102") == {dalian.pk}
    assert ids(occupation="4-02") == {dalian.pk}
    assert ids(min_monthly_wage=5000) == {dalian.pk}
    assert young_only.pk not in ids(older_friendly="true")


def test_contact_phone_only_for_signed_in_workers():
    posting = PostingFactory(contact_phone="13812345678", contact_phone_masked="138****5678")
    url = f"{API}/postings/{posting.pk}"
    anonymous = client_for().get(url).json()
    assert (anonymous["contact_phone"], anonymous["contact_phone_masked"]) == (None, "138****5678")
    assert client_for(EmployerUserFactory()).get(url).json()["contact_phone"] is None
    assert client_for(WorkerFactory()).get(url).json()["contact_phone"] == "13812345678"


def test_posting_that_is_not_live_is_404_in_chinese():
    posting = PostingFactory(status=PostingStatus.DRAFT, published_at=None)
    response = client_for().get(f"{API}/postings/{posting.pk}")
    assert response.status_code == 404
    assert response.json()["detail"][0]["msg"] == "没有找到这条记录。"


# --- employers and postings ---------------------------------------------------------------------


def test_employer_registers_then_posts_then_staff_verify_and_publish():
    owner = EmployerUserFactory()
    employer_client = client_for(owner)
    response = employer_client.post(
        f"{API}/employers", body(employer_input()), content_type="application/json"
    )
    assert response.status_code == 201, response.json()
    assert response.json()["status"] == EmployerStatus.PENDING
    employer_id = response.json()["id"]

    response = employer_client.post(
        f"{API}/employer/postings",
        body(posting_input()) | {"submit": True},
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    posting_id = response.json()["id"]
    assert response.json()["status"] == PostingStatus.PENDING

    office = client_for(StaffFactory())
    queue = office.get(f"{API}/office/review-queue").json()
    assert [item["id"] for item in queue["items"]] == [posting_id]
    refused = office.post(
        f"{API}/office/postings/{posting_id}/review",
        {"approve": True},
        content_type="application/json",
    )
    assert refused.status_code == 422
    assert "先核验单位" in refused.json()["detail"][0]["msg"]

    verified = office.post(
        f"{API}/office/employers/{employer_id}/verify",
        {"approve": True},
        content_type="application/json",
    )
    assert verified.json()["status"] == EmployerStatus.VERIFIED
    published = office.post(
        f"{API}/office/postings/{posting_id}/review",
        {"approve": True},
        content_type="application/json",
    )
    assert published.json()["status"] == PostingStatus.PUBLISHED
    assert client_for().get(f"{API}/postings/{posting_id}").status_code == 200


def test_posting_that_says_men_only_is_refused_with_the_reason_and_field():
    owner = EmployerUserFactory()
    EmployerFactory(owner=owner)
    response = client_for(owner).post(
        f"{API}/employer/postings",
        body(posting_input(description="搬运工，限男性，45岁以下")),
        content_type="application/json",
    )
    assert response.status_code == 422
    (message,) = messages(response, "description")
    assert "限男性" in message and "就业促进法" in message
    assert not Posting.objects.exists()


def test_employer_without_registration_is_told_to_register_first():
    response = client_for(EmployerUserFactory()).post(
        f"{API}/employer/postings", body(posting_input()), content_type="application/json"
    )
    assert messages(response, "employer_id") == ["请先登记单位信息。"]


def test_employer_submits_own_draft_but_not_anothers():
    owner = EmployerUserFactory()
    mine = PostingFactory(
        employer=EmployerFactory(owner=owner), status=PostingStatus.DRAFT, published_at=None
    )
    theirs = PostingFactory(status=PostingStatus.DRAFT, published_at=None)
    client = client_for(owner)
    assert client.post(f"{API}/postings/{mine.pk}/submit").json()["status"] == PostingStatus.PENDING
    assert client.post(f"{API}/postings/{theirs.pk}/submit").status_code == 404
    listed = client.get(f"{API}/employer/postings").json()
    assert [item["id"] for item in listed["items"]] == [mine.pk]


def test_unauthenticated_and_wrong_kind_calls_are_refused():
    assert (
        client_for()
        .post(f"{API}/employer/postings", {}, content_type="application/json")
        .status_code
        == 401
    )
    assert client_for().get(f"{API}/office/review-queue").status_code == 401
    assert client_for(WorkerFactory()).get(f"{API}/office/review-queue").status_code == 403
    assert client_for().get(f"{API}/seekers/me").status_code == 401


def test_bad_token_is_401():
    response = Client(HTTP_AUTHORIZATION="Bearer cn_nonsense").get(f"{API}/seekers/me")
    assert response.status_code == 401


def test_dalian_clerk_cannot_review_or_verify_in_shenyang():
    posting = PostingFactory(status=PostingStatus.PENDING, published_at=None)
    employer = PendingEmployerFactory()
    office = client_for(DalianClerkFactory())
    review = office.post(
        f"{API}/office/postings/{posting.pk}/review",
        {"approve": True},
        content_type="application/json",
    )
    verify = office.post(
        f"{API}/office/employers/{employer.pk}/verify",
        {"approve": True},
        content_type="application/json",
    )
    assert (review.status_code, verify.status_code) == (404, 404)
    assert office.get(f"{API}/office/review-queue").json()["count"] == 0


# --- job seekers --------------------------------------------------------------------------------


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


def test_openapi_schema_builds():
    assert client_for().get(f"{API}/openapi.json").status_code == 200


def test_failed_employer_registration_saves_nothing():
    response = client_for(EmployerUserFactory()).post(
        f"{API}/employers", body(employer_input(uscc="123")), content_type="application/json"
    )
    assert response.status_code == 422 and messages(response, "uscc")
    assert not Employer.objects.exists()


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
