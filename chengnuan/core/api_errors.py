"""Every API error is JSON: {"detail": [{"loc": [...], "msg": "中文说明", "type": "..."}]}.

`loc` says where the problem is (["body", "payload", "phone"], ["query", "page"],
["path", "posting_id"], ["header", "Authorization"], or [] for the request as a whole), `msg` is
a plain Chinese sentence to show, `type` a stable English code for programs. This holds for
refusals by the services, for bodies that are not JSON, for pydantic's own checks (its English
messages are translated), for unknown addresses under the API, for a wrong HTTP method and for
a server error. The OpenAPI document declares these answers on every operation that can give
them (declare_error_responses)."""

import functools
import json
import logging
import re
from collections.abc import Callable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.parser import Parser

from chengnuan.core.ratelimit import RateLimited

logger = logging.getLogger(__name__)


class ErrorItem(Schema):
    loc: list[str | int]
    msg: str
    type: str


class ErrorOut(Schema):
    detail: list[ErrorItem]


class QueryParameterError(ValidationError):
    """A refusal of query parameters by a Django form: reported at ["query", name], not at
    ["body", name] like the refusals of a service."""


class UnparseableBody(Exception):
    """The request body is not JSON."""


class JsonBodyParser(Parser):
    """Strict JSON: NaN and Infinity are not JSON, and a body nested too deep to read is as
    unreadable as a broken one."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        try:
            return json.loads(request.body, parse_constant=_refuse_constant)
        except (ValueError, RecursionError) as error:
            raise UnparseableBody from error


class AuthenticationRefused(AuthenticationError):
    """A 401 whose message is written for the person (an expired sign-in, say); any other
    AuthenticationError answers the plain 请先登录。"""

    def __init__(self, message: str) -> None:
        super().__init__(401, message)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


# --- pydantic's messages in plain Chinese -------------------------------------------------------

_DATE = "日期格式不对，请按 2025-03-01 这样填。"
_DATETIME = "时间格式不对，请按 2025-03-01T08:30:00+08:00 这样填。"
_TIME = "时间格式不对，请按 08:30 这样填。"
_INTEGER = "要填整数，比如 3。"
_NUMBER = "要填数字，比如 4.5。"
_BOOLEAN = "只能填 true 或 false。"
_OBJECT = '要填一个 JSON 对象，比如 {"name": "张三"}。'
_CHOICE = "只能填这几种之一：{expected}。"
FALLBACK_MESSAGE = "填写的内容不对，请检查后再试。"

MESSAGES = {
    "missing": "这一项必须填写。",
    "json_invalid": "请求内容不是有效的 JSON。",
    "int_type": _INTEGER,
    "int_parsing": _INTEGER,
    "int_from_float": "要填整数，不能带小数。",
    "int_parsing_size": "数字太大了。",
    "float_type": _NUMBER,
    "float_parsing": _NUMBER,
    "finite_number": "要填一个正常的数字。",
    "bool_type": _BOOLEAN,
    "bool_parsing": _BOOLEAN,
    "string_type": "要填文字。",
    "string_too_short": "至少要填 {min_length} 个字。",
    "string_too_long": "最多只能填 {max_length} 个字。",
    "string_pattern_mismatch": "格式不对。",
    "too_short": "至少要有 {min_length} 项。",
    "too_long": "最多只能有 {max_length} 项。",
    "greater_than": "要大于 {gt}。",
    "greater_than_equal": "不能小于 {ge}。",
    "less_than": "要小于 {lt}。",
    "less_than_equal": "不能大于 {le}。",
    "literal_error": _CHOICE,
    "enum": _CHOICE,
    "list_type": '要填一个列表，比如 ["a", "b"]。',
    "dict_type": _OBJECT,
    "model_type": _OBJECT,
    "model_attributes_type": _OBJECT,
    "extra_forbidden": "没有这一项，请去掉。",
    "date_type": _DATE,
    "date_parsing": _DATE,
    "date_from_datetime_parsing": _DATE,
    "date_from_datetime_inexact": _DATE,
    "datetime_type": _DATETIME,
    "datetime_parsing": _DATETIME,
    "datetime_from_date_parsing": _DATETIME,
    "time_type": _TIME,
    "time_parsing": _TIME,
}
_CHINESE = re.compile(r"[\u4e00-\u9fff]")


def chinese_message(error: Mapping[str, Any]) -> str:
    """One of pydantic's errors as a sentence a worker can read."""
    kind = error.get("type", "")
    context = dict(error.get("ctx") or {})
    if kind == "value_error":
        # Our own validators raise ValueError with a Chinese sentence; pydantic's are English.
        text = str(context.get("error", ""))
        return text if _CHINESE.search(text) else FALLBACK_MESSAGE
    template = MESSAGES.get(kind)
    if template is None:
        return FALLBACK_MESSAGE
    if "expected" in context:
        # pydantic says "'signed' or 'verbal'"
        choices = re.findall(r"'([^']*)'", str(context["expected"]))
        context["expected"] = "、".join(choices) or context["expected"]
    try:
        return template.format(**context)
    except (KeyError, IndexError):
        return FALLBACK_MESSAGE


# --- the answers ------------------------------------------------------------------------------


def error_item(loc: list[str | int], msg: str, kind: str) -> dict[str, Any]:
    return {"loc": loc, "msg": msg, "type": kind}


def validation_error_items(exc: ValidationError, location: str = "body") -> list[dict[str, Any]]:
    if hasattr(exc, "error_dict"):
        return [
            error_item([location, field], str(message), "value_error")
            for field, errors in exc.error_dict.items()
            for error in errors
            for message in error.messages
        ]
    return [error_item([location], message, "value_error") for message in exc.messages]


SERVER_ERROR = "服务器出了点问题，请稍后再试。我们已经记下这个问题，会尽快处理。"
NOT_FOUND = "没有找到这条记录。"
UNKNOWN_ROUTE = "没有这个接口，请检查地址。"
NOT_JSON = "请求内容不是有效的 JSON。请用 Content-Type: application/json 发送一个 JSON 对象。"


def _answer(
    api: NinjaAPI, request: HttpRequest, items: list[dict[str, Any]], status: int
) -> HttpResponse:
    return api.create_response(request, {"detail": items}, status=status)


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(ValidationError)
    def django_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return _answer(api, request, validation_error_items(exc), 422)

    @api.exception_handler(QueryParameterError)
    def query_parameter_error(request: HttpRequest, exc: QueryParameterError) -> HttpResponse:
        return _answer(api, request, validation_error_items(exc, "query"), 422)

    @api.exception_handler(RateLimited)
    def rate_limited(request: HttpRequest, exc: RateLimited) -> HttpResponse:
        items = [error_item([], message, "rate_limited") for message in exc.messages]
        return _answer(api, request, items, 429)

    @api.exception_handler(NinjaValidationError)
    def schema_validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        items = [
            error_item(list(e.get("loc", [])), chinese_message(e), e.get("type", "value_error"))
            for e in exc.errors
        ]
        return _answer(api, request, items, 422)

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if isinstance(exc.__cause__, UnparseableBody):
            return _answer(api, request, [error_item(["body"], NOT_JSON, "json_invalid")], 422)
        if exc.status_code == 403:  # django-ninja's CSRF check of a browser session
            message = "安全校验没有通过，请刷新页面后再试。"
            return _answer(api, request, [error_item([], message, "csrf_failed")], 403)
        return _answer(
            api, request, [error_item([], FALLBACK_MESSAGE, "http_error")], exc.status_code
        )

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return _answer(api, request, [error_item([], NOT_FOUND, "not_found")], 404)

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        message = str(exc) or "您没有权限做这件事。"
        return _answer(api, request, [error_item([], message, "forbidden")], 403)

    @api.exception_handler(AuthenticationError)
    def unauthorized(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        message = str(exc) if isinstance(exc, AuthenticationRefused) else "请先登录。"
        items = [error_item(["header", "Authorization"], message, "unauthorized")]
        return _answer(api, request, items, 401)

    @api.exception_handler(Exception)
    def server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        # The caller learns nothing of the inside; the log keeps the whole traceback.
        logger.error("API error on %s %s", request.method, request.path, exc_info=exc)
        return _answer(api, request, [error_item([], SERVER_ERROR, "server_error")], 500)


# --- addresses and methods the API does not have ------------------------------------------------


def unknown_route_view(api: NinjaAPI) -> Callable[..., HttpResponse]:
    """The last URL pattern of the API: any other address under it is a JSON 404."""

    @csrf_exempt
    def unknown_route(request: HttpRequest, unknown: str) -> HttpResponse:
        return _answer(api, request, [error_item([], UNKNOWN_ROUTE, "not_found")], 404)

    return unknown_route


def json_method_not_allowed(
    api: NinjaAPI, view: Callable[..., HttpResponse]
) -> Callable[..., HttpResponse]:
    """django-ninja answers a method a path does not have with a plain-text 405; this keeps its
    Allow header and gives the JSON answer every other error has."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code != 405:
            return response
        allowed = response.get("Allow", "")
        message = f"这个地址不支持 {request.method} 请求（支持：{allowed}）。"
        answer = _answer(api, request, [error_item([], message, "method_not_allowed")], 405)
        answer["Allow"] = allowed
        return answer

    return wrapped


# --- the OpenAPI document -------------------------------------------------------------------------

ERROR_DESCRIPTIONS = {
    401: "没有登录，或令牌无效、已作废",
    403: "已登录，但没有权限（账号类型或辖区不对）",
    404: "没有这条记录，或不在您能看的范围内",
    422: "参数或请求内容不对；detail 里每一项的 loc 指出是哪一项，msg 是中文说明",
    429: "操作太频繁，请按 msg 说的时间再试",
}
ERROR_SCHEMA_REF = "#/components/schemas/ErrorOut"


def error_responses(*statuses: int) -> dict[int, dict[str, Any]]:
    """OpenAPI responses for these error statuses, e.g. openapi_extra={"responses":
    error_responses(429)} on a route whose service counts attempts."""
    return {
        status: {
            "description": ERROR_DESCRIPTIONS[status],
            "content": {"application/json": {"schema": {"$ref": ERROR_SCHEMA_REF}}},
        }
        for status in statuses
    }


def possible_errors(operation: Mapping[str, Any]) -> list[int]:
    """The error statuses an operation can answer, read from the operation itself: 422 when it
    takes parameters or a body; 401, 403 and 404 when it needs credentials (a route that also
    answers anonymous callers lists the empty requirement {} among its security); 404 when
    the path names a record."""
    statuses = set()
    parameters = operation.get("parameters") or []
    if parameters or operation.get("requestBody"):
        statuses.add(422)
    security = operation.get("security")
    if security and {} not in security:
        statuses |= {401, 403, 404}
    if any(parameter.get("in") == "path" for parameter in parameters):
        statuses.add(404)
    return sorted(statuses)


def declare_error_responses(schema: dict[str, Any]) -> None:
    """Add the error body to the components and the error answers to every operation."""
    error_schema = ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}")
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.update(error_schema.pop("$defs", {}))
    components["ErrorOut"] = error_schema
    for path_item in schema.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.setdefault("responses", {})
            for status, response in error_responses(*possible_errors(operation)).items():
                if status not in responses and str(status) not in responses:
                    responses[status] = response
