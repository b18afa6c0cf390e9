"""core.offline: which answers the service worker may keep, and no-store on a shared computer."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from chengnuan.core.middleware import NoStorePersonalDataMiddleware
from chengnuan.core.offline import OFFLINE_HEADER, SHARED_KEY, offline_copy
from tests.employment.factories import WorkerFactory

pytestmark = pytest.mark.django_db


class Session(dict):
    pass


def request_for(user, *, shared: bool = False):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/me/somewhere/")
    request.user = user or AnonymousUser()
    request.session = Session({SHARED_KEY: True} if shared else {})
    return request


def page(status: int = 200):
    return offline_copy(lambda request: HttpResponse("页", status=status))


def test_a_signed_in_persons_own_device_gets_the_mark():
    assert page()(request_for(WorkerFactory()))[OFFLINE_HEADER] == "keep"


def test_no_mark_for_a_signed_out_visitor():
    assert OFFLINE_HEADER not in page()(request_for(None))


def test_no_mark_on_a_shared_computer():
    assert OFFLINE_HEADER not in page()(request_for(WorkerFactory(), shared=True))


def test_no_mark_on_an_error_answer():
    assert OFFLINE_HEADER not in page(status=404)(request_for(WorkerFactory()))


def test_on_a_shared_computer_even_a_public_page_is_not_stored():
    middleware = NoStorePersonalDataMiddleware(lambda request: HttpResponse("岗位"))
    request = request_for(None, shared=True)
    request.path_info = "/jobs/"
    assert "no-store" in middleware(request)["Cache-Control"]
    plain = request_for(None)
    plain.path_info = "/jobs/"
    assert not middleware(plain).has_header("Cache-Control")
