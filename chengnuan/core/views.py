import hashlib
import json
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST
from huey.contrib.djhuey import HUEY

from chengnuan.core.tasks import HEARTBEAT_KEY


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """The state of the database and the task queue. 503 when either cannot be reached; a
    consumer that has not beaten for a while is reported, not fatal (it may be starting)."""
    state: dict[str, object] = {}
    healthy = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        state["database"] = {"ok": True, "vendor": connection.vendor}
    except Exception as exc:  # any failure here is what the probe must report
        healthy = False
        state["database"] = {"ok": False, "error": exc.__class__.__name__}
    try:
        state["queue"] = {
            "ok": True,
            "backend": HUEY.__class__.__name__,
            "pending": HUEY.pending_count(),
            "consumer_last_seen": cache.get(HEARTBEAT_KEY),
        }
    except Exception as exc:
        healthy = False
        state["queue"] = {"ok": False, "error": exc.__class__.__name__}
    state["status"] = "ok" if healthy else "error"
    return JsonResponse(state, status=200 if healthy else 503)


@require_POST
def toggle_large_text(request: HttpRequest) -> HttpResponse:
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    response = HttpResponseRedirect(target)
    turn_on = request.COOKIES.get("large_text") != "1"
    response.set_cookie(
        "large_text", "1" if turn_on else "0", max_age=3600 * 24 * 365, samesite="Lax"
    )
    return response


# --- the APP channel: an installable web app ------------------------------------------------

# What the service worker keeps so the site opens without a network: the offline page and
# the files every page loads. Pages themselves are kept only when marked (core.offline).
APP_SHELL_FILES = (
    "css/site.css",
    "js/site.js",
    "js/htmx.min.js",
    "js/read-aloud.js",
    "icons/icon-192.png",
)


@require_GET
def web_app_manifest(request: HttpRequest) -> JsonResponse:
    icons = [
        {"src": static(f"icons/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png"}
        for size in (192, 512)
    ]
    # Full-bleed icons with the mark in the safe zone: good as they are and under a mask.
    icons += [icon | {"purpose": "maskable"} for icon in icons]
    manifest = {
        "name": "城暖农民工",
        "short_name": "城暖农民工",
        "description": "找工作、求职登记、收藏岗位：辽宁省城暖农民工服务平台",
        "lang": "zh-CN",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#c0392b",
        "icons": icons,
    }
    response = JsonResponse(manifest, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker, from the site's root so its scope is the whole site. Its version is
    a hash of the shell files, so a changed file makes browsers install the new worker and
    drop the old caches. Browsers check it on each visit (no-cache)."""
    shell = [reverse("offline")] + [static(name) for name in APP_SHELL_FILES]
    response = render(
        request,
        "core/sw.js",
        {"shell": json.dumps(shell), "version": json.dumps(_shell_version())},
        content_type="text/javascript; charset=utf-8",
    )
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


def _shell_version() -> str:
    if not settings.DEBUG and _SHELL_VERSION:
        return _SHELL_VERSION[0]
    digest = hashlib.sha256()
    for name in APP_SHELL_FILES:
        path = finders.find(name) or staticfiles_storage.path(name)
        digest.update(Path(str(path)).read_bytes())
    _SHELL_VERSION[:] = [digest.hexdigest()[:12]]
    return _SHELL_VERSION[0]


# Files do not change under a running production process: hashed once there.
_SHELL_VERSION: list[str] = []


@require_GET
def offline(request: HttpRequest) -> HttpResponse:
    """What the service worker shows for a page it has no copy of, when there is no network."""
    return render(request, "core/offline.html")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without a valid CSRF token (the page was open too long, or cookies are off):
    said in Chinese, with the way back to the form. (Django's own page is English and is
    rendered without the request, so the site's header could not be drawn.)"""
    return render(request, "403_csrf.html", {"retry_url": request.get_full_path()}, status=403)
