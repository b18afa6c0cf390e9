"""What the notifications tests share: two topics registered as a domain app would, and
recipients whose job seeker registration says how they want to be reached."""

import datetime

from chengnuan.accounts.sms import LocmemSmsBackend
from chengnuan.employment.choices import PushChannel, PushFrequency
from chengnuan.employment.models import Consent, ConsentMethod, ConsentPurpose
from chengnuan.notifications.topics import Topic, register_topic
from tests.employment.factories import WorkerFactory
from tests.factories import JobSeekerFactory

PUSH = Topic(
    code="tests.new_jobs",
    label="新岗位推荐",
    title="有{{ count }}个新岗位适合您",
    body="{{ title }}，{{ reason }}",
    sms="有{{ count }}个新岗位适合您：{{ title }}",
    consent="push",
    promotional=True,
    sample=(("count", 2), ("title", "保洁员"), ("reason", "离您住处3公里")),
)
SERVICE = Topic(
    code="tests.invited",
    label="面试邀请",
    title="面试邀请：{{ title }}",
    body="{{ employer }}请您{{ when }}去面试。",
    sms="{{ employer }}邀请您面试：{{ title }}",
    consent=None,
    promotional=False,
    sample=(("title", "保洁员"), ("employer", "沈阳示例公司"), ("when", "明天上午")),
)
register_topic(PUSH)
register_topic(SERVICE)


def recipient(
    *,
    sms: bool = True,
    push: bool = True,
    sms_consent: bool = True,
    frequency: str = PushFrequency.DAILY,
    quiet: tuple[datetime.time, datetime.time] | None = None,
    **seeker: object,
):
    """A worker with a job seeker registration and the consents asked for."""
    user = WorkerFactory()
    registration = JobSeekerFactory(
        user=user,
        push_channel=PushChannel.SMS if sms else PushChannel.SITE,
        push_frequency=frequency,
        quiet_start=quiet[0] if quiet else None,
        quiet_end=quiet[1] if quiet else None,
        **seeker,
    )
    for purpose, granted in ((ConsentPurpose.PUSH, push), (ConsentPurpose.SMS, sms_consent)):
        Consent.objects.create(
            seeker=registration, purpose=purpose, granted=granted, method=ConsentMethod.ONLINE
        )
    return user


def sms_sent() -> list:
    return list(LocmemSmsBackend.outbox)
