import pytest

from chengnuan.regions import selectors
from chengnuan.regions.models import Division, DivisionLevel
from chengnuan.regions.selectors import (
    children_of,
    cities,
    counties_of_city,
    division_by_code,
    division_path,
    find_divisions,
    name_spellings,
    resolve_area,
    townships_of_county,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("沈阳市铁西区", "210106"),
        ("沈阳铁西", "210106"),
        ("辽宁省沈阳市铁西区", "210106"),
        ("辽宁 沈阳 铁西区", "210106"),
        ("鞍山市铁西区", "210303"),
        ("鞍山铁西", "210303"),
        ("铁西区（沈阳）", "210106"),
        ("铁西区，沈阳市", "210106"),
        ("辽宁省沈阳市铁西区昆明湖街道北二路12号", "210106001"),
        ("铁西区昆明湖街道", "210106001"),
        ("昆明湖街道办事处", "210106001"),
        ("大连市甘井子区", "210211"),
        ("大连金州", "210213"),
        ("甘井子", "210211"),
        ("营口鲅鱼圈", "210804"),
        ("岫岩", "210323"),
        ("岫岩满族自治县", "210323"),
        ("本溪县", "210521"),
        ("本溪", "2105"),
        ("朝阳", "2113"),
        ("沈阳", "2101"),
        ("沈阳市", "2101"),
        ("ＳＨ沈阳市", None),
        ("沈阳市内", "2101"),
        ("新民", "210181"),
        ("辽宁", "21"),
        ("中国辽宁省大连市", "2102"),
        ("210106", "210106"),
        ("210106000000", "210106"),
        ("210106001000", "210106001"),
        ("２１０１０６", "210106"),
        ("沈阳市 于洪区", "210114"),
        ("沈阳于洪区沙岭街道", "210114009"),
        ("浑南新区", "210112"),
        ("沈北", "210113"),
        ("鞍山海城西柳镇", "210381112"),
        ("盘锦大洼", "211104"),
        ("喀左", "211324"),
        ("阜蒙县", "210921"),
        ("宽甸", "210624"),
        ("沈阳 经济技术开发区", "210106401"),
        ("锦州果树农场", "210711480"),
        ("大连开发区", "2102"),
    ],
)
def test_resolve_area_reads_messy_real_names(text, code):
    found = resolve_area(text)
    assert (found.code if found else None) == code


@pytest.mark.parametrize(
    "text", ["铁西", "铁西区", "北京市朝阳区", "中山路88号", "", "   ", "999999", "路"]
)
def test_resolve_area_refuses_to_guess(text):
    assert resolve_area(text) is None


def test_ambiguous_name_lists_both_counties_first():
    candidates = find_divisions("铁西区")
    assert [d.code for d in candidates] == ["210106", "210303"]
    assert all(d.level == DivisionLevel.COUNTY for d in candidates)


def test_fragment_lists_counties_before_townships_of_the_same_name():
    codes = [d.code for d in find_divisions("铁西")]
    assert codes[:2] == ["210106", "210303"]
    assert all(len(code) == 9 for code in codes[2:])


def test_level_lifts_a_deeper_match_to_that_level():
    assert resolve_area("沈阳市铁西区昆明湖街道", level=DivisionLevel.CITY).code == "2101"
    assert resolve_area("沈阳市铁西区昆明湖街道", level="county").code == "210106"


def test_level_drops_a_shallower_match():
    assert resolve_area("沈阳市", level=DivisionLevel.COUNTY) is None


def test_level_prefers_a_direct_match_over_one_lifted_from_a_township():
    # 朝阳县 is a county; several 朝阳街道/朝阳镇 townships lift to other counties.
    assert resolve_area("朝阳", level=DivisionLevel.COUNTY).code == "211321"


def test_name_spellings():
    assert name_spellings("铁西区") == ["铁西区", "铁西"]
    assert name_spellings("阜新蒙古族自治县") == ["阜新蒙古族自治县", "阜新", "阜新县"]
    assert name_spellings("和平区") == ["和平区", "和平"]
    assert name_spellings("城区") == ["城区"]


def test_tree_helpers():
    assert [d.code for d in cities()][:2] == ["2101", "2102"]
    assert len(cities()) == 14
    shenyang_counties = counties_of_city("2101")
    assert "210106" in [d.code for d in shenyang_counties]
    assert all(d.level == DivisionLevel.COUNTY for d in shenyang_counties)
    townships = townships_of_county("210106")
    assert townships[0].name == "昆明湖街道"
    assert all(d.parent_id == "210106" for d in townships)
    assert [d.code for d in division_path("210106001")] == ["21", "2101", "210106", "210106001"]
    assert division_by_code("9999") is None


def test_divisions_of_other_provinces_come_from_the_database():
    assert division_by_code("110101").name == "东城区"
    assert [d.code for d in children_of("1101")][:2] == ["110101", "110102"]


def test_cache_is_rebuilt_after_clear():
    assert resolve_area("测试新区") is None
    Division.objects.create(
        code="210199", name="测试新区", level=DivisionLevel.COUNTY, parent_id="2101"
    )
    assert resolve_area("测试新区") is None  # still the cached tree
    selectors.clear_division_cache()
    try:
        assert resolve_area("沈阳测试").code == "210199"
    finally:
        selectors.clear_division_cache()
