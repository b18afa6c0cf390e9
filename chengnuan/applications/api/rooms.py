"""/api/v1/applications/rooms/{token}: the video room's signalling over plain HTTP. A side
POSTs its offer, answer and ICE candidates; the other side GETs what came after the last one
it read (at once, or waiting up to `wait` seconds: long polling). The rows are in the
database, so any web node answers."""

import time
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja import Query, Router, Status

from chengnuan.accounts.api_auth import ApiAuth
from chengnuan.applications.access import get_room_for_party_or_404
from chengnuan.applications.models import RoomSignal
from chengnuan.applications.schemas import RoomOut, SignalIn, SignalOut, SignalQuery
from chengnuan.applications.selectors import room_cursor, room_signals_after
from chengnuan.applications.services.rooms import room_signal_send

router = Router(tags=["视频面试房间"])

POLL_INTERVAL = 0.5


@router.get("/rooms/{token}", response=RoomOut, auth=ApiAuth, summary="进入面试房间")
def room_enter(request: HttpRequest, token: str) -> dict[str, Any]:
    room, side = get_room_for_party_or_404(request.user, token)
    return {
        "side": side,
        "cursor": room_cursor(room),
        "ice_servers": settings.ICE_SERVERS,
        "posting_title": room.interview.application.posting.title,
        "starts_at": room.interview.starts_at,
        "expires_at": room.expires_at,
    }


@router.post("/rooms/{token}/signals", response={201: SignalOut}, auth=ApiAuth, summary="发送信令")
def signal_send(request: HttpRequest, token: str, payload: SignalIn) -> Status[RoomSignal]:
    room, side = get_room_for_party_or_404(request.user, token)
    signal = room_signal_send(
        room=room,
        side=side,
        session=payload.session,
        to_session=payload.to_session,
        kind=payload.kind,
        data=payload.data,
    )
    return Status(201, signal)


@router.get(
    "/rooms/{token}/signals", response=list[SignalOut], auth=ApiAuth, summary="接收对方的信令"
)
def signal_receive(request: HttpRequest, token: str, query: Query[SignalQuery]) -> list[RoomSignal]:
    room, side = get_room_for_party_or_404(request.user, token)
    deadline = time.monotonic() + query.wait
    while True:
        found = room_signals_after(room, side=side, after=query.after)
        if found or time.monotonic() >= deadline:
            return found
        time.sleep(POLL_INTERVAL)
