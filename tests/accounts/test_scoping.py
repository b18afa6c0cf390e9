"""Area scope: staff see their adcode prefix only."""

import pytest

from chengnuan.accounts.models import StaffRole
from chengnuan.accounts.scoping import in_scope, scope_filter
from chengnuan.employment.models import JobSeeker
from tests.factories import JobSeekerFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

TIEXI_TOWNSHIP = "210106001"
GANJINGZI_TOWNSHIP = "210211001"


@pytest.fixture
def seekers():
    return {
        "tiexi": JobSeekerFactory(residence_id=TIEXI_TOWNSHIP, area_code=TIEXI_TOWNSHIP),
        "ganjingzi": JobSeekerFactory(
            residence_id=GANJINGZI_TOWNSHIP, area_code=GANJINGZI_TOWNSHIP
        ),
    }


def visible(user):
    return set(
        scope_filter(JobSeeker.objects.all(), user, "area_code").values_list("area_code", flat=True)
    )


def test_a_tiexi_clerk_sees_tiexi_only(seekers):
    clerk = StaffFactory(role=StaffRole.CLERK, area_id="210106")
    assert visible(clerk) == {TIEXI_TOWNSHIP}
    assert in_scope(clerk, TIEXI_TOWNSHIP)
    assert not in_scope(clerk, GANJINGZI_TOWNSHIP)


def test_a_dalian_clerk_cannot_see_shenyang(seekers):
    clerk = StaffFactory(role=StaffRole.CLERK, area_id="210211")
    assert visible(clerk) == {GANJINGZI_TOWNSHIP}
    assert not in_scope(clerk, TIEXI_TOWNSHIP)


def test_a_shenyang_city_officer_sees_every_shenyang_district_but_not_dalian(seekers):
    officer = StaffFactory(role=StaffRole.CITY, area_id="2101")
    assert visible(officer) == {TIEXI_TOWNSHIP}
    assert in_scope(officer, "210102003")


def test_a_province_officer_sees_the_whole_province(seekers):
    officer = StaffFactory(role=StaffRole.PROVINCE, area_id="21")
    assert visible(officer) == {TIEXI_TOWNSHIP, GANJINGZI_TOWNSHIP}
    assert not in_scope(officer, "110101")


def test_workers_and_employers_are_in_no_scope(seekers):
    worker = UserFactory()
    assert visible(worker) == set()
    assert not in_scope(worker, TIEXI_TOWNSHIP)


def test_an_empty_area_code_is_never_in_scope():
    officer = StaffFactory(role=StaffRole.PROVINCE, area_id="21")
    assert not in_scope(officer, "")
    assert not in_scope(officer, None)
