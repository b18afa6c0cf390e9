import datetime

import pytest
from django.utils import timezone

from chengnuan.employment.choices import PostingStatus
from chengnuan.employment.models import Posting
from chengnuan.employment.selectors.postings import public_postings
from chengnuan.employment.services.postings import posting_expire_due
from chengnuan.employment.tasks import expire_postings
from tests.factories import PostingFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 5, 10)


def test_postings_past_their_end_date_expire(django_capture_on_commit_callbacks, index_calls):
    due_live = PostingFactory(valid_until=TODAY - datetime.timedelta(days=1))
    due_pending = PostingFactory(
        status=PostingStatus.PENDING,
        published_at=None,
        valid_until=TODAY - datetime.timedelta(days=3),
    )
    last_day = PostingFactory(valid_until=TODAY)
    draft = PostingFactory(
        status=PostingStatus.DRAFT,
        published_at=None,
        valid_until=TODAY - datetime.timedelta(days=9),
    )
    closed = PostingFactory(
        status=PostingStatus.CLOSED, valid_until=TODAY - datetime.timedelta(days=9)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert posting_expire_due(today=TODAY) == 2
    postings = (due_live, due_pending, last_day, draft, closed)
    statuses = dict(
        Posting.objects.filter(pk__in=[p.pk for p in postings]).values_list("pk", "status")
    )
    assert statuses == {
        due_live.pk: PostingStatus.EXPIRED,
        due_pending.pk: PostingStatus.EXPIRED,
        last_day.pk: PostingStatus.PUBLISHED,
        draft.pk: PostingStatus.DRAFT,
        closed.pk: PostingStatus.CLOSED,
    }
    assert sorted(pk for call in index_calls for pk in call) == sorted(
        [due_live.pk, due_pending.pk]
    )


def test_running_twice_expires_nothing_more():
    PostingFactory(valid_until=TODAY - datetime.timedelta(days=1))
    assert posting_expire_due(today=TODAY) == 1
    assert posting_expire_due(today=TODAY) == 0


def test_expiry_works_in_batches(monkeypatch):
    monkeypatch.setattr("chengnuan.employment.services.postings.EXPIRE_BATCH", 2)
    PostingFactory.create_batch(5, valid_until=TODAY - datetime.timedelta(days=1))
    assert posting_expire_due(today=TODAY) == 5


def test_daily_task_expires_yesterdays_postings():
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    posting = PostingFactory(valid_until=yesterday)
    expire_postings.call_local()
    posting.refresh_from_db()
    assert posting.status == PostingStatus.EXPIRED
    assert posting not in public_postings()
