"""The messages of job fairs, sent through the notifications app: its topics (registered from
EventsConfig.ready()) and one function per occasion, called inside the services'
transactions (notifications stores the message there and delivers it after commit)."""

from typing import TYPE_CHECKING, Any

from django.urls import reverse
from django.utils import timezone

from chengnuan.events.choices import BoothStatus
from chengnuan.notifications.services import Outgoing, notification_send, notifications_send_bulk
from chengnuan.notifications.topics import Topic, register_topic

if TYPE_CHECKING:
    from chengnuan.events.models import Booth, FairSignup, JobFair

BOOTH_REQUESTED = "events.booth_requested"
BOOTH_DECIDED = "events.booth_decided"
FAIR_REMINDER = "events.fair_reminder"
FAIR_CANCELLED = "events.fair_cancelled"

_FAIR_SAMPLE = (("fair", "2026年冬季铁西区农民工专场招聘会"), ("when", "12月9日 09:00"))

TOPICS = (
    Topic(
        code=BOOTH_REQUESTED,
        label="招聘会展位报名（工作人员）",
        title="{{ employer }}报名了“{{ fair }}”的展位",
        body="{{ employer }}报名参加“{{ fair }}”，带来{{ postings }}个岗位，请审核。",
        sms="{{ employer }}报名了招聘会展位，请审核。",
        sample=(*_FAIR_SAMPLE, ("employer", "沈阳示例制造有限公司"), ("postings", 3)),
    ),
    Topic(
        code=BOOTH_DECIDED,
        label="招聘会展位审核结果",
        title="“{{ fair }}”展位报名{{ outcome }}",
        body=(
            "您单位报名的“{{ fair }}”展位{{ outcome }}。"
            "{% if number %}展位号：{{ number }}号。{% endif %}{% if note %}说明：{{ note }}{% endif %}"
        ),
        sms="您报名的招聘会展位{{ outcome }}{% if number %}，展位号{{ number }}号{% endif %}。",
        sample=(*_FAIR_SAMPLE, ("outcome", "已通过"), ("number", 12), ("note", "")),
    ),
    Topic(
        code=FAIR_REMINDER,
        label="招聘会提醒",
        title="明天有招聘会：{{ fair }}",
        body=(
            "您报名的“{{ fair }}”明天{{ when }}开始。{% if place %}地点：{{ place }}。{% endif %}"
            "入场码：{{ code }}，到场后出示给工作人员签到。"
        ),
        sms="您报名的招聘会明天{{ when }}开始{% if place %}，地点{{ place }}{% endif %}。",
        sample=(*_FAIR_SAMPLE, ("place", "铁西区人力资源市场"), ("code", "7KQ2M9XA")),
    ),
    Topic(
        code=FAIR_CANCELLED,
        label="招聘会取消通知",
        title="招聘会取消了：{{ fair }}",
        body="很抱歉，原定{{ when }}的“{{ fair }}”取消了。原因：{{ reason }}",
        sms="原定{{ when }}的招聘会取消了：{{ reason }}",
        sample=(*_FAIR_SAMPLE, ("reason", "因暴雪天气延期举办")),
    ),
)


def register_topics() -> None:
    for topic in TOPICS:
        register_topic(topic)


def _when(fair: "JobFair") -> str:
    return f"{timezone.localtime(fair.starts_at):%-m月%-d日 %H:%M}"


def _place(fair: "JobFair") -> str:
    return "网上举办" if fair.is_online else (fair.venue or fair.address)


def _fair_link(fair: "JobFair") -> str:
    return reverse("events:fair_detail", args=[fair.pk])


def booth_requested(booth: "Booth") -> None:
    """Tell the staff member who set the fair up that an employer asks for a booth."""
    fair = booth.fair
    notification_send(
        recipient=fair.created_by,
        topic=BOOTH_REQUESTED,
        context={
            "fair": fair.title,
            "employer": booth.employer.name,
            "postings": booth.postings.count(),
        },
        # A request made again after a refusal is a new request: its key names the time.
        dedupe_key=f"{BOOTH_REQUESTED}:{booth.pk}:{booth.updated_at:%Y%m%d%H%M%S%f}",
        link=reverse("events:office_booth", args=[booth.pk]),
    )


def booth_decided(booth: "Booth") -> None:
    owner = booth.employer.owner
    if owner is None:  # entered by a clerk for a company with no account: nobody to tell
        return
    notification_send(
        recipient=owner,
        topic=BOOTH_DECIDED,
        context={
            "fair": booth.fair.title,
            "outcome": booth.get_status_display(),
            "number": booth.number,
            "note": booth.decision_note,
        },
        dedupe_key=f"{BOOTH_DECIDED}:{booth.pk}:{booth.decided_at:%Y%m%d%H%M%S%f}",
        link=reverse("events:employer_booth", args=[booth.pk]),
    )


def fair_reminders(signups: list["FairSignup"]) -> int:
    """The day-before reminder of each sign-up, at most once per sign-up ever."""
    return notifications_send_bulk(
        messages=[
            Outgoing(
                recipient_id=signup.worker_id,
                topic=FAIR_REMINDER,
                context={
                    "fair": signup.fair.title,
                    "when": f"{timezone.localtime(signup.fair.starts_at):%H:%M}",
                    "place": _place(signup.fair),
                    "code": signup.code,
                },
                dedupe_key=f"{FAIR_REMINDER}:{signup.pk}",
                link=reverse("events:my_fairs"),
            )
            for signup in signups
        ]
    )


def fair_cancelled(fair: "JobFair") -> int:
    """Everyone signed up, and the account of every employer with a live booth."""
    recipients: set[Any] = set(fair.signups.values_list("worker_id", flat=True))
    recipients |= {
        owner
        for owner in fair.booths.filter(
            status__in=(BoothStatus.PENDING, BoothStatus.APPROVED)
        ).values_list("employer__owner_id", flat=True)
        if owner is not None
    }
    context = {"fair": fair.title, "when": _when(fair), "reason": fair.cancel_reason}
    return notifications_send_bulk(
        messages=[
            Outgoing(
                recipient_id=pk,
                topic=FAIR_CANCELLED,
                context=context,
                dedupe_key=f"{FAIR_CANCELLED}:{fair.pk}:{pk}",
                link=_fair_link(fair),
            )
            for pk in sorted(recipients)
        ]
    )
