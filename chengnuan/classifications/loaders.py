"""CSCO 2022 occupations and GB/T 4754-2017 industries from the shipped files in
settings.REFERENCE_DATA_DIR (see data/SOURCES.md)."""

import csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.db import transaction

from chengnuan.classifications.models import Industry, Occupation
from chengnuan.regions.sync import SyncCounts, sync_rows

OCCUPATION_FILE = "occupations/csco2022.csv"
INDUSTRY_FILE = "industries/gbt4754_2017.csv"

# The 2022 edition prints 绿色职业 / 数字职业 as a trailing L, S or L/S on the name.
_MARKER_RE = re.compile(r"(?<=[\u4e00-\u9fff）)])(L/S|L|S)$")

OCCUPATION_FIELDS = ("level", "name", "parent_id", "definition", "aliases", "markers")
INDUSTRY_FIELDS = ("level", "name", "parent_id", "description")


def split_markers(name: str) -> tuple[str, str]:
    """'保洁员L' → ('保洁员', 'L'); '焊工' → ('焊工', '')."""
    name = name.strip()
    match = _MARKER_RE.search(name)
    if not match:
        return name, ""
    return name[: match.start()], match.group(1)


def occupation_parent_code(code: str) -> str | None:
    """The code one level up: 4-09-08-01 → 4-09-08-00 → 4-09-00-00 → 4-00-00-00 → None.
    A 细类 printed as X-XX-XX-00 (its 小类 has no other occupation) sits in the 小类's slot,
    so its parent is the 中类, which the same rule gives."""
    parts = code.split("-")
    for position in (3, 2, 1):
        if parts[position] != "00":
            parts[position:] = ["00"] * (4 - position)
            return "-".join(parts)
    return None


def occupations_load(*, data_dir: Path) -> SyncCounts:
    rows = _dedupe(_occupation_rows(data_dir / OCCUPATION_FILE))
    # The file lacks some 小类 rows; their 细类 get no parent rather than an invented one.
    for row in rows.values():
        parent = occupation_parent_code(row["code"])
        row["parent_id"] = parent if parent in rows else None
    with transaction.atomic():
        return sync_rows(Occupation, _parents_first(rows), fields=OCCUPATION_FIELDS)


def industries_load(*, data_dir: Path) -> SyncCounts:
    rows = _dedupe(_industry_rows(data_dir / INDUSTRY_FILE))
    # The standard prints a 中类 with a single 小类 only once (0610 under 06, no 061 row), so
    # a class hangs on its nearest listed ancestor.
    for row in rows.values():
        row["parent_id"] = next((code for code in row.pop("ancestors") if code in rows), None)
    with transaction.atomic():
        return sync_rows(Industry, _parents_first(rows), fields=INDUSTRY_FIELDS)


def _read_csv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _occupation_rows(path: Path) -> Iterator[dict[str, Any]]:
    for r in _read_csv(path):
        name, markers = split_markers(r["name"])
        yield {
            "code": r["code"].strip(),
            "level": int(r["level"]),
            "name": name,
            "parent_id": None,
            "definition": r["definition"].strip(),
            "aliases": ",".join(_clean_aliases(r["alias"], name)),
            "markers": markers,
        }


def _clean_aliases(raw: str, name: str) -> list[str]:
    """Job-board titles, in file order, once each; the name's own marker dropped."""
    seen: dict[str, None] = {}
    for alias in (a.strip() for a in raw.split(",")):
        stripped, _ = split_markers(alias)
        alias = stripped if stripped == name else alias
        if alias:
            seen.setdefault(alias, None)
    return list(seen)


def _industry_rows(path: Path) -> Iterator[dict[str, Any]]:
    for r in _read_csv(path):
        level = int(r["level"])
        # Nearest first: 小类 0111 → 中类 011 → 大类 01 → 门类 A.
        ancestors = [r["group"], r["division"], r["section"]][3 - (level - 1) :]
        yield {
            "code": r["code"].strip(),
            "level": level,
            "name": r["name"].strip(),
            "parent_id": None,
            "description": r["description"].strip(),
            "ancestors": [code for code in ancestors if code],
        }


def _dedupe(rows: Iterator[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """A code printed twice (the CSCO file lists 2-03-01-00 both as 小类 and 细类) keeps
    its most detailed row."""
    by_code: dict[str, dict[str, Any]] = {}
    for row in rows:
        kept = by_code.get(row["code"])
        if kept is None or row["level"] >= kept["level"]:
            by_code[row["code"]] = row
    return by_code


def _parents_first(rows: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows.values(), key=lambda row: (row["level"], row["code"]))
