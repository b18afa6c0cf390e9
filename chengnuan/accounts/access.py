"""Who may open what. Every view calls one of these on its first line:

    user = staff_required(request)                       # verified staff (password + TOTP)
    user = login_required_kind(request, UserKind.WORKER)  # a signed-in worker
    sign_in = own_sign_in(user, sign_in_id)               # one of the user's own sign-ins

A visitor who is not signed in is sent to the right sign-in page (LoginRequired, turned into
a redirect by accounts.middleware.LoginRedirectMiddleware); someone signed in as the wrong
kind of user gets PermissionDenied. In the API both are 403s with a Chinese message, and
routes declared with auth=ApiAuth never reach the view without a user at all.
"""

from collections.abc import Iterable
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.urls import reverse

from chengnuan.accounts.models import ApiToken, BrowserSession, User, UserKind
from chengnuan.accounts.selectors import sign_in_of

KIND_ONLY = {
    UserKind.WORKER: "这个页面只对求职者开放。",
    UserKind.EMPLOYER: "这个页面只对招聘单位开放。",
    UserKind.STAFF: "这里只对工作人员开放。",
}


class LoginRequired(PermissionDenied):
    """Sign in first. A PermissionDenied, so wherever the redirect middleware does not apply
    (the API) it is still a refusal."""

    def __init__(self, login_url: str, message: str = "请先登录。") -> None:
        super().__init__(message)
        self.login_url = login_url


def _login_url(route: str, request: HttpRequest) -> str:
    return f"{reverse(route)}?{urlencode({'next': request.get_full_path()})}"


def _signed_in(request: HttpRequest) -> User | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    assert isinstance(user, User)
    return user


def staff_required(request: HttpRequest) -> User:
    """The signed-in staff member who has passed the second factor. A staff API token counts
    as a second factor: only an administrator issues one (see ApiToken)."""
    user = _signed_in(request)
    if user is None:
        raise LoginRequired(_login_url("accounts:staff_login", request))
    if user.kind != UserKind.STAFF:
        raise PermissionDenied(KIND_ONLY[UserKind.STAFF])
    via_token = getattr(request, "api_token", None) is not None
    is_verified = getattr(request.user, "is_verified", None)
    if not via_token and not (is_verified is not None and is_verified()):
        raise LoginRequired(
            _login_url("accounts:staff_login", request), "请输入动态验证码后再进入。"
        )
    return user


def login_required_kind(request: HttpRequest, kind: str | Iterable[str]) -> User:
    """The signed-in user if they are of `kind` (one kind, or several)."""
    kinds = {kind} if isinstance(kind, str) else set(kind)
    user = _signed_in(request)
    if user is None:
        route = "accounts:staff_login" if kinds == {UserKind.STAFF} else "accounts:login"
        raise LoginRequired(_login_url(route, request))
    if user.kind not in kinds:
        message = KIND_ONLY.get(UserKind(next(iter(kinds)))) if len(kinds) == 1 else None
        raise PermissionDenied(message or "您的账号不能打开这个页面。")
    if user.kind == UserKind.STAFF:
        return staff_required(request)
    return user


def own_sign_in(user: User, sign_in_id: str) -> ApiToken | BrowserSession:
    """One of `user`'s own live sign-ins; anyone else's is a 404, the same as none at all."""
    sign_in = sign_in_of(user, sign_in_id)
    if sign_in is None:
        raise Http404("没有找到这个登录。")
    return sign_in
