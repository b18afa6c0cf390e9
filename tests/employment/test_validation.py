"""The pure checks shared by the services and the bulk importer."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from chengnuan.employment.choices import WageUnit
from chengnuan.employment.validation import (
    clean_employer,
    clean_posting,
    clean_seeker,
    posting_field_values,
    seeker_field_values,
)
from tests.employment.factories import (
    DALIAN_GANJINGZI_TOWNSHIP,
    employer_input,
    posting_input,
    seeker_input,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 1)


def posting_errors(**overrides):
    overrides.setdefault("valid_until", TODAY + datetime.timedelta(days=30))
    with pytest.raises(ValidationError) as excinfo:
        clean_posting(posting_input(**overrides), today=TODAY)
    return excinfo.value.message_dict


def test_good_posting_is_normalised():
    cleaned = clean_posting(
        posting_input(
            title="  装卸工 ", contact_phone="+86 138 1234 5678", benefits=["meals", "meals", "housing"],
            township_code="", valid_until=TODAY,
        ),
        today=TODAY,
    )  # fmt: skip
    assert (cleaned.title, cleaned.contact_phone) == ("装卸工", "13812345678")
    assert cleaned.benefits == ["meals", "housing"]
    assert cleaned.township_code is None


@pytest.mark.parametrize(
    ("overrides", "field", "hint"),
    [
        ({"wage_min": 200, "wage_max": 300}, "wage_min", "元/天"),  # a daily wage typed as monthly
        ({"wage_min": 5000, "wage_max": 600000}, "wage_max", "多写了0"),
        ({"wage_min": 4000, "wage_max": 6000, "wage_unit": WageUnit.DAY}, "wage_max", "元/月"),
        ({"wage_min": 6000, "wage_max": 5000}, "wage_max", "不能比最低工资少"),
        ({"headcount": 0}, "headcount", "最少"),
        ({"age_min": 15}, "age_min", "16到70"),
        ({"age_max": 75}, "age_max", "16到70"),
        ({"age_min": 40, "age_max": 30}, "age_max", "不能比最小年龄小"),
        ({"valid_until": TODAY - datetime.timedelta(days=1)}, "valid_until", "已经过了"),
        ({"valid_until": datetime.date(2027, 3, 2)}, "valid_until", "一年"),
        ({"county_code": "2101"}, "county_code", "县区"),  # a city, not a county
        ({"county_code": "110101"}, "county_code", "县区"),  # Beijing: outside the province
        ({"township_code": DALIAN_GANJINGZI_TOWNSHIP}, "township_code", "不在所选县区"),
        ({"occupation_code": "9-99-99-99"}, "occupation_code", "职业"),
        ({"industry_code": "ZZ"}, "industry_code", "行业"),
        ({"benefits": ["meals", "free_beer"]}, "benefits", "福利"),
        ({"lng": 123.3}, "lng", "一起填"),
        ({"lng": 2.35, "lat": 48.86}, "lng", "中国境内"),
        ({"title": ""}, "title", "请填写"),
        ({"title": "装" * 61}, "title", "最多60个字"),
        ({"contact_phone": "02412345678"}, "contact_phone", "手机号"),
        ({"education": "phd"}, "education", "学历"),
    ],
)
def test_bad_posting_field_gets_a_message_under_its_name(overrides, field, hint):
    errors = posting_errors(**overrides)
    assert any(hint in message for message in errors[field]), errors


def test_valid_until_exactly_one_year_ahead_is_accepted():
    clean_posting(posting_input(valid_until=datetime.date(2027, 3, 1)), today=TODAY)


def test_derived_posting_values():
    values = posting_field_values(
        clean_posting(
            posting_input(wage_min=25, wage_max=30, wage_unit=WageUnit.HOUR, age_max=None),
            today=TODAY,
        )
    )
    assert (values["monthly_wage_min"], values["monthly_wage_max"]) == (4350, 5220)
    assert values["open_to_older"] is True
    assert values["city_code"] == "2101"


def test_checks_need_no_query_per_row(django_assert_num_queries):
    clean_posting(posting_input(), today=TODAY)  # warms the code maps
    clean_seeker(seeker_input())
    with django_assert_num_queries(0):
        for _ in range(20):
            clean_posting(posting_input(), today=TODAY)
            clean_seeker(seeker_input())
            clean_employer(employer_input())


def test_seeker_hukou_may_be_in_another_province_but_must_exist():
    assert clean_seeker(seeker_input(hukou_area_code="4101")).hukou_area_code == "4101"
    with pytest.raises(ValidationError) as excinfo:
        clean_seeker(seeker_input(hukou_area_code="999999"))
    assert "hukou_area_code" in excinfo.value.message_dict


def test_seeker_quiet_hours_cannot_start_and_end_together():
    at_ten = datetime.time(22, 0)
    with pytest.raises(ValidationError) as excinfo:
        clean_seeker(seeker_input(quiet_start=at_ten, quiet_end=at_ten))
    assert "quiet_end" in excinfo.value.message_dict


def test_seeker_wanted_lists_are_deduplicated_and_capped():
    cleaned = clean_seeker(seeker_input(wanted_area_codes=["2101", "2101", " 210106 "]))
    assert cleaned.wanted_area_codes == ["2101", "210106"]
    with pytest.raises(ValidationError) as excinfo:
        clean_seeker(
            seeker_input(wanted_area_codes=["2101", "2102", "2103", "2104", "2105", "2106"])
        )
    assert "wanted_area_codes" in excinfo.value.message_dict


def test_seeker_id_number_is_normalised_and_facts_derived():
    data = seeker_input(birth=datetime.date(1972, 2, 29), male=True)
    cleaned = clean_seeker(data.__class__(**{**data.__dict__, "id_number": data.id_number.lower()}))
    values = seeker_field_values(cleaned, today=datetime.date(2022, 2, 28))
    assert values["birth_date"] == datetime.date(1972, 2, 29)
    assert values["is_older"] is False  # not yet 50 on the day before the birthday
    assert seeker_field_values(cleaned, today=datetime.date(2022, 3, 1))["is_older"] is True


def seeker_errors(**overrides):
    with pytest.raises(ValidationError) as excinfo:
        clean_seeker(seeker_input(**overrides), today=TODAY)
    return excinfo.value.message_dict


def test_a_birth_date_that_makes_the_person_over_100_is_refused_plainly():
    [message] = seeker_errors(birth=datetime.date(1900, 1, 1))["id_number"]
    assert "1900年1月1日" in message and "126岁" in message and "第7到14位" in message
    assert clean_seeker(seeker_input(birth=datetime.date(1946, 3, 1)), today=TODAY)  # 80: kept


def test_a_birth_date_under_16_is_refused_with_the_age():
    [message] = seeker_errors(birth=datetime.date(2011, 3, 2))["id_number"]
    assert "今年14岁" in message and "未满16周岁" in message


def test_an_earliest_start_long_past_or_far_ahead_is_refused():
    assert (
        "过去很久" in seeker_errors(available_from=datetime.date(1900, 1, 1))["available_from"][0]
    )
    assert (
        "一年以内" in seeker_errors(available_from=datetime.date(2027, 3, 2))["available_from"][0]
    )
    for fine in (TODAY - datetime.timedelta(days=30), TODAY, datetime.date(2027, 3, 1)):
        assert clean_seeker(seeker_input(available_from=fine), today=TODAY).available_from == fine


@pytest.mark.parametrize(
    "name", ["😀😀", "张三😀", "<script>x</script>", "李4", "王_五", "Иван Петров"]
)
def test_a_name_of_emoji_markup_digits_or_other_scripts_is_refused(name):
    assert "只能是汉字" in seeker_errors(name=name)["name"][0]


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("李建国", "李建国"),
        ("买买提•艾力", "买买提·艾力"),  # the dot people's keyboards type, stored as GB 18030's
        ("迪丽热巴·迪力木拉提", "迪丽热巴·迪力木拉提"),
        ("李 建国", "李建国"),
        ("Nguyen Van An", "Nguyen Van An"),
        ("Anne-Marie O'Brien", "Anne-Marie O'Brien"),
        ("ＪＯＨＮ", "JOHN"),
    ],
)
def test_chinese_minority_and_foreign_names_are_accepted(typed, kept):
    assert clean_seeker(seeker_input(name=typed), today=TODAY).name == kept
