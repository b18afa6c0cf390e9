import datetime

import pytest
from django.utils import timezone

from chengnuan.accounts.models import StaffRole
from chengnuan.events.choices import FairStatus
from chengnuan.events.selectors.fairs import fairs_near, home_area, staff_fairs, upcoming_fairs
from tests.events.factories import DALIAN_GANJINGZI, FairFactory, WorkerFactory
from tests.factories import JobSeekerFactory, StaffFactory

pytestmark = pytest.mark.django_db

SHENYANG_HEPING = "210102"


def test_upcoming_fairs_are_published_and_not_over_soonest_first():
    later = FairFactory(starts_at=timezone.now() + datetime.timedelta(days=6),
                        ends_at=timezone.now() + datetime.timedelta(days=6, hours=6))  # fmt: skip
    soon = FairFactory()
    FairFactory(status=FairStatus.DRAFT, published_at=None)
    FairFactory(starts_at=timezone.now() - datetime.timedelta(hours=5),
                ends_at=timezone.now() - datetime.timedelta(hours=1))  # fmt: skip

    assert list(upcoming_fairs()) == [soon, later]


def test_near_a_county_are_its_own_fairs_and_the_city_wide_ones():
    tiexi = FairFactory()
    city_wide = FairFactory(area_id="2101", address="沈阳市浑南区会展中心")
    FairFactory(area_id=SHENYANG_HEPING)
    FairFactory(area_id=DALIAN_GANJINGZI)

    assert set(fairs_near("210106001")) == {tiexi, city_wide}


def test_near_a_city_is_every_fair_in_it():
    tiexi = FairFactory()
    heping = FairFactory(area_id=SHENYANG_HEPING)
    FairFactory(area_id=DALIAN_GANJINGZI)

    assert set(fairs_near("2101")) == {tiexi, heping}


def test_a_worker_lives_where_their_registration_says():
    worker = WorkerFactory()
    JobSeekerFactory(user=worker)

    assert home_area(worker) == "210106001"
    assert home_area(WorkerFactory()) == ""


def test_staff_see_the_fairs_of_their_area_only():
    tiexi = FairFactory()
    dalian = FairFactory(area_id=DALIAN_GANJINGZI)
    city_wide = FairFactory(area_id="2101", address="会展中心")

    assert set(staff_fairs(StaffFactory())) == {tiexi}
    assert set(staff_fairs(StaffFactory(role=StaffRole.CITY, area_id="2101"))) == {tiexi, city_wide}
    assert set(staff_fairs(StaffFactory(area_id=DALIAN_GANJINGZI))) == {dalian}
