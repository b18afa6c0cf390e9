"""Reads of the accounts app: everything held about a person (我的信息), the API token
behind a bearer key, and where a person is signed in (登录过的设备)."""

import datetime
import re
from dataclasses import dataclass
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.base import SessionBase
from django.db.models import Q
from django.utils import timezone

from chengnuan.accounts.models import ApiToken, BrowserSession, User
from chengnuan.accounts.privacy import (
    EMPTY,
    AuditedRecord,
    Item,
    Section,
    audited_records_from_apps,
    sections_from_apps,
    shown,
    staff_label,
)
from chengnuan.core import crypto
from chengnuan.core.models import AuditEntry


def _account_section(user: User) -> Section:
    record = [
        Item("kind", "账号类型", user.kind, user.get_kind_display()),
        Item("phone", "手机号", user.phone, shown(user.phone), masked=user.phone_masked or EMPTY),
        Item("display_name", "称呼", user.display_name, shown(user.display_name)),
        Item("date_joined", "开通时间", user.date_joined, shown(user.date_joined)),
        Item("last_login", "上次登录", user.last_login, shown(user.last_login)),
    ]
    return Section("account", "我的账号", [record])


def access_log(user: User, limit: int | None = None) -> Section:
    """Every audit row about the person's account and the records apps hold about them
    (privacy.audited_records): who (which office), when, what."""
    records_about = [
        AuditedRecord("accounts.user", str(user.pk), "您的账号"),
        *audited_records_from_apps(user),
    ]
    about = Q()
    for record in records_about:
        about |= Q(object_type=record.object_type, object_id=record.object_id)
    what_of = {(r.object_type, r.object_id): r.what for r in records_about}
    entries = AuditEntry.objects.filter(about).select_related("actor__area").order_by("-at", "-id")
    if limit is not None:
        entries = entries[:limit]
    records = []
    for entry in entries:
        who = staff_label(entry.actor, user)
        what = what_of[(entry.object_type, entry.object_id)]
        records.append(
            [
                Item("at", "时间", entry.at, shown(entry.at)),
                Item("who", "谁", who, who),
                Item("action", "做了什么", entry.action, f"{entry.get_action_display()}{what}"),
                Item("result", "结果", entry.result, entry.get_result_display()),
            ]
        )
    return Section("access_log", "谁看过、改过我的信息", records, tabular=True)


def my_data(user: User, *, access_log_limit: int | None = None) -> list[Section]:
    """Everything held about `user`, section by section: the account, each app's part
    (privacy hooks), and who saw or changed it."""
    sections = [_account_section(user)]
    sections += sections_from_apps(user)
    sections.append(access_log(user, limit=access_log_limit))
    return sections


def api_token_for_key(key_hash: str) -> ApiToken | None:
    """The live (not revoked) token behind a key, expired or not: the caller tells an expired
    token from an unknown one."""
    return (
        ApiToken.objects.select_related("user")
        .filter(key_hash=key_hash, revoked_at__isnull=True, user__is_active=True)
        .first()
    )


# --- a person's sign-ins (登录过的设备) --------------------------------------------------------

# Browser rows looked at per person: each needs a look into the session store.
SIGN_INS_SHOWN = 30


@dataclass(frozen=True)
class SignIn:
    """One place where a person is signed in: an APP token or a browser session."""

    id: str  # "app-<token id>" or "web-<browser session id>"
    kind: str  # "app" or "web"
    kind_label: str
    name: str
    created_at: datetime.datetime
    last_used_at: datetime.datetime | None
    expires_at: datetime.datetime | None
    current: bool


def sign_ins(
    user: User, *, current_token: ApiToken | None = None, current_session_key: str | None = None
) -> list[SignIn]:
    """Every live sign-in of `user`: the one in hand (marked `current`) first, then the
    newest first."""
    now = timezone.now()
    tokens = ApiToken.objects.filter(user=user, revoked_at__isnull=True, expires_at__gt=now)
    current_hash = browser_session_hash(current_session_key) if current_session_key else None
    rows = BrowserSession.objects.filter(user=user, ended_at__isnull=True)[:SIGN_INS_SHOWN]
    listed = [
        SignIn(
            id=f"app-{token.pk}",
            kind="app",
            kind_label="手机APP",
            name=token.name,
            created_at=token.created_at,
            last_used_at=token.last_used_at,
            expires_at=token.expires_at,
            current=current_token is not None and token.pk == current_token.pk,
        )
        for token in tokens[:SIGN_INS_SHOWN]
    ] + [
        SignIn(
            id=f"web-{row.pk}",
            kind="web",
            kind_label="浏览器",
            name=row.device,
            created_at=row.created_at,
            last_used_at=None,
            expires_at=None,
            current=row.key_hash == current_hash,
        )
        for row in rows
        if session_is_live(row)
    ]
    return sorted(listed, key=lambda s: (not s.current, -s.created_at.timestamp()))


_SIGN_IN_ID = re.compile(r"(app|web)-([0-9]{1,18})")


def sign_in_of(user: User, sign_in_id: str) -> ApiToken | BrowserSession | None:
    """The live token or browser session `sign_in_id` names, if it is `user`'s."""
    match = _SIGN_IN_ID.fullmatch(sign_in_id)
    if match is None:
        return None
    kind, pk = match.groups()
    if kind == "app":
        return ApiToken.objects.filter(
            pk=pk, user=user, revoked_at__isnull=True, expires_at__gt=timezone.now()
        ).first()
    return BrowserSession.objects.filter(pk=pk, user=user, ended_at__isnull=True).first()


def browser_session_hash(session_key: str) -> str:
    return crypto.secret_hash(session_key, purpose="browser-session")


def session_store(session_key: str) -> SessionBase:
    """The Django session with this key, whatever the session engine."""
    store: SessionBase = import_module(settings.SESSION_ENGINE).SessionStore(
        session_key=session_key
    )
    return store


def session_is_live(row: BrowserSession) -> bool:
    """Whether the Django session of `row` still exists, unexpired, signed in as its owner."""
    return bool(session_store(row.session_key).load().get(SESSION_KEY) == str(row.user_id))
