"""Reads of employers: an employer account's own, the staff list of an area."""

import pytest

from chengnuan.employment.choices import EmployerStatus
from chengnuan.employment.selectors.employers import employers_for_owner, employers_for_staff
from tests.employment.factories import (
    DALIAN_GANJINGZI,
    DalianClerkFactory,
    EmployerUserFactory,
    WorkerFactory,
)
from tests.factories import EmployerFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_employers_for_staff_and_owner():
    owner = EmployerUserFactory()
    mine = EmployerFactory(owner=owner)
    dalian = EmployerFactory(
        county_id=DALIAN_GANJINGZI, status=EmployerStatus.PENDING, verified_at=None
    )
    assert list(employers_for_staff(StaffFactory())) == [mine]
    assert list(employers_for_staff(DalianClerkFactory(), status=EmployerStatus.PENDING)) == [
        dalian
    ]
    assert list(employers_for_owner(owner)) == [mine]
    assert list(employers_for_owner(WorkerFactory())) == []
