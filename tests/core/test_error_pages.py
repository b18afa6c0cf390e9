"""Error pages with DEBUG off, as production shows them: Chinese, friendly, with the way on to
the job search and the home page."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import path

import chengnuan.urls

pytestmark = pytest.mark.django_db


def _fails(request):
    raise RuntimeError("a bug")


def _refuses(request):
    raise PermissionDenied


# The project's addresses plus two that fail, for the 500 and 403 pages.
urlpatterns = [
    *chengnuan.urls.urlpatterns,
    path("test-fails/", _fails),
    path("test-refuses/", _refuses),
]


@pytest.fixture(autouse=True)
def production_like(settings):
    settings.DEBUG = False


def _assert_friendly(response, status: int, words: str) -> str:
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert words in page
    assert 'href="/jobs/"' in page and 'href="/"' in page
    main = re.search(r"<main[^>]*>(.*)</main>", page, re.S).group(1)
    assert not re.search(r"[A-Za-z]{3,}", re.sub(r"<[^>]*>", "", main))  # no English words shown
    return page


def test_an_unknown_address_says_so_in_chinese_and_offers_the_job_search(client):
    page = _assert_friendly(client.get("/no-such-page/"), 404, "找不到这个页面")
    assert 'action="/jobs/"' in page  # a search box right there


def test_a_closed_or_missing_job_gets_the_same_page(client):
    _assert_friendly(client.get("/jobs/987654321/"), 404, "岗位可能已经招满")


@pytest.mark.urls("tests.core.test_error_pages")
def test_a_server_error_apologises_in_chinese():
    client = Client(raise_request_exception=False)
    _assert_friendly(client.get("/test-fails/"), 500, "系统出了点问题")


@pytest.mark.urls("tests.core.test_error_pages")
def test_a_refusal_explains_and_offers_to_sign_in(client):
    page = _assert_friendly(client.get("/test-refuses/"), 403, "不能看这个页面")
    assert "/accounts/login/?next=/test-refuses/" in page


def test_a_bad_host_gets_the_chinese_bad_request_page(client):
    _assert_friendly(client.get("/", HTTP_HOST="bad host"), 400, "打不开这个页面")


def test_a_form_sent_without_its_csrf_token_says_the_page_expired():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"phone": "13912345678"})
    page = _assert_friendly(response, 403, "页面已经过期")
    assert 'href="/accounts/login/"' in page


def test_the_api_keeps_answering_json(client):
    response = client.get("/api/v1/no-such-route")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
