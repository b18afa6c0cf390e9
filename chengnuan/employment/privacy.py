"""The employment app's part of a person's own data (PIPL), through the accounts app's privacy
hooks (accounts/privacy.py): a worker's 求职登记 and consents, an employer account's
companies; erased or unlinked when the account is closed."""

from chengnuan.accounts.models import User, UserKind
from chengnuan.accounts.privacy import (
    AuditedRecord,
    Item,
    Section,
    model_items,
    related_label,
    shown,
)
from chengnuan.employment.models import Consent, JobSeeker
from chengnuan.employment.selectors.employers import employers_for_owner
from chengnuan.employment.selectors.seekers import seeker_for_user
from chengnuan.employment.services.employers import employers_unlink_owner
from chengnuan.employment.services.saved import saved_postings_erase
from chengnuan.employment.services.seekers import seeker_erase


def personal_data(user: User) -> list[Section]:
    sections = []
    seeker = seeker_for_user(user, with_registrar=True)
    if user.kind == UserKind.WORKER or seeker is not None:
        sections += _seeker_sections(user, seeker)
    if user.kind == UserKind.EMPLOYER:
        sections.append(_employer_section(user))
    return sections


def erase_personal_data(user: User) -> dict[str, int]:
    erased = {
        "seeker": seeker_erase(user=user),
        "employers_unlinked": employers_unlink_owner(user=user),
        "saved_postings": saved_postings_erase(user=user),
    }
    return {kind: count for kind, count in erased.items() if count}


def audited_records(user: User) -> list[AuditedRecord]:
    seeker = seeker_for_user(user)
    if seeker is None:
        return []
    return [AuditedRecord(seeker._meta.label_lower, str(seeker.pk), "您的求职登记")]


def _seeker_sections(user: User, seeker: JobSeeker | None) -> list[Section]:
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
    recorded_by = related_label(consent.recorded_by, me)
    return [
        Item("at", "时间", consent.at, shown(consent.at)),
        Item("purpose", "用途", consent.purpose, consent.get_purpose_display()),
        Item("granted", "同意", consent.granted, shown(consent.granted)),
        Item("method", "方式", consent.method, consent.get_method_display()),
        Item("recorded_by", "记录人", recorded_by, shown(recorded_by)),
    ]


def _employer_section(user: User) -> Section:
    return Section(
        "employers",
        "我的单位",
        [model_items(e, user) for e in employers_for_owner(user)],
        empty_text="还没有单位信息。",
    )
