import pytest

from tests.employment.views_support import staff_signed_in
from tests.factories import StaffFactory


@pytest.fixture
def clerk(client):
    """A 铁西区 (Shenyang) clerk of 人社, past the second factor."""
    staff = StaffFactory()
    staff_signed_in(client, staff)
    return staff
