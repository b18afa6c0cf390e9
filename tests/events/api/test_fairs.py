import pytest

from chengnuan.events.choices import FairStatus
from chengnuan.events.models import JobFair
from tests.employment.api.support import API, client_for, messages
from tests.events.factories import (
    DALIAN_GANJINGZI,
    BoothFactory,
    FairFactory,
    SignupFactory,
    in_days,
)
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db
EVENTS = f"{API}/events"


def fair_body(**overrides):
    body = {
        "title": "铁西区冬季专场招聘会", "kind": "offline", "area_code": "210106",
        "starts_at": in_days(5, 9).isoformat(), "ends_at": in_days(5, 16).isoformat(),
        "venue": "人力资源市场", "address": "北二中路1号", "lng": 123.35, "lat": 41.79,
    }  # fmt: skip
    return body | overrides


def test_the_public_list_needs_no_sign_in_and_pages():
    FairFactory()
    FairFactory(area_id=DALIAN_GANJINGZI)

    everywhere = client_for().get(f"{EVENTS}/fairs").json()
    dalian = client_for().get(f"{EVENTS}/fairs", {"area": DALIAN_GANJINGZI}).json()

    assert everywhere["count"] == 2
    assert [f["area_code"] for f in dalian["items"]] == [DALIAN_GANJINGZI]


def test_a_bad_area_is_a_422_in_chinese():
    response = client_for().get(f"{EVENTS}/fairs", {"area": "abc"})

    assert response.status_code == 422


def test_a_fairs_detail_carries_its_booths():
    booth = BoothFactory()

    body = client_for().get(f"{EVENTS}/fairs/{booth.fair.pk}").json()

    assert body["booths"][0]["employer_name"] == booth.employer.name
    assert body["booths"][0]["postings"][0]["title"] == booth.postings.get().title


def test_staff_create_publish_and_cancel_a_fair():
    api = client_for(StaffFactory())

    created = api.post(f"{EVENTS}/office/fairs", fair_body(), content_type="application/json")
    fair_id = created.json()["id"]
    published = api.post(f"{EVENTS}/office/fairs/{fair_id}/publish")
    cancelled = api.post(f"{EVENTS}/office/fairs/{fair_id}/cancel", {"reason": "场地维修"},
                         content_type="application/json")  # fmt: skip

    assert created.status_code == 201
    assert created.json()["status"] == "draft"
    assert published.json()["status"] == "published"
    assert cancelled.json()["status"] == FairStatus.CANCELLED


def test_a_fair_that_ends_before_it_starts_is_refused_with_the_field():
    body = fair_body(ends_at=in_days(5, 8).isoformat())

    response = client_for(StaffFactory()).post(
        f"{EVENTS}/office/fairs", body, content_type="application/json"
    )

    assert response.status_code == 422
    assert messages(response, "ends_at") == ["结束时间要晚于开始时间。"]


def test_a_dalian_clerk_gets_404_for_a_shenyang_fair():
    fair = FairFactory()
    api = client_for(StaffFactory(area_id=DALIAN_GANJINGZI))

    assert api.get(f"{EVENTS}/office/fairs/{fair.pk}").status_code == 404
    response = api.put(
        f"{EVENTS}/office/fairs/{fair.pk}", fair_body(title="改名"), content_type="application/json"
    )
    assert response.status_code == 404
    assert JobFair.objects.get().title == fair.title


def test_a_worker_cannot_use_the_office_routes():
    from tests.events.factories import WorkerFactory

    assert client_for(WorkerFactory()).get(f"{EVENTS}/office/fairs").status_code == 403


def test_figures_of_a_fair():
    fair = FairFactory()
    SignupFactory(fair=fair)

    body = client_for(StaffFactory()).get(f"{EVENTS}/office/fairs/{fair.pk}/figures").json()

    assert body["signups"] == 1
    assert body["attendance_rate"] == 0
