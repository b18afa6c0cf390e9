import datetime
import time

import pytest
from django.utils import timezone

from chengnuan.applications.models import InterviewRoom
from tests.applications.api.support import API, client_for, post
from tests.applications.support import invited
from tests.employment.factories import WorkerFactory
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

OFFER = {"type": "offer", "sdp": "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n"}


@pytest.fixture
def room(world):
    return invited(world).room


def test_an_offer_answer_and_candidate_go_round_through_the_api(world, room, settings):
    settings.ICE_SERVERS = [{"urls": "stun:stun.example.gov.cn:3478"}]
    employer, worker = client_for(world.owner), client_for(world.worker)
    base = f"{API}/rooms/{room.token}"
    entered = employer.get(base).json()
    assert entered["side"] == "employer" and entered["cursor"] == 0
    assert entered["ice_servers"] == [{"urls": "stun:stun.example.gov.cn:3478"}]
    assert worker.get(base).json()["side"] == "worker"

    hello = post(
        worker, f"{base}/signals", {"session": "worker0001", "kind": "hello", "data": {"cursor": 0}}
    )
    assert hello.status_code == 201
    [got] = employer.get(f"{base}/signals?after=0").json()
    assert (got["kind"], got["session"], got["side"]) == ("hello", "worker0001", "worker")

    post(employer, f"{base}/signals",
         {"session": "employer01", "to_session": "worker0001", "kind": "offer", "data": {"sdp": OFFER}})  # fmt: skip
    # Each side reads only the other's signals: the worker does not get its own hello back.
    [offer] = worker.get(f"{base}/signals?after=0").json()
    assert offer["kind"] == "offer" and offer["data"]["sdp"] == OFFER

    post(worker, f"{base}/signals",
         {"session": "worker0001", "to_session": "employer01", "kind": "answer", "data": {"sdp": {"type": "answer"}}})  # fmt: skip
    post(worker, f"{base}/signals",
         {"session": "worker0001", "to_session": "employer01", "kind": "candidate",
          "data": {"candidate": {"candidate": "candidate:1 1 udp 1 127.0.0.1 5000 typ host"}}})  # fmt: skip
    after_hello = got["id"]
    kinds = [s["kind"] for s in employer.get(f"{base}/signals?after={after_hello}").json()]
    assert kinds == ["answer", "candidate"]
    assert employer.get(base).json()["cursor"] > after_hello


def test_a_long_poll_waits_and_returns_empty_when_nothing_comes(world, room):
    started = time.monotonic()
    response = client_for(world.owner).get(f"{API}/rooms/{room.token}/signals?after=0&wait=1")
    assert response.status_code == 200 and response.json() == []
    assert time.monotonic() - started >= 1


def test_a_wait_longer_than_allowed_is_a_422(world, room):
    response = client_for(world.owner).get(f"{API}/rooms/{room.token}/signals?wait=600")
    assert response.status_code == 422


def test_strangers_get_a_404_and_send_nothing(world, room):
    for stranger in (WorkerFactory(), StaffFactory()):
        api = client_for(stranger)
        assert api.get(f"{API}/rooms/{room.token}").status_code == 404
        sent = post(
            api, f"{API}/rooms/{room.token}/signals", {"session": "strangr001", "kind": "hello"}
        )
        assert sent.status_code == 404
        assert api.get(f"{API}/rooms/{room.token}/signals").status_code == 404
    assert not room.signals.exists()


def test_after_expiry_the_room_refuses_its_own_parties(world, room):
    InterviewRoom.objects.filter(pk=room.pk).update(
        opens_at=timezone.now() - datetime.timedelta(hours=4),
        expires_at=timezone.now() - datetime.timedelta(seconds=1),
    )
    api = client_for(world.worker)
    response = post(
        api, f"{API}/rooms/{room.token}/signals", {"session": "worker0001", "kind": "hello"}
    )
    assert response.status_code == 403
    assert "关闭" in response.json()["detail"][0]["msg"]
    assert api.get(f"{API}/rooms/{room.token}/signals").status_code == 403


def test_a_bad_signal_is_a_422(world, room):
    response = post(client_for(world.owner), f"{API}/rooms/{room.token}/signals",
                    {"session": "x", "kind": "hello"})  # fmt: skip
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "session"
