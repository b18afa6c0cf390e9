"""/api/v1/me/saved-jobs: the APP's 收藏, through the same services as the pages."""

import pytest

from chengnuan.employment.choices import PostingStatus
from chengnuan.employment.models import SavedPosting
from chengnuan.employment.services.saved import saved_posting_add
from tests.employment.api.support import API, client_for
from tests.employment.factories import EmployerUserFactory, WorkerFactory
from tests.factories import PostingFactory

pytestmark = pytest.mark.django_db

URL = f"{API}/me/saved-jobs"


def test_a_worker_saves_lists_and_removes_a_posting():
    worker, posting = WorkerFactory(), PostingFactory(title="电焊工")
    client = client_for(worker)

    added = client.post(URL, {"posting_id": posting.pk}, content_type="application/json")
    assert added.status_code == 201, added.json()
    assert added.json()["posting"]["title"] == "电焊工" and added.json()["still_open"] is True
    listed = client.get(URL).json()
    assert listed["count"] == 1 and listed["items"][0]["posting"]["id"] == posting.pk

    assert client.delete(f"{URL}/{posting.pk}").status_code == 204
    assert client.get(URL).json()["count"] == 0


def test_the_list_is_paged_and_only_the_callers_own():
    worker = WorkerFactory()
    for posting in PostingFactory.create_batch(3):
        saved_posting_add(user=worker, posting=posting)
    saved_posting_add(user=WorkerFactory(), posting=PostingFactory())
    page = client_for(worker).get(URL, {"page_size": 2}).json()
    assert page["count"] == 3 and len(page["items"]) == 2


def test_a_posting_that_is_not_public_is_a_404_in_chinese():
    closed = PostingFactory(status=PostingStatus.CLOSED)
    response = client_for(WorkerFactory()).post(
        URL, {"posting_id": closed.pk}, content_type="application/json"
    )
    assert response.status_code == 404
    assert not SavedPosting.objects.exists()


def test_bad_input_is_a_422():
    response = client_for(WorkerFactory()).post(
        URL, {"posting_id": "普工"}, content_type="application/json"
    )
    assert response.status_code == 422


def test_without_a_token_or_as_an_employer_it_is_refused():
    assert client_for().get(URL).status_code == 401
    employer = client_for(EmployerUserFactory())
    assert employer.get(URL).status_code == 403
    refused = employer.post(
        URL, {"posting_id": PostingFactory().pk}, content_type="application/json"
    )
    assert refused.status_code == 403
    assert refused.json()["detail"][0]["msg"] == "这个页面只对求职者开放。"
