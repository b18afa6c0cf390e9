import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from chengnuan.core.models import AuditAction, AuditEntry
from chengnuan.employment.choices import EmployerStatus, Source
from chengnuan.employment.selectors.postings import public_postings
from chengnuan.employment.services.employers import employer_register, employer_verify
from tests.employment.factories import (
    DALIAN_GANJINGZI,
    DalianClerkFactory,
    EmployerUserFactory,
    PendingEmployerFactory,
    WorkerFactory,
    employer_input,
)
from tests.factories import EmployerFactory, PostingFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_employer_account_registers_and_waits_for_verification():
    owner = EmployerUserFactory()
    employer = employer_register(
        data=employer_input(contact_phone="13812345678"),
        owner=owner,
        created_by=owner,
        source=Source.EMPLOYER,
    )
    employer.refresh_from_db()
    assert (employer.status, employer.owner, employer.verified_at) == (
        EmployerStatus.PENDING,
        owner,
        None,
    )
    assert employer.contact_phone_masked == "138****5678"
    # Self-service changes of personal data (the contact) are audited too (issue 10).
    assert AuditEntry.objects.get(object_id=str(employer.pk)).actor == owner


def test_clerk_entering_an_employer_in_own_area_verifies_it_at_once():
    clerk = StaffFactory()
    employer = employer_register(
        data=employer_input(), owner=None, created_by=clerk, source=Source.CLERK
    )
    assert (employer.status, employer.verified_by) == (EmployerStatus.VERIFIED, clerk)
    assert employer.verified_at is not None
    assert AuditEntry.objects.filter(
        actor=clerk, action=AuditAction.CREATE, object_id=str(employer.pk)
    ).exists()


def test_clerk_cannot_enter_an_employer_outside_the_area():
    with pytest.raises(ValidationError) as excinfo:
        employer_register(
            data=employer_input(), owner=None, created_by=DalianClerkFactory(), source=Source.CLERK
        )
    assert "county_code" in excinfo.value.message_dict


def test_duplicate_uscc_is_refused_clearly():
    data = employer_input()
    employer_register(data=data, owner=None, created_by=StaffFactory(), source=Source.CLERK)
    owner = EmployerUserFactory()
    with pytest.raises(ValidationError) as excinfo:
        employer_register(
            data=employer_input(uscc=data.uscc.lower()),
            owner=owner,
            created_by=owner,
            source=Source.EMPLOYER,
        )
    assert excinfo.value.message_dict["uscc"][0].startswith("这个统一社会信用代码已经登记过了")


def test_bad_uscc_phone_and_county_are_reported():
    with pytest.raises(ValidationError) as excinfo:
        employer_register(
            data=employer_input(uscc="91210106ABCDEFGHIJ", contact_phone="12", county_code="2101"),
            owner=None, created_by=None, source=Source.IMPORT,
        )  # fmt: skip
    assert {"uscc", "contact_phone", "county_code"} <= set(excinfo.value.message_dict)


def test_worker_account_cannot_own_an_employer():
    worker = WorkerFactory()
    with pytest.raises(PermissionDenied):
        employer_register(
            data=employer_input(), owner=worker, created_by=worker, source=Source.EMPLOYER
        )


def test_clerk_verifies_a_pending_employer_and_it_is_audited():
    employer = PendingEmployerFactory()
    clerk = StaffFactory()
    employer = employer_verify(employer=employer, actor=clerk, approve=True, note="营业执照已核对")
    assert (employer.status, employer.verified_by) == (EmployerStatus.VERIFIED, clerk)
    assert AuditEntry.objects.get(action=AuditAction.REVIEW, object_id=str(employer.pk)).detail[
        "approve"
    ]
    with pytest.raises(ValidationError):
        employer_verify(employer=employer, actor=clerk, approve=True)


def test_refusing_needs_a_reason():
    with pytest.raises(ValidationError) as excinfo:
        employer_verify(employer=PendingEmployerFactory(), actor=StaffFactory(), approve=False)
    assert "note" in excinfo.value.message_dict


def test_refused_pending_employer_is_rejected():
    employer = employer_verify(
        employer=PendingEmployerFactory(),
        actor=StaffFactory(),
        approve=False,
        note="执照与名称不符",
    )
    assert (employer.status, employer.status_note) == (EmployerStatus.REJECTED, "执照与名称不符")


def test_refusing_a_verified_employer_suspends_it_and_hides_its_postings(
    django_capture_on_commit_callbacks, index_calls
):
    employer = EmployerFactory()
    posting = PostingFactory(employer=employer)
    assert posting in public_postings()
    with django_capture_on_commit_callbacks(execute=True):
        employer = employer_verify(
            employer=employer, actor=StaffFactory(), approve=False, note="被举报欠薪，暂停"
        )
    assert employer.status == EmployerStatus.SUSPENDED
    assert posting not in public_postings()
    assert index_calls == [[posting.pk]]


@pytest.mark.parametrize("actor", [DalianClerkFactory, WorkerFactory, EmployerUserFactory])
def test_only_staff_of_the_area_verify(actor):
    with pytest.raises(PermissionDenied):
        employer_verify(employer=PendingEmployerFactory(), actor=actor(), approve=True)


def test_dalian_clerk_verifies_a_dalian_employer():
    employer = PendingEmployerFactory(county_id=DALIAN_GANJINGZI)
    assert (
        employer_verify(employer=employer, actor=DalianClerkFactory(), approve=True).status
        == EmployerStatus.VERIFIED
    )
