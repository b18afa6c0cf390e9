import pytest

from chengnuan.accounts.selectors import my_data
from chengnuan.accounts.services.account import account_close
from chengnuan.applications.models import Application
from chengnuan.applications.privacy import erase_personal_data, personal_data
from tests.applications.support import invited, make_world

pytestmark = pytest.mark.django_db


def test_a_worker_sees_their_applications_with_their_history(world):
    invited(world)
    [section] = personal_data(world.worker)
    [record] = section.records
    values = {item.name: item.value for item in record}
    assert values["posting"] == world.posting.title
    assert values["status"] == "invited"
    assert len(values["history"]) == 2 and len(values["interviews"]) == 1


def test_nothing_is_shown_to_someone_without_applications(world):
    assert personal_data(world.owner) == []


def test_erasing_takes_only_their_applications(world):
    invited(world)
    other = make_world()
    invited(other)
    assert erase_personal_data(world.worker) == {"applications": 1}
    assert Application.objects.get().seeker == other.seeker
    assert erase_personal_data(world.worker) == {}


def test_my_data_lists_the_applications_and_closing_the_account_erases_them(world):
    invited(world)
    assert "applications" in [section.key for section in my_data(world.worker)]
    account_close(user=world.worker)
    assert not Application.objects.exists()
