"""Reading a worker's 收藏: their own only, newest first, a posting that closed still there and
marked."""

import pytest

from chengnuan.employment.choices import PostingStatus
from chengnuan.employment.selectors.saved import is_saved, saved_for_user
from chengnuan.employment.services.saved import saved_posting_add
from tests.employment.factories import WorkerFactory
from tests.factories import PostingFactory

pytestmark = pytest.mark.django_db


def test_the_list_is_the_workers_own_newest_first_with_closed_ones_marked():
    worker, other = WorkerFactory(), WorkerFactory()
    older, newer = PostingFactory(title="普工"), PostingFactory(title="保洁")
    saved_posting_add(user=worker, posting=older)
    saved_posting_add(user=worker, posting=newer)
    saved_posting_add(user=other, posting=PostingFactory(title="叉车司机"))
    older.status = PostingStatus.CLOSED
    older.save(update_fields=["status"])

    found = list(saved_for_user(worker))

    assert [(s.posting.title, s.still_open) for s in found] == [("保洁", True), ("普工", False)]
    assert is_saved(worker, newer) and not is_saved(other, newer)


def test_the_list_reads_in_a_fixed_number_of_queries(django_assert_num_queries):
    worker = WorkerFactory()
    for posting in PostingFactory.create_batch(5):
        saved_posting_add(user=worker, posting=posting)
    with django_assert_num_queries(1):
        titles = [s.posting.employer.name + s.posting.county.name for s in saved_for_user(worker)]
    assert len(titles) == 5
