import pytest
from django.urls import reverse

from chengnuan.matching.models import Match, MatchSettings
from chengnuan.matching.services.compute import matches_recompute
from tests.matching.support import MILLER, SHENYANG, posting, seeker

pytestmark = pytest.mark.django_db
PAGE = reverse("matching:my_matches")


def test_a_worker_sees_their_matches_with_the_reasons(client):
    worker = seeker()
    posting(title="写字楼保洁")
    matches_recompute(city_code=SHENYANG)
    client.force_login(worker.user)
    text = client.get(PAGE).content.decode()
    assert "写字楼保洁" in text and "正是您想做的工作" in text


def test_turning_personalisation_off_shows_only_the_newest_of_their_city(client):
    worker = seeker(wants=(MILLER,))
    posting(title="商场保洁")  # not their line of work: only the newest list shows it
    matches_recompute(city_code=SHENYANG)
    client.force_login(worker.user)
    assert "商场保洁" not in client.get(PAGE).content.decode()
    response = client.post(reverse("matching:my_match_settings"), {"wished_benefits": ["meals"]})
    assert response.status_code == 302
    assert MatchSettings.objects.get(seeker=worker).personalised is False
    text = client.get(PAGE).content.decode()
    assert "关闭了个性化推荐" in text and "商场保洁" in text
    assert not Match.objects.filter(seeker=worker).exists()


def test_an_unknown_benefit_is_refused_and_nothing_is_saved(client):
    worker = seeker()
    client.force_login(worker.user)
    response = client.post(
        reverse("matching:my_match_settings"), {"personalised": "on", "wished_benefits": ["gold"]}
    )
    assert response.status_code == 200
    assert not MatchSettings.objects.filter(seeker=worker).exists()


def test_a_worker_without_a_registration_gets_404(client):
    from tests.employment.factories import WorkerFactory

    client.force_login(WorkerFactory())
    assert client.get(PAGE).status_code == 404
