"""Authentication for the JSON API.

    from chengnuan.accounts.api_auth import ApiAuth, TokenAuth

    router = Router(auth=ApiAuth)        # APP bearer token, or the browser's session
    @router.get("/x", auth=TokenAuth())  # bearer token only

TokenAuth reads "Authorization: Bearer <key>" (keys come from POST /api/v1/accounts/login/verify
for workers and employers; staff keys only from an administrator: manage.py staff_create
--api-token or staff_api_token). It sets request.user to the token's user and
request.api_token to the token, so the access helpers in accounts.access work unchanged. An
unknown, revoked or expired key is a 401; a worker's key is renewed by use (see
services.api_token_create).
BrowserSessionAuth is django-ninja's session authentication (CSRF checked on unsafe methods),
consulted only when a session cookie is present, so a bad bearer token is a plain 401.
A route still calls its access helper first: authentication says who, not what they may see.
"""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth

from chengnuan.accounts.models import User
from chengnuan.accounts.selectors import api_token_for_key
from chengnuan.accounts.services.sign_ins import TOKEN_PREFIX, api_token_hash, api_token_touch
from chengnuan.core.api_errors import AuthenticationRefused


class TokenExpired(AuthenticationRefused):
    """A real key past its expiry: a 401 like any refused bearer token, with its own message
    (the APP signs in again)."""

    def __init__(self) -> None:
        super().__init__("登录已过期，请重新登录。")


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        token = token.strip()
        if not token.startswith(TOKEN_PREFIX):
            return None
        api_token = api_token_for_key(api_token_hash(token))
        if api_token is None:
            return None
        now = timezone.now()
        if api_token.expires_at <= now:
            raise TokenExpired()
        api_token_touch(token=api_token, now=now)
        request.user = api_token.user
        request.api_token = api_token  # type: ignore[attr-defined]
        return api_token.user


class BrowserSessionAuth(SessionAuth):
    def _get_key(self, request: HttpRequest) -> Any:
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        return super()._get_key(request)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        return super().authenticate(request, key) if key else None


ApiAuth = [TokenAuth(), BrowserSessionAuth()]


def _anyone(request: HttpRequest) -> bool:
    """Lets a route be public while a token or session, when present, still identifies the
    caller (so a signed-in worker sees the contact phone)."""
    return True


# A public route that still knows a signed-in caller.
OptionalAuth = [*ApiAuth, _anyone]
# In OpenAPI an empty security requirement says a route also answers anonymous callers.
ANONYMOUS_TOO: dict[str, Any] = {"security": [{}]}
