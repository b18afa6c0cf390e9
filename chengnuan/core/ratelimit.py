"""Fixed-window counters in the shared cache (Redis in production, the database cache on one
machine), so a limit holds across every web process."""

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
    cache.add(key, 0, timeout=window)  # starts the window only if none is running
    try:
        count = cache.incr(key)
    except ValueError:  # the window expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit


def count(scope: str, ident: str) -> int:
    return int(cache.get(_key(scope, ident), 0))


def reset(scope: str, ident: str) -> None:
    cache.delete(_key(scope, ident))
