"""API tokens expire: workers' and employers' are renewed by use up to a hard limit, staff
tokens last a fixed time; old ones are purged."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone

from chengnuan.accounts.models import ApiToken, User
from chengnuan.accounts.services.sign_ins import (
    API_TOKEN_RENEW_LIMIT,
    api_token_create,
    api_token_revoke,
    api_token_touch,
    sign_ins_purge,
)
from chengnuan.accounts.tasks import sign_ins_purge_daily
from tests.accounts.factories import staff_with_device
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ME = "/api/v1/accounts/me"
DAY = datetime.timedelta(days=1)


def bearer(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def close_to(a, b):
    return abs(a - b) < datetime.timedelta(seconds=30)


def age(token, by):
    """Move a token's whole life `by` into the past."""
    ApiToken.objects.filter(pk=token.pk).update(
        created_at=token.created_at - by,
        expires_at=token.expires_at - by,
        last_used_at=token.last_used_at - by if token.last_used_at else None,
    )
    token.refresh_from_db()
    return token


def test_a_workers_token_lasts_thirty_days_by_default():
    token, _key = api_token_create(user=UserFactory(), name="APP")
    assert close_to(token.expires_at, timezone.now() + 30 * DAY)


def test_the_lifetime_comes_from_the_setting(settings):
    settings.API_TOKEN_DAYS = 7
    token, _key = api_token_create(user=UserFactory(), name="APP")
    assert close_to(token.expires_at, timezone.now() + 7 * DAY)


def test_an_expired_token_is_refused_with_401_in_chinese(client):
    token, key = api_token_create(user=UserFactory(), name="APP")
    age(token, 31 * DAY)
    response = client.get(ME, **bearer(key))
    assert response.status_code == 401
    assert response.json()["detail"][0]["msg"] == "登录已过期，请重新登录。"


def test_an_expired_token_is_not_renewed_by_trying_it(client):
    token, key = api_token_create(user=UserFactory(), name="APP")
    token = age(token, 31 * DAY)
    client.get(ME, **bearer(key))
    assert ApiToken.objects.get(pk=token.pk).expires_at == token.expires_at


def test_use_renews_a_workers_token_for_another_thirty_days(client):
    token, key = api_token_create(user=UserFactory(), name="APP")
    age(token, 20 * DAY)
    assert client.get(ME, **bearer(key)).status_code == 200
    assert close_to(ApiToken.objects.get(pk=token.pk).expires_at, timezone.now() + 30 * DAY)


def test_renewal_stops_at_the_hard_limit_after_sign_in():
    token, _key = api_token_create(user=UserFactory(), name="APP")
    token = age(token, 170 * DAY)
    api_token_touch(token=token)
    token.refresh_from_db()
    assert token.expires_at == token.created_at + API_TOKEN_RENEW_LIMIT
    later = token.created_at + API_TOKEN_RENEW_LIMIT - datetime.timedelta(minutes=1)
    api_token_touch(token=token, now=later)
    assert ApiToken.objects.get(pk=token.pk).expires_at == token.created_at + API_TOKEN_RENEW_LIMIT


def test_last_used_is_written_at_most_every_five_minutes():
    token, _key = api_token_create(user=UserFactory(), name="APP")
    now = timezone.now()
    api_token_touch(token=token, now=now)
    token.refresh_from_db()
    api_token_touch(token=token, now=now + datetime.timedelta(minutes=4))
    assert ApiToken.objects.get(pk=token.pk).last_used_at == now


def test_a_staff_token_lasts_ninety_days_and_use_does_not_renew_it(client):
    staff, _device = staff_with_device()
    token, key = api_token_create(user=staff, name="导入脚本")
    assert close_to(token.expires_at, timezone.now() + 90 * DAY)
    token = age(token, 60 * DAY)
    assert client.get(ME, **bearer(key)).status_code == 200
    assert ApiToken.objects.get(pk=token.pk).expires_at == token.expires_at


def test_a_staff_token_can_be_shorter_but_not_longer():
    staff, _device = staff_with_device()
    token, _key = api_token_create(user=staff, name="一周的导入", days=7)
    assert close_to(token.expires_at, timezone.now() + 7 * DAY)
    for days in (0, 91):
        with pytest.raises(ValidationError, match="1到90天"):
            api_token_create(user=staff, name="太长", days=days)


def test_the_staff_token_command_prints_the_expiry_and_refuses_too_long():
    staff, _device = staff_with_device()
    out = io.StringIO()
    call_command("staff_api_token", username=staff.username, name="脚本", days=14, stdout=out)
    token = ApiToken.objects.get(user=staff)
    assert f"{timezone.localtime(token.expires_at):%Y-%m-%d}" in out.getvalue()
    assert close_to(token.expires_at, timezone.now() + 14 * DAY)
    with pytest.raises(CommandError, match="1到90天"):
        call_command("staff_api_token", username=staff.username, name="脚本", days=365)


def test_staff_create_with_a_too_long_token_creates_nothing():
    with pytest.raises(CommandError, match="1到90天"):
        call_command(
            "staff_create",
            username="tiexi-import",
            role="clerk",
            area="210106",
            department="hrss",
            password="correct horse 9 battery",
            api_token="导入脚本",
            api_token_days=400,
            stdout=io.StringIO(),
        )
    assert not ApiToken.objects.exists()
    assert not User.objects.filter(username="tiexi-import").exists()


def test_the_purge_deletes_tokens_ended_a_month_ago_and_keeps_the_rest():
    worker = UserFactory()
    live, _ = api_token_create(user=worker, name="在用")
    expired_long_ago = age(api_token_create(user=worker, name="早过期")[0], 70 * DAY)
    expired_lately = age(api_token_create(user=worker, name="刚过期")[0], 40 * DAY)
    revoked_long_ago, _ = api_token_create(user=worker, name="早作废")
    api_token_revoke(token=revoked_long_ago, actor=worker)
    ApiToken.objects.filter(pk=revoked_long_ago.pk).update(revoked_at=timezone.now() - 31 * DAY)
    assert sign_ins_purge() == 2
    left = set(ApiToken.objects.values_list("pk", flat=True))
    assert left == {live.pk, expired_lately.pk}
    assert expired_long_ago.pk not in left


def test_the_daily_task_runs_the_purge():
    token, _key = api_token_create(user=UserFactory(), name="早过期")
    age(token, 70 * DAY)
    sign_ins_purge_daily.call_local()
    assert not ApiToken.objects.exists()
