"""A remote interview as the two people meet it: the employer and the worker, each in their own
headless Chromium context with a fake camera and microphone, open the same room, and the
platform's HTTP signalling brings them to a connected WebRTC call."""

import pytest
from django.conf import settings
from django.test import Client

from tests.applications.support import invited, make_world
from tests.browser.conftest import needs_concurrent_database

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    needs_concurrent_database,
]


def signed_in_page(new_page, live_server, user):
    """A page whose browser context carries a session of `user` (signing in by SMS is the
    other journeys' business)."""
    client = Client()
    client.force_login(user)
    page = new_page()
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME,
          "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
          "url": live_server.url}]
    )  # fmt: skip
    return page


@pytest.mark.parametrize("first", ["employer", "worker"])
def test_employer_and_worker_join_one_room_and_are_connected(new_page, live_server, first):
    world = make_world()
    room = invited(world).room
    employer = signed_in_page(new_page, live_server, world.owner)
    worker = signed_in_page(new_page, live_server, world.worker)
    # Script errors and Content-Security-Policy refusals. (A signal POST may meet a 500 here:
    # the test database is SQLite in memory, whose table locks do not wait as the file
    # database's busy timeout does; the page sends it again, as it would after a dropped
    # connection.)
    errors: list[str] = []
    for page in (employer, worker):
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on(
            "console",
            lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None,
        )

    # Whoever comes first waits; the one who comes second is seen (the offer always comes
    # from the employer's side).
    early, late = (employer, worker) if first == "employer" else (worker, employer)
    early.goto(f"/interviews/room/{room.token}/")
    early.locator("#room-state", has_text="等对方进来").wait_for()
    late.goto(f"/interviews/room/{room.token}/")

    for page in (employer, worker):
        page.locator("#room-state", has_text="已接通").wait_for(timeout=30_000)
        state = page.evaluate("() => document.getElementById('room-state').textContent")
        assert state == "已接通"
        # The other side's fake camera is playing in the big picture.
        page.wait_for_function(
            "() => document.getElementById('remote-video').videoWidth > 0", timeout=15_000
        )
    assert errors == []
    # Every signal went through the database, none through the page's memory alone.
    kinds = set(room.signals.values_list("kind", flat=True))
    assert {"hello", "offer", "answer", "candidate"} <= kinds
