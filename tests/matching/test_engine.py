import numpy as np
import pytest

from chengnuan.matching.engine import distance_km
from chengnuan.regions.geo import haversine_km

# The suite's autouse cache fixture reads the database cache table.
pytestmark = pytest.mark.django_db


def test_the_fast_distance_agrees_with_haversine_across_a_city():
    # 沈阳 铁西 to points up to ~100 km away in every direction.
    lng, lat = 123.33352, 41.78175
    for d_lng, d_lat in ((0.03, 0.0), (0.0, 0.03), (1.0, 0.5), (-0.8, -0.6)):
        exact = haversine_km(lng, lat, lng + d_lng, lat + d_lat)
        fast = distance_km(
            np.array([lng]), np.array([lat]), np.cos(np.radians([lat])),
            np.array([lng + d_lng]), np.array([lat + d_lat]),
        )[0]  # fmt: skip
        assert abs(fast - exact) / exact < 0.005


def test_an_unknown_point_has_no_distance():
    got = distance_km(
        np.array([np.nan]), np.array([np.nan]), np.array([np.nan]), np.array([1.0]), np.array([1.0])
    )
    assert np.isnan(got[0])
