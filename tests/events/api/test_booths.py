import pytest

from chengnuan.employment.choices import EmployerStatus
from chengnuan.events.choices import BoothStatus
from chengnuan.events.models import Booth
from tests.employment.api.support import API, client_for
from tests.events.factories import (
    DALIAN_GANJINGZI,
    BoothFactory,
    EmployerOwnerFactory,
    FairFactory,
    OnlineFairFactory,
    PostingFactory,
    in_days,
)
from tests.factories import EmployerFactory, StaffFactory

pytestmark = pytest.mark.django_db
EVENTS = f"{API}/events"


def test_an_employer_asks_for_a_booth_and_staff_approve_it():
    owner = EmployerOwnerFactory()
    posting = PostingFactory(employer=EmployerFactory(owner=owner))
    fair = FairFactory()

    asked = client_for(owner).post(f"{EVENTS}/fairs/{fair.pk}/booths", {"posting_ids": [posting.pk]},
                                   content_type="application/json")  # fmt: skip
    booth_id = asked.json()["id"]
    decided = client_for(StaffFactory()).post(f"{EVENTS}/office/booths/{booth_id}/decision",
                                              {"approve": True}, content_type="application/json")  # fmt: skip

    assert asked.status_code == 201
    assert asked.json()["status"] == "pending"
    assert decided.json()["status"] == "approved"
    assert decided.json()["number"] == 1


def test_an_unverified_employer_is_refused():
    owner = EmployerOwnerFactory()
    employer = EmployerFactory(owner=owner, status=EmployerStatus.PENDING, verified_at=None)
    posting = PostingFactory(employer=employer)

    response = client_for(owner).post(f"{EVENTS}/fairs/{FairFactory().pk}/booths",
                                      {"posting_ids": [posting.pk]}, content_type="application/json")  # fmt: skip

    assert response.status_code == 422
    assert "还没有通过核验" in response.json()["detail"][0]["msg"]
    assert not Booth.objects.exists()


def test_a_dalian_clerk_cannot_decide_a_shenyang_booth():
    booth = BoothFactory(status=BoothStatus.PENDING, number=None)

    response = client_for(StaffFactory(area_id=DALIAN_GANJINGZI)).post(
        f"{EVENTS}/office/booths/{booth.pk}/decision",
        {"approve": True},
        content_type="application/json",
    )

    assert response.status_code == 404


def test_slots_are_added_and_removed_by_the_booths_employer():
    booth = BoothFactory(fair=OnlineFairFactory())
    api = client_for(booth.employer.owner)
    body = {
        "starts_at": in_days(3, 10).isoformat(),
        "ends_at": in_days(3, 11).isoformat(),
        "capacity": 3,
    }

    added = api.post(
        f"{EVENTS}/employer/booths/{booth.pk}/slots", body, content_type="application/json"
    )
    removed = api.delete(f"{EVENTS}/employer/slots/{added.json()['id']}")

    assert added.status_code == 201
    assert removed.status_code == 200
    assert not booth.slots.exists()


def test_staff_list_a_fairs_booths():
    booth = BoothFactory()

    body = client_for(StaffFactory()).get(f"{EVENTS}/office/fairs/{booth.fair.pk}/booths").json()

    assert [b["id"] for b in body["items"]] == [booth.pk]
