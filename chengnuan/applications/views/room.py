"""The video room page. The call itself is static/js/interview-room.js (WebRTC); this page
only says who is in it and where the platform's signalling endpoints are."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from chengnuan.accounts.access import login_required_kind
from chengnuan.accounts.models import UserKind
from chengnuan.applications.access import RoomClosed, get_room_for_party_or_404
from chengnuan.applications.selectors import room_cursor


def room(request: HttpRequest, token: str) -> HttpResponse:
    user = login_required_kind(request, [UserKind.WORKER, UserKind.EMPLOYER, UserKind.STAFF])
    try:
        found, side = get_room_for_party_or_404(user, token)
    except RoomClosed as closed:
        return render(request, "applications/room_closed.html", {"reason": str(closed)}, status=403)
    interview = found.interview
    return render(
        request,
        "applications/room.html",
        {
            "room": found,
            "side": side,
            "interview": interview,
            "application": interview.application,
            "cursor": room_cursor(found),
            "api_url": reverse("api:room_enter", args=[found.token]),
            "ice_servers": settings.ICE_SERVERS,
        },
    )
