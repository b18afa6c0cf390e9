"""What every document type hands the index (SourceDoc), and how it becomes a stored row:
text tokens, plus the generic filter tokens every type gets from its wage and position."""

import datetime
import math
from dataclasses import dataclass, field

from chengnuan.search import keys
from chengnuan.search.backends import DocRow
from chengnuan.search.text import index_tokens

# Monthly wage bands by their lower bound: a document carries the token of the band its monthly
# minimum falls in (w_5000 for 5000-5499; w_0 below 1500 or with no monthly figure), so "at
# least 5000" is a few index lookups and wage sorting goes band by band.
WAGE_STEPS = (
    0,
    *range(1500, 10_001, 500),
    11_000,
    12_000,
    13_000,
    15_000,
    20_000,
    30_000,
)

# Grid cells for distance: level -> cell size in degrees. Token g1_418_1234 is the 0.1 degree
# cell at lat 41.8, lng 123.4 (about 11 x 8 km in Liaoning).
GRID_LEVELS = {1: 0.1, 2: 0.5, 3: 2.0}


@dataclass(frozen=True)
class SourceDoc:
    doc_type: str
    doc_id: int
    published_at: datetime.datetime
    title: str
    body: list[str]
    # Filter tokens the doc type defines (area, benefits, ...): each has a "_" in it.
    tags: list[str] = field(default_factory=list)
    wage_min: int | None = None
    lng: float | None = None
    lat: float | None = None


# Floors a worker picks ("3000元以上" ...): a document carries wf_<floor> for every floor its
# monthly minimum reaches, so a wage filter is one index lookup, not an OR over many bands.
WAGE_FLOORS = (2000, 3000, 4000, 5000, 6000, 8000, 10_000)


def floor_token(floor: int) -> str:
    return f"wf_{floor}"


def wage_floor(wage: int) -> int | None:
    """The highest floor at or below a wanted minimum."""
    return max((f for f in WAGE_FLOORS if wage >= f), default=None)


def wage_token(step: int) -> str:
    return f"w_{step}"


def wage_band(wage: int | None) -> int:
    """The lower bound of the band a monthly wage falls in."""
    return max((step for step in WAGE_STEPS if wage is not None and wage >= step), default=0)


def cell(level: int, lng: float, lat: float) -> tuple[int, int]:
    size = GRID_LEVELS[level]
    return math.floor(lat / size), math.floor(lng / size)


def cell_token(level: int, row: int, col: int) -> str:
    return f"g{level}_{row}_{col}"


def grid_tokens(lng: float | None, lat: float | None) -> list[str]:
    if lng is None or lat is None:
        return []
    return [cell_token(level, *cell(level, lng, lat)) for level in GRID_LEVELS]


def to_row(doc: SourceDoc) -> DocRow:
    return DocRow(
        key=keys.doc_key(doc.doc_type, doc.published_at, doc.doc_id),
        doc_type=doc.doc_type,
        doc_id=doc.doc_id,
        published_at=doc.published_at,
        wage_min=doc.wage_min,
        lng=doc.lng,
        lat=doc.lat,
        title_tokens=index_tokens(doc.title),
        body_tokens=[
            *index_tokens(*doc.body),
            *doc.tags,
            wage_token(wage_band(doc.wage_min)),
            *[
                floor_token(f)
                for f in WAGE_FLOORS
                if doc.wage_min is not None and doc.wage_min >= f
            ],
            *grid_tokens(doc.lng, doc.lat),
        ],
    )


def area_tags(*codes: str | None) -> list[str]:
    """a_<prefix> for every level (province, city, county, township) of each adcode: what
    Filters.area looks up."""
    tags: list[str] = []
    for code in codes:
        if code:
            tags.extend(f"a_{code[:n]}" for n in (2, 4, 6, 9) if len(code) >= n)
    return list(dict.fromkeys(tags))


def occupation_tags(code: str | None) -> list[str]:
    """o_<prefix> for each level of a CSCO code (o_6, o_6_18, o_6_18_01, o_6_18_01_05), for
    document types that have an occupation; occupation_filter() is the matching look-up."""
    if not code:
        return []
    parts = code.split("-")
    return ["o_" + "_".join(parts[: n + 1]) for n in range(len(parts))]


def occupation_filter(code: str) -> str:
    return "o_" + code.replace("-", "_")
