from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_cache_control

from chengnuan.core.offline import is_shared_computer

# Paths whose answers can carry personal data even to a request without a session: the JSON
# API (token callers), the back office and its exports, sign-in (the number being signed in).
PERSONAL_PATH_PREFIXES = ("/api/", "/office/", "/accounts/", "/django-admin/")


class NoStorePersonalDataMiddleware:
    """`Cache-Control: no-store, private` on every answer that may show a person's data, so
    neither a shared proxy nor the browser's disk (a station's shared computer) keeps a copy:
    everything a signed-in user is shown, and everything under PERSONAL_PATH_PREFIXES. Public
    pages seen without signing in, and static files (served before this runs), stay cacheable.
    On a shared computer (core.offline) every page is no-store."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            request.path_info.startswith(PERSONAL_PATH_PREFIXES)
            or request.user.is_authenticated
            or is_shared_computer(request)
        ):
            patch_cache_control(response, no_store=True, private=True)
        return response


class GZipPagesMiddleware(GZipMiddleware):
    """Django's gzip (with its random padding against BREACH) for what a phone on a slow
    network loads from the views: HTML pages and the service worker's script
    (bench/pages/weight.py measures them). Static files are compressed
    ahead by WhiteNoise and answered before this; downloads (xlsx, PDF) are compressed already;
    the JSON API is left as it is, for a front proxy to compress if it is asked to."""

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if not response.get("Content-Type", "").startswith(("text/html", "text/javascript")):
            return response
        return super().process_response(request, response)
