import pytest

from chengnuan.applications.choices import AppliedVia
from chengnuan.applications.models import Application
from chengnuan.core.models import AuditEntry
from tests.applications.api.support import API, client_for, post
from tests.applications.support import applied, invited
from tests.employment.factories import DalianClerkFactory
from tests.factories import JobSeekerFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_the_office_list_is_the_area_and_is_audited(world):
    application = applied(world)
    clerk = StaffFactory()
    body = client_for(clerk).get(f"{API}/office").json()
    assert [i["id"] for i in body["items"]] == [application.pk]
    assert AuditEntry.objects.filter(actor=clerk, object_type="employment.jobseeker").exists()
    assert client_for(DalianClerkFactory()).get(f"{API}/office").json()["count"] == 0


def test_a_dalian_clerk_gets_a_404_for_a_shenyang_application(world):
    application = applied(world)
    assert client_for(DalianClerkFactory()).get(f"{API}/office/{application.pk}").status_code == 404


def test_a_clerk_applies_for_a_worker_of_the_area(world):
    seeker = JobSeekerFactory()
    response = post(client_for(StaffFactory()), f"{API}/office",
                    {"seeker_id": seeker.pk, "posting_id": world.posting.pk})  # fmt: skip
    assert response.status_code == 201, response.content
    assert Application.objects.get(seeker=seeker).applied_via == AppliedVia.STATION


def test_a_dalian_clerk_cannot_apply_for_a_shenyang_worker(world):
    response = post(client_for(DalianClerkFactory()), f"{API}/office",
                    {"seeker_id": world.seeker.pk, "posting_id": world.posting.pk})  # fmt: skip
    assert response.status_code == 404
    assert not Application.objects.exists()


def test_a_clerk_books_the_station_screen(world):
    interview = invited(world)
    clerk = StaffFactory()
    response = post(client_for(clerk), f"{API}/office/{interview.application.pk}/booking",
                    {"note": "服务站二楼"})  # fmt: skip
    assert response.status_code == 200, response.content
    assert response.json()["station_note"] == "服务站二楼"


def test_booking_without_an_invitation_is_refused(world):
    application = applied(world)
    response = post(
        client_for(StaffFactory()), f"{API}/office/{application.pk}/booking", {"note": "x"}
    )
    assert response.status_code == 422
