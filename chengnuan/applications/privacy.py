"""The applications app's part of a person's own data (PIPL), through accounts' privacy hooks:
a worker's applications with their history and interviews; erased with the account. Closing
runs these before employment's hooks (INSTALLED_APPS order), while the registration still
names the account."""

from chengnuan.accounts.models import User
from chengnuan.accounts.privacy import Item, Section, shown
from chengnuan.applications.models import Application
from chengnuan.applications.services.applications import applications_erase


def _applications(user: User):
    return (
        Application.objects.filter(seeker__user=user)
        .select_related("posting__employer")
        .prefetch_related("events", "interviews")
        .order_by("applied_at", "id")
    )


def personal_data(user: User) -> list[Section]:
    records = [_items(a) for a in _applications(user)]
    if not records:
        return []
    return [Section("applications", "我的求职申请", records, tabular=True)]


def erase_personal_data(user: User) -> dict[str, int]:
    erased = applications_erase(user=user)
    return {"applications": erased} if erased else {}


def _items(application: Application) -> list[Item]:
    history = [
        f"{shown(e.at)} {e.get_to_status_display()}{('：' + e.note) if e.note else ''}"
        for e in application.events.all()
    ]
    interviews = [
        f"{i.get_mode_display()} {shown(i.starts_at)}" for i in application.interviews.all()
    ]
    posting = application.posting
    return [
        Item("posting", "岗位", posting.title, posting.title),
        Item("employer", "单位", posting.employer.name, posting.employer.name),
        Item("applied_at", "申请时间", application.applied_at, shown(application.applied_at)),
        Item("status", "状态", application.status, application.get_status_display()),
        Item("history", "进展", history, shown(history)),
        Item("interviews", "面试", interviews, shown(interviews)),
    ]
