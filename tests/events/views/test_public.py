import pytest
from django.urls import reverse

from chengnuan.events.choices import FairStatus
from tests.employment.views_support import signed_in
from tests.events.factories import (
    DALIAN_GANJINGZI,
    BoothFactory,
    FairFactory,
    SignupFactory,
    SlotFactory,
    WorkerFactory,
)
from tests.factories import JobSeekerFactory

pytestmark = pytest.mark.django_db


def test_anyone_sees_upcoming_fairs_without_signing_in(client):
    fair = FairFactory()
    draft = FairFactory(status=FairStatus.DRAFT, published_at=None, title="还没发布的")

    page = client.get(reverse("events:fairs")).content.decode()

    assert fair.title in page
    assert draft.title not in page


def test_the_list_shows_a_chosen_county(client):
    tiexi = FairFactory()
    dalian = FairFactory(area_id=DALIAN_GANJINGZI, title="甘井子区招聘会")

    page = client.get(reverse("events:fairs"), {"area": DALIAN_GANJINGZI}).content.decode()

    assert dalian.title in page
    assert tiexi.title not in page


def test_a_worker_starts_with_fairs_near_where_they_live(client):
    worker = WorkerFactory()
    JobSeekerFactory(user=worker)  # lives in 铁西区
    tiexi = FairFactory()
    dalian = FairFactory(area_id=DALIAN_GANJINGZI, title="甘井子区招聘会")

    page = signed_in(client, worker).get(reverse("events:fairs")).content.decode()

    assert tiexi.title in page
    assert dalian.title not in page
    assert "按您登记的住处" in page


def test_a_bad_area_is_ignored_not_an_error(client):
    FairFactory()

    response = client.get(reverse("events:fairs"), {"area": "'; drop"})

    assert response.status_code == 200


def test_a_fairs_page_shows_its_booths_and_postings(client):
    booth = BoothFactory()
    posting = booth.postings.get()

    page = client.get(reverse("events:fair_detail", args=[booth.fair.pk])).content.decode()

    assert booth.employer.name in page
    assert posting.title in page
    assert "登录后报名" in page


def test_a_draft_fair_is_not_found(client):
    fair = FairFactory(status=FairStatus.DRAFT, published_at=None)

    assert client.get(reverse("events:fair_detail", args=[fair.pk])).status_code == 404


def test_a_cancelled_fair_says_why(client):
    fair = FairFactory(status=FairStatus.CANCELLED, cancel_reason="暴雪，改期举办")

    assert (
        "暴雪，改期举办"
        in client.get(reverse("events:fair_detail", args=[fair.pk])).content.decode()
    )


def test_a_signed_up_worker_sees_the_slots_they_can_book(client):
    slot = SlotFactory()
    signup = SignupFactory(fair=slot.booth.fair)

    page = signed_in(client, signup.worker).get(
        reverse("events:fair_detail", args=[signup.fair.pk])
    )

    assert signup.code in page.content.decode()
    assert reverse("events:slot_book", args=[signup.fair.pk, slot.pk]) in page.content.decode()


def test_the_print_page_lists_the_booths_on_a4_with_a_print_button_and_no_inline_script(client):
    fair = FairFactory()
    booths = [BoothFactory(fair=fair, number=n) for n in (1, 2)]

    response = client.get(reverse("events:fair_print", args=[fair.pk]))
    page = response.content.decode()

    assert response.status_code == 200
    for booth in booths:
        assert booth.employer.name in page
        assert booth.postings.get().title in page
    assert "data-print" in page
    assert "css/fair_print.css" in page
    assert "<script>" not in page and "onclick" not in page


def test_the_print_stylesheet_asks_for_a4():
    from django.contrib.staticfiles import finders

    with open(finders.find("css/fair_print.css"), encoding="utf-8") as sheet:
        assert "@page { size: A4" in sheet.read()


def test_turning_a_page_keeps_the_workers_home_area(client):
    worker = WorkerFactory()
    JobSeekerFactory(user=worker)
    dalian = FairFactory(area_id=DALIAN_GANJINGZI, title="甘井子区招聘会")

    page = signed_in(client, worker).get(reverse("events:fairs"), {"page": "1"}).content.decode()

    assert dalian.title not in page
    assert "按您登记的住处" in page
