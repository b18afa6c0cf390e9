"""Reads of job seekers: the staff list of an area, its filters and look-ups, a worker's own."""

import pytest

from chengnuan.employment.choices import SeekerStatus
from chengnuan.employment.selectors.seekers import (
    SeekerFilters,
    seeker_for_user,
    seeker_lookup,
    seekers_for_staff,
)
from tests.employment.factories import (
    DALIAN_GANJINGZI_TOWNSHIP,
    SHENYANG_TIEXI_OTHER_TOWNSHIP,
    DalianClerkFactory,
    EmployerUserFactory,
    ShenyangCityStaffFactory,
    WorkerFactory,
)
from tests.factories import JobSeekerFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_seekers_for_staff_by_area_prefix():
    tiexi = JobSeekerFactory()
    dalian = JobSeekerFactory(residence_id=DALIAN_GANJINGZI_TOWNSHIP)
    assert list(seekers_for_staff(StaffFactory())) == [tiexi]
    assert list(seekers_for_staff(DalianClerkFactory())) == [dalian]
    assert set(seekers_for_staff(ShenyangCityStaffFactory())) == {tiexi}
    assert list(seekers_for_staff(EmployerUserFactory())) == []


def looked_up(**typed) -> SeekerFilters:
    return SeekerFilters(lookup=seeker_lookup(**typed))


def test_seeker_filters():
    older = JobSeekerFactory(is_older=True, name="李大山")
    other = JobSeekerFactory(residence_id=SHENYANG_TIEXI_OTHER_TOWNSHIP, status=SeekerStatus.PAUSED)
    clerk = StaffFactory()
    assert list(seekers_for_staff(clerk, SeekerFilters(is_older=True))) == [older]
    assert list(seekers_for_staff(clerk, looked_up(name="大山"))) == [older]
    assert list(seekers_for_staff(clerk, looked_up(id_number=other.id_number.lower()))) == [other]
    assert list(seekers_for_staff(clerk, looked_up(phone=older.phone))) == [older]
    assert list(seekers_for_staff(clerk, SeekerFilters(status=SeekerStatus.PAUSED))) == [other]
    assert list(
        seekers_for_staff(clerk, SeekerFilters(area_code=SHENYANG_TIEXI_OTHER_TOWNSHIP))
    ) == [other]


def test_filter_cannot_widen_the_scope():
    JobSeekerFactory(residence_id=DALIAN_GANJINGZI_TOWNSHIP)
    assert list(seekers_for_staff(StaffFactory(), SeekerFilters(area_code="2102"))) == []


def test_seeker_for_user():
    user = WorkerFactory()
    seeker = JobSeekerFactory(user=user)
    assert seeker_for_user(user) == seeker
    assert seeker_for_user(WorkerFactory()) is None
