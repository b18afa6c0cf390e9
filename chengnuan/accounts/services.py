"""Every write of the accounts app: SMS sign-in codes, users, API tokens, staff accounts and
closing an account (PIPL erasure)."""

import datetime
import hmac
import secrets
import time
import unicodedata
import uuid

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from chengnuan.accounts import privacy
from chengnuan.accounts.models import (
    ROLE_SCOPE_LENGTH,
    ApiToken,
    BrowserSession,
    PhoneCode,
    PhoneCodePurpose,
    SignInEnd,
    StaffRole,
    User,
    UserKind,
)
from chengnuan.accounts.selectors import (
    browser_session_hash,
    my_data,
    session_is_live,
    session_store,
)
from chengnuan.accounts.sms import sms_queue
from chengnuan.core import crypto, ratelimit
from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction, AuditResult
from chengnuan.core.ratelimit import RateLimited
from chengnuan.core.validators import clean_mobile
from chengnuan.regions.models import Division

CODE_LIFETIME = datetime.timedelta(minutes=5)
RESEND_AFTER = datetime.timedelta(seconds=60)
CODES_PER_DAY = 10
CODE_TRIES = 5
# Per client IP, in the shared cache: stops one machine from spraying codes at many numbers.
CODE_REQUESTS_PER_IP = (20, 3600)
CODE_CHECKS_PER_IP = (60, 3600)
# Staff sign-in failures (count, seconds): see staff_sign_in.
STAFF_FAILURES_PER_SOURCE = (5, 15 * 60)
STAFF_FAILURES_PER_USERNAME = (20, 15 * 60)
STAFF_FAILURES_PER_IP = (30, 15 * 60)

SIGN_IN_KINDS = (UserKind.WORKER, UserKind.EMPLOYER)


# --- SMS one-time codes ---------------------------------------------------------------------


def _code_hash(phone_hash: str, code: str) -> str:
    return crypto.secret_hash(f"{phone_hash}:{code}", purpose="phone-code")


def _check_send_limits(phone_hash: str, now: datetime.datetime) -> None:
    latest = PhoneCode.objects.filter(phone_hash=phone_hash).order_by("-created_at").first()
    if latest is not None and latest.created_at > now - RESEND_AFTER:
        wait = int((latest.created_at + RESEND_AFTER - now).total_seconds()) + 1
        raise RateLimited(f"请{min(wait, 60)}秒后再获取验证码。", code="too_soon")
    day_start = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    if (
        PhoneCode.objects.filter(phone_hash=phone_hash, created_at__gte=day_start).count()
        >= CODES_PER_DAY
    ):
        raise RateLimited("今天获取验证码次数太多了，请明天再试。", code="daily_limit")


def login_code_request(
    *,
    phone: str,
    purpose: str = PhoneCodePurpose.LOGIN,
    ip: str | None = None,
    now: datetime.datetime | None = None,
) -> PhoneCode:
    """Send a six-digit sign-in code to `phone` (after commit, through the task queue). One
    code a minute and ten a day per number, counted in the database; a per-IP limit in the
    cache. Raises ValidationError (RateLimited for the limits) with a message to show."""
    phone = clean_mobile(phone)
    now = now or timezone.now()
    if ip and not ratelimit.hit(
        "code-request-ip", ip, limit=CODE_REQUESTS_PER_IP[0], window=CODE_REQUESTS_PER_IP[1]
    ):
        raise RateLimited("这台设备获取验证码太频繁了，请一小时后再试。", code="ip_limit")
    phone_hash = crypto.lookup_hash(phone)
    code = f"{secrets.randbelow(10**6):06d}"
    row = PhoneCode(
        phone_hash=phone_hash,
        purpose=purpose,
        code_hash=_code_hash(phone_hash, code),
        created_at=now,
        minute_slot=int(now.timestamp() // 60),
        expires_at=now + CODE_LIFETIME,
    )
    # The unique (phone_hash, minute_slot) constraint is the race guard: caught below.
    row.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            _check_send_limits(phone_hash, now)
            row.save()
            sms_queue(phone=phone, text=f"您的登录验证码是{code}，5分钟内有效。请不要告诉任何人。")
    except IntegrityError:
        raise RateLimited("请60秒后再获取验证码。", code="too_soon") from None
    return row


def phone_codes_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete codes older than two days: they no longer count towards any limit."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=2)
    deleted, _ = PhoneCode.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def _clean_code(code: str) -> str:
    code = unicodedata.normalize("NFKC", code or "").strip().replace(" ", "")
    if len(code) != 6 or not code.isascii() or not code.isdigit():
        raise ValidationError("验证码是短信里的6位数字，请重新输入。", code="format")
    return code


def login_code_verify(
    *,
    phone: str,
    code: str,
    kind: str = UserKind.WORKER,
    ip: str | None = None,
    now: datetime.datetime | None = None,
) -> User:
    """The user whose phone received `code`, created on first sign-in with `kind` (worker or
    employer). A wrong code counts against the code; five wrong tries spend it."""
    phone = clean_mobile(phone)
    code = _clean_code(code)
    now = now or timezone.now()
    if kind not in SIGN_IN_KINDS:
        raise ValidationError("请选择您是求职者还是招聘单位。", code="kind")
    if ip and not ratelimit.hit(
        "code-check-ip", ip, limit=CODE_CHECKS_PER_IP[0], window=CODE_CHECKS_PER_IP[1]
    ):
        raise RateLimited("这台设备尝试次数太多了，请一小时后再试。", code="ip_limit")
    phone_hash = crypto.lookup_hash(phone)
    # The wrong-try count must survive the error, so the transaction ends before raising.
    with transaction.atomic():
        row = (
            PhoneCode.objects.select_for_update()
            .filter(phone_hash=phone_hash, purpose=PhoneCodePurpose.LOGIN)
            .order_by("-created_at", "-id")
            .first()
        )
        failure = _code_failure(row, phone_hash, code, now)
        if failure is None:
            assert row is not None
            row.used_at = now
            row.save(update_fields=["used_at"])
            user = _user_for_phone(phone=phone, phone_hash=phone_hash, kind=kind)
            audit_record(
                actor=user, action=AuditAction.LOGIN, obj=user, detail={"method": "sms"}, ip=ip
            )
            return user
    raise failure


def _code_failure(
    row: PhoneCode | None, phone_hash: str, code: str, now: datetime.datetime
) -> ValidationError | None:
    """None when `code` is right; otherwise the error to show (and the wrong try recorded)."""
    if row is None:
        return ValidationError("请先获取验证码，收到短信后再输入。", code="no_code")
    if row.used_at is not None or row.locked or row.expires_at <= now:
        return ValidationError("验证码已失效，请重新获取。", code="expired")
    if hmac.compare_digest(row.code_hash, _code_hash(phone_hash, code)):
        return None
    row.attempts += 1
    row.locked = row.attempts >= CODE_TRIES
    row.save(update_fields=["attempts", "locked"])
    if row.locked:
        return ValidationError("验证码错了5次，已失效，请重新获取。", code="locked")
    return ValidationError(f"验证码错了，还可以试{CODE_TRIES - row.attempts}次。", code="wrong")


def username_for_phone_hash(phone_hash: str) -> str:
    """Phone users get a username derived from the keyed hash: unique, and it reveals nothing."""
    return f"m{phone_hash[:40]}"


def _user_for_phone(*, phone: str, phone_hash: str, kind: str) -> User:
    user = User.objects.filter(phone_hash=phone_hash).first()
    if user is None:
        user = User(
            username=username_for_phone_hash(phone_hash),
            kind=kind,
            phone=phone,
            phone_hash=phone_hash,
            phone_masked=crypto.mask_phone(phone),
        )
        user.set_unusable_password()
        user.full_clean()
        user.save()
        return user
    if user.kind == UserKind.STAFF:
        raise ValidationError("工作人员请从“工作人员登录”入口登录。", code="staff")
    if not user.is_active:
        raise ValidationError("这个账号已停用，请联系就业服务站。", code="inactive")
    return user


def user_for_phone(*, phone: str, kind: str = UserKind.WORKER) -> User:
    """The worker or employer with this phone, created if new (demo accounts, clerks who
    register a worker on their behalf)."""
    phone = clean_mobile(phone)
    with transaction.atomic():
        return _user_for_phone(phone=phone, phone_hash=crypto.lookup_hash(phone), kind=kind)


# --- API tokens and browser sessions (a person's sign-ins) ----------------------------------

TOKEN_PREFIX = "cn_"  # noqa: S105 - a public prefix, not a secret
# A worker's or employer's token is renewed by use, but never beyond this long after sign-in:
# then the APP asks for an SMS code again.
API_TOKEN_RENEW_LIMIT = datetime.timedelta(days=180)
# last_used_at (and with it a renewal) is written at most this often, not on every request.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=5)
# Ended and expired sign-ins stay listed in the admin this long, then they are deleted.
SIGN_IN_KEPT_AFTER_END = datetime.timedelta(days=30)


def api_token_hash(key: str) -> str:
    return crypto.secret_hash(key, purpose="api-token")


def _token_lifetime(user: User, days: int | None) -> datetime.timedelta:
    longest = (
        settings.STAFF_API_TOKEN_DAYS if user.kind == UserKind.STAFF else settings.API_TOKEN_DAYS
    )
    days = longest if days is None else days
    if not 1 <= days <= longest:
        raise ValidationError(f"令牌有效期应为1到{longest}天。", code="days")
    return datetime.timedelta(days=days)


def api_token_create(*, user: User, name: str, days: int | None = None) -> tuple[ApiToken, str]:
    """A new token and its key. The key is returned once and never stored.

    A worker's or employer's token lasts API_TOKEN_DAYS and is renewed by use (see
    api_token_touch) up to API_TOKEN_RENEW_LIMIT after sign-in. A staff token lasts `days`,
    at most and by default STAFF_API_TOKEN_DAYS, and is never renewed: it skips the TOTP
    step and reaches an area's records, so a lost key must die on its own, and a new one is
    issued by an administrator who knows why."""
    key = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user,
        key_hash=api_token_hash(key),
        name=name[:64],
        expires_at=timezone.now() + _token_lifetime(user, days),
    )
    token.full_clean()
    token.save()
    return token, key


def api_token_touch(*, token: ApiToken, now: datetime.datetime | None = None) -> None:
    """Note that `token` was used, and renew a worker's or employer's token for another
    API_TOKEN_DAYS, never past API_TOKEN_RENEW_LIMIT after sign-in. Written at most every
    LAST_USED_RESOLUTION."""
    now = now or timezone.now()
    if token.last_used_at is not None and now - token.last_used_at <= LAST_USED_RESOLUTION:
        return
    changes: dict[str, datetime.datetime] = {"last_used_at": now}
    if token.user.kind != UserKind.STAFF:
        renewed = min(
            now + datetime.timedelta(days=settings.API_TOKEN_DAYS),
            token.created_at + API_TOKEN_RENEW_LIMIT,
        )
        changes["expires_at"] = max(token.expires_at, renewed)
    ApiToken.objects.filter(pk=token.pk).update(**changes)


def api_token_revoke(
    *, token: ApiToken, actor: User, why: SignInEnd = SignInEnd.LOGOUT, ip: str | None = None
) -> None:
    """End a token (it stops working at once) and audit who ended it and why."""
    with transaction.atomic():
        ended = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        if ended:
            _audit_sign_in_end(actor=actor, sign_in=token, why=why, ip=ip)


def browser_session_record(*, user: User, session_key: str, user_agent: str) -> BrowserSession:
    """Remember a browser sign-in that just began, so its owner can see and end it."""
    row = BrowserSession(
        user=user,
        session_key=session_key,
        key_hash=browser_session_hash(session_key),
        device=device_label(user_agent),
    )
    row.full_clean()
    row.save()
    return row


def browser_session_end(
    *,
    row: BrowserSession,
    actor: User,
    why: SignInEnd = SignInEnd.LOGOUT,
    ip: str | None = None,
) -> None:
    """End a browser sign-in: its Django session is deleted, so that browser is signed out
    on its next request. Audited."""
    with transaction.atomic():
        ended = BrowserSession.objects.filter(pk=row.pk, ended_at__isnull=True).update(
            ended_at=timezone.now()
        )
        if ended:
            # Not deferred to on_commit: with the database session engine this delete is part
            # of the same transaction, and with any other a rollback leaves a session that
            # is merely gone early, never one that lives on unlisted.
            session_store(row.session_key).delete()
            _audit_sign_in_end(actor=actor, sign_in=row, why=why, ip=ip)


def browser_session_logout(*, user: User, session_key: str | None, ip: str | None) -> None:
    """The browser in hand signs out (the caller then calls django's logout)."""
    row = (
        BrowserSession.objects.filter(user=user, key_hash=browser_session_hash(session_key)).first()
        if session_key
        else None
    )
    if row is not None:
        browser_session_end(row=row, actor=user, why=SignInEnd.LOGOUT, ip=ip)


def sign_in_end(*, user: User, sign_in: ApiToken | BrowserSession, ip: str | None = None) -> None:
    """The owner ends one of their sign-ins (from the list in 登录过的设备)."""
    if isinstance(sign_in, ApiToken):
        api_token_revoke(token=sign_in, actor=user, why=SignInEnd.BY_OWNER, ip=ip)
    else:
        browser_session_end(row=sign_in, actor=user, why=SignInEnd.BY_OWNER, ip=ip)


def sign_ins_end_others(
    *,
    user: User,
    keep_token: ApiToken | None = None,
    keep_session_key: str | None = None,
    ip: str | None = None,
) -> int:
    """End every live sign-in of `user` but the one in hand; how many ended."""
    live_tokens = ApiToken.objects.filter(
        user=user, revoked_at__isnull=True, expires_at__gt=timezone.now()
    )
    if keep_token is not None:
        live_tokens = live_tokens.exclude(pk=keep_token.pk)
    live_rows = BrowserSession.objects.filter(user=user, ended_at__isnull=True)
    if keep_session_key:
        live_rows = live_rows.exclude(key_hash=browser_session_hash(keep_session_key))
    tokens, rows = list(live_tokens), list(live_rows)
    with transaction.atomic():
        for token in tokens:
            api_token_revoke(token=token, actor=user, why=SignInEnd.OTHERS_BY_OWNER, ip=ip)
        for row in rows:
            browser_session_end(row=row, actor=user, why=SignInEnd.OTHERS_BY_OWNER, ip=ip)
    return len(tokens) + len(rows)


def _audit_sign_in_end(
    *, actor: User, sign_in: ApiToken | BrowserSession, why: SignInEnd, ip: str | None
) -> None:
    # Which sign-in and why, never its key: the token key is not even stored, and the session
    # key stays in its encrypted column.
    name = sign_in.name if isinstance(sign_in, ApiToken) else sign_in.device
    audit_record(
        actor=actor,
        action=AuditAction.DELETE,
        obj=sign_in,
        detail={"what": "sign_in", "owner": sign_in.user_id, "name": name, "why": why.value},
        ip=ip,
    )


def sign_ins_purge(*, now: datetime.datetime | None = None) -> int:
    """Forget sign-ins that ended or expired more than SIGN_IN_KEPT_AFTER_END ago, after
    ending the browser ones whose session is gone (expired unused). Idempotent."""
    now = now or timezone.now()
    cutoff = now - SIGN_IN_KEPT_AFTER_END
    deleted, _ = ApiToken.objects.filter(
        Q(revoked_at__lt=cutoff) | Q(expires_at__lt=cutoff)
    ).delete()
    _browser_sessions_mark_gone(now=now)
    gone, _ = BrowserSession.objects.filter(ended_at__lt=cutoff).delete()
    return deleted + gone


def _browser_sessions_mark_gone(*, now: datetime.datetime) -> None:
    # Unless signed out (which ends its row here), a session lives at least SESSION_COOKIE_AGE
    # after sign-in, so only older rows need a look into the session store, one each.
    old = BrowserSession.objects.filter(
        ended_at__isnull=True,
        created_at__lt=now - datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE),
    )
    gone = [row.pk for row in old.iterator() if not session_is_live(row)]
    BrowserSession.objects.filter(pk__in=gone).update(ended_at=now)


def device_label(user_agent: str) -> str:
    """What kind of phone or computer, and which browser, in words a worker knows."""
    system = _first_match(user_agent, _SYSTEMS, "电脑")
    browser = _first_match(user_agent, _BROWSERS, "浏览器")
    return f"{system} · {browser}"


def _first_match(text: str, labels: list[tuple[str, str]], default: str) -> str:
    return next((label for marker, label in labels if marker in text), default)


# Order matters: the first marker found wins (an iPad's agent also says "Mac OS", WeChat's
# also says "Chrome" or "Safari").
_SYSTEMS = [
    ("iPhone", "苹果手机"),
    ("iPad", "苹果平板"),
    ("HarmonyOS", "鸿蒙手机"),
    ("Android", "安卓手机"),
    ("Windows", "Windows电脑"),
    ("Mac OS", "苹果电脑"),
    ("Linux", "Linux电脑"),
]
_BROWSERS = [
    ("MicroMessenger", "微信"),
    ("AlipayClient", "支付宝"),
    ("QQBrowser", "QQ浏览器"),
    ("UCBrowser", "UC浏览器"),
    ("HuaweiBrowser", "华为浏览器"),
    ("Edg/", "Edge"),
    ("Firefox", "火狐"),
    ("Chrome", "Chrome"),
    ("Safari", "Safari"),
]


# --- staff ------------------------------------------------------------------------------------


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


# --- closing an account (PIPL: the right to delete) -----------------------------------------


def account_close(*, user: User) -> None:
    """Close a worker's or employer's account and erase their personal data in one
    transaction: every app erases its part (privacy hooks; a seeker registration, for one,
    keeps only figures that identify nobody); the account loses its phone, so the same number
    later starts afresh. Audit rows stay (they are append-only by law)."""
    if user.kind == UserKind.STAFF:
        raise ValidationError("工作人员账号请由管理员停用。", code="staff")
    now = timezone.now()
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        if user.closed_at is not None:
            return
        erased = privacy.erase_in_apps(user)
        ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=now)
        _browser_sessions_close(user=user, now=now)
        if user.phone_hash:
            PhoneCode.objects.filter(phone_hash=user.phone_hash).delete()
        user.username = f"closed-{uuid.uuid4().hex}"
        user.phone = ""
        user.phone_hash = None
        user.phone_masked = ""
        user.display_name = user.first_name = user.last_name = user.email = ""
        user.is_active = False
        user.closed_at = now
        user.set_unusable_password()
        user.full_clean()
        user.save()
        audit_record(actor=user, action=AuditAction.DELETE, obj=user, detail={"erased": erased})


def _browser_sessions_close(*, user: User, now: datetime.datetime) -> None:
    rows = list(BrowserSession.objects.filter(user=user, ended_at__isnull=True))
    BrowserSession.objects.filter(pk__in=[row.pk for row in rows]).update(ended_at=now)
    for row in rows:
        session_store(row.session_key).delete()


def my_data_export(*, user: User) -> dict[str, object]:
    """Everything held about `user`, unmasked (it is their own), for download; audited."""
    sections = my_data(user)
    audit_record(actor=user, action=AuditAction.EXPORT, obj=user, detail={"what": "own_data"})
    return {
        "说明": "这是城暖农民工服务平台保存的关于您的全部信息。请妥善保管，不要发给别人。",
        "exported_at": timezone.now(),
        "sections": {section.key: section.as_json() for section in sections},
    }
