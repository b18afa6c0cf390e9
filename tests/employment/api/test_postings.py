"""/api/v1 postings: the public list and a posting's page, employers and their postings, the
office's review."""

from decimal import Decimal

import pytest
from django.test import Client

from chengnuan.employment.choices import EmployerStatus, PostingStatus, WageUnit
from chengnuan.employment.models import Employer, Posting
from tests.employment.api.support import API, body, client_for, indexed, messages
from tests.employment.factories import (
    DALIAN_GANJINGZI,
    LOADER_OCCUPATION,
    DalianClerkFactory,
    EmployerUserFactory,
    PendingEmployerFactory,
    WorkerFactory,
    employer_input,
    posting_input,
)
from tests.factories import EmployerFactory, PostingFactory, StaffFactory

pytestmark = pytest.mark.django_db


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


def test_a_place_in_the_words_is_an_area_filter_the_answer_names():
    here = PostingFactory(title="日结普工")
    elsewhere = PostingFactory(title="日结普工", description="沈阳", county_id=DALIAN_GANJINGZI)
    indexed(here, elsewhere)
    payload = client_for().get(f"{API}/postings", {"q": "沈阳 日结"}).json()
    assert [item["id"] for item in payload["items"]] == [here.id]
    assert payload["words"] == ["日结"]
    assert payload["places"] == [{"word": "沈阳", "areas": ["2101"], "labels": ["沈阳市"]}]


def test_a_piece_rate_and_a_month_count_go_in_and_come_out_exact():
    owner = EmployerUserFactory()
    EmployerFactory(owner=owner)
    created = client_for(owner).post(
        f"{API}/employer/postings",
        body(posting_input(wage_min="0.5", wage_max=0.8, wage_unit=WageUnit.PIECE, wage_months=13)),
        content_type="application/json",
    )
    assert created.status_code == 201, created.json()
    out = created.json()
    assert (out["wage_min"], out["wage_max"], out["wage_months"]) == (0.5, 0.8, 13)
    assert Posting.objects.get().wage_min == Decimal("0.50")


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


def test_openapi_schema_builds():
    assert client_for().get(f"{API}/openapi.json").status_code == 200


def test_failed_employer_registration_saves_nothing():
    response = client_for(EmployerUserFactory()).post(
        f"{API}/employers", body(employer_input(uscc="123")), content_type="application/json"
    )
    assert response.status_code == 422 and messages(response, "uscc")
    assert not Employer.objects.exists()
