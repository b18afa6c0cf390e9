"""matching's part of a person's own data (PIPL), through accounts' privacy hooks: their
recommendation settings, the postings pushed to them and the stations' contacts with them.

matching stands before employment in INSTALLED_APPS on purpose: closing an account runs the
hooks in that order, and employment's erasure unlinks the registration from the account, after
which nothing here could find it."""

from chengnuan.accounts.models import User
from chengnuan.accounts.privacy import AuditedRecord, Item, Section, related_label, shown
from chengnuan.employment.choices import Benefit
from chengnuan.employment.selectors.seekers import seeker_for_user
from chengnuan.matching.models import FollowUpContact, Match, MatchSettings, PushRecord


def personal_data(user: User) -> list[Section]:
    seeker = seeker_for_user(user)
    if seeker is None:
        return []
    settings = MatchSettings.objects.filter(seeker=seeker).first()
    labels = dict(Benefit.choices)
    wished = [labels.get(b, b) for b in (settings.wished_benefits if settings else [])]
    personalised = settings.personalised if settings else True
    pushes = PushRecord.objects.filter(seeker=seeker).order_by("-pushed_at")
    contacts = FollowUpContact.objects.filter(seeker=seeker).select_related("by__area")
    return [
        Section(
            "match_settings",
            "岗位推荐设置",
            [
                [
                    Item("personalised", "按求职登记推荐", personalised, shown(personalised)),
                    Item("wished_benefits", "希望有的待遇", wished, shown(wished)),
                ]
            ],
        ),
        Section(
            "pushes",
            "推送给我的岗位",
            [
                [
                    Item("pushed_at", "时间", p.pushed_at, shown(p.pushed_at)),
                    Item("posting", "岗位编号", p.posting_id, str(p.posting_id)),
                    Item("kind", "推送类型", p.kind, p.get_kind_display()),
                    Item("reasons", "推荐理由", p.reasons, shown(p.reasons)),
                ]
                for p in pushes
            ],
            tabular=True,
        ),
        Section(
            "followups",
            "服务站对我的回访",
            [
                [
                    Item("at", "时间", c.at, shown(c.at)),
                    Item("method", "方式", c.method, c.get_method_display()),
                    Item("note", "情况记录", c.note, shown(c.note)),
                    Item("by", "经办", related_label(c.by, user), shown(related_label(c.by, user))),
                ]
                for c in contacts
            ],
            tabular=True,
        ),
    ]


def erase_personal_data(user: User) -> dict[str, int]:
    """Settings, matches and contact notes go; push records stay for the campaign's figures,
    without their reasons (which were read from the person's profile): once the registration
    is erased they name nobody."""
    seeker = seeker_for_user(user)
    if seeker is None:
        return {}
    erased = {
        "matches": Match.objects.filter(seeker=seeker).delete()[0],
        "match_settings": MatchSettings.objects.filter(seeker=seeker).delete()[0],
        # The one deletion of an append-only record: erasure is the person's right.
        "followup_contacts": FollowUpContact.objects.filter(seeker=seeker).delete()[0],
        "pushes_stripped": PushRecord.objects.filter(seeker=seeker).update(reasons=[]),
    }
    return {kind: count for kind, count in erased.items() if count}


def audited_records(user: User) -> list[AuditedRecord]:
    seeker = seeker_for_user(user)
    if seeker is None:
        return []
    return [
        AuditedRecord(FollowUpContact._meta.label_lower, str(pk), "服务站对您的回访记录")
        for pk in FollowUpContact.objects.filter(seeker=seeker).values_list("id", flat=True)
    ]
