"""Fixed-window counters: a window lasts as long as it says on the database cache too."""

import datetime
import time

import pytest
from django.core.cache import cache
from django.db import connection

from chengnuan.core import ratelimit

pytestmark = pytest.mark.django_db


def stored_expiry(key: str) -> float:
    """When the database cache will forget a key (seconds since the epoch)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT expires FROM cache_table WHERE cache_key = %s", [cache.make_key(key)]
        )
        (expires,) = cursor.fetchone()
    if isinstance(expires, str):  # SQLite hands back the text it stores
        expires = datetime.datetime.fromisoformat(expires)
    if expires.tzinfo is None:  # stored in UTC (USE_TZ)
        expires = expires.replace(tzinfo=datetime.UTC)
    return expires.timestamp()


def test_the_limit_holds_within_the_window_and_says_when_it_is_over():
    assert all(ratelimit.hit("t", "a", limit=3, window=60) for _ in range(3))
    assert not ratelimit.hit("t", "a", limit=3, window=60)
    assert ratelimit.count("t", "a") == 4
    assert ratelimit.count("t", "b") == 0


def test_a_fifteen_minute_window_is_not_cut_to_the_cache_default_by_each_hit(settings):
    if "DatabaseCache" not in settings.CACHES["default"]["BACKEND"]:
        pytest.skip("the database cache is the one that resets expiry on incr")
    for _ in range(3):
        ratelimit.hit("t", "long", limit=5, window=15 * 60)
    assert stored_expiry("ratelimit:t:long") > time.time() + 14 * 60


def test_reset_clears_the_count():
    ratelimit.hit("t", "c", limit=1, window=60)
    ratelimit.reset("t", "c")
    assert ratelimit.count("t", "c") == 0
    assert ratelimit.hit("t", "c", limit=1, window=60)
