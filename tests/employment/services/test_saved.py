"""收藏: a worker keeps postings (once each, up to a cap) and lets them go; nobody else can."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from chengnuan.employment.models import SavedPosting
from chengnuan.employment.services import saved
from chengnuan.employment.services.saved import (
    saved_posting_add,
    saved_posting_remove,
    saved_postings_erase,
)
from tests.employment.factories import EmployerUserFactory, WorkerFactory
from tests.factories import PostingFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_a_worker_saves_a_posting_once_however_often_they_press():
    worker, posting = WorkerFactory(), PostingFactory()
    first = saved_posting_add(user=worker, posting=posting)
    again = saved_posting_add(user=worker, posting=posting)
    assert again.pk == first.pk
    assert SavedPosting.objects.filter(user=worker).count() == 1


@pytest.mark.parametrize("make_user", [EmployerUserFactory, StaffFactory])
def test_only_workers_save_postings(make_user):
    with pytest.raises(PermissionDenied):
        saved_posting_add(user=make_user(), posting=PostingFactory())
    assert not SavedPosting.objects.exists()


def test_saving_past_the_cap_is_refused_in_chinese_and_keeps_the_list(monkeypatch):
    monkeypatch.setattr(saved, "MAX_SAVED", 2)
    worker = WorkerFactory()
    for _ in range(2):
        saved_posting_add(user=worker, posting=PostingFactory())
    with pytest.raises(ValidationError) as refused:
        saved_posting_add(user=worker, posting=PostingFactory())
    assert "最多收藏2个岗位" in refused.value.messages[0]
    assert SavedPosting.objects.filter(user=worker).count() == 2


def test_removing_touches_only_the_workers_own_save():
    worker, other = WorkerFactory(), WorkerFactory()
    posting = PostingFactory()
    saved_posting_add(user=worker, posting=posting)
    saved_posting_add(user=other, posting=posting)
    assert saved_posting_remove(user=worker, posting_id=posting.pk) == 1
    assert saved_posting_remove(user=worker, posting_id=posting.pk) == 0
    assert list(SavedPosting.objects.values_list("user", flat=True)) == [other.pk]


def test_erasing_an_account_drops_all_its_saves_only():
    worker, other = WorkerFactory(), WorkerFactory()
    for posting in PostingFactory.create_batch(3):
        saved_posting_add(user=worker, posting=posting)
    saved_posting_add(user=other, posting=PostingFactory())
    assert saved_postings_erase(user=worker) == 3
    assert SavedPosting.objects.get().user == other
