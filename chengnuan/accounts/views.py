from django.contrib import messages
from django.contrib.auth import login, logout
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_otp import login as otp_login

from chengnuan.accounts import downloads
from chengnuan.accounts.access import login_required_kind, own_sign_in
from chengnuan.accounts.forms import CloseAccountForm, PhoneLoginForm, StaffLoginForm
from chengnuan.accounts.menu import my_links
from chengnuan.accounts.models import ApiToken, BrowserSession, PhoneCodePurpose, User, UserKind
from chengnuan.accounts.selectors import browser_session_hash, sign_ins
from chengnuan.accounts.selectors import my_data as select_my_data
from chengnuan.accounts.services.account import account_close, my_data_export
from chengnuan.accounts.services.phone import login_code_request, login_code_verify
from chengnuan.accounts.services.sign_ins import (
    browser_session_logout,
    browser_session_record,
    sign_in_end,
    sign_ins_end_others,
)
from chengnuan.accounts.services.staff import staff_sign_in
from chengnuan.core.crypto import mask_phone
from chengnuan.core.http import client_ip
from chengnuan.core.offline import CLEAR_SITE_DATA, mark_shared_computer

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
OWN_DATA_KINDS = (UserKind.WORKER, UserKind.EMPLOYER)
ANY_KIND = tuple(UserKind)


def _sign_in(request: HttpRequest, user: User, *, shared_computer: bool) -> None:
    """Log `user` in to this browser and remember the sign-in for 登录过的设备."""
    login(request, user, backend=MODEL_BACKEND)
    if shared_computer:
        mark_shared_computer(request)
    session_key = request.session.session_key
    assert session_key is not None  # login() has just made one
    browser_session_record(
        user=user, session_key=session_key, user_agent=request.headers.get("User-Agent", "")
    )


def _next_url(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    """SMS sign-in in two steps on one page: phone and role, then the code."""
    if request.user.is_authenticated:
        return redirect(_next_url(request, reverse("home")))
    form = PhoneLoginForm(request.POST if request.method == "POST" else None)
    stage = "code" if request.POST.get("stage") == "code" else "phone"
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if request.POST.get("action") == "verify":
            try:
                user = login_code_verify(
                    phone=data["phone"], code=data["code"], kind=data["kind"], ip=client_ip(request)
                )
            except ValidationError as exc:
                form.add_error("code", exc)
            else:
                _sign_in(request, user, shared_computer=data["shared_computer"])
                return redirect(_next_url(request, reverse("home")))
        else:
            try:
                login_code_request(
                    phone=data["phone"], purpose=PhoneCodePurpose.LOGIN, ip=client_ip(request)
                )
            except ValidationError as exc:
                form.add_error("code" if stage == "code" else "phone", exc)
            else:
                stage = "code"
                messages.success(request, "验证码已发出，请看手机短信。")
    if form.errors.get("phone") or form.errors.get("kind"):
        stage = "phone"
    phone = getattr(form, "cleaned_data", {}).get("phone", "")
    context = {
        "form": form,
        "stage": stage,
        "phone_masked": mask_phone(phone),
        "next": _next_url(request, ""),
    }
    return render(request, "accounts/login.html", context)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    if isinstance(request.user, User):
        browser_session_logout(
            user=request.user, session_key=request.session.session_key, ip=client_ip(request)
        )
    logout(request)
    messages.success(request, "您已退出登录。")
    return _signed_out(redirect("home"))


def _signed_out(response: HttpResponse) -> HttpResponse:
    """This browser is signed out: it drops every copy it keeps of the site (core.offline)."""
    response["Clear-Site-Data"] = CLEAR_SITE_DATA
    return response


@require_http_methods(["GET", "POST"])
def staff_login_view(request: HttpRequest) -> HttpResponse:
    """Password and TOTP code together: a staff member is signed in only with both."""
    form = StaffLoginForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user, device = staff_sign_in(
                username=data["username"],
                password=data["password"],
                otp_token=data["otp_token"],
                ip=client_ip(request),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            _sign_in(request, user, shared_computer=data["shared_computer"])
            otp_login(request, device)
            return redirect(_next_url(request, reverse("employment:office_home")))
    return render(
        request, "accounts/staff_login.html", {"form": form, "next": _next_url(request, "")}
    )


@require_GET
def my_home_view(request: HttpRequest) -> HttpResponse:
    """我的: every personal page the apps offer a worker (accounts.menu), one tap away."""
    login_required_kind(request, UserKind.WORKER)
    return render(request, "accounts/my_home.html", {"links": my_links()})


@require_GET
def my_data_view(request: HttpRequest) -> HttpResponse:
    user = login_required_kind(request, OWN_DATA_KINDS)
    sections = select_my_data(user, access_log_limit=100)
    return render(request, "accounts/my_data.html", {"sections": sections})


@require_GET
def my_data_export_view(request: HttpRequest) -> HttpResponse:
    """The readable download: a workbook in Chinese."""
    user = login_required_kind(request, OWN_DATA_KINDS)
    download = my_data_export(user=user, file_format="xlsx")
    return _attachment(downloads.as_xlsx(download), downloads.XLSX_TYPE, "xlsx")


@require_GET
def my_data_export_json_view(request: HttpRequest) -> HttpResponse:
    """The same for programs: JSON."""
    user = login_required_kind(request, OWN_DATA_KINDS)
    download = my_data_export(user=user, file_format="json")
    return _attachment(downloads.as_json(download), "application/json; charset=utf-8", "json")


def _attachment(content: bytes, content_type: str, suffix: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    filename = f"my-data-{timezone.localdate():%Y%m%d}.{suffix}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET", "POST"])
def close_account_view(request: HttpRequest) -> HttpResponse:
    user = login_required_kind(request, OWN_DATA_KINDS)
    form = CloseAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        account_close(user=user)
        logout(request)
        messages.success(
            request, "您的账号已注销，个人信息已删除。以后用同一个手机号登录，会是一个新账号。"
        )
        return _signed_out(redirect("home"))
    return render(request, "accounts/close.html", {"form": form})


@require_GET
def sign_ins_view(request: HttpRequest) -> HttpResponse:
    """登录过的设备: where the person is signed in, each with a button to end it."""
    user = login_required_kind(request, ANY_KIND)
    found = sign_ins(user, current_session_key=request.session.session_key)
    return render(request, "accounts/sign_ins.html", {"sign_ins": found})


@require_POST
def sign_in_end_view(request: HttpRequest, sign_in_id: str) -> HttpResponse:
    user = login_required_kind(request, ANY_KIND)
    sign_in = own_sign_in(user, sign_in_id)
    sign_in_end(user=user, sign_in=sign_in, ip=client_ip(request))
    if _is_this_browser(request, sign_in):
        logout(request)
        messages.success(request, "这台设备已退出登录。")
        return _signed_out(redirect("home"))
    messages.success(request, "已退出那一处登录。")
    return redirect("accounts:sign_ins")


@require_POST
def sign_ins_end_others_view(request: HttpRequest) -> HttpResponse:
    user = login_required_kind(request, ANY_KIND)
    ended = sign_ins_end_others(
        user=user, keep_session_key=request.session.session_key, ip=client_ip(request)
    )
    messages.success(request, f"已退出其他{ended}处登录，只有这台设备还登录着。")
    return redirect("accounts:sign_ins")


def _is_this_browser(request: HttpRequest, sign_in: ApiToken | BrowserSession) -> bool:
    key = request.session.session_key
    return (
        isinstance(sign_in, BrowserSession)
        and key is not None
        and sign_in.key_hash == browser_session_hash(key)
    )
