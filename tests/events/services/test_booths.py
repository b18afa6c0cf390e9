import pytest
from django.core.exceptions import ValidationError

from chengnuan.core.models import AuditAction, AuditEntry
from chengnuan.employment.choices import EmployerStatus, PostingStatus
from chengnuan.events.choices import BoothStatus, FairStatus
from chengnuan.events.inputs import BoothInput, SlotInput
from chengnuan.events.models import Booth
from chengnuan.events.services.booths import (
    booth_decide,
    booth_request,
    booth_withdraw,
    slot_add,
    slot_remove,
)
from chengnuan.notifications.models import Notification
from tests.events.factories import (
    DALIAN_GANJINGZI,
    BoothFactory,
    EmployerOwnerFactory,
    FairFactory,
    OnlineFairFactory,
    PostingFactory,
    SlotFactory,
    in_days,
)
from tests.factories import EmployerFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return EmployerOwnerFactory()


@pytest.fixture
def employer(owner):
    return EmployerFactory(owner=owner)


def test_a_verified_employer_asks_for_a_booth_with_its_published_postings(owner, employer):
    fair = FairFactory()
    postings = [PostingFactory(employer=employer), PostingFactory(employer=employer)]

    booth = booth_request(fair=fair, employer=employer, actor=owner,
                          data=BoothInput(posting_ids=[p.pk for p in postings]))  # fmt: skip

    assert booth.status == BoothStatus.PENDING
    assert set(booth.postings.values_list("pk", flat=True)) == {p.pk for p in postings}
    note = Notification.objects.get(topic="events.booth_requested")
    assert note.recipient_id == fair.created_by_id


def test_an_unverified_employer_is_refused(owner):
    employer = EmployerFactory(owner=owner, status=EmployerStatus.PENDING, verified_at=None)
    posting = PostingFactory(employer=employer)

    with pytest.raises(ValidationError, match="还没有通过核验"):
        booth_request(fair=FairFactory(), employer=employer, actor=owner,
                      data=BoothInput(posting_ids=[posting.pk]))  # fmt: skip
    assert not Booth.objects.exists()


def test_only_the_employers_own_published_postings_may_be_brought(owner, employer):
    draft = PostingFactory(employer=employer, status=PostingStatus.DRAFT, published_at=None)
    someone_elses = PostingFactory()

    for posting in (draft, someone_elses):
        with pytest.raises(ValidationError) as caught:
            booth_request(fair=FairFactory(), employer=employer, actor=owner,
                          data=BoothInput(posting_ids=[posting.pk]))  # fmt: skip
        assert "posting_ids" in caught.value.error_dict


def test_another_account_cannot_ask_for_the_employers_booth(employer):
    posting = PostingFactory(employer=employer)

    with pytest.raises(ValidationError, match="自己的单位"):
        booth_request(fair=FairFactory(), employer=employer, actor=EmployerOwnerFactory(),
                      data=BoothInput(posting_ids=[posting.pk]))  # fmt: skip


def test_a_draft_fair_takes_no_booths(owner, employer):
    posting = PostingFactory(employer=employer)

    with pytest.raises(ValidationError, match="不接受报名"):
        booth_request(fair=FairFactory(status=FairStatus.DRAFT, published_at=None), employer=employer,
                      actor=owner, data=BoothInput(posting_ids=[posting.pk]))  # fmt: skip


def test_asking_twice_is_refused_but_a_refused_booth_may_ask_again(owner, employer):
    fair = FairFactory()
    data = BoothInput(posting_ids=[PostingFactory(employer=employer).pk])
    booth = booth_request(fair=fair, employer=employer, actor=owner, data=data)
    with pytest.raises(ValidationError, match="已经报名"):
        booth_request(fair=fair, employer=employer, actor=owner, data=data)

    booth_decide(booth=booth, actor=StaffFactory(), approve=False, note="岗位信息不全")
    again = booth_request(fair=fair, employer=employer, actor=owner, data=data)

    assert again.pk == booth.pk
    assert again.status == BoothStatus.PENDING
    assert again.decision_note == ""


def test_approval_numbers_the_booths_in_order_and_tells_the_employer():
    fair = FairFactory()
    first = BoothFactory(fair=fair, status=BoothStatus.PENDING, number=None)
    second = BoothFactory(fair=fair, status=BoothStatus.PENDING, number=None)
    staff = StaffFactory()

    booth_decide(booth=second, actor=staff, approve=True)
    booth_decide(booth=first, actor=staff, approve=True)

    assert Booth.objects.get(pk=second.pk).number == 1
    assert Booth.objects.get(pk=first.pk).number == 2
    told = Notification.objects.filter(topic="events.booth_decided")
    assert set(told.values_list("recipient_id", flat=True)) == {
        first.employer.owner_id,
        second.employer.owner_id,
    }
    assert AuditEntry.objects.filter(action=AuditAction.REVIEW, object_id=str(first.pk)).exists()


def test_refusal_needs_a_reason_the_employer_reads():
    booth = BoothFactory(status=BoothStatus.PENDING, number=None)
    with pytest.raises(ValidationError) as caught:
        booth_decide(booth=booth, actor=StaffFactory(), approve=False, note="")
    assert "note" in caught.value.error_dict

    booth_decide(booth=booth, actor=StaffFactory(), approve=False, note="不是本区招聘的岗位")

    message = Notification.objects.get(topic="events.booth_decided")
    assert "不是本区招聘的岗位" in message.body


def test_a_dalian_clerk_cannot_decide_on_a_shenyang_booth():
    booth = BoothFactory(status=BoothStatus.PENDING, number=None)

    with pytest.raises(ValidationError, match="不在您负责的区域"):
        booth_decide(booth=booth, actor=StaffFactory(area_id=DALIAN_GANJINGZI), approve=True)


def test_withdraw_frees_the_booth_number():
    booth = BoothFactory()

    booth = booth_withdraw(booth=booth, actor=booth.employer.owner)

    assert booth.status == BoothStatus.WITHDRAWN
    assert booth.number is None


def test_an_online_booth_offers_interview_slots_inside_the_fair():
    booth = BoothFactory(fair=OnlineFairFactory())
    owner = booth.employer.owner

    slot = slot_add(booth=booth, actor=owner,
                    data=SlotInput(starts_at=in_days(3, 10), ends_at=in_days(3, 11), capacity=4))  # fmt: skip

    assert slot.capacity == 4
    with pytest.raises(ValidationError) as caught:
        slot_add(booth=booth, actor=owner,
                 data=SlotInput(starts_at=in_days(30, 10), ends_at=in_days(30, 11), capacity=4))  # fmt: skip
    assert "starts_at" in caught.value.error_dict


def test_an_offline_fair_has_no_slots():
    booth = BoothFactory()

    with pytest.raises(ValidationError, match="现场招聘会"):
        slot_add(booth=booth, actor=booth.employer.owner,
                 data=SlotInput(starts_at=in_days(3, 10), ends_at=in_days(3, 11), capacity=4))  # fmt: skip


def test_a_booked_slot_cannot_be_removed():
    slot = SlotFactory(booked=1)

    with pytest.raises(ValidationError, match="已经有人预约"):
        slot_remove(slot=slot, actor=slot.booth.employer.owner)
