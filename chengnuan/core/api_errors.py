"""Every API error is JSON: {"detail": [{"loc": [...], "msg": "中文说明", "type": "..."}]}."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError

from chengnuan.core.ratelimit import RateLimited


def validation_error_items(exc: ValidationError) -> list[dict[str, object]]:
    if hasattr(exc, "error_dict"):
        return [
            {"loc": ["body", field], "msg": str(message), "type": "value_error"}
            for field, errors in exc.error_dict.items()
            for error in errors
            for message in error.messages
        ]
    return [{"loc": ["body"], "msg": message, "type": "value_error"} for message in exc.messages]


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(ValidationError)
    def django_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return api.create_response(request, {"detail": validation_error_items(exc)}, status=422)

    @api.exception_handler(RateLimited)
    def rate_limited(request: HttpRequest, exc: RateLimited) -> HttpResponse:
        items = [{"loc": [], "msg": message, "type": "rate_limited"} for message in exc.messages]
        return api.create_response(request, {"detail": items}, status=429)

    @api.exception_handler(NinjaValidationError)
    def schema_validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        items = [
            {
                "loc": list(e.get("loc", [])),
                "msg": "填写的内容格式不对：" + str(e.get("msg", "")),
                "type": e.get("type", ""),
            }
            for e in exc.errors
        ]
        return api.create_response(request, {"detail": items}, status=422)

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return api.create_response(
            request,
            {"detail": [{"loc": [], "msg": "没有找到这条记录。", "type": "not_found"}]},
            status=404,
        )

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return api.create_response(
            request,
            {
                "detail": [
                    {"loc": [], "msg": str(exc) or "您没有权限做这件事。", "type": "forbidden"}
                ]
            },
            status=403,
        )

    @api.exception_handler(AuthenticationError)
    def unauthorized(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return api.create_response(
            request,
            {
                "detail": [
                    {
                        "loc": ["header", "Authorization"],
                        "msg": "请先登录。",
                        "type": "unauthorized",
                    }
                ]
            },
            status=401,
        )
