import datetime

import pytest

from chengnuan.accounts.selectors import my_data
from chengnuan.accounts.services.account import account_close
from chengnuan.matching.models import FollowUpContact, Match, MatchSettings, PushRecord
from chengnuan.matching.services.compute import matches_recompute
from chengnuan.matching.services.followup import followup_contact_record
from chengnuan.matching.services.preferences import match_settings_update
from chengnuan.matching.services.push import matches_push_city
from tests.factories import StaffFactory
from tests.matching.support import SHENYANG, posting, seeker

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker():
    person = seeker()
    posting()
    match_settings_update(seeker=person, personalised=True, wished_benefits=["housing"])
    matches_recompute(city_code=SHENYANG)
    matches_push_city(city_code=SHENYANG, on=datetime.date(2026, 12, 8))
    followup_contact_record(clerk=StaffFactory(), seeker=person, method="called", note="电话联系过")
    return person


def test_my_data_shows_the_settings_pushes_and_contacts(worker):
    sections = {s.key: s for s in my_data(worker.user)}
    assert sections["match_settings"].records[0][1].value == ["包住"]
    assert len(sections["pushes"].records) == 1
    assert sections["followups"].records[0][2].value == "电话联系过"


def test_closing_the_account_erases_matching_data_and_keeps_only_bare_push_figures(worker):
    account_close(user=worker.user)
    assert not Match.objects.filter(seeker=worker).exists()
    assert not MatchSettings.objects.filter(seeker=worker).exists()
    assert not FollowUpContact.objects.filter(seeker=worker).exists()
    [record] = PushRecord.objects.filter(seeker=worker)
    assert record.reasons == []
