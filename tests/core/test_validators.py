"""The numbers people type: 身份证号, 统一社会信用代码, mobile numbers."""

import datetime

import phonenumbers
import pytest
from django.core.exceptions import ValidationError
from hypothesis import example, given
from hypothesis import strategies as st
from stdnum.cn import ric, uscc

from chengnuan.core.timeutil import today
from chengnuan.core.validators import clean_id_number, clean_mobile, clean_uscc, id_number_facts

pytestmark = pytest.mark.django_db  # the shared autouse fixture clears the database cache

# Counties known to the region table: 北京东城, 沈阳铁西, 大连甘井子, 深圳南山.
REGIONS = ["110101", "210106", "210211", "440305"]
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def with_check_digit(body: str) -> str:
    # calc_check_digit reads 18 characters and ignores the last: give it a placeholder.
    return body + ric.calc_check_digit(body + "0")


@st.composite
def id_numbers(draw: st.DrawFn) -> str:
    region = draw(st.sampled_from(REGIONS))
    birth = draw(st.dates(min_value=datetime.date(1920, 1, 1), max_value=today()))
    sequence = draw(st.integers(min_value=0, max_value=999))
    return with_check_digit(f"{region}{birth:%Y%m%d}{sequence:03d}")


def error_code(call, value: str) -> str:
    with pytest.raises(ValidationError) as info:
        call(value)
    return info.value.code


@given(id_numbers())
def test_generated_valid_id_numbers_pass_unchanged(number):
    assert clean_id_number(number) == number


@given(id_numbers(), st.integers(min_value=0, max_value=17), st.integers(min_value=1, max_value=9))
def test_changing_any_single_digit_is_refused(number, position, shift):
    if number[position] == "X":
        replacement = str(shift)
    else:
        replacement = str((int(number[position]) + shift) % 10)
    changed = number[:position] + replacement + number[position + 1 :]
    assert changed != number
    with pytest.raises(ValidationError):
        clean_id_number(changed)
    # GB 11643's weighted mod-11 check digit catches every single-digit substitution.
    assert ric.calc_check_digit(changed) != changed[17]


@given(id_numbers(), st.integers(min_value=14, max_value=17), st.integers(min_value=1, max_value=9))
def test_changed_sequence_or_check_digit_reports_the_checksum(number, position, shift):
    digit = 0 if number[position] == "X" else int(number[position])
    changed = number[:position] + str((digit + shift) % 10) + number[position + 1 :]
    if changed[17] == number[17] and position == 17:
        return
    assert error_code(clean_id_number, changed) == "checksum"


def test_born_before_the_county_code_existed_is_still_valid():
    # 铁西区's code 210106 dates from 1983; people born in 1970 carry it all the same.
    number = with_check_digit("21010619700101001")
    assert clean_id_number(number) == number


def test_lowercase_x_is_accepted_and_made_uppercase():
    assert clean_id_number("11010519491231002x") == "11010519491231002X"


def test_full_width_digits_and_spaces_are_normalised():
    assert clean_id_number(" １１０１０５ １９４９１２３１００２ｘ ") == "11010519491231002X"


def test_february_30th_is_not_a_birth_date():
    assert error_code(clean_id_number, with_check_digit("21010620230230001")) == "birth_date"


def test_birth_date_in_the_future_is_refused():
    tomorrow = today() + datetime.timedelta(days=1)
    number = with_check_digit(f"210106{tomorrow:%Y%m%d}001")
    assert error_code(clean_id_number, number) == "birth_date"


def test_unknown_region_is_refused_with_a_message_not_a_crash():
    with pytest.raises(ValidationError) as info:
        clean_id_number(with_check_digit("99010119850615001"))
    assert info.value.code == "region"
    assert "地区代码" in info.value.messages[0]


@pytest.mark.parametrize("value", ["2101061985061500", "2101061985061500111", "21010619850615"])
def test_wrong_length_says_how_many_digits_were_typed(value):
    with pytest.raises(ValidationError) as info:
        clean_id_number(value)
    assert info.value.code == "length"
    assert f"{len(value)}位" in info.value.messages[0]


def test_letters_inside_the_number_are_refused():
    assert error_code(clean_id_number, "21010619850A150011") == "format"


def test_empty_id_number_asks_to_fill_it_in():
    assert error_code(clean_id_number, "  ") == "required"


def test_id_number_facts_reads_birth_gender_and_region():
    facts = id_number_facts("11010519491231002X")
    assert facts.birth_date == datetime.date(1949, 12, 31)
    assert facts.gender == "F"  # the 17th digit (2) is even
    assert facts.region_code == "110105"


# --- 统一社会信用代码 -------------------------------------------------------------------------


# Registration authority + institution category (GB 32100-2015 and later assignments):
# 工商 91/92/93, 机构编制 11/12, 民政 51/52, 其他 Y1, 中央军委改革和编制办公室 A1,
# 农业农村 (rural collective economic organisations) N1/N2/N3/N9.
USCC_HEADS = ["91", "92", "93", "11", "12", "51", "52", "Y1", "A1", "N1", "N2", "N3", "N9"]


@st.composite
def usccs(draw: st.DrawFn) -> str:
    head = draw(st.sampled_from(USCC_HEADS))
    tail = draw(st.text(alphabet=USCC_ALPHABET, min_size=9, max_size=9))
    body = f"{head}{draw(st.sampled_from(REGIONS))}{tail}"
    return body + uscc.calc_check_digit(body)


@given(usccs())
def test_generated_valid_uscc_pass(code):
    assert clean_uscc(code.lower()) == code


@given(usccs(), st.sampled_from(USCC_ALPHABET))
def test_uscc_with_a_wrong_check_character_is_refused(code, wrong):
    if wrong == code[-1]:
        return
    assert error_code(clean_uscc, code[:-1] + wrong) == "checksum"


@pytest.mark.parametrize(
    "code",
    [
        # 砀山县唐寨镇和谐村股份经济合作社 (安徽省宿州市砀山县, 341321): a village-level rural
        # collective economic organisation (N2), as printed on its 2026 land-contract forms
        # (土地承包合同) kept as sample data in a public GitHub repository. Its check character
        # is right, so N codes use the same MOD 31-3 check as every other code.
        "N2341321MF0196829D",
        # The example in python-stdnum's own documentation (an 工商 enterprise, 91).
        "91110000600037341L",
    ],
)
def test_published_codes_pass(code):
    assert clean_uscc(code) == code


@pytest.mark.parametrize("head", ["N1", "N2", "N3", "N9", "A1", "Y1"])
def test_codes_of_letter_authorities_pass(head):
    # Built with a correct check character: python-stdnum 2.2 refuses all of these because
    # its positions 1–8 must be digits.
    body = f"{head}210106MF0196829"
    code = body + uscc.calc_check_digit(body)
    assert not uscc.is_valid(code)
    assert clean_uscc(code) == code


def test_a_published_n_code_with_a_wrong_check_character_is_refused():
    assert error_code(clean_uscc, "N2341321MF0196829E") == "checksum"


@given(st.integers(min_value=0, max_value=16), st.sampled_from(USCC_ALPHABET))
def test_any_single_slip_in_a_published_n_code_is_caught(position, replacement):
    code = "N2341321MF0196829D"
    if code[position] == replacement or (2 <= position <= 7 and not replacement.isdigit()):
        return
    slipped = code[:position] + replacement + code[position + 1 :]
    assert error_code(clean_uscc, slipped) == "checksum"


@pytest.mark.parametrize("value", ["91210106MA0XXXXX", "91210106MA0XXXXXXXX"])
def test_uscc_of_wrong_length_is_refused(value):
    assert error_code(clean_uscc, value) == "length"


@pytest.mark.parametrize("letter", ["I", "O", "Z", "S", "V"])
@pytest.mark.parametrize("position", [0, 1, 10, 17])
def test_letters_never_used_in_codes_are_refused_anywhere(letter, position):
    code = "N2341321MF0196829D"
    with pytest.raises(ValidationError) as info:
        clean_uscc(code[:position] + letter + code[position + 1 :])
    assert info.value.code == "format"
    assert "没有字母I、O、Z、S、V" in info.value.messages[0]


@pytest.mark.parametrize("value", ["N2A41321MF0196829D", "912101X6MA0YYYYYY0"])
def test_a_letter_in_the_division_code_is_refused(value):
    with pytest.raises(ValidationError) as info:
        clean_uscc(value)
    assert info.value.code == "format"
    assert "第3到8位是数字" in info.value.messages[0]


def test_punctuation_in_a_uscc_is_a_format_error():
    assert error_code(clean_uscc, "N2341321MF019682-D") == "format"


def test_empty_uscc_asks_to_fill_it_in():
    assert error_code(clean_uscc, "") == "required"


# --- mobile numbers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "13800138000",
        "+86 138 0013 8000",
        "+8613800138000",
        "008613800138000",
        "138-0013-8000",
        "１３８００１３８０００",
    ],
)
def test_mobile_prefixes_spaces_and_dashes_are_accepted(typed):
    assert clean_mobile(typed) == "13800138000"


@pytest.mark.parametrize("number", ["19912345678", "16612345678", "15012345678", "18912345678"])
def test_current_mobile_ranges_are_accepted(number):
    assert clean_mobile(number) == number


@pytest.mark.parametrize(
    "typed",
    [
        "024-23456789",  # 沈阳 landline
        "02423456789",
        "010-12345678",
        "138001380001",  # 12 digits
        "1380013800",  # 10 digits
        "12345678901",  # no such mobile range
        "+1 650 253 0000",  # not a mainland number
        "abc",
    ],
)
def test_landlines_wrong_lengths_and_foreign_numbers_are_refused(typed):
    with pytest.raises(ValidationError):
        clean_mobile(typed)


def test_empty_mobile_asks_to_fill_it_in():
    assert error_code(clean_mobile, "") == "required"


@example("11000002100")  # phonenumbers.parse itself refuses it
@given(st.from_regex(r"1[0-9]{10}", fullmatch=True))
def test_mobile_verdict_by_segment_agrees_with_phonenumbers_for_every_number(number):
    try:
        parsed = phonenumbers.parse(number, "CN")
    except phonenumbers.NumberParseException:  # 110… reads as an international call: no number
        parsed = None
    is_mobile = (
        parsed is not None
        and phonenumbers.is_valid_number(parsed)
        and phonenumbers.number_type(parsed)
        in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)
    )
    try:
        accepted = clean_mobile(number) == number
    except ValidationError:
        accepted = False
    assert accepted == is_mobile


def test_person_names_say_what_is_allowed():
    from chengnuan.core.validators import clean_person_name

    assert clean_person_name(" 阿依古丽 ") == "阿依古丽"
    assert clean_person_name("José Martí") == "José Martí"
    assert error_code(clean_person_name, "") == "required"
    assert error_code(clean_person_name, "李") == "length"
    assert error_code(clean_person_name, "李" * 33) == "length"
    for bad in ("🙂🙂", "&lt;b&gt;", "李·", "·李四", "Li--Si", "13912345678"):
        assert error_code(clean_person_name, bad) == "format"
