"""Messy spreadsheet values into clean ones, where the meaning is clear.

Every parser takes what a cell holds (a string, a number, a date from the xlsx reader, or None)
and returns a clean value or raises CellError with a message a clerk can act on. A blank cell
is None; whether blank is allowed is the column's business, not the parser's.

Decisions written down here because a clerk will meet them:
- 「面议」 is not a wage: a posting must show a wage range (the campaign publishes wages), so the
  row is refused with "请填写大概的工资范围". Surveys accept 面议 (the survey records what the
  employer said; turning that position into a posting then asks for a wage).
- 「3500以上」/「3500起」/「3500+」 is 3500 to 3500: the guaranteed floor at both ends, no invented
  ceiling. 「3500以下」 has no floor and is refused.
- 「年薪6万」 becomes 5000 元/月 (divided by 12).
- Amounts are kept exact to the fen (0.5 元/件 stays 0.5; 时薪25.5 stays 25.5).
- A month count after the range (「6000-8000·13薪」, 「8k-10k×14薪」) is recorded as such; the
  amounts stay monthly.
- An amount without a unit takes 元/天 when the cell says 日结 (「日结200」), else the sheet's
  工资单位 column, else 元/月.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from chengnuan.employment.choices import WAGE_MONTHS_RANGE as MONTHS_RANGE
from chengnuan.employment.choices import WageUnit


class CellError(ValueError):
    """A cell whose value cannot be understood; the message says how to fix it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def normalise(value: Any) -> str:
    """A cell as text: full-width characters folded (ＮＦＫＣ), outer spaces gone; numbers that
    Excel stored as 13800138000.0 come back as 13800138000."""
    if value is None:
        return ""
    if type(value) is str and value.isascii():
        return value.strip()  # NFKC leaves ASCII as it is
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFKC", str(value)).strip()


def plain_text(value: Any) -> str:
    """A free-text cell as written (Chinese punctuation kept), outer spaces gone."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def is_blank(value: Any) -> bool:
    if value is None:
        return True
    return isinstance(value, str) and not value.strip()  # str.strip knows the ideographic space


# --- wages ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Wage:
    minimum: Decimal
    maximum: Decimal
    unit: str
    months: int | None = None  # 「13薪」: months of pay a year, when the cell says


NEGOTIABLE_WORDS = ("面议", "协商", "商议", "面谈", "待遇优厚", "薪资优厚")
_UNIT_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("year", ("年薪", "/年", "每年", "元年")),
    (WageUnit.HOUR, ("/小时", "/时", "/h", "时薪", "每小时", "元小时", "元每小时")),
    (WageUnit.DAY, ("/天", "/日", "日薪", "每天", "每日", "元天", "元每天", "/工")),
    (WageUnit.PIECE, ("/件", "计件", "每件")),
    (WageUnit.MONTH, ("/月", "月薪", "每月", "元月", "元每月", "/m")),
]
_UNIT_LABELS = {label: code for code, label in WageUnit.choices} | {
    "月": WageUnit.MONTH,
    "天": WageUnit.DAY,
    "日": WageUnit.DAY,
    "小时": WageUnit.HOUR,
    "时": WageUnit.HOUR,
    "件": WageUnit.PIECE,
    "计件": WageUnit.PIECE,
    "按月": WageUnit.MONTH,
    "按天": WageUnit.DAY,
    "按小时": WageUnit.HOUR,
    "按件": WageUnit.PIECE,
}
# One amount: 4000, 4,000 (commas removed before), 1.2万, 6千, 6k, 1万2 (= 12000), 6千5 (= 6500).
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)(万|w|千|k)?(?:(\d)(?![\d.]))?")
_MULTIPLIER = {"万": 10000, "w": 10000, "千": 1000, "k": 1000, None: 1}
# 「·13薪」, 「×14薪」, 「十三薪」 after the range: months of pay a year.
_MONTHS = re.compile(r"[·・.x×*/+]?(\d{2}|十[二三四五六七八九])薪$")
_CHINESE_MONTHS = {f"十{c}": 10 + n for n, c in enumerate("二三四五六七八九", start=2)}
# Paid by the day: with a bare amount, 「日结200」 is 200 元/天.
_DAILY_PAY_WORDS = ("日结", "当天结", "当日结", "日付")
FEN = Decimal("0.01")
_NOTES = re.compile(r"[(\[【].*?[)\]】]")
_RANGE_MARKS = re.compile(r"[~〜～—–－至到]")
_AT_LEAST = ("以上", "起", "+", "不低于", "最低", "保底", "底薪")
_AT_MOST = ("以下", "以内", "不超过", "最高", "封顶")
WAGE_EXAMPLE = "例如 4000-6000、6千-1.2万、200元/天、25元/小时"


def parse_wage_unit(value: Any) -> str | None:
    text = normalise(value).replace(" ", "")
    if not text:
        return None
    unit = _UNIT_LABELS.get(text) or _UNIT_LABELS.get(text.removeprefix("元/").removeprefix("元"))
    if unit is None:
        raise CellError("工资单位请从下拉里选：元/月、元/天、元/小时、元/件。")
    return unit


def _unit_in(text: str) -> str | None:
    for unit, words in _UNIT_WORDS:
        if any(word in text for word in words):
            return unit
    return None


def _amounts(text: str) -> list[tuple[Decimal, int]]:
    """Each amount in yuan, and the multiplier it carried (万/千/k; 1 without one)."""
    found = []
    for number, multiplier, tail in _AMOUNT.findall(text):
        if tail and not multiplier:
            raise CellError(f"看不懂这个工资，{WAGE_EXAMPLE}。")
        value = Decimal(number) * _MULTIPLIER[multiplier or None]
        if tail:
            value += Decimal(tail) * _MULTIPLIER[multiplier] / 10
        found.append((value, _MULTIPLIER[multiplier or None]))
    return found


def _fen(value: Decimal) -> Decimal:
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def _months(text: str) -> tuple[str, int | None]:
    """The cell without its month count, and the count."""
    match = _MONTHS.search(text)
    if not match:
        return text, None
    count = match.group(1)
    return text[: match.start()], _CHINESE_MONTHS.get(count) or int(count)


def parse_wage(value: Any, default_unit: str | None = None) -> Wage:
    """「4000-6000元/月」, 「4000~6000」, 「6千-1.2万」, 「200元/天」, 「25元/小时」, 「3500以上」,
    「年薪6万」. 面议 raises CellError (see the module note)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        amount = _fen(Decimal(str(value)))
        return _checked(Wage(amount, amount, default_unit or WageUnit.MONTH))
    text = normalise(value).lower()
    for noise in (" ", ",", "，", "人民币", "rmb", "¥", "￥", "左右", "大约", "约"):
        text = text.replace(noise, "")
    if not text:
        raise CellError("请填写工资。")
    if any(word in text for word in NEGOTIABLE_WORDS):
        raise CellError(f"工资不能写「面议」，岗位要写明大概的工资范围，{WAGE_EXAMPLE}。")
    text, months = _months(text)
    daily = WageUnit.DAY if any(word in text for word in _DAILY_PAY_WORDS) else None
    unit = _unit_in(text) or daily or default_unit or WageUnit.MONTH
    text = _NOTES.sub("", text)
    text = _RANGE_MARKS.sub("-", text)
    amounts = _amounts(text)
    if not amounts:
        raise CellError(f"看不懂这个工资，{WAGE_EXAMPLE}。")
    if len(amounts) > 2:
        raise CellError(f"工资只能写一个数或一个范围，{WAGE_EXAMPLE}。")
    if len(amounts) == 1:
        if any(word in text for word in _AT_MOST):
            raise CellError(f"「以下」没有写最低工资，请写成范围，{WAGE_EXAMPLE}。")
        low = high = amounts[0][0]
    else:
        (low, low_multiplier), (high, high_multiplier) = amounts
        # 「4-6千」: the multiplier written once, after the range, covers both ends.
        if low_multiplier == 1 and high_multiplier > 1 and low * high_multiplier <= high * 10:
            low *= high_multiplier
        if low > high:
            low, high = high, low
    if unit == "year":
        low, high, unit = low / 12, high / 12, WageUnit.MONTH
    return _checked(Wage(_fen(low), _fen(high), unit, months))


def parse_optional_wage(value: Any, default_unit: str | None = None) -> Wage | None:
    """A wage that may be 面议 (what a survey recorded, what a seeker expects): no amount.
    The web form treats an empty expected wage the same way."""
    if any(word in normalise(value) for word in NEGOTIABLE_WORDS):
        return None
    return parse_wage(value, default_unit)


def _checked(wage: Wage) -> Wage:
    if wage.minimum <= 0:
        raise CellError(f"工资要大于0，{WAGE_EXAMPLE}。")
    if wage.months is not None and not MONTHS_RANGE[0] <= wage.months <= MONTHS_RANGE[1]:
        raise CellError(
            f"一年发几个月工资要在{MONTHS_RANGE[0]}到{MONTHS_RANGE[1]}之间，比如「·13薪」。"
        )
    return wage


# --- dates ------------------------------------------------------------------------------------

# Excel counts days from 1899-12-30 (the 1900 leap-year bug folded in). 20000..80000 covers
# 1954..2118, so a plain number in that range in a date column is a serial date.
_EXCEL_EPOCH = datetime.date(1899, 12, 30)
_SERIAL_RANGE = (20000, 80000)
_YMD = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
DATE_EXAMPLE = "请写成 2026-12-01 这样"


def parse_date(value: Any) -> datetime.date | None:
    """2026-12-01, 2026/12/1, 2026.12.1, 2026年12月1日, 20261201, an Excel serial number or a
    date the xlsx reader already recognised."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = normalise(value)
    if not text:
        return None
    if (
        re.fullmatch(r"\d{5}(?:\.\d+)?", text)
        and _SERIAL_RANGE[0] <= float(text) <= _SERIAL_RANGE[1]
    ):
        return _EXCEL_EPOCH + datetime.timedelta(days=int(float(text)))
    match = _YMD.match(text) or _COMPACT.match(text)
    if not match:
        raise CellError(f"看不懂这个日期「{text}」，{DATE_EXAMPLE}。")
    year, month, day = (int(part) for part in match.groups())
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise CellError(f"日期「{text}」不存在，请核对月份和日子。") from None


# --- yes/no, gender, small numbers, coded choices -----------------------------------------------

_YES = {
    "是",
    "√",
    "✓",
    "✔",
    "有",
    "y",
    "yes",
    "true",
    "1",
    "对",
    "要",
    "需要",
    "愿意",
    "想",
    "同意",
    "已同意",
}
_NO = {
    "否",
    "×",
    "✗",
    "x",
    "无",
    "没有",
    "n",
    "no",
    "false",
    "0",
    "不",
    "不要",
    "不需要",
    "不愿意",
    "不想",
    "不同意",
}


def parse_yes_no(value: Any) -> bool | None:
    """是/否, √/×, 有/无, 愿意/不愿意…; blank is None."""
    if isinstance(value, bool):
        return value
    text = normalise(value).lower()
    if not text:
        return None
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise CellError("请填「是」或「否」。")


_GENDERS = {
    "男": "M",
    "男性": "M",
    "m": "M",
    "male": "M",
    "女": "F",
    "女性": "F",
    "f": "F",
    "female": "F",
}


def parse_gender(value: Any) -> str | None:
    text = normalise(value).lower()
    if not text:
        return None
    if text not in _GENDERS:
        raise CellError("性别请填「男」或「女」。")
    return _GENDERS[text]


def parse_int(
    value: Any, *, unit_words: tuple[str, ...] = ("人", "名", "个", "岁", "位")
) -> int | None:
    """5, 5.0, 「5人」, 「５名」; blank is None."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = normalise(value)
    for word in unit_words:
        text = text.removesuffix(word)
    if not text:
        return None
    if not text.isdigit():
        raise CellError("这里请填一个整数，例如 5。")
    return int(text)


@dataclass(frozen=True)
class AgeRange:
    minimum: int | None
    maximum: int | None


def parse_age_range(value: Any) -> AgeRange:
    """「18-50」, 「18-50岁」, 「50岁以下」, 「18岁以上」, 「不限」; blank is no limit."""
    text = normalise(value).replace(" ", "").replace("周岁", "").replace("岁", "")
    if not text or text in {"不限", "无", "无要求"}:
        return AgeRange(None, None)
    text = _RANGE_MARKS.sub("-", text)
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    if len(numbers) == 2 and re.fullmatch(r"\d+-\d+", text):
        low, high = sorted(numbers)
        return AgeRange(low, high)
    if len(numbers) == 1:
        if any(word in text for word in _AT_MOST):
            return AgeRange(None, numbers[0])
        if any(word in text for word in _AT_LEAST):
            return AgeRange(numbers[0], None)
    raise CellError("年龄要求请写成 18-50、50岁以下 或 不限。")


class ChoiceWords(dict[str, str]):
    """Every word accepted for a coded value (its label and the synonyms clerks use) -> code,
    folded like cells are; `labels` are what an error message offers."""

    def __init__(self, choices: Any, synonyms: dict[str, str] | None = None) -> None:
        self.labels = [str(label) for _, label in choices.choices]
        words = {label: code for code, label in choices.choices} | (synonyms or {})
        super().__init__({_fold(word): code for word, code in words.items()})


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "")


def parse_choice(value: Any, words: ChoiceWords, what: str) -> str | None:
    """A coded value from its label or a synonym."""
    text = normalise(value).replace(" ", "")
    if not text:
        return None
    if text in words:
        return words[text]
    raise CellError(f"{what}「{text}」不认识，请从下拉里选：{'、'.join(words.labels)}。")


def split_list(value: Any) -> list[str]:
    """「包吃、包住，五险一金」 -> ['包吃', '包住', '五险一金']."""
    text = normalise(value)
    return [part for part in re.split(r"[、,，;；/|\s]+", text) if part]


# --- personal numbers as cells ------------------------------------------------------------------


def parse_id_number_cell(value: Any) -> str:
    """The text of a 身份证号 cell. A number cell means Excel has already rounded the last digits
    away (it keeps 15 significant digits), which no parser can undo."""
    if isinstance(value, float) and value >= 1e16:
        raise CellError(
            "身份证号被Excel当成了数字，最后几位已经丢了。请把这一列设成「文本」格式，重新输入。"
        )
    return normalise(value).replace(" ", "")


def parse_phone_cell(value: Any) -> str:
    """A phone cell as text: 「138 0013 8000」, 「138-0013-8000」, 13800138000.0."""
    return normalise(value).replace(" ", "").replace("-", "")
