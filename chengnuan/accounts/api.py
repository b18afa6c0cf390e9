"""/api/v1/accounts: SMS sign-in for the APP channel, who am I, and where am I signed in."""

import datetime
from dataclasses import asdict
from typing import Literal

from django.contrib.auth import logout
from django.http import HttpRequest
from ninja import Router, Schema

from chengnuan.accounts.access import login_required_kind, own_sign_in
from chengnuan.accounts.api_auth import ApiAuth
from chengnuan.accounts.models import ApiToken, PhoneCodePurpose, User, UserKind
from chengnuan.accounts.selectors import SignIn, sign_ins
from chengnuan.accounts.services.phone import RESEND_AFTER, login_code_request, login_code_verify
from chengnuan.accounts.services.sign_ins import (
    api_token_create,
    api_token_revoke,
    browser_session_logout,
    sign_in_end,
    sign_ins_end_others,
)
from chengnuan.core.api_errors import error_responses
from chengnuan.core.http import client_ip

router = Router(tags=["账号"])
ANY_KIND = tuple(UserKind)


class CodeRequestIn(Schema):
    phone: str


class CodeRequestOut(Schema):
    detail: str
    retry_after_seconds: int


class VerifyIn(Schema):
    phone: str
    code: str
    kind: Literal["worker", "employer"] = "worker"
    device_name: str = "APP"


class MeOut(Schema):
    id: int
    kind: str
    kind_label: str
    display_name: str
    phone_masked: str
    role: str
    area_code: str | None
    department: str

    @staticmethod
    def from_user(user: User) -> "MeOut":
        return MeOut(
            id=user.pk,
            kind=user.kind,
            kind_label=user.get_kind_display(),
            display_name=user.display_name,
            phone_masked=user.phone_masked,
            role=user.role,
            area_code=user.area_id,
            department=user.department,
        )


class VerifyOut(Schema):
    token: str
    user: MeOut


class DoneOut(Schema):
    detail: str


# Both count attempts (accounts.services) and answer 429 over the limit.
RATE_LIMITED = {"responses": error_responses(429)}


@router.post(
    "/login/code",
    response=CodeRequestOut,
    auth=None,
    openapi_extra=RATE_LIMITED,
    summary="获取短信验证码",
)
def request_code(request: HttpRequest, payload: CodeRequestIn) -> CodeRequestOut:
    login_code_request(phone=payload.phone, purpose=PhoneCodePurpose.LOGIN, ip=client_ip(request))
    return CodeRequestOut(
        detail="验证码已发送，5分钟内有效。", retry_after_seconds=int(RESEND_AFTER.total_seconds())
    )


@router.post(
    "/login/verify",
    response=VerifyOut,
    auth=None,
    openapi_extra=RATE_LIMITED,
    summary="用验证码登录，换取令牌",
)
def verify_code(request: HttpRequest, payload: VerifyIn) -> VerifyOut:
    user = login_code_verify(
        phone=payload.phone, code=payload.code, kind=payload.kind, ip=client_ip(request)
    )
    _token, key = api_token_create(user=user, name=payload.device_name)
    return VerifyOut(token=key, user=MeOut.from_user(user))


@router.post("/logout", response=DoneOut, auth=ApiAuth, summary="退出（令牌作废）")
def sign_out(request: HttpRequest) -> DoneOut:
    user = login_required_kind(request, ANY_KIND)
    token, session_key = _in_hand(request)
    if token is not None:
        api_token_revoke(token=token, actor=user, ip=client_ip(request))
    else:
        browser_session_logout(user=user, session_key=session_key, ip=client_ip(request))
        logout(request)
    return DoneOut(detail="已退出。")


@router.get("/me", response=MeOut, auth=ApiAuth, summary="当前登录的账号")
def me(request: HttpRequest) -> MeOut:
    assert isinstance(request.user, User)
    return MeOut.from_user(request.user)


# --- where am I signed in (登录过的设备) ------------------------------------------------------


class SignInOut(Schema):
    id: str
    kind: Literal["app", "web"]
    kind_label: str
    name: str
    created_at: datetime.datetime
    last_used_at: datetime.datetime | None
    expires_at: datetime.datetime | None
    current: bool

    @staticmethod
    def from_sign_in(sign_in: SignIn) -> "SignInOut":
        return SignInOut(**asdict(sign_in))


class EndedOut(Schema):
    detail: str
    ended: int


def _in_hand(request: HttpRequest) -> tuple[ApiToken | None, str | None]:
    """The token or the browser session this request came with."""
    token = getattr(request, "api_token", None)
    if token is not None:
        return token, None
    return None, request.session.session_key


@router.get(
    "/sessions",
    response=list[SignInOut],
    auth=ApiAuth,
    summary="我在哪些设备上登录着",
    description="APP 令牌和浏览器登录，新的在前；current 是发这次请求的那一个。",
)
def list_sign_ins(request: HttpRequest) -> list[SignInOut]:
    user = login_required_kind(request, ANY_KIND)
    token, session_key = _in_hand(request)
    found = sign_ins(user, current_token=token, current_session_key=session_key)
    return [SignInOut.from_sign_in(sign_in) for sign_in in found]


@router.post("/sessions/end-others", response=EndedOut, auth=ApiAuth, summary="退出其他所有设备")
def end_other_sign_ins(request: HttpRequest) -> EndedOut:
    user = login_required_kind(request, ANY_KIND)
    token, session_key = _in_hand(request)
    ended = sign_ins_end_others(
        user=user, keep_token=token, keep_session_key=session_key, ip=client_ip(request)
    )
    return EndedOut(detail=f"已退出其他{ended}处登录。", ended=ended)


# Declared after /sessions/end-others, which its path parameter would match too.
@router.delete("/sessions/{sign_in_id}", response=DoneOut, auth=ApiAuth, summary="退出某一处登录")
def end_sign_in(request: HttpRequest, sign_in_id: str) -> DoneOut:
    user = login_required_kind(request, ANY_KIND)
    sign_in = own_sign_in(user, sign_in_id)
    sign_in_end(user=user, sign_in=sign_in, ip=client_ip(request))
    return DoneOut(detail="已退出这一处登录。")
