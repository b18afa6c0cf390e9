"""Reads of postings: the one rule of what the public sees, the review queue of an area."""

import datetime

import pytest
from django.http import Http404
from django.utils import timezone

from chengnuan.employment.choices import EmployerStatus, PostingStatus
from chengnuan.employment.selectors.postings import (
    posting_for_public,
    public_postings,
    review_queue,
)
from tests.employment.factories import (
    DALIAN_GANJINGZI,
    DalianClerkFactory,
    PendingEmployerFactory,
    WorkerFactory,
)
from tests.factories import EmployerFactory, PostingFactory, StaffFactory

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


# --- access helpers ---------------------------------------------------------------------------
