"""The access helpers: anything out of reach is a 404, and a staff read of a person is audited."""

import pytest
from django.http import Http404

from chengnuan.core.models import AuditAction, AuditEntry
from chengnuan.employment import access
from tests.employment.factories import (
    DalianClerkFactory,
    EmployerUserFactory,
    WorkerFactory,
)
from tests.factories import EmployerFactory, JobSeekerFactory, PostingFactory, StaffFactory

pytestmark = pytest.mark.django_db


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
