import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from chengnuan.applications.choices import Side
from chengnuan.applications.models import InterviewRoom, RoomSignal
from chengnuan.applications.services import rooms
from chengnuan.applications.services.rooms import room_signal_send, room_signals_purge
from tests.applications.support import invited, make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def room(world):
    return invited(world).room


def _send(room, **overrides):
    values = {"side": Side.WORKER, "session": "abcdefgh12", "to_session": "", "kind": "hello",
              "data": {}}  # fmt: skip
    return room_signal_send(room=room, **(values | overrides))


def test_a_signal_is_stored_for_the_other_side(room):
    signal = _send(room, kind="offer", to_session="zyxwvuts98", data={"sdp": {"type": "offer"}})
    assert RoomSignal.objects.get() == signal


@pytest.mark.parametrize(
    "field, value",
    [("kind", "shout"), ("session", "short"), ("session", "has space 123"),
     ("to_session", "no!"), ("data", {"sdp": "x" * 20_000}), ("data", ["not", "a", "dict"])],
)  # fmt: skip
def test_bad_signals_are_refused_with_the_field(room, field, value):
    with pytest.raises(ValidationError) as refused:
        _send(room, **{field: value})
    assert field in refused.value.error_dict
    assert not RoomSignal.objects.exists()


def test_a_runaway_page_cannot_fill_the_table(room, monkeypatch):
    monkeypatch.setattr(rooms, "MAX_SIGNALS_PER_ROOM", 3)
    for _ in range(3):
        _send(room)
    with pytest.raises(ValidationError, match="太多"):
        _send(room)


def test_signals_of_closed_rooms_are_purged_and_open_ones_kept(room):
    _send(room)
    closed = invited(make_world()).room
    _send(closed)
    InterviewRoom.objects.filter(pk=closed.pk).update(
        opens_at=timezone.now() - datetime.timedelta(hours=4),
        expires_at=timezone.now() - datetime.timedelta(seconds=1),
    )
    assert room_signals_purge() == 1
    assert list(RoomSignal.objects.values_list("room_id", flat=True)) == [room.pk]
