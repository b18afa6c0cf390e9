"""The /jobs/ page and GET /api/v1/search/postings."""

import pytest
from django.urls import reverse

from tests.factories import SHENYANG_TIEXI
from tests.search.factories import indexed_posting

pytestmark = pytest.mark.django_db

API = "/api/v1/search/postings"


def test_jobs_page_shows_the_box_first_and_results_with_wage_place_and_benefits(client):
    posting = indexed_posting(
        title="电焊工", benefits=["housing"], wage_min=6000, wage_max=8000, monthly_wage_min=6000
    )
    response = client.get(reverse("employment:jobs"), {"q": "电焊"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index('name="q"') < html.index("电焊工")
    assert "6000–8000 元/月" in html
    assert "铁西区" in html
    assert "包住" in html
    assert reverse("employment:posting_detail", args=[posting.pk]) in html


def test_jobs_page_is_at_jobs(client):
    assert reverse("employment:jobs") == "/jobs/"


def test_htmx_request_gets_only_the_results(client):
    indexed_posting(title="保洁员")
    response = client.get(reverse("employment:jobs"), {"q": "保洁"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "保洁员" in html
    assert "<html" not in html


def test_chips_keep_the_other_conditions(client):
    indexed_posting(title="普工")
    html = client.get(
        reverse("employment:jobs"), {"q": "普工", "benefits": "meals"}
    ).content.decode()
    # The 包住 chip adds housing and keeps meals; hidden inputs carry meals into the next search.
    assert "benefits=meals&amp;benefits=housing" in html
    assert 'form="search-form" name="benefits" value="meals"' in html


def test_distance_is_shown_when_sorting_by_nearness(client):
    indexed_posting(title="普工", lng=123.36, lat=41.80)
    html = client.get(
        reverse("employment:jobs"), {"q": "普工", "sort": "distance", "area": SHENYANG_TIEXI}
    ).content.decode()
    assert "公里" in html


def test_no_results_page_suggests_what_to_try(client):
    indexed_posting(title="普工")
    html = client.get(reverse("employment:jobs"), {"q": "pg"}).content.decode()
    assert "没有找到「pg」的岗位" in html
    assert "您是不是要找「普工」？" in html


def test_a_bad_parameter_is_explained_and_the_search_still_runs(client):
    indexed_posting(title="普工")
    html = client.get(
        reverse("employment:jobs"), {"q": "普工", "min_wage": "很多"}
    ).content.decode()
    assert "工资要填整数" in html
    assert "普工" in html


def test_api_returns_items_with_wage_place_distance_and_benefits(client):
    posting = indexed_posting(title="叉车司机", benefits=["daily_pay"], lng=123.36, lat=41.80)
    body = client.get(API, {"q": "叉车", "sort": "distance", "lng": 123.35, "lat": 41.80}).json()
    item = body["items"][0]
    assert item["id"] == posting.id
    assert item["wage"] == "4000–6000 元/月"
    assert item["place"].startswith("沈阳市 铁西区")
    assert item["distance_km"] < 2
    assert item["benefits"] == ["日结"]
    assert body["page"] == 1 and body["has_more"] is False


def test_api_filters_and_pages(client):
    for _ in range(3):
        indexed_posting(title="保安", benefits=["housing"])
    indexed_posting(title="保安", benefits=[])
    body = client.get(API, {"q": "保安", "benefits": "housing", "per_page": 2}).json()
    assert len(body["items"]) == 2 and body["has_more"] is True
    second = client.get(API, {"q": "保安", "benefits": "housing", "per_page": 2, "page": 2}).json()
    assert len(second["items"]) == 1 and second["has_more"] is False


def test_api_suggests_when_nothing_is_found(client):
    indexed_posting(title="普工")
    body = client.get(API, {"q": "pg"}).json()
    assert body["items"] == []
    assert body["suggestions"][0]["q"] == "普工"


def test_api_rejects_bad_parameters_in_chinese(client):
    response = client.get(API, {"area": "shenyang"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == "地区代码不对，请从列表里选。"


def test_api_takes_a_phone_gps_position_and_converts_it(client):
    posting = indexed_posting(title="叉车司机", lng=123.36, lat=41.80)
    # The same spot as a GPS (WGS-84) reading lies a few hundred metres off in GCJ-02.
    body = client.get(
        API, {"q": "叉车", "sort": "distance", "lng": 123.3542, "lat": 41.7978, "coord": "wgs84"}
    ).json()
    assert body["items"][0]["id"] == posting.id
    assert body["items"][0]["distance_km"] < 1


def test_distance_sort_is_offered_once_a_city_is_chosen(client):
    indexed_posting(title="普工")
    without_place = client.get(reverse("employment:jobs"), {"q": "普工"}).content.decode()
    with_city = client.get(
        reverse("employment:jobs"), {"q": "普工", "area": "2101"}
    ).content.decode()
    assert ">离我最近</a>" not in without_place
    assert ">离我最近</a>" in with_city


def test_a_place_typed_lights_its_city_and_offers_its_counties(client):
    indexed_posting(title="日结普工")
    html = client.get(reverse("employment:jobs"), {"q": "沈阳 日结"}).content.decode()
    assert 'aria-label="去掉地点：沈阳"' in html
    assert 'href="/jobs/?q=%E6%97%A5%E7%BB%93"' in html  # the chip removes 沈阳 from the words
    assert 'aria-current="true">沈阳市</a>' in html and ">全市</a>" in html


def test_a_county_name_two_cities_share_offers_both_to_pick(client):
    indexed_posting(title="普工")
    html = client.get(reverse("employment:jobs"), {"q": "铁西区 普工"}).content.decode()
    assert ">沈阳市铁西区</a>" in html and ">鞍山市铁西区</a>" in html
    assert "area=210303" in html


def test_results_the_box_did_not_ask_for_bring_the_box_along(client):
    indexed_posting(title="普工")
    url = reverse("employment:jobs")
    tapped = client.get(url, {"q": "普工"}, HTTP_HX_REQUEST="true").content.decode()
    typed = client.get(
        url, {"q": "普工"}, HTTP_HX_REQUEST="true", HTTP_HX_TRIGGER="search-form"
    ).content.decode()
    assert 'id="q"' in tapped and 'hx-swap-oob="true"' in tapped
    assert 'id="q"' not in typed  # typing is not disturbed


def test_nearest_first_without_a_position_lists_every_county_in_sight(client):
    indexed_posting(title="普工")
    html = client.get(
        reverse("employment:jobs"), {"q": "普工", "sort": "distance"}
    ).content.decode()
    picker = html[html.index("distance-picker") : html.index('<details class="filters"')]
    assert ">铁西区</a>" in picker and ">甘井子区</a>" in picker and "near=210106" in picker
