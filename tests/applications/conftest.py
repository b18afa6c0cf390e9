import pytest

from tests.applications.support import make_world


@pytest.fixture
def world(db):
    return make_world()
