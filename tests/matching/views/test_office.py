"""The back-office pages: a seeker's matches (area-scoped, audited), push by hand, contacts,
a posting's seekers (names masked), the follow-up list and the effectiveness figures."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from chengnuan.core.models import AuditEntry
from chengnuan.matching.models import FollowUpContact, PushRecord
from chengnuan.matching.services.compute import matches_recompute
from tests.employment.factories import DalianClerkFactory
from tests.employment.views_support import staff_signed_in
from tests.factories import StaffFactory
from tests.matching.support import SHENYANG, posting, seeker

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk(client):
    staff = StaffFactory()
    staff_signed_in(client, staff)
    return staff


@pytest.fixture
def matched():
    worker = seeker(name="王秀英")
    job = posting(title="小区保洁员", benefits=["housing"])
    matches_recompute(city_code=SHENYANG)
    return worker, job


def test_a_clerk_sees_a_seekers_matches_with_reasons_and_the_read_is_audited(
    client, clerk, matched
):
    worker, _ = matched
    page = client.get(reverse("matching:office_seeker_matches", args=[worker.pk]))
    text = page.content.decode()
    assert "小区保洁员" in text and "正是您想做的工作" in text
    assert AuditEntry.objects.filter(actor=clerk, detail__list=[worker.pk]).exists()


def test_a_dalian_clerk_sees_no_shenyang_seekers_matches(client, matched):
    worker, job = matched
    staff_signed_in(client, DalianClerkFactory())
    for name in ("office_seeker_matches", "office_seeker_push", "office_seeker_contact"):
        method = client.get if name == "office_seeker_matches" else client.post
        assert method(reverse(f"matching:{name}", args=[worker.pk])).status_code == 404
    assert client.get(reverse("matching:office_posting_seekers", args=[job.pk])).status_code == 404


def test_a_clerk_pushes_a_posting_by_hand(client, clerk, matched):
    worker, job = matched
    url = reverse("matching:office_seeker_push", args=[worker.pk])
    response = client.post(url, {"posting_id": job.pk})
    assert response.status_code == 302
    assert PushRecord.objects.filter(seeker=worker, posting=job, pushed_by=clerk).exists()
    again = client.post(url, {"posting_id": job.pk})
    assert "已经推送给过" in again.content.decode()


def test_push_by_hand_of_an_unknown_posting_says_so(client, clerk, matched):
    worker, _ = matched
    response = client.post(
        reverse("matching:office_seeker_push", args=[worker.pk]), {"posting_id": 999999}
    )
    assert "没有这个岗位" in response.content.decode()
    assert not PushRecord.objects.exists()


def test_a_contact_is_recorded_with_who_and_when(client, clerk, matched):
    worker, job = matched
    url = reverse("matching:office_seeker_contact", args=[worker.pk])
    client.post(url, {"method": "called", "note": "电话没人接"})
    client.post(url, {"method": "referred", "referred_posting_id": job.pk})
    bad = client.post(url, {"method": "referred"})
    assert "推荐的是哪个岗位" in bad.content.decode()
    contacts = list(FollowUpContact.objects.filter(seeker=worker).order_by("id"))
    assert [(c.method, c.by) for c in contacts] == [("called", clerk), ("referred", clerk)]
    assert contacts[1].posting == job


def test_a_postings_best_seekers_are_listed_with_names_masked(client, clerk, matched):
    _, job = matched
    text = client.get(reverse("matching:office_posting_seekers", args=[job.pk])).content.decode()
    assert "王**" in text and "王秀英" not in text


def test_the_follow_up_list_puts_older_and_poverty_alleviated_workers_first(client, clerk):
    long_ago = timezone.now() - datetime.timedelta(days=40)
    plain = seeker(name="赵一")
    older = seeker(name="钱二", is_older=True, age=55)
    lifted = seeker(name="孙三", is_poverty_alleviated=True)
    recent = seeker(name="李四")
    type(plain).objects.filter(pk__in=[plain.pk, older.pk, lifted.pk]).update(created_at=long_ago)
    page = client.get(reverse("matching:office_follow_up"))
    names = [row[0].name for row in page.context["rows"]]
    assert names == ["钱二", "孙三", "赵一"]
    assert recent.name not in names
    fewer = client.get(reverse("matching:office_follow_up"), {"days": 50})
    assert fewer.context["rows"] == []
    assert client.get(reverse("matching:office_follow_up"), {"days": "x"}).status_code == 200


def test_the_effectiveness_page_counts_pushes(client, clerk, matched):
    worker, job = matched
    client.post(reverse("matching:office_seeker_push", args=[worker.pk]), {"posting_id": job.pk})
    page = client.get(reverse("matching:office_effectiveness"), {"level": "county"})
    [row] = page.context["rows"]
    assert (row.area_name, row.pushed, row.opened) == ("铁西区", 1, 0)
    bad = client.get(reverse("matching:office_effectiveness"), {"month": "12/2026"})
    assert "2026-12" in bad.content.decode()


def test_a_worker_cannot_open_office_pages(client, matched):
    worker, _ = matched
    client.force_login(worker.user)
    response = client.get(reverse("matching:office_follow_up"))
    assert response.status_code in (302, 403, 404)
