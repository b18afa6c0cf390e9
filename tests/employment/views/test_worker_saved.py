"""The worker's 收藏 pages (views/worker.py): saving from a job's page without JavaScript, the
/me/saved/ list, who may use them, and the offline-copy mark the service worker reads."""

import pytest
from django.urls import reverse

from chengnuan.core.offline import OFFLINE_HEADER, SHARED_KEY
from chengnuan.employment.choices import PostingStatus
from chengnuan.employment.models import SavedPosting
from chengnuan.employment.services.saved import saved_posting_add
from tests.employment.factories import EmployerUserFactory, WorkerFactory
from tests.employment.views_support import signed_in
from tests.factories import PostingFactory

pytestmark = pytest.mark.django_db

SAVED = "/me/saved/"


def test_url_names_resolve():
    assert reverse("employment:saved_list") == SAVED
    assert reverse("employment:posting_save", args=[7]) == "/jobs/7/save/"
    assert reverse("employment:posting_unsave", args=[7]) == "/jobs/7/unsave/"


def test_a_worker_saves_from_the_job_page_and_finds_it_in_the_list(client):
    worker, posting = WorkerFactory(), PostingFactory(title="汽车配件装配工")
    signed_in(client, worker)
    page = client.get(f"/jobs/{posting.pk}/").content.decode()
    assert f'action="/jobs/{posting.pk}/save/"' in page and "收藏这个岗位" in page

    response = client.post(f"/jobs/{posting.pk}/save/", follow=True)

    assert "已收藏" in response.content.decode()
    assert "取消收藏" in response.content.decode()  # the page now offers the way back
    listing = client.get(SAVED)
    assert "汽车配件装配工" in listing.content.decode()
    assert posting.contact_phone in listing.content.decode()  # readable and callable offline


def test_unsaving_from_the_list_returns_to_the_list(client):
    worker, posting = WorkerFactory(), PostingFactory()
    saved_posting_add(user=worker, posting=posting)
    signed_in(client, worker)

    response = client.post(f"/jobs/{posting.pk}/unsave/", {"next": "saved"})

    assert response["Location"] == SAVED
    assert not SavedPosting.objects.exists()


def test_a_closed_posting_stays_in_the_list_marked_and_cannot_be_saved_again(client):
    worker, posting = WorkerFactory(), PostingFactory(title="夜班保安")
    saved_posting_add(user=worker, posting=posting)
    posting.status = PostingStatus.CLOSED
    posting.save(update_fields=["status"])
    signed_in(client, worker)

    assert "这个岗位已经停止招聘了" in client.get(SAVED).content.decode()
    other = PostingFactory(status=PostingStatus.CLOSED)
    assert client.post(f"/jobs/{other.pk}/save/").status_code == 404


def test_anonymous_is_sent_to_sign_in_and_saves_nothing(client):
    posting = PostingFactory()
    assert client.get(SAVED)["Location"].startswith(reverse("accounts:login"))
    assert client.post(f"/jobs/{posting.pk}/save/").status_code == 302
    assert "收藏这个岗位" not in client.get(f"/jobs/{posting.pk}/").content.decode()
    assert not SavedPosting.objects.exists()


def test_an_employer_account_cannot_save(client):
    signed_in(client, EmployerUserFactory())
    assert client.post(f"/jobs/{PostingFactory().pk}/save/").status_code == 403
    assert client.get(SAVED).status_code == 403


def test_saving_is_post_only(client):
    signed_in(client, WorkerFactory())
    assert client.get(f"/jobs/{PostingFactory().pk}/save/").status_code == 405


def test_the_list_is_marked_for_an_offline_copy_and_never_stored_by_the_browser(client):
    signed_in(client, WorkerFactory())
    response = client.get(SAVED)
    assert response[OFFLINE_HEADER] == "keep"
    assert "no-store" in response["Cache-Control"]  # the Cache API copy is the only one


def test_on_a_shared_computer_the_list_is_not_marked_for_an_offline_copy(client):
    signed_in(client, WorkerFactory())
    session = client.session
    session[SHARED_KEY] = True
    session.save()
    assert OFFLINE_HEADER not in client.get(SAVED)
