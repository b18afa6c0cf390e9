import pytest
from django.urls import reverse
from django.utils import timezone

from chengnuan.events.choices import BoothStatus, FairStatus
from chengnuan.events.models import Booth, JobFair
from tests.employment.views_support import signed_in, staff_signed_in
from tests.events.factories import (
    DALIAN_GANJINGZI,
    BoothFactory,
    FairFactory,
    WorkerFactory,
    in_days,
)
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def fair_form(**overrides):
    day = in_days(5).date().isoformat()
    data = {
        "title": "铁西区冬季专场招聘会", "kind": "offline", "organiser_name": "", "description": "",
        "fair_city": "2101", "area_county": "210106", "township_code": "", "venue": "人力资源市场",
        "address": "北二中路1号", "lng": "", "lat": "", "coord_system": "gcj02",
        "start_date": day, "start_time": "09:00", "end_date": day, "end_time": "15:30", "action": "save",
    }  # fmt: skip
    return data | overrides


@pytest.mark.parametrize("name", ["events:office_fairs", "events:office_fair_new"])
def test_the_office_pages_send_visitors_to_the_staff_login(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:staff_login"))


def test_a_worker_cannot_open_the_office(client):
    assert signed_in(client, WorkerFactory()).get(reverse("events:office_fairs")).status_code == 403


def test_staff_create_a_fair_as_a_draft_then_publish_it(client, clerk):
    response = client.post(reverse("events:office_fair_new"), fair_form())

    fair = JobFair.objects.get()
    assert response["Location"] == reverse("events:office_fair", args=[fair.pk])
    assert fair.status == FairStatus.DRAFT
    assert fair.area_id == "210106"
    # Typed in Beijing time, kept as that moment.
    assert f"{timezone.localtime(fair.starts_at):%H:%M}" == "09:00"
    assert f"{timezone.localtime(fair.ends_at):%H:%M}" == "15:30"

    client.post(reverse("events:office_fair_publish", args=[fair.pk]))
    assert JobFair.objects.get().status == FairStatus.PUBLISHED


def test_a_wrong_form_keeps_what_was_typed(client, clerk):
    response = client.post(
        reverse("events:office_fair_new"), fair_form(address="", end_time="08:00")
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "结束时间要晚于开始时间" in page
    assert response.context["form"].data["title"] == "铁西区冬季专场招聘会"
    assert not JobFair.objects.exists()


def test_a_dalian_clerk_cannot_open_or_edit_a_shenyang_fair(client):
    fair = FairFactory()
    staff_signed_in(client, StaffFactory(area_id=DALIAN_GANJINGZI))

    assert client.get(reverse("events:office_fair", args=[fair.pk])).status_code == 404
    assert client.get(reverse("events:office_fair_edit", args=[fair.pk])).status_code == 404
    response = client.post(
        reverse("events:office_fair_edit", args=[fair.pk]), fair_form(title="改名")
    )
    assert response.status_code == 404
    assert JobFair.objects.get().title == fair.title


def test_staff_edit_a_fair_of_their_area(client, clerk):
    fair = FairFactory()

    client.post(reverse("events:office_fair_edit", args=[fair.pk]), fair_form(title="改过的名字"))

    assert JobFair.objects.get().title == "改过的名字"


def test_the_fair_list_shows_the_areas_fairs_only(client, clerk):
    mine = FairFactory()
    other = FairFactory(area_id=DALIAN_GANJINGZI, title="甘井子区的招聘会")

    page = client.get(reverse("events:office_fairs")).content.decode()

    assert mine.title in page
    assert other.title not in page


def test_cancel_a_fair_with_a_reason(client, clerk):
    fair = FairFactory()

    client.post(reverse("events:office_fair_cancel", args=[fair.pk]), {"reason": "场地维修"})

    assert JobFair.objects.get().status == FairStatus.CANCELLED


def test_approve_and_refuse_booths(client, clerk):
    fair = FairFactory()
    to_approve = BoothFactory(fair=fair, status=BoothStatus.PENDING, number=None)
    to_refuse = BoothFactory(fair=fair, status=BoothStatus.PENDING, number=None)

    client.post(
        reverse("events:office_booth", args=[to_approve.pk]), {"decision": "approve", "note": ""}
    )
    refused = client.post(
        reverse("events:office_booth", args=[to_refuse.pk]), {"decision": "refuse", "note": ""}
    )
    assert "请写明不通过的原因" in refused.content.decode()
    client.post(
        reverse("events:office_booth", args=[to_refuse.pk]),
        {"decision": "refuse", "note": "岗位不在本区"},
    )

    assert Booth.objects.get(pk=to_approve.pk).number == 1
    assert Booth.objects.get(pk=to_refuse.pk).status == BoothStatus.REFUSED


def test_a_dalian_clerk_cannot_review_a_shenyang_booth(client):
    booth = BoothFactory(status=BoothStatus.PENDING, number=None)
    staff_signed_in(client, StaffFactory(area_id=DALIAN_GANJINGZI))

    response = client.post(reverse("events:office_booth", args=[booth.pk]), {"decision": "approve"})

    assert response.status_code == 404
    assert Booth.objects.get().status == BoothStatus.PENDING
