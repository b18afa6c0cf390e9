"""Staff accounts: creating them with a TOTP device, and signing in with password and code.
Failures lock a username from one source, never the officer everywhere; a locked officer
unlocks with password and TOTP code."""

import time

from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from chengnuan.accounts.models import ROLE_SCOPE_LENGTH, StaffRole, User, UserKind
from chengnuan.core import ratelimit
from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction, AuditResult
from chengnuan.core.ratelimit import RateLimited
from chengnuan.regions.models import Division

# Staff sign-in failures (count, seconds): see staff_sign_in.
STAFF_FAILURES_PER_SOURCE = (5, 15 * 60)


STAFF_FAILURES_PER_USERNAME = (20, 15 * 60)


STAFF_FAILURES_PER_IP = (30, 15 * 60)


def staff_create(
    *,
    username: str,
    role: str,
    area_code: str,
    department: str,
    password: str,
    display_name: str = "",
    totp_key: str | None = None,
) -> tuple[User, TOTPDevice]:
    """A staff account with a confirmed TOTP device (its secret is enrolled in an authenticator
    app from device.config_url). `totp_key` (hex) is for fixed demo secrets only."""
    if role not in StaffRole.values:
        raise ValidationError(f"角色只能是：{'、'.join(StaffRole.values)}。", code="role")
    expected = ROLE_SCOPE_LENGTH[StaffRole(role)]
    if len(area_code) != expected:
        raise ValidationError(
            f"{StaffRole(role).label}的管辖区域应为{expected}位区划代码。", code="area"
        )
    if not Division.objects.filter(code=area_code).exists():
        raise ValidationError(f"区划代码 {area_code} 不存在。", code="area")
    with transaction.atomic():
        user = User(
            username=username,
            kind=UserKind.STAFF,
            role=role,
            area_id=area_code,
            department=department,
            display_name=display_name,
        )
        validate_password(password, user)
        user.set_password(password)
        user.full_clean()
        user.save()
        device = TOTPDevice(user=user, name="动态验证码", confirmed=True)
        if totp_key:
            device.key = totp_key
        device.full_clean()
        device.save()
    return user, device


def _staff_failure(*, key: str, ip: str | None, user: User | None, reason: str) -> ValidationError:
    """Count a failed staff sign-in against its source, the username and the IP, audit it
    (with the username, never the password) and return the error to show."""
    for scope, ident, (limit, window) in _failure_counters(key, ip):
        ratelimit.hit(scope, ident, limit=limit, window=window)
    locked = _is_locked(key, ip)
    audit_record(
        actor=user,
        action=AuditAction.LOGIN,
        object_type="accounts.user",
        object_id=str(user.pk) if user else "",
        result=AuditResult.DENIED,
        detail={"method": "staff", "username": key[:64], "reason": reason, "locked": locked},
        ip=ip,
    )
    if reason == "no_device":
        return ValidationError(
            "您的账号还没有绑定动态验证码，请联系管理员绑定后再登录。", code="no_device"
        )
    if locked:
        return _locked_error()
    left = STAFF_FAILURES_PER_SOURCE[0] - ratelimit.count("staff-fail-source", _source(key, ip))
    return ValidationError(
        f"用户名、密码或动态验证码不对，请重新输入。还可以试{left}次。", code="invalid"
    )


def _source(key: str, ip: str | None) -> str:
    return f"{key}|{ip or '-'}"


def _failure_counters(key: str, ip: str | None) -> list[tuple[str, str, tuple[int, int]]]:
    counters = [
        ("staff-fail-source", _source(key, ip), STAFF_FAILURES_PER_SOURCE),
        ("staff-fail-username", key, STAFF_FAILURES_PER_USERNAME),
    ]
    if ip:
        counters.append(("staff-fail-ip", ip, STAFF_FAILURES_PER_IP))
    return counters


def _is_locked(key: str, ip: str | None) -> bool:
    """Whether sign-in for `key` from `ip` has to start with the TOTP code: this source failed
    too often, or the username did from everywhere together."""
    return (
        ratelimit.count("staff-fail-source", _source(key, ip)) >= STAFF_FAILURES_PER_SOURCE[0]
        or ratelimit.count("staff-fail-username", key) >= STAFF_FAILURES_PER_USERNAME[0]
    )


def _locked_error() -> RateLimited:
    return RateLimited(
        "登录失败次数太多，已暂时锁定。如果是您本人，请输入正确的密码和验证器里新的动态验证码，"
        "就能解锁登录；否则请15分钟后再试。",
        code="locked",
    )


def staff_sign_in(
    *, username: str, password: str, otp_token: str, ip: str | None = None
) -> tuple[User, TOTPDevice]:
    """Check a staff member's password and TOTP code; the caller logs the user in with both.

    Failures are counted per source (username + IP), per username and per IP, in the shared
    cache. Five from one source within 15 minutes lock that source; twenty for a username
    from all sources together lock every source of it. A locked sign-in is not refused: it
    is checked TOTP first, so a guessed password is never even tried without the officer's
    current code, while the officer, with the code from their phone and their password, gets
    in and clears the lock. So nobody can lock a named officer out from elsewhere. Thirty
    failures from one IP refuse that IP outright for 15 minutes."""
    key = username.strip().lower()
    if ip and ratelimit.count("staff-fail-ip", ip) >= STAFF_FAILURES_PER_IP[0]:
        raise RateLimited("这台设备登录失败次数太多，请15分钟后再试。", code="ip_locked")
    if _is_locked(key, ip):
        return _staff_sign_in_locked(
            key=key, username=username.strip(), password=password, otp_token=otp_token, ip=ip
        )
    user = authenticate(username=username.strip(), password=password)
    if not isinstance(user, User) or user.kind != UserKind.STAFF:
        raise _staff_failure(key=key, ip=ip, user=None, reason="password")
    device = _confirmed_device(user)
    if device is None:
        raise _staff_failure(key=key, ip=ip, user=user, reason="no_device")
    # Reached only with the right password: only then may a wrong code count towards
    # django-otp's throttle of the device, which holds for every source.
    if not _totp_spend(device, otp_token, count_failure=True):
        raise _staff_failure(key=key, ip=ip, user=user, reason="otp")
    return _staff_signed_in(user=user, device=device, key=key, ip=ip, unlocked=False)


def _staff_sign_in_locked(
    *, key: str, username: str, password: str, otp_token: str, ip: str | None
) -> tuple[User, TOTPDevice]:
    user = User.objects.filter(username=username, kind=UserKind.STAFF, is_active=True).first()
    device = _confirmed_device(user) if user is not None else None
    if device is None or not _totp_spend(device, otp_token, count_failure=False):
        raise _staff_failure(key=key, ip=ip, user=user, reason="locked_otp")
    assert user is not None
    if authenticate(username=user.username, password=password) != user:
        raise _staff_failure(key=key, ip=ip, user=user, reason="locked_password")
    return _staff_signed_in(user=user, device=device, key=key, ip=ip, unlocked=True)


def _staff_signed_in(
    *, user: User, device: TOTPDevice, key: str, ip: str | None, unlocked: bool
) -> tuple[User, TOTPDevice]:
    # Only this source's count is cleared: the username's count from all sources keeps a
    # spread-out attack in check even after the officer signs in.
    ratelimit.reset("staff-fail-source", _source(key, ip))
    detail: dict[str, object] = {"method": "staff"}
    if unlocked:
        detail["unlocked"] = True
    audit_record(actor=user, action=AuditAction.LOGIN, obj=user, detail=detail, ip=ip)
    return user, device


def _totp_spend(device: TOTPDevice, token: str, *, count_failure: bool) -> bool:
    """Whether `token` is the device's current code; a right code is spent (the device's
    last_t), so it cannot be used twice, even by two requests at the same instant. A wrong
    code counts towards django-otp's throttle of the device only with `count_failure`: that
    throttle holds for every source, so codes typed by strangers must not feed it."""
    token = token.strip()
    allowed, _reason = device.verify_is_allowed()
    if not allowed:  # throttled after wrong codes typed with the right password
        return False
    if not (token.isascii() and token.isdigit()):
        return _totp_failed(device, count_failure)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if not totp.verify(int(token), device.tolerance, device.last_t + 1):
        return _totp_failed(device, count_failure)
    spent = TOTPDevice.objects.filter(pk=device.pk, last_t__lt=totp.t()).update(
        last_t=totp.t(),
        throttling_failure_count=0,
        throttling_failure_timestamp=None,
        last_used_at=timezone.now(),
    )
    return spent == 1


def _totp_failed(device: TOTPDevice, count_failure: bool) -> bool:
    if count_failure:
        device.throttle_increment(commit=True)
    return False


def _confirmed_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()
