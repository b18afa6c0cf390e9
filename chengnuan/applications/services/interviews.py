"""Interview invitations (in person, the platform's video room, or an external link) and a
station's booking of a room and a clerk's screen for a worker without a phone (隔屏对话)."""

import datetime
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from chengnuan.accounts.models import User
from chengnuan.applications.choices import ApplicationStatus as S
from chengnuan.applications.choices import InterviewMode, Side
from chengnuan.applications.inputs import InvitationInput
from chengnuan.applications.models import Application, Interview, InterviewRoom
from chengnuan.applications.rules import is_staff_over, may_act
from chengnuan.applications.services.applications import NOT_YOURS, application_transition
from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction

# A room opens a while before the interview (to try the camera) and closes hours after it.
ROOM_OPENS_BEFORE = datetime.timedelta(minutes=30)
ROOM_STAYS_OPEN = datetime.timedelta(hours=3)
# An invitation further ahead than this is surely a typing mistake of the year.
LATEST_START = datetime.timedelta(days=90)

_https = URLValidator(schemes=["https"], message="会议链接要以 https:// 开头，请复制完整的链接。")


def _clean_invitation(data: InvitationInput, application: Application) -> dict[str, object]:
    errors: dict[str, list[str]] = {}
    if data.mode not in InterviewMode.values:
        errors["mode"] = ["请选择面试方式。"]
    now = timezone.now()
    if data.starts_at <= now:
        errors["starts_at"] = ["面试时间要在现在之后。"]
    elif data.starts_at > now + LATEST_START:
        errors["starts_at"] = ["面试时间太远了，请选三个月以内的时间。"]
    posting = application.posting
    place = data.place.strip() or posting.address
    meeting_url = data.meeting_url.strip()
    if data.mode == InterviewMode.IN_PERSON and not place:
        errors["place"] = ["到现场面试，请写清楚面试地点。"]
    if data.mode == InterviewMode.EXTERNAL:
        try:
            _https(meeting_url)
        except ValidationError as error:
            errors["meeting_url"] = error.messages
    if len(data.note) > 200:
        errors["note"] = ["注意事项最多200个字。"]
    if len(place) > 200:
        errors["place"] = ["面试地点最多200个字。"]
    if errors:
        raise ValidationError(errors)
    values: dict[str, object] = {"mode": data.mode, "starts_at": data.starts_at, "note": data.note}
    if data.mode == InterviewMode.IN_PERSON:
        values |= {"place": place, "lng": posting.lng, "lat": posting.lat}
        values["coord_system"] = posting.coord_system if posting.lng is not None else ""
    if data.mode == InterviewMode.EXTERNAL:
        values["meeting_url"] = meeting_url
    return values


@transaction.atomic
def application_invite(
    *, application: Application, data: InvitationInput, actor: User
) -> Interview:
    """Invite the applicant to an interview: the invitation, its video room for a remote one,
    and the step to "invited" (which reveals the worker's phone to this employer and tells
    both sides)."""
    if not may_act(actor, application, Side.EMPLOYER):
        raise PermissionDenied(NOT_YOURS)
    if application.status != S.APPLIED:
        raise ValidationError(
            {"__all__": [f"这个申请现在是“{application.get_status_display()}”，不能再邀请面试。"]}
        )
    interview = Interview(
        application=application, created_by=actor, **_clean_invitation(data, application)
    )
    interview.full_clean()
    interview.save()
    if interview.mode == InterviewMode.REMOTE:
        InterviewRoom.objects.create(
            interview=interview,
            token=secrets.token_urlsafe(24),
            opens_at=interview.starts_at - ROOM_OPENS_BEFORE,
            expires_at=interview.starts_at + ROOM_STAYS_OPEN,
        )
    application_transition(application=application, to=S.INVITED, actor=actor)
    return interview


@transaction.atomic
def interview_book_station(*, interview: Interview, clerk: User, note: str) -> Interview:
    """A station books the video room and a clerk's screen for the worker (隔屏对话): the
    clerk may then join the room on the worker's side from the station's computer."""
    application = interview.application
    if not is_staff_over(clerk, application.seeker_area):
        raise PermissionDenied("这个求职者不在您负责的区域内。")
    room = getattr(interview, "room", None)
    if interview.mode != InterviewMode.REMOTE or room is None:
        raise ValidationError({"__all__": ["只有在平台上的视频面试才能预约服务站的屏幕。"]})
    if room.expires_at <= timezone.now():
        raise ValidationError({"__all__": ["这场面试的房间已经过期了。"]})
    if application.status != S.INVITED:
        raise ValidationError({"__all__": ["这个申请现在不在等待面试，不能预约。"]})
    if len(note) > 200:
        raise ValidationError({"note": ["安排说明最多200个字。"]})
    interview.station_clerk = clerk
    interview.station_note = note.strip()
    interview.save(update_fields=["station_clerk", "station_note"])
    audit_record(
        actor=clerk, action=AuditAction.UPDATE, obj=application, detail={"station_booking": True}
    )
    return interview
