import pytest

from chengnuan.applications.models import Application
from tests.applications.support import applied, invited, make_world
from tests.employment.factories import WorkerFactory
from tests.employment.views_support import signed_in

pytestmark = pytest.mark.django_db


def test_the_posting_page_offers_the_one_tap(client, world):
    page = client.get(f"/jobs/{world.posting.pk}/").content.decode()
    assert f"/jobs/{world.posting.pk}/apply/" in page


def test_a_worker_confirms_and_the_application_is_sent(client, world):
    signed_in(client, world.worker)
    confirm = client.get(f"/jobs/{world.posting.pk}/apply/")
    assert "确认申请" in confirm.content.decode()
    response = client.post(f"/jobs/{world.posting.pk}/apply/", follow=True)
    assert response.redirect_chain[-1][0] == "/me/applications/"
    assert "申请已经送到单位" in response.content.decode()
    assert Application.objects.get().seeker == world.seeker


def test_a_second_tap_says_it_was_sent_already(client, world):
    applied(world)
    signed_in(client, world.worker)
    response = client.post(f"/jobs/{world.posting.pk}/apply/", follow=True)
    assert "已经申请过" in response.content.decode()
    assert Application.objects.count() == 1


def test_without_a_registration_the_page_leads_to_it(client, world):
    signed_in(client, WorkerFactory())
    for url in (f"/jobs/{world.posting.pk}/apply/", "/me/applications/"):
        page = client.get(url).content.decode()
        assert "/me/registration/" in page and "先做求职登记" in page
    assert client.post(f"/jobs/{world.posting.pk}/apply/").status_code == 200
    assert not Application.objects.exists()


def test_a_visitor_is_sent_to_sign_in(client, world):
    response = client.get(f"/jobs/{world.posting.pk}/apply/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_detail_shows_the_room_and_a_withdraw_button(client, world):
    interview = invited(world)
    signed_in(client, world.worker)
    page = client.get(f"/me/applications/{interview.application.pk}/").content.decode()
    assert f"/interviews/room/{interview.room.token}/" in page
    assert "撤回申请" in page


def test_withdrawing_from_the_page(client, world):
    application = applied(world)
    signed_in(client, world.worker)
    response = client.post(f"/me/applications/{application.pk}/withdraw/", follow=True)
    assert "申请已撤回" in response.content.decode()
    application.refresh_from_db()
    assert application.status == "withdrawn"
    again = client.post(f"/me/applications/{application.pk}/withdraw/", follow=True)
    assert "不能改成" in again.content.decode()


def test_another_workers_application_is_a_404(client, world):
    application = applied(world)
    signed_in(client, make_world().worker)
    assert client.get(f"/me/applications/{application.pk}/").status_code == 404
    assert client.post(f"/me/applications/{application.pk}/withdraw/").status_code == 404
