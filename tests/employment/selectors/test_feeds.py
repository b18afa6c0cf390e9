import pytest

from chengnuan.employment.choices import PushFrequency, SeekerStatus
from chengnuan.employment.selectors.feeds import (
    city_residents,
    city_visitors,
    code_range,
    public_older_postings,
    seekers_to_push,
)
from tests.matching.support import DALIAN_TOWNSHIP, MILLER, posting, seeker

pytestmark = pytest.mark.django_db


def test_a_code_range_holds_exactly_the_codes_under_the_prefix():
    assert code_range("2101") == ("2101", "2102")
    assert code_range("2109") == ("2109", "2110")


def test_a_citys_seekers_are_those_living_there_or_wanting_work_there():
    living = seeker()
    wanting = seeker(residence=DALIAN_TOWNSHIP, areas=("210106",))
    whole_province = seeker(residence=DALIAN_TOWNSHIP, areas=("21",))
    seeker(residence=DALIAN_TOWNSHIP)
    seeker(status=SeekerStatus.PAUSED)
    assert list(city_residents("2101")) == [living]
    assert set(city_visitors("2101")) == {wanting, whole_province}


def test_a_citys_seekers_can_be_narrowed_to_occupation_prefixes():
    cleaner = seeker()
    seeker(wants=(MILLER,))
    assert list(city_residents("2101", ["4-09"])) == [cleaner]


def test_pushes_go_to_residents_with_an_account_and_that_frequency_never_to_never():
    daily = seeker(push_frequency=PushFrequency.DAILY)
    seeker(push_frequency=PushFrequency.DAILY, account=False)
    seeker(push_frequency=PushFrequency.NEVER)
    assert list(seekers_to_push("2101", PushFrequency.DAILY)) == [daily]
    assert not seekers_to_push("2101", PushFrequency.NEVER).exists()


def test_older_postings_welcome_older_workers_or_set_no_upper_age():
    welcome = posting(open_to_older=True, age_max=60)
    no_limit = posting(age_max=None)
    posting(age_max=45)
    assert set(public_older_postings()) == {welcome, no_limit}
