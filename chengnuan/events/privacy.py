"""The events app's part of a person's own data (PIPL), through the accounts app's privacy
hooks: a worker's sign-ups for job fairs (with attendance and interview bookings), shown on
我的信息, in its download, and erased when the account is closed."""

from chengnuan.accounts.models import User
from chengnuan.accounts.privacy import AuditedRecord, Item, Section, shown
from chengnuan.events.models import FairSignup
from chengnuan.events.selectors.signups import signups_for_worker
from chengnuan.events.services.signups import signups_erase


def personal_data(user: User) -> list[Section]:
    signups = list(signups_for_worker(user))
    if not signups:
        return []
    return [Section("fair_signups", "招聘会报名", [_items(s) for s in signups], tabular=True)]


def erase_personal_data(user: User) -> dict[str, int]:
    erased = signups_erase(user=user)
    return {"fair_signups": erased} if erased else {}


def audited_records(user: User) -> list[AuditedRecord]:
    return [
        AuditedRecord(FairSignup._meta.label_lower, str(s.pk), f"您的招聘会报名（{s.fair.title}）")
        for s in signups_for_worker(user)
    ]


def _items(signup: FairSignup) -> list[Item]:
    bookings = [f"{b.booth.employer.name} {shown(b.slot.starts_at)}" for b in signup.bookings.all()]
    return [
        Item("fair", "招聘会", signup.fair.title, signup.fair.title),
        Item("created_at", "报名时间", signup.created_at, shown(signup.created_at)),
        Item("code", "入场码", signup.code, signup.code),
        Item("attended_at", "签到时间", signup.attended_at, shown(signup.attended_at)),
        Item("bookings", "面试预约", bookings, shown(bookings)),
    ]
