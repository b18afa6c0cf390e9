"""The scoring engine: seekers and postings of one city as numpy arrays, candidate pairs
generated per occupation cell (the 中类 a wanted occupation and a posting share), hard filters
as masks, the score and its parts in one vectorised pass, and the top K per seeker.

No database here: selectors/frames.py loads the frames, services/compute.py writes what comes
out. A seeker who wants two kinds of work is one row per wanted occupation; their candidates
from every row are merged, each posting once with its best score.

Scores are whole points out of 100 (see `weights`); the parts of each kept pair travel with
it so that reasons.py can say in plain words why it was picked."""

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from chengnuan.regions.geo import EARTH_RADIUS_KM

TOP_K = 10
# Below this a pair is not worth a seeker's attention (related work, far away, nothing else).
MIN_SCORE = 30
# How many (row, posting) cells one numpy pass holds: bounds the memory of a pass (each
# float64 temporary of 2M cells is 16 MB).
CELLS_PER_PASS = 2_000_000

# Occupation fit: 3 same code, 2 same group (小类, the code's first 7 characters), 1 related
# (中类, the first 4). Anything less is not a candidate at all.
OCCUPATION_POINTS = np.array([0, 14, 28, 40], dtype=np.int16)
SAME_COUNTY_POINTS = 16
# Distance from the residence: (up to km, points); past the last, FAR_POINTS.
DISTANCE_POINTS = ((3.0, 20), (10.0, 14), (25.0, 8))
FAR_POINTS = 2
WAGE_POINTS = np.array([0, 8, 15], dtype=np.int16)  # 0 below or unknown, 1 max ≥, 2 min ≥
OLDER_POINTS = 5
BENEFIT_POINTS_EACH = 4
BENEFIT_POINTS_MAX = 10
# Days since publication: (up to days, points).
FRESH_POINTS = ((3.0, 10), (7.0, 7), (14.0, 4), (30.0, 2))

# Older-friendliness of a posting for an older seeker.
OLDER_NONE, OLDER_WELCOME, OLDER_NO_LIMIT = 0, 1, 2

KM_PER_DEGREE = float(np.radians(1.0) * EARTH_RADIUS_KM)

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


@dataclass
class SeekerFrame:
    """Seekers of one city, one entry per seeker; `rows_*` one entry per wanted occupation.
    Codes are ints (adcodes as numbers, occupation codes numbered by the loader)."""

    ids: IntArray
    age: FloatArray
    county: IntArray  # residence county adcode
    resident: BoolArray  # lives in the city being matched
    lng: FloatArray  # residence township centroid (nan when unknown)
    lat: FloatArray
    cos_lat: FloatArray  # cosine of lat, once per seeker for the distances
    expected_monthly: FloatArray  # nan: no expectation or piece rate
    is_older: BoolArray
    benefits: IntArray  # wished benefits, one bit each
    # For seekers living elsewhere: the adcodes (as ints) they want work in.
    wanted_areas: list[frozenset[int]]
    rows_seeker: IntArray  # index into the arrays above
    rows_occupation: IntArray
    rows_group: IntArray
    rows_related: IntArray

    def __len__(self) -> int:
        return len(self.ids)


@dataclass
class PostingFrame:
    ids: IntArray
    occupation: IntArray
    group: IntArray
    related: IntArray
    city: int
    county: IntArray
    township: IntArray  # 0 when unknown
    lng: FloatArray  # the posting's own point, else its township's or county's centroid
    lat: FloatArray
    monthly_min: FloatArray  # nan for piece rates
    monthly_max: FloatArray
    age_min: FloatArray  # nan: no limit
    age_max: FloatArray
    open_to_older: BoolArray
    benefits: IntArray
    age_days: FloatArray  # days since published

    def __len__(self) -> int:
        return len(self.ids)


@dataclass
class Candidates:
    """Kept pairs, sorted by seeker then best first, at most TOP_K per seeker."""

    seeker: IntArray  # seeker ids
    posting: IntArray  # posting ids
    score: IntArray
    occupation_level: IntArray
    same_county: BoolArray
    distance_km: FloatArray
    wage_level: IntArray
    older: IntArray
    benefits: IntArray  # wished benefits the posting offers
    age_days: FloatArray

    def __len__(self) -> int:
        return len(self.seeker)

    @classmethod
    def empty(cls) -> "Candidates":
        ints, floats = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
        return cls(
            ints, ints, ints, ints, np.zeros(0, dtype=bool), floats, ints, ints, ints, floats
        )

    def take(self, index: IntArray) -> "Candidates":
        return Candidates(*(getattr(self, name)[index] for name in _CANDIDATE_FIELDS))


_CANDIDATE_FIELDS = (
    "seeker",
    "posting",
    "score",
    "occupation_level",
    "same_county",
    "distance_km",
    "wage_level",
    "older",
    "benefits",
    "age_days",
)


def distance_km(
    lng1: FloatArray, lat1: FloatArray, cos_lat1: FloatArray, lng2: FloatArray, lat2: FloatArray
) -> FloatArray:
    """Kilometres between points (nan where one is unknown), by the equirectangular
    approximation: within the reach of one city (a hundred km or so) it is within 0.5 % of
    regions.geo.haversine_km, and needs no trigonometry per pair (the cosine of the first
    point's latitude is given)."""
    dx = (lng2 - lng1) * cos_lat1
    dy = lat2 - lat1
    return np.sqrt(dx * dx + dy * dy) * KM_PER_DEGREE


def _bucket(values: FloatArray, steps: tuple[tuple[float, int], ...], beyond: int) -> IntArray:
    points = np.full(values.shape, beyond, dtype=np.int64)
    for limit, given in reversed(steps):
        points[values <= limit] = given
    return points


def _popcount(values: IntArray) -> IntArray:
    counts = np.zeros(values.shape, dtype=np.int64)
    rest = values.copy()
    while rest.any():
        counts += rest & 1
        rest >>= 1
    return counts


def match(seekers: SeekerFrame, postings: PostingFrame) -> Candidates:
    """The best postings for each seeker: hard filters (area, age, occupation at least
    related), then the score; at most TOP_K per seeker, each at least MIN_SCORE."""
    if not len(seekers) or not len(postings) or not len(seekers.rows_seeker):
        return Candidates.empty()
    parts = [part for part in _cells(seekers, postings) if len(part)]
    if not parts:
        return Candidates.empty()
    merged = Candidates(
        *(np.concatenate([getattr(p, name) for p in parts]) for name in _CANDIDATE_FIELDS)
    )
    return best_per_seeker(merged)


def best_per_seeker(found: Candidates, k: int = TOP_K) -> Candidates:
    """Each (seeker, posting) once with its best score, then the k best per seeker (ties:
    the newer posting first)."""
    order = np.lexsort((found.age_days, -found.score, found.posting, found.seeker))
    found = found.take(order)
    first_of_pair = np.ones(len(found), dtype=bool)
    first_of_pair[1:] = (found.seeker[1:] != found.seeker[:-1]) | (
        found.posting[1:] != found.posting[:-1]
    )
    found = found.take(np.flatnonzero(first_of_pair))
    order = np.lexsort((found.age_days, -found.score, found.seeker))
    found = found.take(order)
    starts = np.flatnonzero(np.r_[True, found.seeker[1:] != found.seeker[:-1]])
    rank = np.arange(len(found)) - np.repeat(starts, np.diff(np.r_[starts, len(found)]))
    return found.take(np.flatnonzero(rank < k))


def _cells(seekers: SeekerFrame, postings: PostingFrame) -> Iterator[Candidates]:
    """Rows and postings that share a 中类, in passes of at most CELLS_PER_PASS pairs."""
    by_related: dict[int, IntArray] = {}
    order = np.argsort(postings.related, kind="stable")
    keys, starts = np.unique(postings.related[order], return_index=True)
    for key, start, end in zip(keys, starts, np.r_[starts[1:], len(order)], strict=True):
        by_related[int(key)] = order[start:end]
    row_order = np.argsort(seekers.rows_related, kind="stable")
    row_keys, row_starts = np.unique(seekers.rows_related[row_order], return_index=True)
    ends = np.r_[row_starts[1:], len(row_order)]
    for key, start, end in zip(row_keys, row_starts, ends, strict=True):
        cell_postings = by_related.get(int(key))
        if cell_postings is None:
            continue
        rows = row_order[start:end]
        step = max(1, CELLS_PER_PASS // len(cell_postings))
        for chunk in range(0, len(rows), step):
            yield _score_pass(seekers, rows[chunk : chunk + step], postings, cell_postings)


def _score_pass(
    seekers: SeekerFrame, rows: IntArray, postings: PostingFrame, cols: IntArray
) -> Candidates:
    s = seekers.rows_seeker[rows]
    col = (slice(None), None)  # a seeker value down the rows
    row = (None, slice(None))  # a posting value across the columns

    def sv(values: npt.NDArray) -> npt.NDArray:
        return values[s][col]

    def pv(values: npt.NDArray) -> npt.NDArray:
        return values[cols][row]

    # Hard filters: age within the posting's range, posting in a wanted area or the
    # residence city.
    age = sv(seekers.age)
    age_min, age_max = pv(postings.age_min), pv(postings.age_max)
    allowed = (np.isnan(age_min) | (age >= age_min)) & (np.isnan(age_max) | (age <= age_max))
    elsewhere = np.flatnonzero(~seekers.resident[s])
    if len(elsewhere):
        allowed[elsewhere] &= _wanted_area_mask(seekers, s[elsewhere], postings, cols)

    occupation_level = np.where(
        seekers.rows_occupation[rows][col] == pv(postings.occupation),
        3,
        np.where(seekers.rows_group[rows][col] == pv(postings.group), 2, 1),
    )
    same_county = sv(seekers.county) == pv(postings.county)
    distance = distance_km(
        sv(seekers.lng), sv(seekers.lat), sv(seekers.cos_lat), pv(postings.lng), pv(postings.lat)
    )
    near = _bucket(np.nan_to_num(distance, nan=np.inf), DISTANCE_POINTS, FAR_POINTS)
    place = np.maximum(np.where(same_county, SAME_COUNTY_POINTS, 0), near)
    expected = sv(seekers.expected_monthly)
    wage_level = np.where(
        pv(postings.monthly_min) >= expected,
        2,
        np.where(pv(postings.monthly_max) >= expected, 1, 0),
    )  # nan compares False: unknown is level 0
    older = np.where(
        sv(seekers.is_older),
        np.where(
            pv(postings.open_to_older),
            OLDER_WELCOME,
            np.where(np.isnan(age_max), OLDER_NO_LIMIT, OLDER_NONE),
        ),
        OLDER_NONE,
    )
    benefits = sv(seekers.benefits) & pv(postings.benefits)
    age_days = np.broadcast_to(pv(postings.age_days), allowed.shape)
    score = (
        OCCUPATION_POINTS[occupation_level]
        + place
        + WAGE_POINTS[wage_level]
        + np.where(older != OLDER_NONE, OLDER_POINTS, 0)
        + np.minimum(_popcount(benefits) * BENEFIT_POINTS_EACH, BENEFIT_POINTS_MAX)
        + _bucket(age_days, FRESH_POINTS, 0)
    )
    keep = allowed & (score >= MIN_SCORE)
    # The TOP_K best of each row are enough: a seeker's final K come from their rows' K.
    if keep.shape[1] > TOP_K:
        ranked = np.where(keep, score, -1)
        top = np.argpartition(-ranked, TOP_K - 1, axis=1)[:, :TOP_K]
        mask = np.zeros_like(keep)
        np.put_along_axis(mask, top, True, axis=1)
        keep &= mask
    r, c = np.nonzero(keep)
    return Candidates(
        seeker=seekers.ids[s[r]],
        posting=postings.ids[cols[c]],
        score=score[r, c].astype(np.int64),
        occupation_level=occupation_level[r, c],
        same_county=same_county[r, c],
        distance_km=distance[r, c],
        wage_level=wage_level[r, c],
        older=older[r, c],
        benefits=benefits[r, c],
        age_days=age_days[r, c],
    )


def _wanted_area_mask(
    seekers: SeekerFrame, seeker_index: IntArray, postings: PostingFrame, cols: IntArray
) -> BoolArray:
    """For seekers living in another city: only postings in an area they want."""
    county, township = postings.county[cols], postings.township[cols]
    mask = np.zeros((len(seeker_index), len(cols)), dtype=bool)
    for i, seeker in enumerate(seeker_index):
        wanted = seekers.wanted_areas[seeker]
        if postings.city in wanted or postings.city // 100 in wanted:
            mask[i] = True
        else:
            codes = np.fromiter(wanted, dtype=np.int64, count=len(wanted))
            mask[i] = np.isin(county, codes) | np.isin(township, codes)
    return mask
