import pytest

from chengnuan.applications.models import Application
from tests.applications.api.support import API, client_for, messages, post
from tests.applications.support import applied, invited
from tests.employment.factories import WorkerFactory

pytestmark = pytest.mark.django_db


def test_a_worker_applies_with_one_call_and_sees_it_listed(world):
    api = client_for(world.worker)
    response = post(api, f"{API}/", {"posting_id": world.posting.pk})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "applied" and body["status_label"] == "已申请"
    assert [e["to_status"] for e in body["events"]] == ["applied"]
    listed = api.get(f"{API}/mine").json()
    assert listed["count"] == 1 and listed["items"][0]["posting_title"] == world.posting.title


def test_applying_twice_is_a_422_in_chinese(world):
    api = client_for(world.worker)
    post(api, f"{API}/", {"posting_id": world.posting.pk})
    again = post(api, f"{API}/", {"posting_id": world.posting.pk})
    assert again.status_code == 422
    assert "已经申请过" in messages(again)[0]


def test_a_worker_without_a_registration_is_told_to_register(world):
    response = post(client_for(WorkerFactory()), f"{API}/", {"posting_id": world.posting.pk})
    assert response.status_code == 403
    assert "求职登记" in messages(response)[0]


def test_an_unknown_posting_is_a_404(world):
    assert post(client_for(world.worker), f"{API}/", {"posting_id": 999999}).status_code == 404


def test_an_employer_cannot_apply(world):
    assert (
        post(client_for(world.owner), f"{API}/", {"posting_id": world.posting.pk}).status_code
        == 403
    )


def test_the_detail_shows_the_invitation_with_the_room(world):
    interview = invited(world)
    body = client_for(world.worker).get(f"{API}/mine/{interview.application.pk}").json()
    assert body["status"] == "invited"
    assert body["interview"]["mode"] == "remote"
    assert body["interview"]["room"]["token"] == interview.room.token
    assert "phone" not in body


def test_another_workers_application_is_a_404(world):
    application = applied(world)
    assert client_for(WorkerFactory()).get(f"{API}/mine/{application.pk}").status_code == 404


def test_a_worker_withdraws_once(world):
    application = applied(world)
    api = client_for(world.worker)
    response = post(api, f"{API}/mine/{application.pk}/withdraw", {"note": "找到别的工作了"})
    assert response.status_code == 200 and response.json()["status"] == "withdrawn"
    again = post(api, f"{API}/mine/{application.pk}/withdraw", {})
    assert again.status_code == 422
    assert Application.objects.get().status == "withdrawn"
