"""The messages an application sends: both sides hear of each step, through the notifications
outbox. Topics are registered from AppConfig.ready(); every message is a service message
(not promotional: no daily cap), and each step's message to each side has its own dedupe key,
so a step is announced once however often a request is repeated."""

from typing import Any

from django.urls import reverse
from django.utils import timezone

from chengnuan.applications.choices import ApplicationStatus as S
from chengnuan.applications.choices import InterviewMode
from chengnuan.applications.models import Application, ApplicationEvent, Interview
from chengnuan.notifications.services import notification_send
from chengnuan.notifications.topics import Topic, register_topic

FOR_WORKER = "applications.for_worker"
FOR_EMPLOYER = "applications.for_employer"
INVITED = "applications.invited"

TOPICS = (
    Topic(
        code=FOR_WORKER,
        label="求职申请的进展",
        title="「{{ posting }}」{{ status }}",
        body="{{ text }}",
        sms="您申请的「{{ posting }}」{{ status }}。{{ text }}",
        sample=(("posting", "保洁员"), ("status", "已录用"), ("text", "单位决定录用您。")),
    ),
    Topic(
        code=FOR_EMPLOYER,
        label="应聘者动态",
        title="「{{ posting }}」：{{ text }}",
        body="{{ text }}请到“我的招聘”查看。",
        sms="「{{ posting }}」：{{ text }}",
        sample=(("posting", "保洁员"), ("text", "有一位求职者申请了这个岗位。")),
    ),
    Topic(
        code=INVITED,
        label="面试邀请",
        title="{{ employer }}邀请您面试「{{ posting }}」",
        body="时间：{{ when }}。{{ how }}{% if note %} {{ note }}{% endif %}",
        sms="{{ employer }}邀请您{{ when }}面试「{{ posting }}」。{{ how }}",
        sample=(
            ("employer", "沈阳示例物业"),
            ("posting", "保洁员"),
            ("when", "12月8日 09:30"),
            ("how", "地点：铁西区北二中路1号。"),
            ("note", ""),
        ),
    ),
)

WORKER_TEXT = {
    S.APPLIED: "申请已经送到单位，单位看过后会联系您。",
    S.INVITED: "单位邀请您面试，请按时参加。",
    S.INTERVIEWED: "面试已经记录，请等单位的结果。",
    S.HIRED: "单位决定录用您，恭喜！请按单位的通知去报到。",
    S.DECLINED: "这次单位没有录用您。别灰心，还有很多岗位可以申请。",
    S.WITHDRAWN: "您已经撤回了这个申请。",
}
EMPLOYER_TEXT = {
    S.APPLIED: "有一位求职者申请了这个岗位。",
    S.INVITED: "面试邀请已经发给求职者。",
    S.INTERVIEWED: "面试已记录，请记得给出录用结果。",
    S.HIRED: "已记录录用。",
    S.DECLINED: "已告诉求职者这次没有录用。",
    S.WITHDRAWN: "一位求职者撤回了申请。",
}


def register_topics() -> None:
    for topic in TOPICS:
        register_topic(topic)


def interview_how(interview: Interview) -> str:
    """How to get to the interview, in one sentence."""
    if interview.mode == InterviewMode.IN_PERSON:
        return f"地点：{interview.place}。"
    if interview.mode == InterviewMode.EXTERNAL:
        return "视频面试，打开单位给的会议链接参加。"
    return "在平台上视频面试，到时间打开“我的申请”进入面试房间。"


def announce_step(
    *, application: Application, event: ApplicationEvent, interview: Interview | None
) -> None:
    """Tell the worker and the employer account (where they have an account) of one step.
    Runs inside the step's transaction: the messages are stored with it, or not at all."""
    posting = application.posting
    worker = application.seeker.user
    owner = posting.employer.owner
    status = S(event.to_status)
    if worker is not None:
        link = reverse("applications:mine_detail", args=[application.pk])
        if status == S.INVITED and interview is not None:
            _send(worker, INVITED, _invitation_context(application, interview), event, link)
        else:
            context = {
                "posting": posting.title,
                "status": status.label,
                "text": WORKER_TEXT[status],
            }
            _send(worker, FOR_WORKER, context, event, link)
    if owner is not None:
        link = reverse("applications:employer_detail", args=[application.pk])
        context = {"posting": posting.title, "text": EMPLOYER_TEXT[status]}
        _send(owner, FOR_EMPLOYER, context, event, link)


def _invitation_context(application: Application, interview: Interview) -> dict[str, Any]:
    return {
        "employer": application.posting.employer.name,
        "posting": application.posting.title,
        "when": f"{timezone.localtime(interview.starts_at):%m月%d日 %H:%M}",
        "how": interview_how(interview),
        "note": interview.note,
    }


def _send(
    recipient: Any, topic: str, context: dict[str, Any], event: ApplicationEvent, link: str
) -> None:
    side = "worker" if topic != FOR_EMPLOYER else "employer"
    notification_send(
        recipient=recipient,
        topic=topic,
        context=context,
        dedupe_key=f"applications.step:{event.pk}:{side}",
        link=link,
    )
