"""Paging never reaches the database with an absurd number: the API's lists answer a page past
the end with an empty list and a page beyond the bound with a 422 in Chinese; the pages of the
site show the last (or first) page."""

import pytest
from django.contrib.auth.hashers import make_password
from django.test import Client

from chengnuan.accounts.services.sign_ins import api_token_create
from chengnuan.core.pagination import MAX_PAGE, MAX_PAGE_SIZE
from chengnuan.employment.choices import PostingStatus
from chengnuan.employment.search import postings_changed
from tests.employment.factories import EmployerUserFactory, WorkerFactory
from tests.employment.views_support import signed_in, staff_signed_in
from tests.factories import EmployerFactory, JobSeekerFactory, PostingFactory, StaffFactory

pytestmark = pytest.mark.django_db

HUGE = "9223372036854775807"  # the largest 64-bit integer: OFFSET overflowed at it
ABSURD_PAGES = [HUGE, "99999999999999999999999", str(MAX_PAGE + 1), "-1", "0", "abc", "1e9"]


@pytest.fixture
def people():
    owner = EmployerUserFactory()
    employer = EmployerFactory(owner=owner)
    live = PostingFactory(employer=employer)
    pending = PostingFactory(employer=employer, status=PostingStatus.PENDING, published_at=None)
    postings_changed([live.pk, pending.pk])  # the public list reads the search index
    JobSeekerFactory()
    staff = StaffFactory(password=make_password(None))
    return {"employer": owner, "staff": staff, "worker": WorkerFactory()}


def api_client(user=None) -> Client:
    client = Client(raise_request_exception=False)
    if user is not None:
        _token, key = api_token_create(user=user, name="测试")
        client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    return client


API_LISTS = [
    (None, "/api/v1/postings"),
    ("staff", "/api/v1/office/review-queue"),
    ("staff", "/api/v1/office/seekers"),
    ("employer", "/api/v1/employer/postings"),
]


@pytest.mark.parametrize(("who", "url"), API_LISTS)
@pytest.mark.parametrize("page", ABSURD_PAGES)
def test_an_absurd_page_number_is_a_422_in_chinese_at_the_page_parameter(people, who, url, page):
    response = api_client(people.get(who)).get(url, {"page": page})
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/json")
    [error] = response.json()["detail"]
    assert error["loc"] == ["query", "page"]
    assert any("\u4e00" <= char <= "\u9fff" for char in error["msg"]), error["msg"]


@pytest.mark.parametrize(("who", "url"), API_LISTS)
def test_a_page_past_the_end_is_an_empty_list_with_the_count(people, who, url):
    response = api_client(people.get(who)).get(url, {"page": MAX_PAGE})
    assert response.status_code == 200
    assert response.json()["items"] == [] and response.json()["count"] >= 1


@pytest.mark.parametrize(("who", "url"), API_LISTS)
def test_a_page_size_above_the_maximum_is_refused(people, who, url):
    response = api_client(people.get(who)).get(url, {"page_size": MAX_PAGE_SIZE + 1})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "page_size"]
    assert response.json()["detail"][0]["msg"] == f"不能大于 {MAX_PAGE_SIZE}。"


def test_the_pages_are_counted_from_the_first():
    postings = PostingFactory.create_batch(3)
    postings_changed([p.pk for p in postings])
    client = api_client()
    first = client.get("/api/v1/postings", {"page_size": 2}).json()
    second = client.get("/api/v1/postings", {"page_size": 2, "page": 2}).json()
    assert first["count"] == second["count"] == 3
    seen = [item["id"] for item in first["items"] + second["items"]]
    assert sorted(seen) == sorted(p.pk for p in postings)


def test_the_search_api_bounds_its_page_too():
    response = api_client().get("/api/v1/search/postings", {"page": HUGE})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "page"]


STAFF_PAGES = [
    "/office/review/",
    "/office/postings/",
    "/office/employers/",
    "/office/seekers/",
    "/office/bulk/imports/",
    "/office/bulk/surveys/demand/",
    "/office/bulk/surveys/employment/",
]


@pytest.mark.parametrize("url", STAFF_PAGES)
@pytest.mark.parametrize("page", ABSURD_PAGES)
def test_staff_list_pages_show_a_page_for_any_page_number(client, people, url, page):
    client.raise_request_exception = False
    response = staff_signed_in(client, people["staff"]).get(url, {"page": page})
    assert response.status_code == 200


@pytest.mark.parametrize("page", ABSURD_PAGES)
def test_public_and_employer_pages_show_a_page_for_any_page_number(client, people, page):
    client.raise_request_exception = False
    assert client.get("/jobs/", {"page": page}).status_code == 200
    assert client.get("/postings/", {"page": page}).status_code in (200, 301, 302)
    employer_home = signed_in(client, people["employer"]).get("/employer/", {"page": page})
    assert employer_home.status_code == 200
