import datetime

import pytest
from django.http import Http404
from django.utils import timezone

from chengnuan.core.models import AuditAction, AuditEntry
from chengnuan.employment import access
from chengnuan.employment.choices import EmployerStatus, PostingStatus, SeekerStatus
from chengnuan.employment.selectors.employers import employers_for_owner, employers_for_staff
from chengnuan.employment.selectors.postings import (
    posting_for_public,
    public_postings,
    review_queue,
)
from chengnuan.employment.selectors.seekers import (
    SeekerFilters,
    seeker_for_user,
    seeker_lookup,
    seekers_for_staff,
)
from tests.employment.factories import (
    DALIAN_GANJINGZI,
    DALIAN_GANJINGZI_TOWNSHIP,
    SHENYANG_TIEXI_OTHER_TOWNSHIP,
    DalianClerkFactory,
    EmployerUserFactory,
    PendingEmployerFactory,
    ShenyangCityStaffFactory,
    WorkerFactory,
)
from tests.factories import EmployerFactory, JobSeekerFactory, PostingFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_public_postings_are_live_current_and_from_verified_employers():
    live = PostingFactory()
    PostingFactory(status=PostingStatus.PENDING, published_at=None)
    PostingFactory(valid_until=timezone.localdate() - datetime.timedelta(days=1))
    PostingFactory(employer=PendingEmployerFactory())
    PostingFactory(employer=EmployerFactory(status=EmployerStatus.SUSPENDED))
    assert list(public_postings()) == [live]
    assert posting_for_public(live.pk) == live


def test_public_posting_not_live_is_404():
    with pytest.raises(Http404):
        posting_for_public(PostingFactory(status=PostingStatus.CLOSED).pk)


def test_public_list_needs_no_query_per_posting(django_assert_num_queries):
    PostingFactory.create_batch(3)
    with django_assert_num_queries(1):
        for posting in public_postings():
            assert posting.employer.name and posting.county.name


def test_review_queue_is_scoped_and_oldest_first():
    first = PostingFactory(status=PostingStatus.PENDING, published_at=None)
    second = PostingFactory(status=PostingStatus.PENDING, published_at=None)
    PostingFactory(
        status=PostingStatus.PENDING,
        published_at=None,
        county_id=DALIAN_GANJINGZI,
        city_code="2102",
    )
    PostingFactory()  # already published
    assert list(review_queue(StaffFactory())) == [first, second]
    assert len(review_queue(DalianClerkFactory())) == 1
    assert list(review_queue(WorkerFactory())) == []


def test_seekers_for_staff_by_area_prefix():
    tiexi = JobSeekerFactory()
    dalian = JobSeekerFactory(residence_id=DALIAN_GANJINGZI_TOWNSHIP)
    assert list(seekers_for_staff(StaffFactory())) == [tiexi]
    assert list(seekers_for_staff(DalianClerkFactory())) == [dalian]
    assert set(seekers_for_staff(ShenyangCityStaffFactory())) == {tiexi}
    assert list(seekers_for_staff(EmployerUserFactory())) == []


def looked_up(**typed) -> SeekerFilters:
    return SeekerFilters(lookup=seeker_lookup(**typed))


def test_seeker_filters():
    older = JobSeekerFactory(is_older=True, name="李大山")
    other = JobSeekerFactory(residence_id=SHENYANG_TIEXI_OTHER_TOWNSHIP, status=SeekerStatus.PAUSED)
    clerk = StaffFactory()
    assert list(seekers_for_staff(clerk, SeekerFilters(is_older=True))) == [older]
    assert list(seekers_for_staff(clerk, looked_up(name="大山"))) == [older]
    assert list(seekers_for_staff(clerk, looked_up(id_number=other.id_number.lower()))) == [other]
    assert list(seekers_for_staff(clerk, looked_up(phone=older.phone))) == [older]
    assert list(seekers_for_staff(clerk, SeekerFilters(status=SeekerStatus.PAUSED))) == [other]
    assert list(
        seekers_for_staff(clerk, SeekerFilters(area_code=SHENYANG_TIEXI_OTHER_TOWNSHIP))
    ) == [other]


def test_filter_cannot_widen_the_scope():
    JobSeekerFactory(residence_id=DALIAN_GANJINGZI_TOWNSHIP)
    assert list(seekers_for_staff(StaffFactory(), SeekerFilters(area_code="2102"))) == []


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


def test_seeker_for_user():
    user = WorkerFactory()
    seeker = JobSeekerFactory(user=user)
    assert seeker_for_user(user) == seeker
    assert seeker_for_user(WorkerFactory()) is None


# --- access helpers ---------------------------------------------------------------------------


def test_clerk_in_dalian_cannot_see_shenyang_seeker():
    seeker = JobSeekerFactory()
    with pytest.raises(Http404):
        access.get_seeker_for_staff_or_404(DalianClerkFactory(), seeker.pk, None)
    assert not AuditEntry.objects.filter(object_id=str(seeker.pk)).exists()


def test_staff_read_of_a_seeker_is_audited():
    seeker = JobSeekerFactory()
    clerk = StaffFactory()
    assert access.get_seeker_for_staff_or_404(clerk, seeker.pk, None) == seeker
    assert AuditEntry.objects.filter(
        actor=clerk, action=AuditAction.VIEW, object_id=str(seeker.pk)
    ).exists()


@pytest.mark.parametrize("user_factory", [WorkerFactory, EmployerUserFactory])
def test_non_staff_get_404_from_staff_helpers(user_factory):
    user = user_factory()
    with pytest.raises(Http404):
        access.get_seeker_for_staff_or_404(user, JobSeekerFactory().pk, None)
    with pytest.raises(Http404):
        access.get_posting_for_staff_or_404(user, PostingFactory().pk)
    with pytest.raises(Http404):
        access.get_employer_for_staff_or_404(user, EmployerFactory().pk)


def test_staff_posting_and_employer_access_is_scoped():
    posting = PostingFactory()
    clerk, dalian = StaffFactory(), DalianClerkFactory()
    assert access.get_posting_for_staff_or_404(clerk, posting.pk) == posting
    assert access.get_employer_for_staff_or_404(clerk, posting.employer_id) == posting.employer
    with pytest.raises(Http404):
        access.get_posting_for_staff_or_404(dalian, posting.pk)
    with pytest.raises(Http404):
        access.get_employer_for_staff_or_404(dalian, posting.employer_id)


def test_employer_sees_only_its_own_postings():
    owner = EmployerUserFactory()
    mine = PostingFactory(employer=EmployerFactory(owner=owner))
    theirs = PostingFactory()
    assert access.get_posting_for_employer_or_404(owner, mine.pk) == mine
    assert access.get_employer_for_owner_or_404(owner, mine.employer_id) == mine.employer
    with pytest.raises(Http404):
        access.get_posting_for_employer_or_404(owner, theirs.pk)
    with pytest.raises(Http404):
        access.get_posting_for_employer_or_404(StaffFactory(), mine.pk)


def test_own_seeker_or_404():
    user = WorkerFactory()
    with pytest.raises(Http404):
        access.get_own_seeker_or_404(user)
    seeker = JobSeekerFactory(user=user)
    assert access.get_own_seeker_or_404(user) == seeker
