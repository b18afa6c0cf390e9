import pytest

from chengnuan.accounts.selectors import my_data
from chengnuan.accounts.services.account import account_close
from chengnuan.events.models import FairSignup
from chengnuan.events.privacy import audited_records, erase_personal_data, personal_data
from tests.events.factories import SignupFactory

pytestmark = pytest.mark.django_db


def test_a_workers_signups_are_in_their_data_with_the_entry_code():
    signup = SignupFactory()

    sections = personal_data(signup.worker)

    assert [s.key for s in sections] == ["fair_signups"]
    record = {item.name: item.value for item in sections[0].records[0]}
    assert record["fair"] == signup.fair.title
    assert record["code"] == signup.code


def test_someone_without_signups_gets_no_section():
    assert personal_data(SignupFactory().fair.created_by) == []


def test_erasing_removes_only_their_signups():
    signup, other = SignupFactory(), SignupFactory()

    assert erase_personal_data(signup.worker) == {"fair_signups": 1}
    assert list(FairSignup.objects.all()) == [other]


def test_staff_reads_of_a_signup_can_be_found_by_the_worker():
    signup = SignupFactory()

    assert [(r.object_type, r.object_id) for r in audited_records(signup.worker)] == [
        ("events.fairsignup", str(signup.pk))
    ]


def test_my_data_page_and_account_closing_reach_the_hook():
    signup = SignupFactory()

    assert "fair_signups" in [s.key for s in my_data(signup.worker)]
    account_close(user=signup.worker)

    assert not FairSignup.objects.exists()
