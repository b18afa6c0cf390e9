"""The periodic tasks fan out one task per city; under pytest Huey runs them inline."""

import pytest

from chengnuan.matching.models import CityWatermark, Match, PushRecord
from chengnuan.matching.tasks import (
    match_new_postings_everywhere,
    push_everywhere,
    recompute_everywhere,
)
from chengnuan.regions.selectors import cities
from tests.matching.support import posting, seeker

pytestmark = pytest.mark.django_db


def test_every_city_gets_its_own_run_and_the_push_follows():
    shenyang = seeker()
    dalian = seeker(residence="210211001")
    posting()
    posting(county="210211")
    match_new_postings_everywhere.call_local()
    assert set(CityWatermark.objects.values_list("city_code", flat=True)) == {
        c.code for c in cities()
    }
    assert {m.seeker_id for m in Match.objects.all()} == {shenyang.pk, dalian.pk}
    recompute_everywhere.call_local()
    assert Match.objects.count() == 2
    push_everywhere.call_local()
    assert set(PushRecord.objects.values_list("seeker_id", flat=True)) == {shenyang.pk, dalian.pk}
