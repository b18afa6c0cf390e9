"""Validators for the numbers people type: 身份证号 (GB 11643), 统一社会信用代码 (GB 32100) and
mainland mobile numbers. Each `clean_*` returns the normalised value or raises a
ValidationError whose message a worker can act on."""

import datetime
import functools
import re
import unicodedata
from dataclasses import dataclass

import phonenumbers
from django.core.exceptions import ValidationError
from stdnum import exceptions as stdnum_exceptions
from stdnum import numdb
from stdnum.cn import ric, uscc

from chengnuan.core.timeutil import today


@dataclass(frozen=True)
class IdNumberFacts:
    birth_date: datetime.date
    gender: str  # "M" or "F" (GB 11643: odd 17th digit is male)
    region_code: str  # first six digits, the issuing county


_ID_NUMBER_SHAPE = re.compile(r"[0-9]{17}[0-9X]")


def _normalise(value: str) -> str:
    """Full-width digits and letters (common with Chinese input methods) become ASCII;
    spaces go, letters become upper-case."""
    return unicodedata.normalize("NFKC", value or "").strip().replace(" ", "").upper()


def clean_id_number(value: str) -> str:
    """A valid 18-character 身份证号, upper-case X, or a ValidationError in plain Chinese."""
    number = _normalise(value)
    if not number:
        raise ValidationError("请填写身份证号。", code="required")
    if len(number) != 18:
        raise ValidationError(f"身份证号应为18位，您填了{len(number)}位。", code="length")
    if not _ID_NUMBER_SHAPE.fullmatch(number):
        raise ValidationError("身份证号只能是数字，最后一位可以是X。", code="format")
    try:
        birth = ric.get_birth_date(number)
    except stdnum_exceptions.ValidationError:
        raise ValidationError(
            "身份证号里的出生日期不存在，请核对第7到14位。", code="birth_date"
        ) from None
    if birth > today() or birth.year < 1900:
        raise ValidationError("身份证号里的出生日期不对，请核对第7到14位。", code="birth_date")
    if not _known_region(number[:6]):
        raise ValidationError("身份证号前6位的地区代码不存在，请核对。", code="region")
    # stdnum's calc_check_digit takes the full 18 characters and ignores the last one.
    if ric.calc_check_digit(number) != number[17]:
        raise ValidationError("身份证号校验位不对，请逐位核对，特别是最后一位。", code="checksum")
    return number


@functools.lru_cache(maxsize=8192)
def _known_region(code: str) -> bool:
    """Whether the six-digit county code was ever issued. Deliberately not stdnum's
    ric.validate, which also demands that the county existed in the birth year: most
    Liaoning codes date from 1983, yet people born earlier hold them (numbers were assigned
    from 1984 on, and a new registration takes the county's current code)."""
    # Cached: a 100,000-row import asks about a few hundred codes, each a numdb walk.
    parts = numdb.get("cn/loc").info(code)
    return any("county" in props for _part, props in parts)


def id_number_facts(number: str) -> IdNumberFacts:
    """Birth date, gender and region from a number already cleaned by clean_id_number (which
    checked the date with stdnum: here the digits are only read, twice per imported row)."""
    return IdNumberFacts(
        birth_date=datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14])),
        gender="M" if int(number[16]) % 2 else "F",
        region_code=number[:6],
    )


# GB 32100-2015 §4: 18 characters from the digits and the capital letters without I, O, Z, S
# and V. Position 1 is the registration authority (登记管理部门代码) and position 2 the
# institution category (机构类别代码): the standard lets both be a digit or a letter, and the
# authorities are a table that keeps growing: 1–9 and Y in 2015, A (中央军委改革和编制办公室)
# in amendment No. 1 (GB 32100-2015/XG1-2016), N (农业农村, rural collective economic
# organisations: N1 组级, N2 村级, N3 乡镇级, N9 其他) in 2018. python-stdnum (2.2) demands
# digits in positions 1–8 and so refuses every Y, A and N code; here positions 1–2 take any
# character of the alphabet, so a newly assigned authority is not refused either. A typing
# slip in any position is still caught: the check character (ISO 7064 MOD 31-3, computed by
# stdnum) detects every single substitution.
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_CHARACTER = f"[{_USCC_ALPHABET}]"
_USCC_SHAPE = re.compile(f"{_USCC_CHARACTER}{{2}}[0-9]{{6}}{_USCC_CHARACTER}{{10}}")
_USCC_UNUSED_LETTERS = re.compile("[IOZSV]")


def clean_uscc(value: str) -> str:
    """A valid 18-character 统一社会信用代码 (GB 32100), whatever its registration authority."""
    code = _normalise(value)
    if not code:
        raise ValidationError("请填写统一社会信用代码。", code="required")
    if len(code) != 18:
        raise ValidationError(f"统一社会信用代码应为18位，您填了{len(code)}位。", code="length")
    if _USCC_UNUSED_LETTERS.search(code):
        raise ValidationError(
            "统一社会信用代码里没有字母I、O、Z、S、V，请对照营业执照核对"
            "（常见的是把数字1、0、2、5写成了字母）。",
            code="format",
        )
    if not _USCC_SHAPE.fullmatch(code):
        raise ValidationError(
            "统一社会信用代码格式不对：第3到8位是数字，其他位是数字或大写字母。请对照营业执照核对。",
            code="format",
        )
    # stdnum's calc_check_digit reads the first 17 characters.
    if uscc.calc_check_digit(code) != code[17]:
        raise ValidationError("统一社会信用代码校验位不对，请对照营业执照核对。", code="checksum")
    return code


def clean_mobile(value: str) -> str:
    """A mainland mobile number as 11 digits (a +86 / 0086 prefix and spaces are accepted)."""
    raw = _normalise(value).replace("-", "")
    if not raw:
        raise ValidationError("请填写手机号。", code="required")
    if _PLAIN_MOBILE.fullmatch(raw):
        national = raw  # the usual case; phonenumbers.parse would read it the same way
    else:
        try:
            parsed = phonenumbers.parse(raw, "CN")
        except phonenumbers.NumberParseException:
            raise ValidationError("手机号格式不对，应为11位数字。", code="format") from None
        national = str(parsed.national_number) if parsed.country_code == 86 else ""
    if len(national) != 11 or not national.startswith("1") or not _mobile_segment(national[:7]):
        raise ValidationError("这不是有效的手机号，请核对11位号码。", code="invalid")
    return national


_PLAIN_MOBILE = re.compile(r"1[0-9]{10}")


@functools.lru_cache(maxsize=65536)
def _mobile_segment(segment: str) -> bool:
    """Whether libphonenumber counts the numbers of this 号段 (the first seven digits) as
    mobile. China's numbering plan allots mobile numbers by 号段 (libphonenumber's pattern
    decides within the first six digits: 17400–17405 are mobile, 17406 is not), so one
    look-up serves every number of the segment: a 100,000-row import spent a fifth of its
    checking in phonenumbers."""
    number = phonenumbers.PhoneNumber(country_code=86, national_number=int(segment + "0000"))
    return phonenumbers.number_type(number) in _MOBILE_TYPES and phonenumbers.is_valid_number(
        number
    )


_MOBILE_TYPES = {
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
}


# --- people's names -------------------------------------------------------------------------

NAME_LENGTH = (2, 32)
# The dots minority names are written with (买买提·艾力), as people's keyboards type them:
# all are kept as the one GB 18030 uses, U+00B7.
_NAME_DOTS = "·•‧・"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Han characters, parts joined by a dot: 李建国, 买买提·艾力, 阿依古丽.
_HAN_NAME = re.compile(f"[{_HAN}]+(?:·[{_HAN}]+)*")
# Latin letters for foreigners' names as on their passport (Nguyen Van An, O'Brien,
# Anne-Marie, José): words of letters joined by one space, hyphen, apostrophe or a dot.
_LATIN_NAME = re.compile(r"[^\W\d_]+(?:(?:[ '\-.·]|\. )[^\W\d_]+)*\.?")


def clean_person_name(value: str) -> str:
    """A person's name as on their ID card or passport: Chinese characters (with · between
    the parts of a minority name), or Latin letters for a foreigner. Emoji, digits, markup
    and other symbols are refused with a message saying what is allowed."""
    name = unicodedata.normalize("NFKC", value or "").strip()
    for dot in _NAME_DOTS:
        name = name.replace(dot, "·")
    name = re.sub(r"\s+", " ", name)
    if re.search(f"[{_HAN}]", name):
        name = name.replace(" ", "")  # 李 建国: a space typed inside a Chinese name
    low, high = NAME_LENGTH
    if not name:
        raise ValidationError("请填写姓名。", code="required")
    if len(name) > high:
        raise ValidationError(f"姓名最多{high}个字，您填了{len(name)}个。", code="length")
    if _HAN_NAME.fullmatch(name) or (_LATIN_NAME.fullmatch(name) and _is_latin(name)):
        if len(name) < low:
            raise ValidationError("姓名至少要2个字，请填写完整的姓名。", code="length")
        return name
    raise ValidationError(
        "姓名只能是汉字（少数民族姓名中间可以用“·”），外籍人员可以用护照上的英文字母；"
        "不能有数字、表情或其他符号。",
        code="format",
    )


def _is_latin(name: str) -> bool:
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in name)
