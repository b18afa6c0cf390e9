"""The JSON API at /api/v1. Each app contributes a router; errors are JSON with a Chinese
message and a field path (see chengnuan.core.api_errors)."""

from ninja import NinjaAPI

from chengnuan.core.api_errors import install_error_handlers

api = NinjaAPI(
    title="城暖农民工 API",
    version="1",
    description="岗位、求职登记和服务的接口。APP 渠道用令牌认证：Authorization: Bearer <token>。",
    urls_namespace="api",
)
install_error_handlers(api)


def _mount_routers() -> None:
    from chengnuan.accounts.api import router as accounts_router
    from chengnuan.employment.api import router as employment_router
    from chengnuan.employment.api_search import router as search_router

    api.add_router("/accounts", accounts_router)
    api.add_router("/", employment_router)
    api.add_router("/search", search_router)


_mount_routers()
