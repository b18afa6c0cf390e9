import datetime

import pytest
from django.utils import timezone

from chengnuan.employment.choices import Benefit, EmployerStatus, PostingStatus, SeekerStatus
from chengnuan.matching.models import CityWatermark, Match
from chengnuan.matching.services.compute import match_new_postings, matches_recompute
from chengnuan.matching.services.preferences import match_settings_update
from tests.factories import DALIAN_GANJINGZI, EmployerFactory
from tests.matching.support import (
    DALIAN,
    DALIAN_TOWNSHIP,
    MILLER,
    NEAR_TIEXI,
    REFUSE,
    RIVER,
    SHENYANG,
    posting,
    seeker,
)

pytestmark = pytest.mark.django_db


def matched(worker) -> dict[int, Match]:
    return {m.posting_id: m for m in Match.objects.filter(seeker=worker)}


def test_it_scores_the_exact_occupation_near_home_at_the_expected_wage_highest():
    worker = seeker(expected_wage=4000)
    match_settings_update(seeker=worker, personalised=True, wished_benefits=[Benefit.HOUSING])
    best = posting(
        lng=NEAR_TIEXI[0], lat=NEAR_TIEXI[1], monthly_wage_min=4500, benefits=[Benefit.HOUSING]
    )
    same_group = posting(occupation=REFUSE, monthly_wage_min=3000, monthly_wage_max=3800)
    related = posting(occupation=RIVER, age_days=20)
    matches_recompute(city_code=SHENYANG)
    found = matched(worker)
    assert found[best.pk].score > found[same_group.pk].score
    assert found[best.pk].reasons == [
        "正是您想做的工作",
        "离您住处3公里",
        "月薪不低于您期望",
        "包住",
        "新发布",
    ]
    assert "和您想做的工作是同一类" in found[same_group.pk].reasons
    assert "月薪不低于您期望" not in found[same_group.pk].reasons
    # Related work, three weeks old, in the same county: still worth showing, but last.
    assert found[related.pk].score < found[same_group.pk].score
    assert found[related.pk].reasons[0] == "和您想做的工作相近"


def test_it_tells_an_older_worker_which_postings_welcome_them():
    worker = seeker(age=55, is_older=True)
    welcome = posting(open_to_older=True, age_max=60)
    matches_recompute(city_code=SHENYANG)
    assert "招大龄" in matched(worker)[welcome.pk].reasons


def test_it_leaves_out_what_the_hard_filters_forbid():
    worker = seeker(age=52)
    posting(age_max=45)  # too old for it
    posting(occupation=MILLER)  # unrelated work
    posting(status=PostingStatus.CLOSED)
    posting(valid_until=timezone.localdate() - datetime.timedelta(days=1))
    posting(employer=EmployerFactory(status=EmployerStatus.PENDING, verified_at=None))
    posting(county=DALIAN_GANJINGZI)  # another city, not wanted
    paused = seeker(status=SeekerStatus.PAUSED)
    fits = posting()
    matches_recompute(city_code=SHENYANG)
    matches_recompute(city_code=DALIAN)
    assert set(matched(worker)) == {fits.pk}
    assert not matched(paused)


def test_a_seeker_living_elsewhere_is_matched_only_in_the_areas_they_want():
    worker = seeker(residence=DALIAN_TOWNSHIP, areas=("210106",))
    wanted = posting()
    posting(county="210102")  # 和平区: in 沈阳, but not where they want work
    matches_recompute(city_code=SHENYANG)
    assert set(matched(worker)) == {wanted.pk}


def test_a_seeker_who_turned_personalisation_off_gets_no_scored_matches():
    worker = seeker()
    posting()
    matches_recompute(city_code=SHENYANG)
    assert matched(worker)
    match_settings_update(seeker=worker, personalised=False, wished_benefits=[])
    assert not matched(worker)
    matches_recompute(city_code=SHENYANG)
    assert not matched(worker)


def test_it_picks_up_each_new_posting_exactly_once():
    worker = seeker()
    first = posting(age_days=1)
    run = match_new_postings(city_code=SHENYANG)  # no watermark yet: a full run
    assert set(matched(worker)) == {first.pk}
    mark = CityWatermark.objects.get(city_code=SHENYANG)
    assert (mark.published_at, mark.posting_id) == (first.published_at, first.pk)
    second = posting(age_days=0.01)
    run = match_new_postings(city_code=SHENYANG)
    assert run.postings == 1
    assert set(matched(worker)) == {first.pk, second.pk}
    # Nothing new: nothing taken again.
    assert match_new_postings(city_code=SHENYANG).postings == 0
    assert Match.objects.filter(seeker=worker).count() == 2


def test_a_posting_published_just_now_waits_for_late_commits_before_it_is_matched():
    worker = seeker()
    posting(age_days=1)
    match_new_postings(city_code=SHENYANG)
    fresh = posting(published_at=timezone.now())
    assert match_new_postings(city_code=SHENYANG).postings == 0
    assert fresh.pk not in matched(worker)


def test_new_postings_keep_only_the_best_k_per_seeker():
    from chengnuan.matching.engine import TOP_K

    worker = seeker()
    for _ in range(TOP_K):
        posting(occupation=REFUSE, age_days=10)
    match_new_postings(city_code=SHENYANG)
    better = posting(age_days=0.01)
    match_new_postings(city_code=SHENYANG)
    found = matched(worker)
    assert len(found) == TOP_K
    assert better.pk in found


def test_a_city_claimed_by_another_consumer_is_left_alone():
    from chengnuan.matching.choices import ClaimJob
    from chengnuan.matching.services.claims import city_claim

    seeker()
    posting()
    assert city_claim(job=ClaimJob.MATCH, city_code=SHENYANG) is not None
    assert match_new_postings(city_code=SHENYANG).claimed is False
    assert not Match.objects.exists()
