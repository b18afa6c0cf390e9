"""Signing in by phone: SMS one-time codes (one a minute, ten a day per number, per-IP limits
in the shared cache) and the worker or employer account a number belongs to."""

import datetime
import hmac
import secrets
import unicodedata

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from chengnuan.accounts.models import PhoneCode, PhoneCodePurpose, User, UserKind
from chengnuan.accounts.sms import sms_queue
from chengnuan.core import crypto, ratelimit
from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction
from chengnuan.core.ratelimit import RateLimited
from chengnuan.core.validators import clean_mobile

CODE_LIFETIME = datetime.timedelta(minutes=5)


RESEND_AFTER = datetime.timedelta(seconds=60)


CODES_PER_DAY = 10


CODE_TRIES = 5


# Per client IP, in the shared cache: stops one machine from spraying codes at many numbers.
CODE_REQUESTS_PER_IP = (20, 3600)


CODE_CHECKS_PER_IP = (60, 3600)


SIGN_IN_KINDS = (UserKind.WORKER, UserKind.EMPLOYER)


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
