"""Signalling for the video rooms: each side's offer, answer and ICE candidates are stored as
rows, so whichever web node the other side polls hands them over (nothing in memory)."""

import json
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from chengnuan.applications.choices import Side, SignalKind
from chengnuan.applications.models import InterviewRoom, RoomSignal

SESSION = re.compile(r"^[A-Za-z0-9]{8,32}$")
MAX_SIGNAL_BYTES = 16_000  # an SDP offer with many codecs is under 10 kB
# Far more than a call needs (a few dozen candidates each way, a reconnect or two); a
# runaway page cannot fill the table.
MAX_SIGNALS_PER_ROOM = 2_000


@transaction.atomic
def room_signal_send(
    *, room: InterviewRoom, side: Side, session: str, to_session: str, kind: str, data: Any
) -> RoomSignal:
    """Store one signalling message from `side` for the other side of the room."""
    errors: dict[str, list[str]] = {}
    if kind not in SignalKind.values:
        errors["kind"] = ["信令类型不对。"]
    if not SESSION.match(session):
        errors["session"] = ["会话编号不对。"]
    if to_session and not SESSION.match(to_session):
        errors["to_session"] = ["会话编号不对。"]
    if not isinstance(data, dict) or len(json.dumps(data)) > MAX_SIGNAL_BYTES:
        errors["data"] = ["信令内容不对或太长。"]
    if errors:
        raise ValidationError(errors)
    if RoomSignal.objects.filter(room=room).count() >= MAX_SIGNALS_PER_ROOM:
        raise ValidationError({"__all__": ["这个房间的连接尝试太多了，请重新进入面试房间。"]})
    return RoomSignal.objects.create(
        room=room, side=side, session=session, to_session=to_session, kind=kind, data=data
    )


def room_signals_purge() -> int:
    """Delete the signals of rooms that have closed; returns how many went."""
    deleted, _per_model = RoomSignal.objects.filter(room__expires_at__lte=timezone.now()).delete()
    return deleted
