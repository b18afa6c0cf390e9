import pytest

from chengnuan.applications.choices import AppliedVia
from chengnuan.applications.models import Application
from chengnuan.core.models import AuditEntry
from tests.applications.support import applied, invited
from tests.employment.factories import DalianClerkFactory
from tests.employment.views_support import staff_signed_in
from tests.factories import JobSeekerFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_the_area_list_shows_and_audits_its_applications(client, world):
    applied(world)
    clerk = StaffFactory()
    staff_signed_in(client, clerk)
    page = client.get("/office/applications/").content.decode()
    assert world.seeker.name in page and world.seeker.phone not in page
    assert AuditEntry.objects.get(actor=clerk).detail["list"] == [world.seeker.pk]


def test_a_dalian_clerk_sees_no_shenyang_application(client, world):
    application = applied(world)
    staff_signed_in(client, DalianClerkFactory())
    assert world.seeker.name not in client.get("/office/applications/").content.decode()
    assert client.get(f"/office/applications/{application.pk}/").status_code == 404


def test_a_clerk_applies_for_a_worker_without_a_phone(client, world):
    seeker = JobSeekerFactory(name="王大爷")
    staff_signed_in(client, StaffFactory())
    response = client.post(f"/office/applications/for-seeker/{seeker.pk}/",
                           {"posting_id": world.posting.pk, "action": "save"}, follow=True)  # fmt: skip
    assert "已为王大爷申请" in response.content.decode()
    assert Application.objects.get(seeker=seeker).applied_via == AppliedVia.STATION


def test_a_dalian_clerk_cannot_apply_for_a_shenyang_worker(client, world):
    staff_signed_in(client, DalianClerkFactory())
    response = client.post(f"/office/applications/for-seeker/{world.seeker.pk}/",
                           {"posting_id": world.posting.pk, "action": "save"})  # fmt: skip
    assert response.status_code == 404
    assert not Application.objects.exists()


def test_booking_the_station_screen_then_joining_from_the_stations_computer(client, world):
    interview = invited(world)
    clerk = StaffFactory()
    staff_signed_in(client, clerk)
    url = f"/office/applications/{interview.application.pk}/"
    assert "预约服务站屏幕" in client.get(url).content.decode()
    response = client.post(url, {"note": "铁西区服务站二楼", "action": "save"}, follow=True)
    page = response.content.decode()
    assert "已预约" in page and f"/interviews/room/{interview.room.token}/" in page
    room = client.get(f"/interviews/room/{interview.room.token}/")
    assert room.status_code == 200 and 'data-side="worker"' in room.content.decode()


def test_the_office_links_to_the_list_and_the_seekers_page_to_applying_for_them(client, world):
    staff_signed_in(client, StaffFactory())
    assert "/office/applications/" in client.get("/office/").content.decode()
    page = client.get(f"/office/seekers/{world.seeker.pk}/").content.decode()
    assert f"/office/applications/for-seeker/{world.seeker.pk}/" in page
