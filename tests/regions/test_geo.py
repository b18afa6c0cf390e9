import pytest

from chengnuan.regions.geo import (
    bounding_box,
    gcj02_to_wgs84,
    haversine_km,
    out_of_china,
    to_gcj02,
    wgs84_to_gcj02,
)

# Not needed by the code under test, but tests/conftest.py clears the database cache around
# every test.
pytestmark = pytest.mark.django_db

TIANANMEN_WGS84 = (116.397428, 39.90923)
TIANANMEN_GCJ02 = (116.403672, 39.910627)


def test_tiananmen_wgs84_to_gcj02_matches_published_point():
    lng, lat = wgs84_to_gcj02(*TIANANMEN_WGS84)
    assert lng == pytest.approx(TIANANMEN_GCJ02[0], abs=2e-5)
    assert lat == pytest.approx(TIANANMEN_GCJ02[1], abs=2e-5)


@pytest.mark.parametrize(
    "point",
    [TIANANMEN_WGS84, (123.33352, 41.78175), (121.614848, 38.914086), (124.35445, 40.000787)],
)
def test_round_trip_error_below_1e5_degrees(point):
    back = gcj02_to_wgs84(*wgs84_to_gcj02(*point))
    assert abs(back[0] - point[0]) < 1e-5
    assert abs(back[1] - point[1]) < 1e-5


def test_gcj02_offset_in_liaoning_is_a_few_hundred_metres():
    shenyang = (123.465035, 41.677284)
    moved = wgs84_to_gcj02(*shenyang)
    assert 0.1 < haversine_km(*shenyang, *moved) < 1.0


def test_points_outside_china_are_not_shifted():
    assert out_of_china(2.3522, 48.8566)
    assert wgs84_to_gcj02(2.3522, 48.8566) == (2.3522, 48.8566)
    assert gcj02_to_wgs84(2.3522, 48.8566) == (2.3522, 48.8566)


def test_haversine_known_distances():
    assert haversine_km(123.4, 41.8, 123.4, 41.8) == 0
    # Beijing to Shanghai city centres: about 1,068 km.
    assert haversine_km(116.407394, 39.904211, 121.473701, 31.230416) == pytest.approx(1068, abs=3)
    # One degree of latitude: about 111.2 km.
    assert haversine_km(123.0, 41.0, 123.0, 42.0) == pytest.approx(111.2, abs=0.1)
    assert haversine_km(123.0, 41.0, 124.0, 42.0) == haversine_km(124.0, 42.0, 123.0, 41.0)


def test_bounding_box_holds_the_circle():
    min_lng, min_lat, max_lng, max_lat = bounding_box(123.4, 41.8, 10)
    assert haversine_km(123.4, 41.8, max_lng, 41.8) == pytest.approx(10, rel=1e-3)
    assert haversine_km(123.4, 41.8, 123.4, min_lat) == pytest.approx(10, rel=1e-3)
    assert min_lng < 123.4 < max_lng and min_lat < 41.8 < max_lat


def test_to_gcj02_by_system():
    assert to_gcj02(123.4, 41.8, "gcj02") == (123.4, 41.8)
    assert to_gcj02(*TIANANMEN_WGS84, "wgs84") == wgs84_to_gcj02(*TIANANMEN_WGS84)
    with pytest.raises(ValueError, match="unknown coordinate system"):
        to_gcj02(123.4, 41.8, "bd09")
