"""「这是公用电脑」 at sign-in (workers at a station, staff): the session remembers it, so no
page is marked for an offline copy; signing out clears what the browser holds of the site."""

import pytest

from chengnuan.accounts.models import BrowserSession
from chengnuan.core.offline import SHARED_KEY
from tests.accounts.conftest import code_in, current_totp
from tests.accounts.factories import STAFF_PASSWORD, staff_with_device

pytestmark = pytest.mark.django_db

LOGIN, STAFF_LOGIN = "/accounts/login/", "/accounts/staff/login/"


@pytest.fixture
def sms_sign_in(client, sms_outbox, django_capture_on_commit_callbacks):
    def sign_in(**extra):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(LOGIN, {"phone": "13912345678", "kind": "worker", "action": "send"})
        fields = {"phone": "13912345678", "kind": "worker", "stage": "code", "action": "verify"}
        return client.post(LOGIN, fields | {"code": code_in(sms_outbox[-1])} | extra)

    return sign_in


def test_the_code_step_offers_the_switch_off_by_default(client, sms_outbox):
    page = client.post(
        LOGIN, {"phone": "13912345678", "kind": "worker", "action": "send"}
    ).content.decode()
    assert "这是公用电脑" in page
    assert (
        'name="shared_computer"' in page and "checked" not in page.split("shared_computer")[1][:40]
    )


def test_a_worker_at_a_station_ticks_it_and_the_session_remembers(client, sms_sign_in):
    assert sms_sign_in(shared_computer="on").status_code == 302
    assert client.session[SHARED_KEY] is True


def test_a_worker_on_their_own_phone_leaves_it_and_the_session_has_no_flag(client, sms_sign_in):
    assert sms_sign_in().status_code == 302
    assert SHARED_KEY not in client.session


def test_the_staff_sign_in_has_the_switch_on_by_default(client):
    page = client.get(STAFF_LOGIN).content.decode()
    assert "这是公用电脑" in page
    assert 'name="shared_computer" id="id_shared_computer" checked' in page


@pytest.mark.parametrize(("ticked", "flagged"), [({"shared_computer": "on"}, True), ({}, False)])
def test_the_staff_switch_sets_the_flag_as_sent(client, ticked, flagged):
    user, device = staff_with_device()
    fields = {"username": user.username, "password": STAFF_PASSWORD}
    client.post(STAFF_LOGIN, fields | {"otp_token": current_totp(device)} | ticked)
    assert client.session.get(SHARED_KEY, False) is flagged


def test_signing_out_clears_the_sites_caches_and_storage(client, sms_sign_in):
    sms_sign_in(shared_computer="on")
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert SHARED_KEY not in client.session


def test_ending_this_browsers_sign_in_clears_it_too(client, sms_sign_in):
    sms_sign_in()
    row = BrowserSession.objects.get()
    response = client.post(f"/accounts/me/sign-ins/web-{row.pk}/end/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'


def test_closing_the_account_clears_the_browser_too(client, sms_sign_in):
    sms_sign_in()
    response = client.post("/accounts/me/close/", {"confirm": "on"})
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'


def test_ending_another_sign_in_does_not_clear_this_browser(client, sms_sign_in):
    sms_sign_in()
    BrowserSession.objects.update(key_hash="another browser")
    row = BrowserSession.objects.get()
    response = client.post(f"/accounts/me/sign-ins/web-{row.pk}/end/")
    assert response.status_code == 302 and not response.has_header("Clear-Site-Data")
