"""Distances and the two coordinate systems in use. Points are (lng, lat) everywhere, as in
GeoJSON and the Division / Posting models.

Chinese map services (高德, 腾讯) publish GCJ-02, an obfuscated offset of the WGS-84 a GPS
receiver reports. The conversion is the widely published formula (Krasovsky ellipsoid
constants); going back from GCJ-02 is done by fixed-point iteration, accurate to well under a
metre, because the formula has no closed inverse."""

import math

from chengnuan.regions.models import CoordSystem

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)

_GCJ_A = 6378245.0
_GCJ_EE = 0.00669342162296594323


def haversine_km(lng1: float, lat1: float, lng2: float, lat2: float) -> float:
    """Great-circle distance in kilometres between two points given as lng, lat degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(lng2 - lng1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(lng: float, lat: float, radius_km: float) -> tuple[float, float, float, float]:
    """(min_lng, min_lat, max_lng, max_lat) of a box that holds every point within radius_km:
    a cheap index-friendly pre-filter before haversine_km sorts the survivors."""
    d_lat = math.degrees(radius_km / EARTH_RADIUS_KM)
    cos_lat = max(math.cos(math.radians(lat)), 1e-6)
    d_lng = math.degrees(radius_km / (EARTH_RADIUS_KM * cos_lat))
    return lng - d_lng, lat - d_lat, lng + d_lng, lat + d_lat


def out_of_china(lng: float, lat: float) -> bool:
    """GCJ-02 applies only inside China; outside it equals WGS-84."""
    return not (73.66 < lng < 135.05 and 3.86 < lat < 53.55)


def wgs84_to_gcj02(lng: float, lat: float) -> tuple[float, float]:
    if out_of_china(lng, lat):
        return lng, lat
    d_lng, d_lat = _gcj_offset(lng, lat)
    return lng + d_lng, lat + d_lat


def gcj02_to_wgs84(lng: float, lat: float) -> tuple[float, float]:
    if out_of_china(lng, lat):
        return lng, lat
    wgs_lng, wgs_lat = lng, lat
    for _ in range(30):
        gcj_lng, gcj_lat = wgs84_to_gcj02(wgs_lng, wgs_lat)
        err_lng, err_lat = gcj_lng - lng, gcj_lat - lat
        wgs_lng, wgs_lat = wgs_lng - err_lng, wgs_lat - err_lat
        if abs(err_lng) < 1e-10 and abs(err_lat) < 1e-10:
            break
    return wgs_lng, wgs_lat


def to_gcj02(lng: float, lat: float, system: str) -> tuple[float, float]:
    """A point in `system` (a CoordSystem value) expressed in GCJ-02, the stored system."""
    if system == CoordSystem.WGS84:
        return wgs84_to_gcj02(lng, lat)
    if system == CoordSystem.GCJ02:
        return lng, lat
    raise ValueError(f"unknown coordinate system {system!r}")


def _gcj_offset(lng: float, lat: float) -> tuple[float, float]:
    x, y = lng - 105.0, lat - 35.0
    d_lat = _transform_lat(x, y)
    d_lng = _transform_lng(x, y)
    rad_lat = math.radians(lat)
    magic = 1 - _GCJ_EE * math.sin(rad_lat) ** 2
    sqrt_magic = math.sqrt(magic)
    d_lat = (d_lat * 180.0) / ((_GCJ_A * (1 - _GCJ_EE)) / (magic * sqrt_magic) * math.pi)
    d_lng = (d_lng * 180.0) / (_GCJ_A / sqrt_magic * math.cos(rad_lat) * math.pi)
    return d_lng, d_lat


def _transform_lat(x: float, y: float) -> float:
    ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return ret


def _transform_lng(x: float, y: float) -> float:
    ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return ret
