"""Looking a person up by number or name without putting the number in a URL.

A look-up form is sent by POST; the view keeps what it needs (keyed hashes, masks, a name) in
the staff member's session under a short random token and redirects to the list with
`?lookup=<token>`. The list, its pages and its filters then carry only the token, so no 身份证号
or phone number lands in an address bar, a browser history, a referrer or an access log.
Tokens live in the session only (another browser cannot use them) and for LIFETIME."""

import secrets
import time
from typing import Any

from django.http import HttpRequest

SESSION_KEY = "lookups"
LIFETIME_SECONDS = 60 * 60
KEPT = 20  # the newest look-ups per session; older tokens simply expire


def lookup_remember(request: HttpRequest, criteria: dict[str, Any]) -> str:
    """Keep `criteria` (hashes and masks only) in the session; the token for the URL."""
    now = time.time()
    kept = {
        token: entry
        for token, entry in request.session.get(SESSION_KEY, {}).items()
        if now - entry["at"] < LIFETIME_SECONDS
    }
    token = secrets.token_urlsafe(9)
    kept[token] = {"at": now, "criteria": criteria}
    newest = sorted(kept.items(), key=lambda item: item[1]["at"])[-KEPT:]
    request.session[SESSION_KEY] = dict(newest)
    return token


def lookup_recall(request: HttpRequest, token: str) -> dict[str, Any] | None:
    """The criteria kept under `token`, or None when it is unknown or too old."""
    entry = request.session.get(SESSION_KEY, {}).get(token) if token else None
    if entry is None or time.time() - entry["at"] >= LIFETIME_SECONDS:
        return None
    criteria: dict[str, Any] = entry["criteria"]
    return criteria
