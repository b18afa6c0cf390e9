"""Employment's side of a sheet import: the rules of many seekers and postings at once
(area, employer, dedupe, consent) and their fast writing, called per row, per batch and per
write by the bulk app's handlers."""

import pickle

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from chengnuan.employment.choices import (
    EmployerStatus,
    PostingStatus,
    RegisteredVia,
    SeekerStatus,
    Source,
)
from chengnuan.employment.models import (
    Consent,
    ConsentMethod,
    ConsentPurpose,
    Employer,
    JobSeeker,
    Posting,
)
from chengnuan.employment.permissions import employer_elsewhere_message
from chengnuan.employment.services.bulk import (
    EMPLOYER_BLOCKED,
    OUT_OF_AREA_POSTING,
    PostingBulkCreation,
    SeekerBulkRegistration,
)
from chengnuan.employment.services.seekers import OUT_OF_AREA_RESIDENCE
from chengnuan.employment.validation import clean_posting, clean_seeker
from tests.employment.factories import (
    LOADER_OCCUPATION,
    SHENYANG,
    DalianClerkFactory,
    employer_input,
    posting_input,
    seeker_input,
)
from tests.factories import (
    DALIAN_GANJINGZI,
    EmployerFactory,
    JobSeekerFactory,
    PostingFactory,
    StaffFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk():
    """A clerk of 沈阳市铁西区."""
    return StaffFactory()


def sheet(prepared):
    """Prepared rows numbered as on a sheet (row 3 is the first data row)."""
    return list(enumerate(prepared, start=3))


def write(service, prepared):
    with transaction.atomic():
        return service.write(prepared)


# --- job seekers --------------------------------------------------------------------------------


def prepared_seeker(registration, **overrides):
    return registration.prepare(clean_seeker(seeker_input(**overrides)))


def test_clerk_registers_people_of_their_area_with_the_consents_they_signed(clerk):
    registration = SeekerBulkRegistration(clerk=clerk)
    screened = registration.screen(sheet([prepared_seeker(registration, name="王秀英")]))
    assert (len(screened.new), screened.skipped, screened.errors) == (1, 0, {})
    assert write(registration, screened.new) == 1
    seeker = JobSeeker.objects.get()
    assert (seeker.name, seeker.status, seeker.registered_via, seeker.registered_by) == (
        "王秀英",
        SeekerStatus.ACTIVE,
        RegisteredVia.IMPORT,
        clerk,
    )
    assert list(seeker.wanted_occupations.values_list("code", flat=True)) == [LOADER_OCCUPATION]
    assert list(seeker.wanted_areas.values_list("code", flat=True)) == [SHENYANG]
    consents = set(
        Consent.objects.filter(seeker=seeker).values_list(
            "purpose", "granted", "method", "recorded_by"
        )
    )
    assert consents == {
        (ConsentPurpose.REGISTRATION, True, ConsentMethod.SIGNED, clerk.pk),
        (ConsentPurpose.PUSH, True, ConsentMethod.SIGNED, clerk.pk),
    }


def test_a_person_living_outside_the_clerks_area_is_refused():
    registration = SeekerBulkRegistration(clerk=DalianClerkFactory())
    with pytest.raises(ValidationError) as refused:
        prepared_seeker(registration)  # lives in 沈阳市铁西区
    assert refused.value.message_dict == {"residence_code": [OUT_OF_AREA_RESIDENCE]}


def test_someone_already_registered_is_skipped_not_registered_again(clerk):
    registered = JobSeekerFactory()
    registration = SeekerBulkRegistration(clerk=clerk)
    screened = registration.screen(
        sheet([prepared_seeker(registration, id_number=registered.id_number)])
    )
    assert (screened.new, screened.skipped, screened.errors) == ([], 1, {})


def test_the_same_person_twice_in_a_sheet_is_refused_on_the_later_row_even_a_batch_later(clerk):
    registration = SeekerBulkRegistration(clerk=clerk)
    data = seeker_input()
    first = registration.prepare(clean_seeker(data))
    again = prepared_seeker(registration, id_number=data.id_number, name="李秀英")
    screened = registration.screen([(3, first), (4, prepared_seeker(registration)), (5, again)])
    assert len(screened.new) == 2
    assert screened.errors == {
        5: {"id_number": ["和第3行是同一个人（身份证号相同），请删掉一行。"]}
    }
    write(registration, screened.new)
    later = registration.screen([(9, again)])  # already written, yet named as the sheet's own
    assert later.errors == {9: {"id_number": ["和第3行是同一个人（身份证号相同），请删掉一行。"]}}
    assert later.skipped == 0 and JobSeeker.objects.count() == 2


def test_preparing_a_seeker_queries_nothing_and_survives_the_trip_from_a_worker(
    clerk, django_assert_num_queries
):
    data = clean_seeker(seeker_input())
    with django_assert_num_queries(0):
        registration = SeekerBulkRegistration(clerk=clerk)
        prepared = registration.prepare(data)
    assert pickle.loads(pickle.dumps(prepared)) == prepared  # noqa: S301 (our own object)


# --- postings -----------------------------------------------------------------------------------


def prepared_posting(creation, *, employer=None, **overrides):
    posting = clean_posting(posting_input(**overrides))
    employer = employer or employer_input(county_code=posting.county_code)
    return creation.prepare(posting=posting, employer=employer)


def test_a_new_employer_is_registered_pending_from_its_first_row(clerk):
    creation = PostingBulkCreation(clerk=clerk)
    employer = employer_input(name="第一行的名字")
    rows = [
        prepared_posting(creation, employer=employer, title="装卸工"),
        prepared_posting(
            creation, employer=employer_input(uscc=employer.uscc, name="别名"), title="叉车司机"
        ),
    ]
    screened = creation.screen(sheet(rows))
    assert write(creation, screened.new) == 2
    registered = Employer.objects.get()
    assert (registered.name, registered.status, registered.source, registered.created_by) == (
        "第一行的名字",
        EmployerStatus.PENDING,
        Source.IMPORT,
        clerk,
    )
    postings = Posting.objects.filter(employer=registered)
    assert {(p.status, p.source, p.created_by_id) for p in postings} == {
        (PostingStatus.PENDING, Source.IMPORT, clerk.pk)
    }
    assert all(len(p.import_key) == 64 for p in postings)


def test_an_employer_named_in_two_batches_is_registered_once(clerk):
    creation = PostingBulkCreation(clerk=clerk)
    employer = employer_input()
    for title in ("装卸工", "焊工"):
        batch = creation.screen(sheet([prepared_posting(creation, employer=employer, title=title)]))
        write(creation, batch.new)
    assert Employer.objects.count() == 1 and Posting.objects.count() == 2


def test_the_search_index_learns_of_imported_postings_only_after_commit(
    clerk, django_capture_on_commit_callbacks, index_calls
):
    creation = PostingBulkCreation(clerk=clerk)
    screened = creation.screen(sheet([prepared_posting(creation)]))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        write(creation, screened.new)
        assert index_calls == []  # still inside the transaction
    assert len(callbacks) == 1
    assert index_calls == [[Posting.objects.get().pk]]


def test_a_posting_outside_the_clerks_area_is_refused():
    creation = PostingBulkCreation(clerk=DalianClerkFactory())
    with pytest.raises(ValidationError) as refused:
        prepared_posting(creation)  # in 沈阳市铁西区
    assert refused.value.message_dict == {"county_code": [OUT_OF_AREA_POSTING]}


def test_an_employer_whose_columns_are_wrong_is_refused_under_its_fields_every_time(clerk):
    creation = PostingBulkCreation(clerk=clerk)
    bad = employer_input(uscc="91210106MA0Y8D2K73")  # wrong check digit
    for _ in range(2):  # the second from the memo
        with pytest.raises(ValidationError) as refused:
            prepared_posting(creation, employer=bad)
        assert list(refused.value.message_dict) == ["uscc"]


@pytest.mark.parametrize("status", [EmployerStatus.REJECTED, EmployerStatus.SUSPENDED])
def test_rows_of_a_rejected_or_suspended_employer_are_refused(clerk, status):
    blocked = EmployerFactory(status=status, verified_at=None)
    creation = PostingBulkCreation(clerk=clerk)
    row = prepared_posting(creation, employer=employer_input(uscc=blocked.uscc))
    screened = creation.screen(sheet([row]))
    assert (screened.new, screened.errors) == ([], {3: {"uscc": [EMPLOYER_BLOCKED]}})


def test_an_employer_registered_in_another_area_is_refused_with_whom_to_ask():
    shenyang_employer = EmployerFactory()
    creation = PostingBulkCreation(clerk=DalianClerkFactory())
    row = prepared_posting(
        creation,
        employer=employer_input(uscc=shenyang_employer.uscc, county_code=DALIAN_GANJINGZI),
        county_code=DALIAN_GANJINGZI,
        township_code=None,
    )
    screened = creation.screen(sheet([row]))
    message = employer_elsewhere_message(shenyang_employer)
    assert screened.errors == {3: {"uscc": [message]}}
    assert "自己的账号" in message and shenyang_employer.name not in message
    assert screened.new == []


def test_a_posting_imported_before_or_repeated_in_the_sheet_is_skipped(clerk):
    employer = employer_input()
    first = PostingBulkCreation(clerk=clerk)
    screened = first.screen(sheet([prepared_posting(first, employer=employer)] * 2))
    assert (len(screened.new), screened.skipped) == (1, 1)
    write(first, screened.new)
    again = PostingBulkCreation(clerk=clerk)  # the same sheet, uploaded again
    screened = again.screen(sheet([prepared_posting(again, employer=employer)]))
    assert (screened.new, screened.skipped) == ([], 1)
    assert Posting.objects.count() == 1


def test_a_posting_entered_by_hand_is_no_import_and_does_not_block_one(clerk):
    PostingFactory.create_batch(2)  # no import key: both NULL, no collision
    creation = PostingBulkCreation(clerk=clerk)
    screened = creation.screen(sheet([prepared_posting(creation)]))
    assert len(screened.new) == 1 and write(creation, screened.new) == 1


def test_preparing_a_posting_queries_nothing_and_survives_the_trip_from_a_worker(
    clerk, django_assert_num_queries
):
    posting, employer = clean_posting(posting_input()), employer_input()
    creation = PostingBulkCreation(clerk=clerk)
    creation.prepare(posting=posting, employer=employer)  # warms the reference codes
    with django_assert_num_queries(0):
        creation = PostingBulkCreation(clerk=clerk)
        prepared = creation.prepare(posting=posting, employer=employer)
    assert prepared.employer == employer
    back = pickle.loads(pickle.dumps(prepared))  # noqa: S301 (our own object)
    # (on PostgreSQL the record holds psycopg's Jsonb wrappers, which do not compare)
    assert (back.uscc, back.import_key, back.employer, len(back.record)) == (
        prepared.uscc,
        prepared.import_key,
        prepared.employer,
        len(prepared.record),
    )
