"""Reads of the accounts app: everything held about a person (我的信息), and the API token
behind a bearer key."""

from django.db.models import Q

from chengnuan.accounts.models import ApiToken, User
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
from chengnuan.core.models import AuditEntry


def _account_section(user: User) -> Section:
    record = [
        Item("kind", "账号类型", user.kind, user.get_kind_display()),
        Item("phone", "手机号", user.phone, user.phone_masked or EMPTY),
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
    return (
        ApiToken.objects.select_related("user")
        .filter(key_hash=key_hash, revoked_at__isnull=True, user__is_active=True)
        .first()
    )
