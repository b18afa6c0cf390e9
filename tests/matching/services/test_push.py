import datetime

import pytest
from django.core.exceptions import ValidationError

from chengnuan.employment.choices import PushFrequency
from chengnuan.matching.choices import MatchKind
from chengnuan.matching.models import PushRecord
from chengnuan.matching.push_topic import NEW_MATCHES
from chengnuan.matching.services.compute import matches_recompute
from chengnuan.matching.services.preferences import match_settings_update
from chengnuan.matching.services.push import match_push_by_hand, matches_push_city, push_window
from chengnuan.notifications.models import Notification
from tests.factories import StaffFactory
from tests.matching.support import DALIAN, MILLER, SHENYANG, posting, seeker

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 12, 7)
TUESDAY = MONDAY + datetime.timedelta(days=1)


def inbox(worker) -> list[Notification]:
    return list(Notification.objects.filter(recipient=worker.user, topic=NEW_MATCHES))


def test_it_sends_one_message_listing_the_best_matches_with_their_reasons():
    worker = seeker()
    postings = [posting() for _ in range(4)]
    matches_recompute(city_code=SHENYANG)
    run = matches_push_city(city_code=SHENYANG, on=TUESDAY)
    assert (run.messages, run.pairs) == (1, 3)
    [message] = inbox(worker)
    assert message.title == "有3个新岗位适合您"
    assert "正是您想做的工作" in message.body
    assert message.dedupe_key == f"{NEW_MATCHES}:{worker.pk}:{TUESDAY:%Y-%m-%d}"
    pushed = set(PushRecord.objects.filter(seeker=worker).values_list("posting_id", flat=True))
    assert len(pushed) == 3 and pushed < {p.pk for p in postings}


def test_a_pair_is_never_pushed_twice():
    worker = seeker()
    for _ in range(4):
        posting()
    matches_recompute(city_code=SHENYANG)
    matches_push_city(city_code=SHENYANG, on=TUESDAY)
    matches_push_city(city_code=SHENYANG, on=TUESDAY + datetime.timedelta(days=1))
    # The fourth posting went the next day; nothing is left for the day after.
    run = matches_push_city(city_code=SHENYANG, on=TUESDAY + datetime.timedelta(days=2))
    assert run.messages == 0
    pairs = list(PushRecord.objects.filter(seeker=worker).values_list("posting_id", flat=True))
    assert len(pairs) == len(set(pairs)) == 4
    assert len(inbox(worker)) == 2


def test_a_run_redone_after_a_crash_sends_nothing_again():
    worker = seeker()
    posting()
    matches_recompute(city_code=SHENYANG)
    matches_push_city(city_code=SHENYANG, on=TUESDAY)
    # Another posting arrives and the day's run is started again (a consumer restarted).
    posting()
    matches_recompute(city_code=SHENYANG)
    run = matches_push_city(city_code=SHENYANG, on=TUESDAY)
    assert run.messages == 0
    assert len(inbox(worker)) == 1
    assert PushRecord.objects.filter(seeker=worker).count() == 1


def test_weekly_seekers_get_their_message_on_mondays_only_and_never_means_never():
    weekly = seeker(push_frequency=PushFrequency.WEEKLY)
    never = seeker(push_frequency=PushFrequency.NEVER)
    posting()
    matches_recompute(city_code=SHENYANG)
    matches_push_city(city_code=SHENYANG, on=TUESDAY)
    assert not inbox(weekly)
    matches_push_city(city_code=SHENYANG, on=MONDAY)
    assert len(inbox(weekly)) == 1
    for day in range(8):
        matches_push_city(city_code=SHENYANG, on=MONDAY + datetime.timedelta(days=day))
    assert not inbox(never)
    assert not PushRecord.objects.filter(seeker=never).exists()
    assert push_window(PushFrequency.NEVER, MONDAY) is None


def test_personalisation_off_gets_only_the_newest_postings_of_their_city_unscored():
    worker = seeker(wants=(MILLER,))  # nothing in the newest list is their line of work
    match_settings_update(seeker=worker, personalised=False, wished_benefits=[])
    newest = posting(occupation="4-09-08-01", age_days=0.2)
    posting(county="210211")  # 大连: not their city
    matches_recompute(city_code=SHENYANG)
    matches_push_city(city_code=SHENYANG, on=TUESDAY)
    [record] = PushRecord.objects.filter(seeker=worker)
    assert (record.posting_id, record.kind) == (newest.pk, MatchKind.NEWEST)
    assert record.score is None and record.reasons == ["您所在城市新发布"]


def test_older_seekers_get_postings_welcoming_older_workers_added():
    worker = seeker(age=56, is_older=True, wants=(MILLER,))
    welcome = posting(occupation="4-09-08-01", open_to_older=True)
    matches_recompute(city_code=SHENYANG)
    matches_push_city(city_code=SHENYANG, on=TUESDAY)
    [record] = PushRecord.objects.filter(seeker=worker)
    assert (record.posting_id, record.kind, record.reasons) == (
        welcome.pk,
        MatchKind.OLDER,
        ["招大龄"],
    )


def test_a_seeker_without_consent_to_pushes_gets_nothing_and_nothing_counts_as_pushed():
    worker = seeker(push_consent=False)
    posting()
    matches_recompute(city_code=SHENYANG)
    matches_push_city(city_code=SHENYANG, on=TUESDAY)
    assert not inbox(worker)
    assert not PushRecord.objects.filter(seeker=worker).exists()


def test_a_clerk_pushes_a_posting_by_hand_once_and_it_is_audited():
    from chengnuan.core.models import AuditEntry

    clerk = StaffFactory()
    worker = seeker()
    chosen = posting()
    record = match_push_by_hand(clerk=clerk, seeker=worker, posting=chosen)
    assert (record.kind, record.pushed_by) == (MatchKind.BY_HAND, clerk)
    assert len(inbox(worker)) == 1
    assert AuditEntry.objects.filter(actor=clerk, object_id=str(worker.pk)).exists()
    with pytest.raises(ValidationError, match="已经推送给过"):
        match_push_by_hand(clerk=clerk, seeker=worker, posting=chosen)


def test_push_by_hand_to_a_seeker_without_an_account_says_to_call_them():
    with pytest.raises(ValidationError, match="打电话"):
        match_push_by_hand(clerk=StaffFactory(), seeker=seeker(account=False), posting=posting())


def test_other_cities_seekers_are_not_pushed_by_this_city_run():
    dalian = seeker(residence="210211001")
    posting(county="210211")
    matches_recompute(city_code=DALIAN)
    matches_push_city(city_code=SHENYANG, on=TUESDAY)
    assert not inbox(dalian)
    matches_push_city(city_code=DALIAN, on=TUESDAY)
    assert len(inbox(dalian)) == 1
