"""Pick lists of divisions: a county listed beyond its city says which city it is in."""

import pytest

from chengnuan.regions.choices import counties_within, county_choices

pytestmark = pytest.mark.django_db


def _options(grouped):
    return [option for _group, options in grouped for option in options]


def test_a_province_wide_county_list_names_each_county_with_its_city():
    options = _options(county_choices(province_code="21"))
    labels = [label for _code, label in options]
    assert ("210106", "沈阳市 铁西区") in options
    assert ("210303", "鞍山市 铁西区") in options
    assert len(labels) == len(set(labels)) > 90  # no two options read the same


def test_another_province_is_grouped_and_named_the_same_way():
    labels = [label for _code, label in _options(county_choices(province_code="41"))]
    assert labels and len(labels) == len(set(labels))
    assert all(" " in label for label in labels)


def test_one_citys_counties_need_no_city_name():
    assert ("210106", "铁西区") in county_choices(city_code="2101")


def test_counties_within_an_area_name_the_city_only_when_it_spans_several():
    assert ("210106", "铁西区") in counties_within("2101")
    assert counties_within("210106") == [("210106", "铁西区")]
    province = counties_within("21")
    assert ("210303", "鞍山市 铁西区") in province
    assert len({label for _code, label in province}) == len(province)
