"""load_reference against the real shipped files. The session fixture (tests/conftest.py)
has loaded them once already, so every run here is a re-run."""

import time
from io import StringIO

import pytest
from django.core.management import call_command

from chengnuan.classifications.models import Industry, Occupation
from chengnuan.regions.models import CoordSystem, Division, DivisionLevel

pytestmark = pytest.mark.django_db


def run_load_reference() -> str:
    out = StringIO()
    call_command("load_reference", stdout=out)
    return out.getvalue()


def test_rerun_creates_and_updates_nothing_and_is_fast():
    started = time.monotonic()
    output = run_load_reference()
    elapsed = time.monotonic() - started
    assert "行政区划：新增 0，更新 0，未变 4757" in output
    assert "职业：新增 0，更新 0，未变 2047" in output
    assert "行业：新增 0，更新 0，未变 1772" in output
    assert elapsed < 5


def test_rerun_repairs_an_edited_row_and_recreates_a_missing_one():
    Division.objects.filter(code="210106").update(name="改错的名字", lng=None, lat=None)
    Industry.objects.filter(code="C").update(name="改错")
    Occupation.objects.filter(code="4-09-08-01").delete()

    output = run_load_reference()

    assert "行政区划：新增 0，更新 1，" in output
    assert "职业：新增 1，更新 0，" in output
    assert "行业：新增 0，更新 1，" in output
    tiexi = Division.objects.get(code="210106")
    assert (tiexi.name, tiexi.lng is not None) == ("铁西区", True)
    assert Occupation.objects.get(code="4-09-08-01").parent_id == "4-09-08-00"


def test_row_counts_by_level():
    liaoning = Division.objects.filter(code__startswith="21")
    assert liaoning.filter(level=DivisionLevel.CITY).count() == 14
    assert liaoning.filter(level=DivisionLevel.COUNTY).count() == 100
    assert liaoning.filter(level=DivisionLevel.TOWNSHIP).count() == 1406
    assert Division.objects.filter(level=DivisionLevel.PROVINCE).count() == 31
    assert Division.objects.filter(level=DivisionLevel.COUNTY).count() == 2978
    assert Occupation.objects.filter(level=4).count() == 1632  # 1,634 rows, two printed twice
    assert Industry.objects.filter(level=1).count() == 20


def test_shenyang_tiexi_hangs_under_shenyang_with_full_name():
    tiexi = Division.objects.get(code="210106")
    assert tiexi.name == "铁西区"
    assert tiexi.level == DivisionLevel.COUNTY
    assert tiexi.parent_id == "2101"
    assert tiexi.parent.name == "沈阳市"
    assert tiexi.full_name == "辽宁省沈阳市铁西区"
    assert Division.objects.get(code="2102").name == "大连市"


def test_township_has_gcj02_coordinates_inside_its_county():
    township = Division.objects.get(code="210106001")
    assert township.name == "昆明湖街道"
    assert township.level == DivisionLevel.TOWNSHIP
    assert township.full_name == "辽宁省沈阳市铁西区昆明湖街道"
    assert township.coord_system == CoordSystem.GCJ02
    assert township.lng == pytest.approx(123.33352)
    assert township.lat == pytest.approx(41.78175)


def test_township_without_shipped_coordinates_has_none_rather_than_a_guess():
    township = Division.objects.get(code="210106030")  # 彰驿站街道: no source point
    assert (township.lng, township.lat) == (None, None)


def test_national_divisions_get_centroids_and_municipality_names_skip_placeholder():
    dongcheng = Division.objects.get(code="110101")
    assert dongcheng.parent_id == "1101"
    assert Division.objects.get(code="1101").name == "市辖区"
    assert dongcheng.full_name == "北京市东城区"
    assert dongcheng.lng == pytest.approx(116.41649)
    assert Division.objects.get(code="11").lat == pytest.approx(39.904211)


def test_province_without_township_file_loads_the_national_list_and_says_so():
    out, err = StringIO(), StringIO()
    call_command("load_reference", province="11", stdout=out, stderr=err)
    assert "没有区划代码 11 的乡镇街道数据" in err.getvalue()
    assert "行政区划：新增 0" in out.getvalue()
    assert Division.objects.filter(code="110101").exists()
