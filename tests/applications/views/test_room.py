import datetime

import pytest
from django.utils import timezone

from chengnuan.applications.models import InterviewRoom
from tests.applications.support import invited
from tests.employment.factories import WorkerFactory
from tests.employment.views_support import signed_in, staff_signed_in
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def test_each_party_gets_the_room_on_their_side_with_no_inline_script(client, world, settings):
    settings.ICE_SERVERS = [
        {"urls": "turn:turn.example.gov.cn:3478", "username": "u", "credential": "c"}
    ]
    room = invited(world).room
    for user, side in ((world.worker, "worker"), (world.owner, "employer")):
        page = signed_in(client, user).get(f"/interviews/room/{room.token}/").content.decode()
        assert f'data-side="{side}"' in page
        assert f'data-api="/api/v1/applications/rooms/{room.token}"' in page
        assert "turn:turn.example.gov.cn:3478" in page  # in the JSON data block
        assert "<script>" not in page
        assert "js/interview-room.js" in page


def test_a_stranger_gets_a_404_even_staff_of_the_area(client, world):
    room = invited(world).room
    signed_in(client, WorkerFactory())
    assert client.get(f"/interviews/room/{room.token}/").status_code == 404
    staff_signed_in(client, StaffFactory())
    assert client.get(f"/interviews/room/{room.token}/").status_code == 404


def test_an_expired_room_says_so(client, world):
    room = invited(world).room
    InterviewRoom.objects.filter(pk=room.pk).update(
        opens_at=timezone.now() - datetime.timedelta(hours=4),
        expires_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    response = signed_in(client, world.worker).get(f"/interviews/room/{room.token}/")
    assert response.status_code == 403
    assert "已经关闭" in response.content.decode()
