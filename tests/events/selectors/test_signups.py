import pytest

from chengnuan.core import crypto
from chengnuan.core.models import AuditAction, AuditEntry
from chengnuan.events.selectors.signups import signups_for_staff, signups_for_worker
from tests.events.factories import FairFactory, SignupFactory, WorkerFactory
from tests.factories import StaffFactory, make_mobile

pytestmark = pytest.mark.django_db


def _worker_with_phone(phone: str):
    return WorkerFactory(
        phone=phone, phone_hash=crypto.lookup_hash(phone), phone_masked=crypto.mask_phone(phone)
    )


@pytest.fixture
def door():
    fair = FairFactory()
    phone = make_mobile()
    wanted = SignupFactory(fair=fair, worker=_worker_with_phone(phone))
    SignupFactory(fair=fair)
    return fair, wanted, phone


@pytest.mark.parametrize("typed", ["code", "last4", "phone"])
def test_the_door_finds_a_signup_by_code_or_phone(door, typed):
    fair, wanted, phone = door
    query = {"code": wanted.code.lower(), "last4": phone[-4:], "phone": phone}[typed]

    found = list(signups_for_staff(StaffFactory(), fair, query=query))

    assert wanted in found
    if typed != "last4":  # four digits may be shared; a code or a whole number is not
        assert found == [wanted]


def test_reading_the_door_list_is_audited_with_whom_it_showed(door):
    fair, wanted, phone = door
    staff = StaffFactory()

    list(signups_for_staff(staff, fair, query=phone))

    entry = AuditEntry.objects.get(action=AuditAction.VIEW, object_type="events.fairsignup")
    assert entry.actor_id == staff.pk
    assert entry.detail["list"] == [wanted.pk]
    assert phone not in str(entry.detail)


def test_a_worker_sees_their_own_signups():
    mine = SignupFactory()
    SignupFactory()

    assert list(signups_for_worker(mine.worker)) == [mine]
