from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
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


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without a valid CSRF token (the page was open too long, or cookies are off):
    said in Chinese, with the way back to the form. (Django's own page is English and is
    rendered without the request, so the site's header could not be drawn.)"""
    return render(request, "403_csrf.html", {"retry_url": request.get_full_path()}, status=403)
