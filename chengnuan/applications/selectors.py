"""Reads of applications: a worker's own, an employer's applicants per posting, the staff
list of an area (audited when read), the contact an invitation reveals (audited), a room's
signals, and the funnel figures (furthest stage per seeker and posting) for matching."""

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Max, QuerySet

from chengnuan.accounts.models import User
from chengnuan.accounts.scoping import scope_filter
from chengnuan.applications.choices import ApplicationStatus, Side
from chengnuan.applications.models import Application, Interview, InterviewRoom, RoomSignal
from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction
from chengnuan.employment.models import JobSeeker, Posting

_JOINS = ("seeker", "posting__employer", "posting__county")


def applications_for_seeker(seeker: JobSeeker) -> QuerySet[Application]:
    return Application.objects.filter(seeker=seeker).select_related(*_JOINS)


def applicants_for_posting(posting: Posting, status: str = "") -> QuerySet[Application]:
    found = Application.objects.filter(posting=posting).select_related(
        "seeker__residence", "posting__employer"
    )
    return found.filter(status=status) if status else found


def applications_for_staff(user: User, *, status: str = "") -> QuerySet[Application]:
    """Applications of workers living in the staff member's area or for jobs in it. Reading
    the rows writes the audit row naming the workers (PIPL: who saw which people)."""
    detail = {"filters": {"status": status} if status else {}}
    audited = Application.objects.audited(actor=user, detail=detail)
    found = scope_filter(audited, user, "seeker_area") | scope_filter(audited, user, "posting_area")
    if status:
        found = found.filter(status=status)
    return found.select_related(*_JOINS).order_by("-applied_at", "-id")


def application_history(application: Application) -> QuerySet:
    return application.events.select_related("actor").order_by("at", "id")


def interview_latest(application: Application) -> Interview | None:
    return (
        application.interviews.select_related("room", "station_clerk")
        .order_by("-created_at", "-id")
        .first()
    )


def applicant_contact(*, application: Application, actor: User) -> str | None:
    """The worker's whole phone number for the employer who invited them (None before the
    invitation); each read is written to the audit log."""
    if not application.contact_revealed:
        return None
    audit_record(
        actor=actor,
        action=AuditAction.VIEW,
        obj=application.seeker,
        detail={"revealed": "phone", "application": application.pk},
    )
    return application.seeker.phone


# --- rooms --------------------------------------------------------------------------------------


def room_for_token(token: str) -> InterviewRoom | None:
    return (
        InterviewRoom.objects.select_related(
            "interview__application__seeker",
            "interview__application__posting__employer",
            "interview__station_clerk",
        )
        .filter(token=token)
        .first()
    )


def room_cursor(room: InterviewRoom) -> int:
    """The newest signal's id: a tab that joins now reads only what comes after it."""
    return RoomSignal.objects.filter(room=room).aggregate(last=Max("id"))["last"] or 0


def room_signals_after(room: InterviewRoom, *, side: Side, after: int) -> list[RoomSignal]:
    """What the other side sent after signal `after`, oldest first."""
    return list(
        RoomSignal.objects.filter(room=room, id__gt=after).exclude(side=side).order_by("id")[:200]
    )


# --- the funnel, for matching's effectiveness figures ------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """How far one worker got with one posting."""

    seeker_id: int
    posting_id: int
    stage: str  # "applied", "interviewed" or "hired"
    applied_at: datetime.datetime
    interviewed_at: datetime.datetime | None
    hired_at: datetime.datetime | None
    seeker_area: str
    posting_area: str


def _stage(status: str, interviewed_at: datetime.datetime | None) -> str:
    """Hired, else interviewed (also when declined or withdrawn after the interview), else
    applied."""
    if status == ApplicationStatus.HIRED:
        return "hired"
    return "interviewed" if interviewed_at is not None else "applied"


def application_outcomes(
    *, area: str = "", month: datetime.date | None = None
) -> Iterator[Outcome]:
    """Per (seeker, posting) the furthest stage reached (see _stage), with the dates. `area` keeps the
    workers living under that adcode prefix, `month` the applications made in that month
    (any day of it). Streams, for province-wide figures."""
    rows = Application.objects.all()
    if area:
        rows = rows.filter(seeker_area__startswith=area)
    if month is not None:
        first = month.replace(day=1)
        following = (first + datetime.timedelta(days=32)).replace(day=1)
        rows = rows.filter(applied_at__date__gte=first, applied_at__date__lt=following)
    fields = ("seeker_id", "posting_id", "status", "applied_at", "interviewed_at", "hired_at",
              "seeker_area", "posting_area")  # fmt: skip
    for row in rows.order_by("id").values_list(*fields).iterator(chunk_size=5000):
        seeker_id, posting_id, status, applied, interviewed, hired, seeker_area, posting_area = row
        stage = _stage(status, interviewed)
        yield Outcome(
            seeker_id, posting_id, stage, applied, interviewed, hired, seeker_area, posting_area
        )


FUNNEL_CHUNK = 1000


def application_funnel_pairs(pairs: Iterable[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """matching's outcome source (chengnuan.matching.outcomes): of these (seeker id, posting
    id) pairs, those that applied, with the furthest stage each reached."""
    wanted = set(pairs)
    seekers = sorted({seeker_id for seeker_id, _posting_id in wanted})
    found: dict[tuple[int, int], str] = {}
    for start in range(0, len(seekers), FUNNEL_CHUNK):
        rows = Application.objects.filter(seeker_id__in=seekers[start : start + FUNNEL_CHUNK])
        fields = ("seeker_id", "posting_id", "status", "interviewed_at")
        for seeker_id, posting_id, status, interviewed_at in rows.values_list(*fields):
            if (seeker_id, posting_id) in wanted:
                found[(seeker_id, posting_id)] = _stage(status, interviewed_at)
    return found
