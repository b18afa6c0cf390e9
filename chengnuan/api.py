"""The JSON API at /api/v1. Each app contributes a router; every error, an unknown address and
a wrong method included, is JSON with a Chinese message and a field path (see
chengnuan.core.api_errors), and the OpenAPI document declares those answers."""

from typing import Any

from django.urls import URLPattern, URLResolver, path
from ninja import NinjaAPI
from ninja.openapi.schema import OpenAPISchema

from chengnuan.core.api_errors import (
    JsonBodyParser,
    declare_error_responses,
    install_error_handlers,
    json_method_not_allowed,
    unknown_route_view,
)
from chengnuan.core.pagination import DESCRIPTION as PAGINATION_DESCRIPTION

DESCRIPTION = f"""岗位、求职登记和服务的接口。APP 渠道用令牌认证：Authorization: Bearer <token>。

出错时一律返回 JSON：{{"detail": [{{"loc": [...], "msg": "中文说明", "type": "..."}}]}}。
loc 指出是哪一项（如 ["body", "payload", "phone"]、["query", "page"]），msg 可以直接给用户看。
401 没有登录或令牌无效；403 没有权限；404 没有这条记录或这个地址；405 不支持这种请求方法；
422 参数或内容不对（请求内容不是 JSON 也是 422）；429 太频繁；500 服务器出错。

{PAGINATION_DESCRIPTION}"""


class Api(NinjaAPI):
    @property
    def urls(self) -> tuple[list[URLResolver | URLPattern], str, str]:
        patterns, app_name, namespace = super().urls
        for pattern in patterns:
            if isinstance(pattern, URLPattern):
                pattern.callback = json_method_not_allowed(self, pattern.callback)
        patterns.append(path("<path:unknown>", unknown_route_view(self)))
        return patterns, app_name, namespace

    def get_openapi_schema(self, **kwargs: Any) -> OpenAPISchema:
        schema = super().get_openapi_schema(**kwargs)
        declare_error_responses(schema)
        return schema


api = Api(
    title="城暖农民工 API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    parser=JsonBodyParser(),
)
install_error_handlers(api)


def _mount_routers() -> None:
    from chengnuan.accounts.api import router as accounts_router
    from chengnuan.applications.api import router as applications_router
    from chengnuan.employment.api import router as employment_router
    from chengnuan.events.api import router as events_router
    from chengnuan.matching.api import router as matching_router
    from chengnuan.notifications.api import router as notifications_router

    api.add_router("/accounts", accounts_router)
    api.add_router("/", employment_router)
    api.add_router("/applications", applications_router)
    api.add_router("/events", events_router)
    api.add_router("/notifications", notifications_router)
    api.add_router("/matching", matching_router)


_mount_routers()
