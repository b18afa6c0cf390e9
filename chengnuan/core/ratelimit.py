"""Fixed-window counters in the shared cache (Redis in production, the database cache on one
machine), so a limit holds across every web process.

Redis keeps a key's expiry when it is incremented; Django's database cache does not (its incr
is a read and a set with the default timeout of five minutes), which cut a fifteen-minute lock
to five minutes after the last failure. Each window therefore keeps its deadline beside the
count and puts it back after every increment. On the database cache the increment is also
not atomic: two failures at the same instant may count once, which a single machine's traffic
makes rare and harmless."""

import time

from django.core.cache import cache
from django.core.exceptions import ValidationError


class RateLimited(ValidationError):
    """Too many attempts. A ValidationError, so forms show its message like any other; the API
    answers it with 429 (see core.api_errors)."""


def _key(scope: str, ident: str) -> str:
    return f"ratelimit:{scope}:{ident}"


def hit(scope: str, ident: str, *, limit: int, window: int) -> bool:
    """Count one event for `ident` in `scope`; True while the count is still within `limit`
    for the current window of `window` seconds."""
    key = _key(scope, ident)
    now = time.time()
    # Starts the window only if none is running; the deadline is kept with it.
    if cache.add(key, 0, timeout=window):
        cache.set(f"{key}:until", now + window, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # the window expired between add and incr
        cache.set(key, 1, timeout=window)
        cache.set(f"{key}:until", now + window, timeout=window)
        return limit >= 1
    until = cache.get(f"{key}:until") or now + window
    cache.touch(key, timeout=max(1, int(until - now)))
    return count <= limit


def count(scope: str, ident: str) -> int:
    return int(cache.get(_key(scope, ident), 0))


def reset(scope: str, ident: str) -> None:
    key = _key(scope, ident)
    cache.delete_many([key, f"{key}:until"])
