"""Where a person is signed in: APP tokens (they expire; the owner ends them) and browser
sessions, each end audited without a key."""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from chengnuan.accounts.models import ApiToken, BrowserSession, SignInEnd, User, UserKind
from chengnuan.accounts.selectors import browser_session_hash, session_is_live, session_store
from chengnuan.core import crypto
from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction

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
    *, row: BrowserSession, actor: User, why: SignInEnd = SignInEnd.LOGOUT, ip: str | None = None
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


def browser_sessions_end_all(*, user: User, now: datetime.datetime) -> None:
    """Sign every browser of the person out (their account is being closed)."""
    rows = list(BrowserSession.objects.filter(user=user, ended_at__isnull=True))
    BrowserSession.objects.filter(pk__in=[row.pk for row in rows]).update(ended_at=now)
    for row in rows:
        session_store(row.session_key).delete()
