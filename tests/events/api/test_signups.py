import pytest

from chengnuan.events.models import FairSignup, InterviewSlot
from tests.employment.api.support import API, client_for
from tests.events.factories import (
    DALIAN_GANJINGZI,
    FairFactory,
    SignupFactory,
    SlotFactory,
    WorkerFactory,
)
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db
EVENTS = f"{API}/events"


def test_a_worker_signs_up_books_a_slot_and_lists_their_fairs():
    slot = SlotFactory()
    worker = WorkerFactory()
    api = client_for(worker)
    fair_id = slot.booth.fair.pk

    signed = api.post(f"{EVENTS}/fairs/{fair_id}/signup")
    booked = api.post(f"{EVENTS}/fairs/{fair_id}/slots/{slot.pk}/booking")
    mine = api.get(f"{EVENTS}/me/signups").json()

    assert signed.status_code == 201
    assert booked.status_code == 201
    assert booked.json()["slot"]["places_left"] == slot.capacity - 1
    assert mine["items"][0]["code"] == signed.json()["code"]
    assert len(mine["items"][0]["bookings"]) == 1


def test_signing_up_twice_is_a_422():
    signup = SignupFactory()

    response = client_for(signup.worker).post(f"{EVENTS}/fairs/{signup.fair.pk}/signup")

    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == "您已经报名这个招聘会了。"


def test_a_full_slot_is_a_422_and_stays_full():
    slot = SlotFactory(capacity=1, booked=1)
    signup = SignupFactory(fair=slot.booth.fair)

    response = client_for(signup.worker).post(
        f"{EVENTS}/fairs/{signup.fair.pk}/slots/{slot.pk}/booking"
    )

    assert response.status_code == 422
    assert InterviewSlot.objects.get(pk=slot.pk).booked == 1


def test_cancel_a_signup():
    signup = SignupFactory()

    response = client_for(signup.worker).delete(f"{EVENTS}/fairs/{signup.fair.pk}/signup")

    assert response.status_code == 200
    assert not FairSignup.objects.exists()


def test_the_door_finds_by_code_and_marks_attendance():
    signup = SignupFactory()
    api = client_for(StaffFactory())

    found = api.post(f"{EVENTS}/office/fairs/{signup.fair.pk}/signups/search", {"q": signup.code},
                     content_type="application/json").json()  # fmt: skip
    marked = api.post(f"{EVENTS}/office/fairs/{signup.fair.pk}/signups/{signup.pk}/attended")

    assert [s["id"] for s in found["items"]] == [signup.pk]
    assert "*" in found["items"][0]["phone_masked"]
    assert marked.json()["attended_at"] is not None


def test_a_dalian_clerk_cannot_search_a_shenyang_fairs_signups():
    signup = SignupFactory()

    response = client_for(StaffFactory(area_id=DALIAN_GANJINGZI)).post(
        f"{EVENTS}/office/fairs/{signup.fair.pk}/signups/search",
        {"q": signup.code},
        content_type="application/json",
    )

    assert response.status_code == 404


def test_a_visitor_cannot_sign_up():
    assert client_for().post(f"{EVENTS}/fairs/{FairFactory().pk}/signup").status_code == 401


def test_an_id_past_the_databases_integers_is_a_404_not_a_server_error():
    api = client_for(WorkerFactory())

    assert api.delete(f"{EVENTS}/fairs/998713551505590976512/signup").status_code == 404
    assert api.post(f"{EVENTS}/fairs/998713551505590976512/slots/1/booking").status_code == 404
