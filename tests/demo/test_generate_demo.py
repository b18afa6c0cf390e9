"""The demo generator against the real reference data, on a few dozen rows: every row is
something the services would accept, with the derived fields they would store."""

import datetime
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from stdnum.cn import uscc

from chengnuan.core.validators import clean_id_number, clean_mobile, clean_uscc
from chengnuan.employment.choices import EmployerStatus, PostingStatus, PushChannel, PushFrequency
from chengnuan.employment.demo.bulk import insert_rows
from chengnuan.employment.demo.identity import company_uscc, id_number, organisation_code
from chengnuan.employment.demo.writer import generate_demo
from chengnuan.employment.inputs import EmployerInput, PostingInput, SeekerInput
from chengnuan.employment.models import (
    Consent,
    ConsentMethod,
    ConsentPurpose,
    Employer,
    JobSeeker,
    Posting,
)
from chengnuan.employment.validation import (
    clean_employer,
    clean_posting,
    clean_seeker,
    posting_field_values,
    seeker_field_values,
)
from chengnuan.regions.geo import haversine_km

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC)


@pytest.fixture
def demo():
    return generate_demo(postings=80, seekers=40, employers=12, seed=11)


def test_counts_are_what_was_asked(demo):
    assert (demo.employers, demo.postings, demo.seekers) == (12, 80, 40)
    assert Employer.objects.count() == 12
    assert Posting.objects.count() == 80
    assert JobSeeker.objects.count() == 40
    assert Consent.objects.count() == demo.consents


def test_employers_pass_registration_checks(demo):
    for employer in Employer.objects.all():
        clean_employer(EmployerInput.from_employer(employer))
        assert (
            employer.contact_phone_masked
            == employer.contact_phone[:3] + "****" + employer.contact_phone[-4:]
        )
        assert employer.uscc[2:8] == employer.county_id
        if employer.status == EmployerStatus.VERIFIED:
            assert employer.verified_at is not None


def test_live_postings_pass_the_posting_checks_including_discrimination(demo):
    live = Posting.objects.filter(status__in=[PostingStatus.PUBLISHED, PostingStatus.PENDING])
    assert live.exists()
    for posting in live:
        clean_posting(PostingInput.from_posting(posting))


def test_titles_leave_the_older_workers_mark_to_the_page_chip(demo):
    # Pages print 「欢迎大龄」 as a chip beside the title of such a posting: in the title too
    # it read 「欢迎大龄 欢迎大龄」.
    assert Posting.objects.filter(open_to_older=True).exists()
    assert not Posting.objects.filter(title__contains="欢迎大龄").exists()


def test_posting_derived_fields_match_what_the_services_store(demo):
    derived = (
        "city_code",
        "monthly_wage_min",
        "monthly_wage_max",
        "open_to_older",
        "contact_phone_masked",
    )
    for posting in Posting.objects.all():
        expected = posting_field_values(PostingInput.from_posting(posting))
        assert {f: getattr(posting, f) for f in derived} == {f: expected[f] for f in derived}
        assert posting.city_code == posting.county_id[:4]
        assert posting.title and len(posting.title) <= 60
        assert 50 <= len(posting.description) <= 130


def test_postings_sit_in_a_real_township_of_their_county_near_its_centre(demo):
    for posting in Posting.objects.select_related("township"):
        assert posting.township.parent_id == posting.county_id
        assert posting.county_id == posting.employer.county_id
        distance = haversine_km(
            posting.lng, posting.lat, posting.township.lng, posting.township.lat
        )
        assert distance < 1.0
        assert posting.occupation_id is not None and posting.industry_id is not None


def test_posting_status_dates_hang_together(demo):
    today = timezone.localdate()
    for posting in Posting.objects.select_related("employer"):
        if posting.status == PostingStatus.PUBLISHED:
            assert posting.employer.status == EmployerStatus.VERIFIED
            assert (
                timezone.now() - datetime.timedelta(days=60)
                <= posting.published_at
                <= timezone.now()
            )
            assert posting.valid_until > today
        elif posting.status == PostingStatus.EXPIRED:
            assert posting.valid_until < today
        elif posting.status == PostingStatus.CLOSED:
            assert posting.closed_at > posting.published_at
        elif posting.status == PostingStatus.PENDING:
            assert posting.published_at is None
        assert posting.created_at <= posting.updated_at <= timezone.now()


def test_seekers_pass_registration_checks_with_valid_numbers(demo):
    for seeker in JobSeeker.objects.all():
        clean_seeker(SeekerInput.from_seeker(seeker))
        assert clean_id_number(seeker.id_number) == seeker.id_number
        assert clean_mobile(seeker.phone) == seeker.phone
        assert 1960 <= seeker.birth_date.year <= 2004
        assert seeker.hukou_area_id == seeker.id_number[:6]
        assert seeker.hukou_area_id.startswith("21") and seeker.area_code.startswith("21")


def test_seeker_derived_fields_match_what_the_services_store(demo):
    derived = (
        "id_number_hash",
        "id_number_masked",
        "birth_date",
        "gender",
        "phone_hash",
        "phone_masked",
        "area_code",
        "is_older",
    )
    for seeker in JobSeeker.objects.all():
        expected = seeker_field_values(SeekerInput.from_seeker(seeker))
        assert {f: getattr(seeker, f) for f in derived} == {f: expected[f] for f in derived}
        assert seeker.area_code == seeker.residence_id
        assert 1 <= seeker.wanted_occupations.count() <= 3


def test_consents_are_the_ones_a_registration_records(demo):
    for seeker in JobSeeker.objects.prefetch_related("consents"):
        granted = {c.purpose for c in seeker.consents.all() if c.granted}
        pushes = seeker.push_frequency != PushFrequency.NEVER
        expected = {ConsentPurpose.REGISTRATION}
        expected |= {ConsentPurpose.PUSH} if pushes else set()
        expected |= (
            {ConsentPurpose.SMS} if pushes and seeker.push_channel == PushChannel.SMS else set()
        )
        assert granted == expected
        assert {c.method for c in seeker.consents.all()} <= {
            ConsentMethod.SIGNED,
            ConsentMethod.VERBAL,
        }
        assert all(c.at == seeker.created_at for c in seeker.consents.all())


def _snapshot():
    return (
        list(
            Employer.objects.order_by("uscc").values_list(
                "uscc", "name", "county_id", "status", "created_at"
            )
        ),
        list(
            Posting.objects.order_by("id").values_list(
                "title",
                "description",
                "wage_min",
                "wage_max",
                "wage_unit",
                "township_id",
                "lng",
                "lat",
                "benefits",
                "status",
                "published_at",
                "valid_until",
                "employer__uscc",
            )
        ),
        list(
            JobSeeker.objects.order_by("id").values_list(
                "name", "id_number_hash", "residence_id", "created_at"
            )
        ),
    )


def _clear():
    JobSeeker.objects.all().delete()
    Posting.objects.all().delete()
    Employer.objects.all().delete()


def test_same_seed_gives_the_same_rows_and_another_seed_does_not():
    generate_demo(postings=30, seekers=20, seed=5, now=NOW)
    first = _snapshot()
    _clear()
    generate_demo(postings=30, seekers=20, seed=5, now=NOW)
    assert _snapshot() == first
    _clear()
    generate_demo(postings=30, seekers=20, seed=6, now=NOW)
    assert _snapshot() != first


def test_running_again_adds_new_people_without_clashing():
    generate_demo(postings=10, seekers=30, seed=5)
    generate_demo(postings=10, seekers=30, seed=5)
    generate_demo(postings=10, seekers=30, seed=8)
    assert JobSeeker.objects.count() == 90
    assert Employer.objects.count() == 3
    assert JobSeeker.objects.values("id_number_hash").distinct().count() == 90


def test_demo_searches_have_plenty_of_fitting_postings():
    # The size scripts/run.sh generates for a demo.
    generate_demo(postings=3000, seekers=0, seed=1)
    live = Posting.objects.filter(status=PostingStatus.PUBLISHED)

    def mentioning(word):
        return [p for p in live if word in p.title or word in p.description]

    assert len(mentioning("普工")) >= 200
    assert len(mentioning("保洁")) >= 60
    assert len(mentioning("电焊工")) >= 40
    assert len([p for p in mentioning("司机") if "housing" in p.benefits]) >= 30
    assert len([p for p in mentioning("沈阳") if "日结" in p.title + p.description]) >= 30


def test_command_if_empty_does_nothing_when_postings_exist():
    out = StringIO()
    call_command("generate_demo", postings=5, seekers=3, seed=2, stdout=out)
    assert "岗位 5 个" in out.getvalue()
    out = StringIO()
    call_command("generate_demo", postings=5, seekers=3, if_empty=True, stdout=out)
    assert "已有岗位数据" in out.getvalue()
    assert Posting.objects.count() == 5


def test_command_refuses_postings_without_employers():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="不能为 0"):
        call_command("generate_demo", postings=5, seekers=0, employers=0, stdout=StringIO())
    assert not Posting.objects.exists()


def test_command_refuses_production_before_writing_anything(settings):
    from django.core.management.base import CommandError

    settings.IS_PRODUCTION = True
    with pytest.raises(CommandError, match="生产环境"):
        call_command("generate_demo", postings=5, seekers=3, stdout=StringIO())
    assert not Employer.objects.exists() and not Posting.objects.exists()
    assert not JobSeeker.objects.exists()


def test_number_makers():
    # GB 11714 worked example: 12345678 → check 8.
    assert organisation_code(0, 12_345_678) == "123456788"
    code = company_uscc("210106", 0, 12_345_678)
    assert code.startswith("91210106123456788") and uscc.is_valid(code)
    assert clean_uscc(code) == code
    number = id_number("210106", datetime.date(1985, 6, 15), 3)
    assert clean_id_number(number) == number and number[:17] == "21010619850615003"


def test_insert_rows_refuses_unknown_fields():
    with pytest.raises(ValueError, match="no fields"):
        insert_rows(Employer, [{"uscc": "x", "no_such_field": 1}])
    with pytest.raises(ValidationError):
        clean_uscc("912101061234567880")
