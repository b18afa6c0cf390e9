"""What the APP channel's service worker (templates/core/sw.js) may keep for reading offline.

The worker decides nothing itself: it stores a page only when the answer says so with
OFFLINE_HEADER, which `offline_copy` sets on the few pages meant for it (a worker's saved jobs,
their messages), and only for a signed-in person on their own device. On a shared computer
(a station's, an internet café's: the 「这是公用电脑」 switch at sign-in sets SHARED_KEY in the
session) nothing personal is kept: no offline copy, `Cache-Control: no-store` on every page
(core.middleware), and signing out clears the site's caches (Clear-Site-Data)."""

import functools
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

OFFLINE_HEADER = "X-Offline-Copy"
SHARED_KEY = "shared_computer"
# Signing out removes every copy this browser holds of the site: HTTP cache, the service
# worker's caches and its registration (it registers again on the next page).
CLEAR_SITE_DATA = '"cache", "storage"'


def is_shared_computer(request: HttpRequest) -> bool:
    session = getattr(request, "session", None)
    return bool(session is not None and session.get(SHARED_KEY))


def mark_shared_computer(request: HttpRequest) -> None:
    """After sign-in: this browser is used by others too."""
    request.session[SHARED_KEY] = True


def offline_copy(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """Let the service worker keep this page for offline reading: a successful page of a
    signed-in person who is not on a shared computer."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if (
            response.status_code == 200
            and request.user.is_authenticated
            and not is_shared_computer(request)
        ):
            response[OFFLINE_HEADER] = "keep"
        return response

    return wrapped
