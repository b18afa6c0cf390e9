import pytest

from chengnuan.matching.models import FollowUpContact, PushRecord
from chengnuan.matching.services.compute import matches_recompute
from tests.employment.api.support import API, client_for, messages
from tests.employment.factories import DalianClerkFactory
from tests.factories import StaffFactory
from tests.matching.support import SHENYANG, posting, seeker

pytestmark = pytest.mark.django_db
BASE = f"{API}/matching/office"


@pytest.fixture
def matched():
    worker = seeker(name="王秀英")
    job = posting(title="小区保洁员")
    matches_recompute(city_code=SHENYANG)
    return worker, job


def test_staff_read_a_seekers_matches_with_reasons(matched):
    worker, job = matched
    answer = client_for(StaffFactory()).get(f"{BASE}/seekers/{worker.pk}/matches")
    assert answer.status_code == 200
    [item] = answer.json()
    assert item["posting"]["id"] == job.pk
    assert item["reasons"][0] == "正是您想做的工作"


def test_a_dalian_clerk_gets_404_for_a_shenyang_seeker_and_posting(matched):
    worker, job = matched
    dalian = client_for(DalianClerkFactory())
    assert dalian.get(f"{BASE}/seekers/{worker.pk}/matches").status_code == 404
    assert dalian.get(f"{BASE}/seekers/{worker.pk}/contacts").status_code == 404
    pushed = dalian.post(
        f"{BASE}/seekers/{worker.pk}/push", {"posting_id": job.pk}, content_type="application/json"
    )
    assert pushed.status_code == 404
    assert dalian.get(f"{BASE}/postings/{job.pk}/seekers").status_code == 404
    assert not PushRecord.objects.exists()


def test_push_by_hand_and_contacts_through_the_api(matched):
    worker, job = matched
    staff = client_for(StaffFactory())
    url = f"{BASE}/seekers/{worker.pk}/push"
    first = staff.post(url, {"posting_id": job.pk}, content_type="application/json")
    assert first.status_code == 201 and first.json()["kind"] == "by_hand"
    again = staff.post(url, {"posting_id": job.pk}, content_type="application/json")
    assert again.status_code == 422
    assert "已经推送给过" in messages(again, "posting")[0]
    contact = staff.post(
        f"{BASE}/seekers/{worker.pk}/contacts",
        {"method": "visited", "note": "上门了解情况"},
        content_type="application/json",
    )
    assert contact.status_code == 201 and contact.json()["method_label"] == "上门走访"
    wrong = staff.post(
        f"{BASE}/seekers/{worker.pk}/contacts",
        {"method": "emailed"},
        content_type="application/json",
    )
    assert wrong.status_code == 422
    listed = staff.get(f"{BASE}/seekers/{worker.pk}/contacts").json()
    assert listed["count"] == 1 == FollowUpContact.objects.count()


def test_a_postings_seekers_come_masked(matched):
    worker, job = matched
    [item] = client_for(StaffFactory()).get(f"{BASE}/postings/{job.pk}/seekers").json()
    assert (item["seeker_id"], item["name_masked"]) == (worker.pk, "王**")


def test_the_follow_up_list_pages_and_checks_its_filter(matched):
    staff = client_for(StaffFactory())
    answer = staff.get(f"{BASE}/follow-up", {"days": 0})
    assert answer.status_code == 200
    [row] = answer.json()["items"]
    assert row["name"] == "王秀英" and row["matches"][0]["reasons"]
    assert staff.get(f"{BASE}/follow-up", {"days": -1}).status_code == 422


def test_effectiveness_checks_the_month(matched):
    staff = client_for(StaffFactory())
    assert staff.get(f"{BASE}/effectiveness", {"month": "2026-12"}).json() == []
    assert staff.get(f"{BASE}/effectiveness", {"month": "2026-13"}).status_code == 422
    assert staff.get(f"{BASE}/effectiveness", {"level": "town"}).status_code == 422


def test_workers_cannot_call_office_routes(matched):
    worker, _ = matched
    answer = client_for(worker.user).get(f"{BASE}/seekers/{worker.pk}/matches")
    assert answer.status_code in (403, 404)
