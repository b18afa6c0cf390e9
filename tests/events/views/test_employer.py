import pytest
from django.urls import reverse

from chengnuan.employment.choices import EmployerStatus
from chengnuan.events.choices import BoothStatus
from chengnuan.events.models import Booth, InterviewSlot
from tests.employment.views_support import signed_in
from tests.events.factories import (
    BoothFactory,
    EmployerOwnerFactory,
    FairFactory,
    OnlineFairFactory,
    PostingFactory,
    in_days,
)
from tests.factories import EmployerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return EmployerOwnerFactory()


def test_an_employer_asks_for_a_booth_with_its_postings(client, owner):
    employer = EmployerFactory(owner=owner)
    posting = PostingFactory(employer=employer)
    fair = FairFactory()
    signed_in(client, owner)

    form = client.get(reverse("events:booth_new", args=[fair.pk])).content.decode()
    response = client.post(
        reverse("events:booth_new", args=[fair.pk]),
        {"posting_ids": [posting.pk], "note": "带两名HR", "action": "save"},
    )

    assert posting.title in form
    booth = Booth.objects.get()
    assert response["Location"] == reverse("events:employer_booth", args=[booth.pk])
    assert booth.status == BoothStatus.PENDING


def test_an_unverified_employer_is_told_why_and_nothing_is_saved(client, owner):
    employer = EmployerFactory(owner=owner, status=EmployerStatus.PENDING, verified_at=None)
    posting = PostingFactory(employer=employer)
    fair = FairFactory()

    signed_in(client, owner)

    page = client.get(reverse("events:booth_new", args=[fair.pk])).content.decode()
    response = client.post(
        reverse("events:booth_new", args=[fair.pk]), {"posting_ids": [posting.pk], "action": "save"}
    )

    assert "还没有通过核验" in page
    assert 'name="posting_ids"' not in page
    assert response.status_code == 200
    assert not Booth.objects.exists()


def test_choosing_no_posting_keeps_the_form_with_a_message(client, owner):
    EmployerFactory(owner=owner)
    PostingFactory(employer=owner.employers.get())

    response = signed_in(client, owner).post(
        reverse("events:booth_new", args=[FairFactory().pk]), {"note": "x", "action": "save"}
    )

    assert "请至少选一个岗位" in response.content.decode()
    assert response.context["form"].data["note"] == "x"


def test_the_employer_adds_interview_slots_to_an_online_booth(client):
    booth = BoothFactory(fair=OnlineFairFactory())
    day = in_days(3).date().isoformat()

    signed_in(client, booth.employer.owner).post(
        reverse("events:employer_booth", args=[booth.pk]),
        {"day": day, "start_time": "10:00", "end_time": "10:30", "capacity": "4", "action": "save"},
    )

    slot = InterviewSlot.objects.get()
    assert (slot.booth, slot.capacity) == (booth, 4)


def test_another_employers_booth_is_not_found(client):
    booth = BoothFactory()

    response = signed_in(client, EmployerOwnerFactory()).get(
        reverse("events:employer_booth", args=[booth.pk])
    )

    assert response.status_code == 404


def test_the_employers_fairs_page_lists_its_booths_and_open_fairs(client):
    booth = BoothFactory()
    open_fair = FairFactory(title="还能报名的招聘会")

    page = (
        signed_in(client, booth.employer.owner)
        .get(reverse("events:employer_fairs"))
        .content.decode()
    )

    assert booth.fair.title in page
    assert open_fair.title in page
