"""Each parser with the spellings clerks really type."""

import datetime
from decimal import Decimal

import pytest

from chengnuan.bulk import parsers
from chengnuan.bulk.lookups import Lookups
from chengnuan.bulk.parsers import CellError, Wage
from chengnuan.employment.choices import WageUnit

# The shared autouse cache fixture reaches the database cache, so every test may touch it.
pytestmark = pytest.mark.django_db

M, D, H, P = WageUnit.MONTH, WageUnit.DAY, WageUnit.HOUR, WageUnit.PIECE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4000-6000元/月", Wage(4000, 6000, M)),
        ("4000~6000", Wage(4000, 6000, M)),
        ("4000～6000", Wage(4000, 6000, M)),
        ("4000－6000", Wage(4000, 6000, M)),
        ("4000至5000元", Wage(4000, 5000, M)),
        ("月薪 4,000—6,000（包吃住）", Wage(4000, 6000, M)),
        ("6千-1.2万", Wage(6000, 12000, M)),
        ("4-6千", Wage(4000, 6000, M)),
        ("4k-6k", Wage(4000, 6000, M)),
        ("1万2", Wage(12000, 12000, M)),
        ("1.5万", Wage(15000, 15000, M)),
        ("８０００", Wage(8000, 8000, M)),
        ("200元/天", Wage(200, 200, D)),
        ("日薪200-300", Wage(200, 300, D)),
        ("25元/小时", Wage(25, 25, H)),
        ("时薪25.5", Wage(Decimal("25.5"), Decimal("25.5"), H)),
        ("0.5元/件", Wage(Decimal("0.5"), Decimal("0.5"), P)),
        ("计件0.35-0.8", Wage(Decimal("0.35"), Decimal("0.8"), P)),
        ("6000-8000·13薪", Wage(6000, 8000, M, 13)),
        ("8k-10k×14薪", Wage(8000, 10000, M, 14)),
        ("月薪5000，十三薪", Wage(5000, 5000, M, 13)),
        ("日结200", Wage(200, 200, D)),
        ("200元/天 日结", Wage(200, 200, D)),
        ("日结150-200", Wage(150, 200, D)),
        ("年薪5万", Wage(Decimal("4166.67"), Decimal("4166.67"), M)),
        ("150元/件", Wage(150, 150, P)),
        ("3500以上", Wage(3500, 3500, M)),
        ("3500起", Wage(3500, 3500, M)),
        ("底薪3000+提成", Wage(3000, 3000, M)),
        ("年薪6万", Wage(5000, 5000, M)),
        ("6000-4000", Wage(4000, 6000, M)),
        (4500.0, Wage(4500, 4500, M)),
    ],
)
def test_wage_spellings_clerks_type_are_understood(text, expected):
    assert parsers.parse_wage(text) == expected


def test_wage_without_unit_takes_the_unit_column():
    assert parsers.parse_wage("220", WageUnit.DAY) == Wage(220, 220, D)
    assert parsers.parse_wage("220元/月", WageUnit.DAY).unit == M  # the cell's own unit wins


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("面议", "面议"),
        ("薪资面议", "面议"),
        ("待遇优厚", "面议"),
        ("3500以下", "最低工资"),
        ("好多钱", "看不懂"),
        ("1000-2000-3000", "一个数或一个范围"),
        ("6000-8000·30薪", "12到24"),
        ("", "请填写工资"),
    ],
)
def test_wage_without_a_clear_meaning_is_refused_with_a_hint(text, says):
    with pytest.raises(CellError) as refused:
        parsers.parse_wage(text)
    assert says in refused.value.message


@pytest.mark.parametrize(
    "text",
    ["2026-12-01", "2026/12/1", "2026.12.1", "2026年12月1日", "20261201", "46357", 46357.0,
     "2026-12-01 00:00:00", " 2026 - 12 - 01 ", datetime.date(2026, 12, 1), datetime.datetime(2026, 12, 1, 8, 0)],
)  # fmt: skip
def test_date_spellings_and_excel_serials_are_understood(text):
    assert parsers.parse_date(text) == datetime.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "says"), [("2026-02-30", "不存在"), ("下个月", "看不懂"), ("12/1", "看不懂")]
)
def test_impossible_or_unreadable_dates_are_refused(text, says):
    with pytest.raises(CellError) as refused:
        parsers.parse_date(text)
    assert says in refused.value.message


def test_blank_date_is_none():
    assert parsers.parse_date("  ") is None


@pytest.mark.parametrize(("text", "value"), [("是", True), ("√", True), ("有", True), ("Y", True), (1, True),
                                             ("否", False), ("×", False), ("无", False), ("没有", False), ("", None)])  # fmt: skip
def test_yes_no_marks(text, value):
    assert parsers.parse_yes_no(text) is value


def test_yes_no_refuses_other_words():
    with pytest.raises(CellError, match="是」或「否"):
        parsers.parse_yes_no("也许")


@pytest.mark.parametrize(("text", "code"), [("男", "M"), ("女性", "F"), ("F", "F"), ("", None)])
def test_genders(text, code):
    assert parsers.parse_gender(text) == code


def test_gender_refuses_other_words():
    with pytest.raises(CellError):
        parsers.parse_gender("未知")


@pytest.mark.parametrize(("text", "low", "high"), [("18-50岁", 18, 50), ("50岁以下", None, 50), ("18岁以上", 18, None),
                                                   ("不限", None, None), ("20～55周岁", 20, 55)])  # fmt: skip
def test_age_ranges(text, low, high):
    assert parsers.parse_age_range(text) == parsers.AgeRange(low, high)


def test_phone_cells_lose_spaces_dashes_and_excel_float():
    assert parsers.parse_phone_cell("139 1234 5678") == "13912345678"
    assert parsers.parse_phone_cell("139-1234-5678") == "13912345678"
    assert parsers.parse_phone_cell(13912345678.0) == "13912345678"


def test_id_number_stored_by_excel_as_a_number_is_refused_with_the_reason():
    with pytest.raises(CellError, match="文本"):
        parsers.parse_id_number_cell(2.10106198506151e17)


def test_headcount_with_a_unit_word():
    assert parsers.parse_int("5人") == 5
    assert parsers.parse_int(7.0) == 7
    with pytest.raises(CellError):
        parsers.parse_int("若干")


# --- areas and occupations (real division and CSCO data) -------------------------------------


@pytest.mark.parametrize(
    "text", ["沈阳市铁西区", "铁西区", "铁西", "沈阳铁西区", "210106", " 沈阳市 铁西区 "]
)
def test_county_spellings_of_a_shenyang_clerk(text):
    assert Lookups("210106").county(text) == "210106"


def test_ambiguous_county_is_refused_for_a_province_officer_and_names_both():
    with pytest.raises(CellError) as refused:
        Lookups("21").county("铁西区")
    assert "沈阳市铁西区" in refused.value.message
    assert "鞍山市铁西区" in refused.value.message


def test_a_city_is_not_a_county():
    with pytest.raises(CellError, match="不是县区"):
        Lookups("21").county("沈阳市")


def test_unknown_place_is_refused():
    with pytest.raises(CellError, match="不认识"):
        Lookups("21").county("火星市某区")


def test_township_is_found_within_its_county():
    lookups = Lookups("210106")
    assert lookups.township("昆明湖街道", "210106") == "210106001"
    assert lookups.township("昆明湖", "210106") == "210106001"
    with pytest.raises(CellError, match="没有叫"):
        lookups.township("昆明湖街道", "210211")


@pytest.mark.parametrize("text", ["河南省周口市郸城县", "周口市郸城县", "郸城县"])
def test_hukou_outside_the_province(text):
    assert Lookups("21").hukou(text) == "411625"


def test_occupation_by_name_and_with_the_2022_marker_copied():
    lookups = Lookups("21")
    code = lookups.occupation("装配钳工")
    assert code == lookups.occupation("装配钳工 ")
    assert lookups.occupations("装配钳工、装配钳工") == [code]
    with pytest.raises(CellError, match="不在职业"):
        lookups.occupation("天下第一工")
