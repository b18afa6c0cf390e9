"""Every API error is JSON {"detail": [{"loc", "msg", "type"}]} with a Chinese message: bodies
that are not JSON, pydantic's own checks, query parameters, unknown addresses, wrong methods
and server errors; and the OpenAPI document declares the error answers."""

import logging

import pytest
from django.test import Client

from chengnuan.core.api_errors import FALLBACK_MESSAGE, SERVER_ERROR, chinese_message
from chengnuan.employment.api import postings as posting_api
from tests.employment.factories import WorkerFactory

pytestmark = pytest.mark.django_db

API = "/api/v1"


def is_chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def only_error(response) -> dict:
    assert response["Content-Type"].startswith("application/json"), response.content
    [error] = response.json()["detail"]
    assert is_chinese(error["msg"]), error["msg"]
    return error


@pytest.fixture
def api():
    return Client(raise_request_exception=False)


# --- bodies ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("{bad", "application/json"),
        ('{"phone": NaN}', "application/json"),
        ("phone=13912345678", "application/x-www-form-urlencoded"),
        ("phone: 13912345678", "text/plain"),
        (b"\xff\xfe", "application/json"),
    ],
)
def test_a_body_that_is_not_json_is_a_422_in_chinese(api, body, content_type):
    response = api.post(f"{API}/accounts/login/code", body, content_type=content_type)
    assert response.status_code == 422
    error = only_error(response)
    assert (error["loc"], error["type"]) == (["body"], "json_invalid")
    assert "JSON" in error["msg"]


def test_a_missing_field_is_named_in_chinese(api):
    response = api.post(f"{API}/accounts/login/code", {}, content_type="application/json")
    assert response.status_code == 422
    error = only_error(response)
    assert error["loc"][-1] == "phone"
    assert (error["msg"], error["type"]) == ("这一项必须填写。", "missing")


def test_a_choice_outside_the_list_names_the_choices(api):
    payload = {"phone": "13912345678", "code": "123456", "kind": "staff"}
    response = api.post(f"{API}/accounts/login/verify", payload, content_type="application/json")
    error = only_error(response)
    assert error["loc"][-1] == "kind"
    assert error["msg"] == "只能填这几种之一：worker、employer。"


def test_a_body_that_is_not_an_object_is_a_422_in_chinese(api):
    response = api.post(f"{API}/accounts/login/code", [1, 2], content_type="application/json")
    assert response.status_code == 422
    only_error(response)


def test_a_browser_session_without_the_csrf_token_is_a_json_403():
    client = Client(enforce_csrf_checks=True)
    client.force_login(WorkerFactory())
    response = client.post(f"{API}/seekers/me", {}, content_type="application/json")
    assert response.status_code == 403
    assert only_error(response)["type"] == "csrf_failed"


# --- query and path parameters ------------------------------------------------------------------


def test_a_bad_query_parameter_is_reported_at_query(api):
    response = api.get(f"{API}/postings", {"min_monthly_wage": "很多"})
    assert response.status_code == 422
    error = only_error(response)
    assert error["loc"] == ["query", "min_monthly_wage"]
    assert error["msg"] == "要填整数，比如 3。"


def test_a_search_parameter_refused_by_the_form_is_reported_at_query(api):
    response = api.get(f"{API}/search/postings", {"area": "shenyang"})
    assert response.status_code == 422
    error = only_error(response)
    assert error["loc"] == ["query", "area"]
    assert error["msg"] == "地区代码不对，请从列表里选。"


def test_a_bad_path_parameter_is_reported_at_path(api):
    response = api.get(f"{API}/postings/abc")
    assert response.status_code == 422
    assert only_error(response)["loc"] == ["path", "posting_id"]


# --- addresses, methods, server errors ------------------------------------------------------------


@pytest.mark.parametrize("method", ["get", "post", "delete"])
def test_an_unknown_address_under_the_api_is_a_json_404(api, method):
    response = getattr(api, method)(f"{API}/no-such-thing/1")
    assert response.status_code == 404
    assert only_error(response)["type"] == "not_found"


def test_a_method_the_address_does_not_have_is_a_json_405_with_allow(api):
    response = api.delete(f"{API}/postings")
    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert only_error(response)["type"] == "method_not_allowed"


def test_a_server_error_is_a_generic_json_500_and_logged_with_the_traceback(
    api, monkeypatch, caplog
):
    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(posting_api, "search_postings", broken)
    with caplog.at_level(logging.ERROR, logger="chengnuan.core.api_errors"):
        response = api.get(f"{API}/postings")
    assert response.status_code == 500
    error = only_error(response)
    assert (error["msg"], error["type"]) == (SERVER_ERROR, "server_error")
    assert "the database went away" not in response.content.decode()
    assert "RuntimeError: the database went away" in caplog.text
    assert "GET /api/v1/postings" in caplog.text


# --- the translation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "message"),
    [
        ({"type": "string_too_long", "ctx": {"max_length": 50}}, "最多只能填 50 个字。"),
        ({"type": "greater_than_equal", "ctx": {"ge": 1}}, "不能小于 1。"),
        ({"type": "less_than_equal", "ctx": {"le": 100}}, "不能大于 100。"),
        ({"type": "enum", "ctx": {"expected": "'a', 'b' or 'c'"}}, "只能填这几种之一：a、b、c。"),
        ({"type": "value_error", "ctx": {"error": "手机号格式不对。"}}, "手机号格式不对。"),
        ({"type": "value_error", "ctx": {"error": "must be positive"}}, FALLBACK_MESSAGE),
        ({"type": "something_new", "msg": "Input is odd"}, FALLBACK_MESSAGE),
        ({"type": "string_too_long", "ctx": {}}, FALLBACK_MESSAGE),
    ],
)
def test_pydantic_messages_become_plain_chinese(error, message):
    assert chinese_message(error) == message


# --- the OpenAPI document -------------------------------------------------------------------------


@pytest.fixture
def document(api):
    return api.get(f"{API}/openapi.json").json()


def responses(document, method, path):
    return set(document["paths"][f"{API}{path}"][method]["responses"])


def test_the_document_declares_the_error_answers_where_they_can_happen(document):
    assert {"401", "403", "404", "422"} <= responses(document, "get", "/office/seekers")
    assert {"401", "403", "404"} <= responses(document, "get", "/accounts/me")
    assert {"404", "422"} <= responses(document, "get", "/postings/{posting_id}")
    assert "429" in responses(document, "post", "/accounts/login/code")
    assert "429" in responses(document, "post", "/accounts/login/verify")
    # the public list also answers anonymous callers, so it has no 401
    assert responses(document, "get", "/postings") == {"200", "422"}
    error = document["paths"][f"{API}/office/seekers"]["get"]["responses"]["422"]
    assert error["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorOut"
    }
    assert set(document["components"]["schemas"]["ErrorOut"]["properties"]) == {"detail"}


def test_the_document_states_the_paging_bounds(document):
    parameters = document["paths"][f"{API}/office/seekers"]["get"]["parameters"]
    page = next(p for p in parameters if p["name"] == "page")
    assert (page["schema"]["minimum"], page["schema"]["maximum"]) == (1, 10_000)
