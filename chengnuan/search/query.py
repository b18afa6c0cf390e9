"""Running a search: query words and filters become one match expression over index tokens;
each sort reads only as much of the index as its page needs. Any registered document type
(sources.py) is searched the same way.

- newest: rowid order (keys.py), the index stops at the page.
- relevance: the newest WINDOW matches are ranked (BM25 / ts_rank, scaled to the best of
  them) and weighed by age; for a common word older matches would lose on age anyway.
- wage: wage steps from the top down (w_30000, then w_20000 but not w_30000, ...), each step
  sorted exactly, until the page is full.
- distance: grid cells around the point, widening rings, until the page is full of postings
  nearer than the ring's radius; then the rest by distance among the newest matches."""

import datetime
from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone

from chengnuan.regions.geo import bounding_box, haversine_km
from chengnuan.search import keys
from chengnuan.search.backends import backend
from chengnuan.search.backends.base import Scope, ValueRow
from chengnuan.search.documents import (
    WAGE_STEPS,
    cell,
    cell_token,
    floor_token,
    wage_floor,
    wage_token,
)
from chengnuan.search.models import SearchDocument
from chengnuan.search.places import Place, split_places
from chengnuan.search.suggest import Suggestion, suggestions
from chengnuan.search.text import (
    Expr,
    QueryWord,
    Term,
    Without,
    all_of,
    any_of,
    query_word,
    query_words,
    word_expr,
)

WINDOW = 100
MAX_RESULTS = 400
FRESH_HALF_LIFE_DAYS = 14
RINGS_KM = ((5, 1), (20, 1), (60, 2), (200, 3))
RING_CAP = 20_000
FAR_CAP = 5_000
MAX_QUERY_CHARS = 50


class Sort(models.TextChoices):
    RELEVANCE = "relevance", "最相关"
    NEWEST = "newest", "最新发布"
    WAGE = "wage", "工资最高"
    DISTANCE = "distance", "离我最近"


@dataclass(frozen=True)
class Filters:
    """What narrows a search. Area, wage and age are the engine's own (every document has a
    place, a wage and a publication time); `tags` are filter tokens the document type defines
    (see documents.SourceDoc.tags), every one of them required."""

    area: str = ""  # adcode prefix: 2, 4, 6 or 9 digits
    min_wage: int | None = None  # monthly
    days: int | None = None
    tags: tuple[str, ...] = ()

    def terms(self) -> list[Expr]:
        """Every filter as index lookups (the exact wage check, when needed, is in Scope)."""
        tokens = [f"a_{self.area}"] if self.area else []
        tokens += self.tags
        if self.min_wage and (floor := wage_floor(self.min_wage)) is not None:
            tokens.append(floor_token(floor))
        return [Term(t) for t in tokens]


@dataclass(frozen=True)
class Query:
    text: str = ""
    filters: Filters = field(default_factory=Filters)
    sort: str = Sort.RELEVANCE
    origin: tuple[float, float] | None = None  # (lng, lat)
    page: int = 1
    per_page: int = 20


@dataclass(frozen=True)
class Hit:
    doc_id: int
    distance_km: float | None = None


@dataclass
class Result:
    hits: list[Hit]
    has_more: bool
    words: list[QueryWord]
    page: int
    suggestions: list[Suggestion] = field(default_factory=list)
    # Places named in the text, searched as an area (places.py), not as words.
    places: list[Place] = field(default_factory=list)


@dataclass(frozen=True)
class Parsed:
    words: list[QueryWord]
    places: list[Place]
    filter_terms: list[Expr]  # the filters and the places typed

    @property
    def match(self) -> Expr | None:
        terms = [w.expr for w in self.words] + self.filter_terms
        return all_of(terms) if terms else None


def parse(query: Query) -> Parsed:
    places, words = split_places(query_words(query.text[:MAX_QUERY_CHARS]))
    terms = query.filters.terms()
    if places:
        terms.append(any_of(Term(f"a_{code}") for p in places for code in p.codes))
    return Parsed([query_word(w) for w in words], places, terms)


def count(doc_type: str, query: Query) -> int:
    """How many documents match, counted up to MAX_RESULTS + 1 (a search shows no more than
    MAX_RESULTS, and counting every match of a common word at province scale is slow): more
    than MAX_RESULTS reads as MAX_RESULTS + 1."""
    match = parse(query).match
    return len(backend().newest(match, _scope(doc_type, query.filters), MAX_RESULTS + 1))


def search(doc_type: str, query: Query) -> Result:
    parsed = parse(query)
    words, match = parsed.words, parsed.match
    scope = _scope(doc_type, query.filters)
    offset = (query.page - 1) * query.per_page
    need = min(offset + query.per_page + 1, MAX_RESULTS + 1)
    if offset >= MAX_RESULTS:
        return Result(hits=[], has_more=False, words=words, page=query.page, places=parsed.places)
    sort = query.sort
    if sort == Sort.DISTANCE and query.origin is None:
        sort = Sort.RELEVANCE
    if sort == Sort.RELEVANCE and not words:
        sort = Sort.NEWEST
    ordered: list[tuple[int, float | None]]
    # The words as typed, without their synonyms: what ranks first.
    exact = all_of([word_expr(w.word) for w in words] + parsed.filter_terms) if words else match
    if sort == Sort.NEWEST:
        ordered = [(k, None) for k in backend().newest(match, scope, need)]
    elif sort == Sort.RELEVANCE:
        assert match is not None and exact is not None
        ordered = [(k, None) for k in _by_relevance(match, exact, scope, need)]
    elif sort == Sort.WAGE:
        ordered = [(row[0], None) for row in _by_wage_direct_first(match, exact, scope, need)]
    else:
        assert query.origin is not None
        ordered = _by_distance(match, scope, query.origin, need)
    page = ordered[offset : offset + query.per_page + 1]
    hits = _hits(page[: query.per_page])
    result = Result(
        hits=hits,
        has_more=len(page) > query.per_page,
        words=words,
        page=query.page,
        places=parsed.places,
    )
    if not hits and query.page == 1 and (words or parsed.filter_terms):
        result.suggestions = suggestions(words, scope, parsed.filter_terms)
    return result


def _scope(doc_type: str, filters: Filters) -> Scope:
    since = timezone.now() - datetime.timedelta(days=filters.days) if filters.days else None
    low, high = keys.key_range(doc_type, since)
    wanted = filters.min_wage or None
    # A minimum that is not one of the indexed floors needs the exact figure as well.
    exact = wanted if wanted and wanted != wage_floor(wanted) else None
    return Scope(low=low, high=high, min_wage=exact)


def _hits(page: list[tuple[int, float | None]]) -> list[Hit]:
    doc_ids = dict(
        SearchDocument.objects.filter(pk__in=[k for k, _ in page]).values_list("pk", "doc_id")
    )
    return [Hit(doc_id=doc_ids[k], distance_km=d) for k, d in page if k in doc_ids]


def _by_relevance(match: Expr, exact: Expr, scope: Scope, need: int) -> list[int]:
    """Postings with the very words typed come before those found only through a synonym;
    within each group, BM25 / ts_rank scaled to the best in the window, times freshness.
    Pages past the window go on with older matches, newest first."""
    store = backend()
    ranked = store.ranked(match, scope, WINDOW)
    if not ranked:
        return []
    best = max(rank for _, rank in ranked) or 1.0
    exact_keys: set[int] = set()
    if exact != match:
        window = Scope(low=min(k for k, _ in ranked), high=scope.high, min_wage=scope.min_wage)
        exact_keys = set(store.newest(exact, window, WINDOW))
    now = timezone.now()

    def score(item: tuple[int, float]) -> tuple[bool, float, int]:
        key, rank = item
        freshness = 0.5 + 0.5 * 0.5 ** (keys.age_days(key, now) / FRESH_HALF_LIFE_DAYS)
        synonym_only = bool(exact_keys) and key not in exact_keys
        return (synonym_only, -(rank / best) * freshness, -key)

    ordered = [key for key, _ in sorted(ranked, key=score)]
    if need > len(ranked) == WINDOW:
        older = Scope(low=scope.low, high=min(k for k, _ in ranked) - 1, min_wage=scope.min_wage)
        ordered += store.newest(match, older, need - len(ranked))
    return ordered


def _with(match: Expr | None, extra: Expr) -> Expr:
    return extra if match is None else all_of([match, extra])


def _by_wage(match: Expr | None, scope: Scope, need: int) -> list[ValueRow]:
    """Band by band from the top wage down, each band's best paid first, until the page is
    full; the last band (w_0) holds low and piece-rate wages, which sort last."""
    store = backend()
    rows: list[ValueRow] = []
    for step in reversed(WAGE_STEPS):
        band = _with(match, Term(wage_token(step)))
        rows += store.values(band, scope, need - len(rows), order="wage")
        if len(rows) >= need:
            break
    return rows


def _by_wage_direct_first(
    match: Expr | None, exact: Expr | None, scope: Scope, need: int
) -> list[ValueRow]:
    """Best paid first among postings with the words as typed, then among those found only
    through a synonym: 普工 by wage shows 普工 jobs before 操作工 ones. The second pass runs only
    when the first leaves the page short."""
    rows = _by_wage(exact, scope, need)
    if exact == match or len(rows) >= need:
        return rows
    assert match is not None and exact is not None
    return rows + _by_wage(Without(match, exact), scope, need - len(rows))


def _by_distance(
    match: Expr | None, scope: Scope, origin: tuple[float, float], need: int
) -> list[tuple[int, float | None]]:
    store = backend()
    lng, lat = origin
    for radius, level in RINGS_KM:
        ring = _with(match, _cells(level, lng, lat, radius))
        rows = store.values(ring, scope, RING_CAP, order="any")
        near = _nearest(rows, lng, lat)
        if sum(1 for _, d in near if d is not None and d <= radius) >= need:
            return near
    return _nearest(store.values(match, scope, FAR_CAP), lng, lat)


def _cells(level: int, lng: float, lat: float, radius_km: float) -> Expr:
    min_lng, min_lat, max_lng, max_lat = bounding_box(lng, lat, radius_km)
    row0, col0 = cell(level, min_lng, min_lat)
    row1, col1 = cell(level, max_lng, max_lat)
    return any_of(
        Term(cell_token(level, r, c)) for r in range(row0, row1 + 1) for c in range(col0, col1 + 1)
    )


def _nearest(rows: list[ValueRow], lng: float, lat: float) -> list[tuple[int, float | None]]:
    out = []
    for key, _wage, row_lng, row_lat in rows:
        distance = (
            None if row_lng is None or row_lat is None else haversine_km(lng, lat, row_lng, row_lat)
        )
        out.append((key, distance))
    out.sort(key=lambda item: (item[1] is None, item[1] or 0.0, -item[0]))
    return out
