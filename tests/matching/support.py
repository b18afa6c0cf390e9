"""Seekers and postings for matching tests, on the real reference data (沈阳 铁西区, 大连)."""

import datetime

from django.utils import timezone

from chengnuan.employment.choices import PushFrequency
from chengnuan.employment.models import Consent, ConsentMethod, ConsentPurpose
from tests.employment.factories import WorkerFactory
from tests.factories import (
    SHENYANG_TIEXI,
    SHENYANG_TIEXI_TOWNSHIP,
    JobSeekerFactory,
    PostingFactory,
    make_id_number,
)

CLEANER = "4-09-08-01"  # 保洁员
REFUSE = "4-09-08-02"  # 生活垃圾清运工: same group (4-09-08) as 保洁员
RIVER = "4-09-01-01"  # 河道修防工: related (4-09) to 保洁员
MILLER = "6-01-01-01"  # 制米工: unrelated
SHENYANG = "2101"
DALIAN = "2102"
DALIAN_TOWNSHIP = "210211001"  # 周水子街道, 甘井子区
HEPING_TOWNSHIP = "210102001"  # 浑河湾街道, 沈阳市和平区
# 昆明湖街道's centroid is (123.33352, 41.78175): about 3 km north of it.
NEAR_TIEXI = (123.33352, 41.80875)


def seeker(
    *,
    wants: tuple[str, ...] = (CLEANER,),
    areas: tuple[str, ...] = (),
    residence: str = SHENYANG_TIEXI_TOWNSHIP,
    age: int = 35,
    expected_wage: int | None = 4000,
    account: bool = True,
    push_consent: bool = True,
    **fields,
):
    """A job seeker (with a worker account and consent to pushes unless told otherwise)."""
    today = timezone.localdate()
    birth = datetime.date(today.year - age, 1, 1)  # turned `age` this 1 January
    number = make_id_number(birth=birth)
    found = JobSeekerFactory(
        id_number=number,
        residence_id=residence,
        expected_wage=expected_wage,
        push_frequency=fields.pop("push_frequency", PushFrequency.DAILY),
        user=WorkerFactory() if account else None,
        **fields,
    )
    Consent.objects.create(
        seeker=found, purpose=ConsentPurpose.PUSH, granted=push_consent, method=ConsentMethod.ONLINE
    )
    found.wanted_occupations.set(wants)
    found.wanted_areas.set(areas)
    return found


def posting(
    *, occupation: str = CLEANER, county: str = SHENYANG_TIEXI, age_days: float = 0.5, **fields
):
    """A public posting published `age_days` ago (past the settling time of matching)."""
    published = timezone.now() - datetime.timedelta(days=age_days)
    return PostingFactory(
        occupation_id=occupation,
        county_id=county,
        published_at=fields.pop("published_at", published),
        **fields,
    )
