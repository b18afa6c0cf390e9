"""Demo job fairs for a development machine: a few in Shenyang and Dalian (人社 and union,
offline and online), with booths of the demo data's verified employers and, online, interview
slots. Written as rows, like the rest of the demo data; refused in production."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from chengnuan.accounts.demo import refuse_in_production
from chengnuan.accounts.models import User, UserKind
from chengnuan.employment.selectors.postings import public_postings
from chengnuan.events.choices import BoothStatus, FairKind, FairOrganiser, FairStatus
from chengnuan.events.models import Booth, InterviewSlot, JobFair

BOOTHS_PER_FAIR = 6
POSTINGS_PER_BOOTH = 3


@dataclass(frozen=True)
class DemoFair:
    title: str
    kind: FairKind
    organiser: FairOrganiser
    area: str
    staff: str  # the demo staff account that holds it
    in_days: int
    days: int = 1
    venue: str = ""
    address: str = ""
    point: tuple[float, float] | None = None  # GCJ-02


DEMO_FAIRS = (
    DemoFair("铁西区2026年冬季农民工专场招聘会", FairKind.OFFLINE, FairOrganiser.HRSS, "210106",
             "demo_tiexi", 3, venue="铁西区人力资源市场", address="沈阳市铁西区北二中路1号",
             point=(123.3503, 41.7962)),
    DemoFair("沈阳市工会“春风行动”就业服务活动", FairKind.OFFLINE, FairOrganiser.UNION, "2101",
             "demo_shenyang", 8, venue="沈阳市职工服务中心", address="沈阳市和平区南京北街208号",
             point=(123.4120, 41.7990)),
    DemoFair("沈阳市网络招聘月", FairKind.ONLINE, FairOrganiser.HRSS, "2101", "demo_shenyang",
             1, days=14),
    DemoFair("甘井子区返岗复工招聘会", FairKind.OFFLINE, FairOrganiser.HRSS, "210211",
             "demo_ganjingzi", 5, venue="甘井子区公共就业服务中心", address="大连市甘井子区华北路105号",
             point=(121.5843, 38.9511)),
)  # fmt: skip


def _at(days: int, hour: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _fair(spec: DemoFair, staff: User) -> JobFair:
    online = spec.kind == FairKind.ONLINE
    fair = JobFair(
        title=spec.title, kind=spec.kind, organiser=spec.organiser, area_id=spec.area,
        venue=spec.venue, address=spec.address, lng=spec.point[0] if spec.point else None,
        lat=spec.point[1] if spec.point else None,
        starts_at=_at(spec.in_days, 0 if online else 9),
        ends_at=_at(spec.in_days + spec.days, 0) if online else _at(spec.in_days, 15),
        status=FairStatus.PUBLISHED, published_at=timezone.now(), created_by=staff,
        description="免费入场，带上身份证。现场有政策咨询和技能培训报名。",
    )  # fmt: skip
    fair.full_clean()
    fair.save()
    return fair


def _booths(fair: JobFair) -> int:
    postings = public_postings().filter(county__code__startswith=fair.area_id)
    employers: dict[int, list[int]] = {}
    for employer_id, posting_id in postings.values_list("employer_id", "pk")[:500]:
        if len(employers) >= BOOTHS_PER_FAIR and employer_id not in employers:
            continue
        employers.setdefault(employer_id, [])
        if len(employers[employer_id]) < POSTINGS_PER_BOOTH:
            employers[employer_id].append(posting_id)
    for number, (employer_id, posting_ids) in enumerate(employers.items(), start=1):
        booth = Booth.objects.create(
            fair=fair, employer_id=employer_id, status=BoothStatus.APPROVED, number=number,
            requested_by=fair.created_by, decided_by=fair.created_by, decided_at=timezone.now(),
        )  # fmt: skip
        booth.postings.set(posting_ids)
        if fair.kind == FairKind.ONLINE:
            InterviewSlot.objects.bulk_create(
                InterviewSlot(booth=booth, starts_at=_at(fair_day, 10), ends_at=_at(fair_day, 11),
                              capacity=5)
                for fair_day in (2, 3)
            )  # fmt: skip
    return len(employers)


def demo_fairs_create() -> tuple[int, int]:
    """The demo fairs and their booths; (fairs, booths) made. Fairs whose demo staff account
    does not exist yet are left out."""
    refuse_in_production()
    staff = {u.username: u for u in User.objects.filter(kind=UserKind.STAFF)}
    fairs = booths = 0
    with transaction.atomic():
        for spec in DEMO_FAIRS:
            if spec.staff not in staff:
                continue
            fair = _fair(spec, staff[spec.staff])
            fairs += 1
            booths += _booths(fair)
    return fairs, booths
