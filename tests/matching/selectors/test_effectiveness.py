import datetime

import pytest
from django.utils import timezone

from chengnuan.matching.outcomes import register_outcome_source, unregister_outcome_source
from chengnuan.matching.selectors.effectiveness import parse_month, push_funnel
from chengnuan.matching.services.compute import matches_recompute
from chengnuan.matching.services.push import matches_push_city
from chengnuan.notifications.models import Notification
from tests.employment.factories import DalianClerkFactory
from tests.factories import StaffFactory
from tests.matching.support import DALIAN_TOWNSHIP, SHENYANG, posting, seeker

pytestmark = pytest.mark.django_db
TUESDAY = datetime.date(2026, 12, 8)


@pytest.fixture
def outcomes():
    """An outcome source as the applications app registers one: pairs -> furthest stage."""
    stages: dict[tuple[int, int], str] = {}

    def source(pairs):
        return {pair: stages[pair] for pair in pairs if pair in stages}

    register_outcome_source(source)
    yield stages
    unregister_outcome_source(source)


def test_the_funnel_counts_pushed_opened_applied_interviewed_hired(outcomes):
    workers = [seeker() for _ in range(3)]
    jobs = [posting() for _ in range(2)]
    matches_recompute(city_code=SHENYANG)
    matches_push_city(city_code=SHENYANG, on=TUESDAY)
    first = Notification.objects.get(recipient=workers[0].user)
    Notification.objects.filter(pk=first.pk).update(
        read_at=timezone.now(), opened_at=timezone.now()
    )
    outcomes[(workers[0].pk, jobs[0].pk)] = "hired"
    outcomes[(workers[1].pk, jobs[0].pk)] = "applied"
    outcomes[(workers[2].pk, jobs[1].pk)] = "interviewed"
    [row] = push_funnel(StaffFactory(area_id="2101"), level="city")
    assert (row.area_code, row.area_name, row.month) == (
        "2101",
        "沈阳市",
        f"{timezone.localtime():%Y-%m}",
    )
    assert (row.pushed, row.opened, row.applied, row.interviewed, row.hired) == (6, 2, 3, 2, 1)


def test_the_funnel_keeps_to_the_staff_members_area_and_month():
    seeker()
    seeker(residence=DALIAN_TOWNSHIP)
    posting()
    posting(county="210211")
    matches_recompute(city_code=SHENYANG)
    matches_recompute(city_code="2102")
    matches_push_city(city_code=SHENYANG, on=TUESDAY)
    matches_push_city(city_code="2102", on=TUESDAY)
    rows = push_funnel(DalianClerkFactory(), level="county")
    assert [(r.area_code, r.pushed) for r in rows] == [("210211", 1)]
    assert push_funnel(DalianClerkFactory(), month=datetime.date(2020, 1, 1)) == []


def test_a_month_is_read_as_year_dash_month_only():
    assert parse_month("2026-12") == datetime.date(2026, 12, 1)
    for bad in ("2026-13", "12-2026", "2026/12", "2026-1"):
        with pytest.raises(ValueError):
            parse_month(bad)
