"""One access helper per resource, called first by every view and API route. Out of reach is
a 404, never a 403, so nobody learns the record exists."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone

from chengnuan.accounts.models import User, UserKind
from chengnuan.accounts.scoping import scope_filter
from chengnuan.applications.choices import Side
from chengnuan.applications.models import Application, InterviewRoom
from chengnuan.applications.selectors import room_for_token
from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction
from chengnuan.employment.models import Posting

_JOINS = ("seeker__residence", "posting__employer", "posting__county")


class RoomClosed(PermissionDenied):
    """A party to the interview, but the room is not open now (too early, or expired)."""


def _is_kind(user: Any, kind: UserKind) -> bool:
    return bool(user is not None and user.is_authenticated and user.kind == kind)


def get_own_application_or_404(user: Any, pk: int) -> Application:
    """An application of the signed-in worker."""
    if not _is_kind(user, UserKind.WORKER):
        raise Http404
    return get_object_or_404(Application.objects.select_related(*_JOINS), pk=pk, seeker__user=user)


def get_application_for_employer_or_404(user: Any, pk: int) -> Application:
    """An application to a posting of an employer this account owns."""
    if not _is_kind(user, UserKind.EMPLOYER):
        raise Http404
    found = Application.objects.select_related(*_JOINS)
    return get_object_or_404(found, pk=pk, posting__employer__owner=user)


def get_application_for_staff_or_404(
    user: Any, pk: int, request: HttpRequest | None
) -> Application:
    """An application of a worker living in the staff member's area, or for a job in it; the
    read of the worker's record is written to the audit log."""
    if not _is_kind(user, UserKind.STAFF):
        raise Http404
    found = Application.objects.select_related(*_JOINS)
    scoped = scope_filter(found, user, "seeker_area") | scope_filter(found, user, "posting_area")
    application = get_object_or_404(scoped, pk=pk)
    audit_record(
        actor=user,
        action=AuditAction.VIEW,
        obj=application.seeker,
        detail={"application": application.pk},
        request=request,
    )
    return application


def get_own_posting_or_404(user: Any, pk: int) -> Posting:
    """A posting of an employer this employer account owns (whose applicants it sees)."""
    if not _is_kind(user, UserKind.EMPLOYER):
        raise Http404
    return get_object_or_404(
        Posting.objects.select_related("employer"), pk=pk, employer__owner=user
    )


def room_side(user: User, room: InterviewRoom) -> Side | None:
    """Which side of the room `user` sits on: the worker (or the station clerk booked for
    them) or the employer account; None for anyone else, staff of the area included."""
    interview = room.interview
    application = interview.application
    if user.kind == UserKind.WORKER and application.seeker.user_id == user.pk:
        return Side.WORKER
    if user.kind == UserKind.STAFF and interview.station_clerk_id == user.pk:
        return Side.WORKER
    if user.kind == UserKind.EMPLOYER and application.posting.employer.owner_id == user.pk:
        return Side.EMPLOYER
    return None


def get_room_for_party_or_404(user: Any, token: str) -> tuple[InterviewRoom, Side]:
    """The room and the caller's side. A stranger gets a 404; a party outside the room's
    hours gets RoomClosed (a 403 saying when)."""
    room = room_for_token(token) if user is not None and user.is_authenticated else None
    side = room_side(user, room) if room is not None else None
    if room is None or side is None:
        raise Http404
    now = timezone.now()
    if now < room.opens_at:
        opens = timezone.localtime(room.opens_at)
        raise RoomClosed(f"面试房间还没开放，{opens:%m月%d日 %H:%M}起可以进入。")
    if now >= room.expires_at:
        raise RoomClosed("这场面试的房间已经关闭了。需要再面试的，请单位重新邀请。")
    return room, side
