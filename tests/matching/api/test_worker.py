import pytest

from chengnuan.matching.services.compute import matches_recompute
from tests.employment.api.support import API, client_for
from tests.matching.support import MILLER, SHENYANG, posting, seeker

pytestmark = pytest.mark.django_db
BASE = f"{API}/matching"


def test_a_worker_reads_their_matches_and_turns_personalisation_off():
    worker = seeker(wants=(MILLER,))
    newest = posting(title="商场保洁")
    matches_recompute(city_code=SHENYANG)
    me = client_for(worker.user)
    assert me.get(f"{BASE}/me/matches").json() == {
        "personalised": True,
        "matches": [],
        "newest": [],
    }
    changed = me.put(
        f"{BASE}/me/settings",
        {"personalised": False, "wished_benefits": ["housing"]},
        content_type="application/json",
    )
    assert changed.json() == {"personalised": False, "wished_benefits": ["housing"]}
    answer = me.get(f"{BASE}/me/matches").json()
    assert answer["personalised"] is False
    assert [p["id"] for p in answer["newest"]] == [newest.pk]


def test_an_unknown_benefit_is_a_422_in_chinese():
    me = client_for(seeker().user)
    answer = me.put(
        f"{BASE}/me/settings",
        {"personalised": True, "wished_benefits": ["gold"]},
        content_type="application/json",
    )
    assert answer.status_code == 422
    assert "没有这种待遇" in answer.json()["detail"][0]["msg"]


def test_my_matches_needs_a_sign_in():
    assert client_for().get(f"{BASE}/me/matches").status_code == 401


def test_the_older_channel_is_public_and_paged():
    welcome = posting(open_to_older=True)
    posting(age_max=40)
    answer = client_for().get(f"{BASE}/older", {"city": "2101"}).json()
    assert answer["count"] == 1 and answer["items"][0]["id"] == welcome.pk
