import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from chengnuan.core.models import AuditAction, AuditEntry
from chengnuan.employment.choices import EmployerStatus, PostingStatus, Source, WageUnit
from chengnuan.employment.inputs import PostingInput
from chengnuan.employment.services.employers import employer_verify
from chengnuan.employment.services.postings import (
    posting_close,
    posting_create,
    posting_review,
    posting_submit,
    posting_update,
)
from chengnuan.search.classify import suggest_occupation
from tests.employment.factories import (
    LOADER_OCCUPATION,
    DalianClerkFactory,
    EmployerUserFactory,
    PendingEmployerFactory,
    WorkerFactory,
    posting_input,
)
from tests.factories import EmployerFactory, PostingFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return EmployerUserFactory()


@pytest.fixture
def employer(owner):
    return EmployerFactory(owner=owner)


def create(employer, actor, submit=False, **overrides):
    return posting_create(
        employer=employer,
        data=posting_input(**overrides),
        actor=actor,
        source=Source.EMPLOYER,
        submit=submit,
    )


def errors_of(excinfo):
    return excinfo.value.message_dict


# --- create -----------------------------------------------------------------------------------


def test_employer_creates_a_draft_with_derived_fields(
    employer, owner, index_calls, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        posting = create(employer, owner, contact_phone="13812345678")
    posting.refresh_from_db()
    assert posting.status == PostingStatus.DRAFT
    assert posting.city_code == "2101"
    assert (posting.monthly_wage_min, posting.monthly_wage_max) == (4500, 6000)
    assert posting.open_to_older is True  # age_max 55
    assert posting.contact_phone == "13812345678"
    assert posting.contact_phone_masked == "138****5678"
    assert posting.created_by == owner
    assert index_calls == [[posting.pk]]


def test_submit_on_create_sends_it_for_review(employer, owner):
    assert create(employer, owner, submit=True).status == PostingStatus.PENDING


def test_daily_wage_gets_monthly_equivalent(employer, owner):
    posting = create(employer, owner, wage_min=200, wage_max=260, wage_unit=WageUnit.DAY)
    assert (posting.monthly_wage_min, posting.monthly_wage_max) == (4350, 5655)  # × 21.75


def test_piece_rate_has_no_monthly_equivalent(employer, owner):
    posting = create(employer, owner, wage_min=2, wage_max=3, wage_unit=WageUnit.PIECE)
    assert posting.monthly_wage_min is None and posting.monthly_wage_max is None


@pytest.mark.parametrize(("age_max", "older"), [(None, True), (50, True), (49, False), (35, False)])
def test_open_to_older_follows_the_age_limit(employer, owner, age_max, older):
    assert create(employer, owner, age_max=age_max, age_min=None).open_to_older is older


def test_posting_that_says_men_only_is_refused_with_the_reason(employer, owner):
    with pytest.raises(ValidationError) as excinfo:
        create(employer, owner, description="仓库装卸，限男性，包吃住")
    (message,) = errors_of(excinfo)["description"]
    assert "限男性" in message and "《就业促进法》" in message
    assert not employer.postings.exists()


def test_discriminatory_title_is_filed_under_title(employer, owner):
    with pytest.raises(ValidationError) as excinfo:
        create(employer, owner, title="招女工（未婚）")
    assert set(errors_of(excinfo)) == {"title"}


def test_all_bad_fields_are_reported_at_once(employer, owner):
    with pytest.raises(ValidationError) as excinfo:
        create(employer, owner, wage_min=7000, wage_max=6000, headcount=0, contact_phone="12345")
    assert {"wage_max", "headcount", "contact_phone"} <= set(errors_of(excinfo))


def test_worker_cannot_create_a_posting(employer):
    with pytest.raises(PermissionDenied):
        create(employer, WorkerFactory())


def test_employer_cannot_post_for_another_employer(employer):
    with pytest.raises(PermissionDenied):
        create(employer, EmployerUserFactory())


def test_clerk_creates_posting_in_own_area_and_it_is_audited(employer):
    clerk = StaffFactory()
    posting = posting_create(
        employer=employer, data=posting_input(), actor=clerk, source=Source.CLERK, submit=True
    )
    assert posting.source == Source.CLERK
    assert AuditEntry.objects.filter(
        actor=clerk, action=AuditAction.CREATE, object_id=str(posting.pk)
    ).exists()


def test_dalian_clerk_cannot_place_a_posting_in_shenyang(employer):
    with pytest.raises(ValidationError) as excinfo:
        create(employer, DalianClerkFactory())
    assert "county_code" in errors_of(excinfo)


@pytest.mark.parametrize("status", [EmployerStatus.REJECTED, EmployerStatus.SUSPENDED])
def test_rejected_or_suspended_employer_cannot_post(owner, status):
    employer = EmployerFactory(owner=owner, status=status)
    with pytest.raises(ValidationError) as excinfo:
        create(employer, owner)
    assert "__all__" in errors_of(excinfo)


def test_pending_employer_may_prepare_and_submit_postings(owner):
    employer = PendingEmployerFactory(owner=owner)
    assert create(employer, owner, submit=True).status == PostingStatus.PENDING


def test_system_import_needs_no_actor(employer):
    posting = posting_create(
        employer=employer, data=posting_input(), actor=None, source=Source.IMPORT, submit=False
    )
    assert posting.created_by is None and posting.source == Source.IMPORT


def test_missing_occupation_is_filled_from_the_job_title(employer, owner):
    expected = suggest_occupation("叉车司机")
    assert expected is not None
    assert (
        create(employer, owner, title="叉车司机", occupation_code=None).occupation_id
        == expected.code
    )


def test_title_the_classifier_cannot_place_keeps_no_occupation(employer, owner):
    assert create(employer, owner, title="asdf", occupation_code=None).occupation_id is None


def test_chosen_occupation_is_kept(employer, owner):
    assert create(employer, owner, title="叉车司机").occupation_id == LOADER_OCCUPATION


# --- update -----------------------------------------------------------------------------------


def test_employer_editing_a_live_posting_sends_it_back_to_review(employer, owner):
    posting = PostingFactory(employer=employer)
    posting = posting_update(posting=posting, data=posting_input(title="叉车司机"), actor=owner)
    assert (posting.title, posting.status) == ("叉车司机", PostingStatus.PENDING)


def test_staff_edit_keeps_a_live_posting_live(employer):
    posting = PostingFactory(employer=employer)
    clerk = StaffFactory()
    posting = posting_update(posting=posting, data=posting_input(headcount=8), actor=clerk)
    assert (posting.headcount, posting.status) == (8, PostingStatus.PUBLISHED)
    assert AuditEntry.objects.filter(actor=clerk, action=AuditAction.UPDATE).exists()


@pytest.mark.parametrize("status", [PostingStatus.CLOSED, PostingStatus.EXPIRED])
def test_finished_posting_cannot_be_edited(employer, owner, status):
    posting = PostingFactory(employer=employer, status=status)
    with pytest.raises(ValidationError):
        posting_update(posting=posting, data=posting_input(), actor=owner)


def test_edit_that_adds_discrimination_is_refused(employer, owner):
    posting = PostingFactory(employer=employer)
    with pytest.raises(ValidationError) as excinfo:
        posting_update(posting=posting, data=posting_input(description="本地人优先"), actor=owner)
    assert "description" in errors_of(excinfo)
    posting.refresh_from_db()
    assert posting.status == PostingStatus.PUBLISHED


def test_other_employer_cannot_edit(employer):
    posting = PostingFactory(employer=employer)
    with pytest.raises(PermissionDenied):
        posting_update(posting=posting, data=posting_input(), actor=EmployerUserFactory())


# --- submit, review, close ------------------------------------------------------------------


def test_draft_is_submitted(employer, owner, index_calls, django_capture_on_commit_callbacks):
    posting = create(employer, owner)
    with django_capture_on_commit_callbacks(execute=True):
        posting = posting_submit(posting=posting, actor=owner)
    assert posting.status == PostingStatus.PENDING
    assert index_calls[-1] == [posting.pk]


def test_pending_posting_cannot_be_submitted_again(employer, owner):
    posting = create(employer, owner, submit=True)
    with pytest.raises(ValidationError):
        posting_submit(posting=posting, actor=owner)


def test_draft_past_its_end_date_is_not_submitted(employer, owner):
    posting = PostingFactory(
        employer=employer, status=PostingStatus.DRAFT, published_at=None,
        valid_until=timezone.localdate() - datetime.timedelta(days=1),
    )  # fmt: skip
    with pytest.raises(ValidationError) as excinfo:
        posting_submit(posting=posting, actor=owner)
    assert "valid_until" in errors_of(excinfo)


def test_clerk_publishes_a_pending_posting(
    employer, owner, index_calls, django_capture_on_commit_callbacks
):
    posting = create(employer, owner, submit=True)
    clerk = StaffFactory()
    with django_capture_on_commit_callbacks(execute=True):
        posting = posting_review(posting=posting, actor=clerk, approve=True, note="信息齐全")
    assert posting.status == PostingStatus.PUBLISHED
    assert posting.published_at is not None and posting.reviewed_by == clerk
    assert index_calls[-1] == [posting.pk]
    entry = AuditEntry.objects.get(action=AuditAction.REVIEW, object_id=str(posting.pk))
    assert entry.detail["approve"] is True


def test_posting_of_unverified_employer_cannot_be_published(owner):
    employer = PendingEmployerFactory(owner=owner)
    posting = create(employer, owner, submit=True)
    with pytest.raises(ValidationError) as excinfo:
        posting_review(posting=posting, actor=StaffFactory(), approve=True)
    assert "先核验单位" in errors_of(excinfo)["__all__"][0]
    posting.refresh_from_db()
    assert posting.status == PostingStatus.PENDING


def test_verifying_the_employer_first_lets_the_posting_publish(owner):
    employer = PendingEmployerFactory(owner=owner)
    posting = create(employer, owner, submit=True)
    clerk = StaffFactory()
    employer_verify(employer=employer, actor=clerk, approve=True)
    assert (
        posting_review(posting=posting, actor=clerk, approve=True).status == PostingStatus.PUBLISHED
    )


def test_rejection_needs_a_reason(employer, owner):
    posting = create(employer, owner, submit=True)
    with pytest.raises(ValidationError) as excinfo:
        posting_review(posting=posting, actor=StaffFactory(), approve=False, note="  ")
    assert "note" in errors_of(excinfo)


def test_rejected_posting_can_be_fixed_and_resubmitted(employer, owner):
    posting = create(employer, owner, submit=True)
    posting = posting_review(
        posting=posting, actor=StaffFactory(), approve=False, note="工资写反了"
    )
    assert (posting.status, posting.review_note) == (PostingStatus.REJECTED, "工资写反了")
    posting = posting_update(posting=posting, data=posting_input(wage_min=5000), actor=owner)
    assert posting_submit(posting=posting, actor=owner).status == PostingStatus.PENDING


def test_dalian_clerk_cannot_review_a_shenyang_posting(employer, owner):
    posting = create(employer, owner, submit=True)
    with pytest.raises(PermissionDenied):
        posting_review(posting=posting, actor=DalianClerkFactory(), approve=True)


def test_employer_cannot_review_its_own_posting(employer, owner):
    posting = create(employer, owner, submit=True)
    with pytest.raises(PermissionDenied):
        posting_review(posting=posting, actor=owner, approve=True)


def test_only_pending_postings_are_reviewed(employer, owner):
    posting = create(employer, owner)
    with pytest.raises(ValidationError):
        posting_review(posting=posting, actor=StaffFactory(), approve=True)


def test_imported_discriminatory_text_is_caught_at_review(employer):
    posting = PostingFactory(
        employer=employer, status=PostingStatus.PENDING, published_at=None, description="限本地户口"
    )
    with pytest.raises(ValidationError) as excinfo:
        posting_review(posting=posting, actor=StaffFactory(), approve=True)
    assert "description" in errors_of(excinfo)


def test_live_posting_is_closed(employer, owner, index_calls, django_capture_on_commit_callbacks):
    posting = PostingFactory(employer=employer)
    with django_capture_on_commit_callbacks(execute=True):
        posting = posting_close(posting=posting, actor=owner)
    assert posting.status == PostingStatus.CLOSED and posting.closed_at is not None
    assert index_calls == [[posting.pk]]
    with pytest.raises(ValidationError):
        posting_close(posting=posting, actor=owner)


def test_nothing_reaches_the_index_when_the_transaction_fails(
    employer, owner, index_calls, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        create(employer, owner, description="限男性")
    assert index_calls == []


def test_input_round_trips_through_a_posting(employer, owner):
    data = posting_input()
    posting = posting_create(
        employer=employer, data=data, actor=owner, source=Source.EMPLOYER, submit=False
    )
    assert PostingInput.from_posting(posting) == data
