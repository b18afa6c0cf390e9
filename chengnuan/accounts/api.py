"""/api/v1/accounts: SMS sign-in for the APP channel, and who am I."""

from typing import Literal

from django.contrib.auth import logout
from django.http import HttpRequest
from ninja import Router, Schema

from chengnuan.accounts.api_auth import ApiAuth
from chengnuan.accounts.models import PhoneCodePurpose, User
from chengnuan.accounts.services import (
    RESEND_AFTER,
    api_token_create,
    api_token_revoke,
    login_code_request,
    login_code_verify,
)
from chengnuan.core.api_errors import error_responses
from chengnuan.core.http import client_ip

router = Router(tags=["账号"])


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
    token = getattr(request, "api_token", None)
    if token is not None:
        api_token_revoke(token=token)
    else:
        logout(request)
    return DoneOut(detail="已退出。")


@router.get("/me", response=MeOut, auth=ApiAuth, summary="当前登录的账号")
def me(request: HttpRequest) -> MeOut:
    assert isinstance(request.user, User)
    return MeOut.from_user(request.user)
