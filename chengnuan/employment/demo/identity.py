"""Made-up but well-formed personal and company numbers: 身份证号 with the GB 11643 check digit,
统一社会信用代码 with the GB 32100 (and embedded GB 11714) check characters, mainland mobile
numbers, and common Chinese names.

Uniqueness without memory: the i-th number of a run comes from a permutation of i, so a
million seekers get a million different (birth date, sequence) pairs without a set of the
numbers already used."""

import datetime
import random

from stdnum.cn import ric, uscc

# A prime larger than every index space below, so i -> (i * _STRIDE + offset) mod n is a
# permutation of range(n) and neighbouring indexes land far apart.
_STRIDE = 2_654_435_761

BIRTH_FIRST = datetime.date(1960, 1, 1)
BIRTH_LAST = datetime.date(2004, 12, 31)
_BIRTH_DAYS = (BIRTH_LAST - BIRTH_FIRST).days + 1
_SEQUENCES = 1000  # the three digits after the birth date; the last one's parity is the gender
SEEKER_SPACE = _BIRTH_DAYS * _SEQUENCES
_ORG_SPACE = 10**8


def words(text: str) -> tuple[str, ...]:
    """A word list written as one space-separated string."""
    return tuple(text.split())


# Surnames by frequency in 辽宁 (the common ones cover most of the population).
SURNAMES = (
    ("王", 90),
    ("李", 85),
    ("张", 85),
    ("刘", 80),
    ("陈", 40),
    ("杨", 40),
    ("赵", 45),
    ("孙", 35),
    ("于", 25),
    ("周", 25),
    ("吴", 20),
    ("徐", 22),
    ("马", 22),
    ("高", 22),
    ("郭", 18),
    ("朱", 15),
    ("林", 12),
    ("何", 10),
    ("胡", 12),
    ("宋", 15),
    ("郑", 12),
    ("韩", 15),
    ("唐", 10),
    ("冯", 10),
    ("董", 12),
    ("曹", 10),
    ("许", 10),
    ("邓", 6),
    ("田", 10),
    ("姜", 15),
    ("丁", 8),
    ("崔", 12),
    ("谢", 6),
    ("范", 8),
    ("付", 8),
    ("曲", 8),
    ("金", 8),
    ("吕", 8),
    ("白", 8),
    ("常", 6),
    ("关", 8),
    ("佟", 5),
)
_MALE_GIVEN = words(
    "伟 强 磊 军 勇 杰 涛 斌 超 明 刚 平 辉 鹏 华 飞 鑫 波 宇 浩 凯 健 俊 帅 峰 龙 成 东 亮 海 旭 建国 建军 志强 国庆 海龙 春雷 振华 铁军 宝山 立新 永刚"
)
_FEMALE_GIVEN = words(
    "芳 娜 敏 静 丽 艳 娟 霞 燕 玲 丹 萍 红 梅 莉 颖 雪 琳 慧 倩 婷 洁 秀英 桂芝 淑芬 玉兰 春梅 海燕 丽华 晓丽 秀兰 凤霞 美玲 晓燕"
)
_SURNAME_CHARS = [s for s, _ in SURNAMES]
_SURNAME_WEIGHTS = [w for _, w in SURNAMES]

MOBILE_PREFIXES = words(
    "130 131 132 133 134 135 136 137 138 139 150 151 152 155 156 157 158 159 166 176 177 178 180 181 182 183 184 185 186 187 188 189 198 199"
)


def permuted(index: int, space: int, offset: int) -> int:
    """The index-th element of a seed-dependent permutation of range(space)."""
    return (index * _STRIDE + offset) % space


def person_name(rng: random.Random, male: bool) -> str:
    surname = rng.choices(_SURNAME_CHARS, _SURNAME_WEIGHTS)[0]
    return surname + rng.choice(_MALE_GIVEN if male else _FEMALE_GIVEN)


def contact_name(rng: random.Random) -> str:
    surname = rng.choices(_SURNAME_CHARS, _SURNAME_WEIGHTS)[0]
    return surname + rng.choice(("经理", "经理", "女士", "先生", "主管", "师傅", "姐"))


def mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def seeker_birth_and_sequence(index: int, offset: int) -> tuple[datetime.date, int]:
    """A birth date in 1960-2004 and a 3-digit sequence, different for every index < SEEKER_SPACE."""
    slot = permuted(index, SEEKER_SPACE, offset)
    day, sequence = divmod(slot, _SEQUENCES)
    return BIRTH_FIRST + datetime.timedelta(days=day), sequence


def id_number(region: str, birth: datetime.date, sequence: int) -> str:
    """GB 11643: 6-digit region, birth date, 3-digit sequence (odd last digit = male), check."""
    body = f"{region}{birth:%Y%m%d}{sequence:03d}"
    # stdnum's calc_check_digit takes the full 18 characters and ignores the last one.
    return body + ric.calc_check_digit(body + "0")


def organisation_code(index: int, offset: int) -> str:
    """GB 11714 组织机构代码: 8 digits and a check character."""
    digits = f"{permuted(index, _ORG_SPACE, offset):08d}"
    weights = (3, 7, 9, 10, 5, 8, 4, 2)
    check = 11 - sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    return digits + {10: "X", 11: "0"}.get(check, str(check))


def company_uscc(county_code: str, index: int, offset: int, *, kind: str = "1") -> str:
    """GB 32100: 9 (registered by 市场监管) + kind (1 企业, 2 个体工商户, 3 农民专业合作社)
    + the county code + the organisation code + a check character."""
    body = f"9{kind}{county_code}{organisation_code(index, offset)}"
    return body + uscc.calc_check_digit(body)
