"""Reads of the accounts app: everything held about a person (我的信息), the API token
behind a bearer key, and where a person is signed in (登录过的设备)."""

import datetime
import re
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.base import SessionBase
from django.db import models
from django.db.models import Q
from django.utils import timezone

from chengnuan.accounts.models import ApiToken, BrowserSession, User, UserKind
from chengnuan.accounts.privacy import Item, Section, sections_from_apps
from chengnuan.core import crypto
from chengnuan.core.models import AuditEntry
from chengnuan.employment.models import Consent, Employer, JobSeeker

EMPTY = "（未填）"
# Shown masked on the page; the download has the full value.
MASKED = {
    "id_number": "id_number_masked",
    "phone": "phone_masked",
    "contact_phone": "contact_phone_masked",
}
# Look-up hashes and denormalised copies mean nothing to the person.
HIDDEN = {
    "id",
    "user",
    "owner",
    "id_number_hash",
    "phone_hash",
    "id_number_masked",
    "phone_masked",
    "area_code",
    "contact_phone_masked",
}


def staff_label(actor: User | None, me: User) -> str:
    """Who did something, as the person reads it: the office, not the clerk's name."""
    if actor is None:
        return "系统"
    if actor.pk == me.pk:
        return "您本人"
    if actor.kind != UserKind.STAFF:
        return "其他用户"
    area = actor.area.full_name or actor.area.name if actor.area else ""
    return f"{area}{actor.get_role_display()}（{actor.get_department_display()}）"


def _shown(value: Any) -> str:
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime.datetime):
        return f"{timezone.localtime(value):%Y-%m-%d %H:%M}"
    if isinstance(value, datetime.date):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, list):
        return "、".join(str(v) for v in value) or EMPTY
    return str(value)


def _related(value: models.Model | None, me: User) -> str | None:
    if value is None:
        return None
    if isinstance(value, User):
        return staff_label(value, me)
    return str(value)


def _field_item(obj: models.Model, f: models.Field, me: User) -> Item:
    label = str(f.verbose_name)
    if f.is_relation:
        value = _related(getattr(obj, f.name), me)
        return Item(f.name, label, value, _shown(value))
    value = getattr(obj, f.attname)
    if f.choices:
        shown = getattr(obj, f"get_{f.name}_display")()
    elif f.name in MASKED and value:
        shown = getattr(obj, MASKED[f.name])
    else:
        shown = _shown(value)
    return Item(f.name, label, value, shown)


def model_items(obj: models.Model, me: User) -> list[Item]:
    """Every field of `obj` a person would recognise, with its Chinese label."""
    items = [_field_item(obj, f, me) for f in obj._meta.concrete_fields if f.name not in HIDDEN]
    for f in obj._meta.many_to_many:
        values = [str(v) for v in getattr(obj, f.name).all()]
        items.append(Item(f.name, str(f.verbose_name), values, _shown(values)))
    return items


def _account_section(user: User) -> Section:
    record = [
        Item("kind", "账号类型", user.kind, user.get_kind_display()),
        Item("phone", "手机号", user.phone, user.phone_masked or EMPTY),
        Item("display_name", "称呼", user.display_name, _shown(user.display_name)),
        Item("date_joined", "开通时间", user.date_joined, _shown(user.date_joined)),
        Item("last_login", "上次登录", user.last_login, _shown(user.last_login)),
    ]
    return Section("account", "我的账号", [record])


def _seeker_sections(user: User) -> list[Section]:
    seeker = (
        JobSeeker.objects.filter(user=user)
        .select_related("hukou_area", "residence", "registered_by__area")
        .first()
    )
    if seeker is None:
        return [Section("seeker", "求职登记", empty_text="您还没有做求职登记。")]
    consents = Consent.objects.filter(seeker=seeker).select_related("recorded_by__area")
    return [
        Section("seeker", "求职登记", [model_items(seeker, user)]),
        Section(
            "consents", "我同意过的事", [_consent_items(c, user) for c in consents], tabular=True
        ),
    ]


def _consent_items(consent: Consent, me: User) -> list[Item]:
    return [
        Item("at", "时间", consent.at, _shown(consent.at)),
        Item("purpose", "用途", consent.purpose, consent.get_purpose_display()),
        Item("granted", "同意", consent.granted, _shown(consent.granted)),
        Item("method", "方式", consent.method, consent.get_method_display()),
        Item(
            "recorded_by",
            "记录人",
            _related(consent.recorded_by, me),
            _shown(_related(consent.recorded_by, me)),
        ),
    ]


def _employer_section(user: User) -> Section:
    employers = Employer.objects.filter(owner=user).select_related("county", "industry")
    return Section(
        "employers",
        "我的单位",
        [model_items(e, user) for e in employers],
        empty_text="还没有单位信息。",
    )


def access_log(user: User, limit: int | None = None) -> Section:
    """Every audit row about the person's account and seeker registration: who (which
    office), when, what."""
    about = Q(object_type="accounts.user", object_id=str(user.pk))
    seeker_id = JobSeeker.objects.filter(user=user).values_list("pk", flat=True).first()
    if seeker_id is not None:
        about |= Q(object_type="employment.jobseeker", object_id=str(seeker_id))
    entries = AuditEntry.objects.filter(about).select_related("actor__area").order_by("-at", "-id")
    if limit is not None:
        entries = entries[:limit]
    records = []
    for entry in entries:
        who = staff_label(entry.actor, user)
        what = "您的求职登记" if entry.object_type == "employment.jobseeker" else "您的账号"
        records.append(
            [
                Item("at", "时间", entry.at, _shown(entry.at)),
                Item("who", "谁", who, who),
                Item("action", "做了什么", entry.action, f"{entry.get_action_display()}{what}"),
                Item("result", "结果", entry.result, entry.get_result_display()),
            ]
        )
    return Section("access_log", "谁看过、改过我的信息", records, tabular=True)


def my_data(user: User, *, access_log_limit: int | None = None) -> list[Section]:
    """Everything held about `user`, section by section."""
    sections = [_account_section(user)]
    if user.kind == UserKind.WORKER or JobSeeker.objects.filter(user=user).exists():
        sections += _seeker_sections(user)
    if user.kind == UserKind.EMPLOYER:
        sections.append(_employer_section(user))
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
