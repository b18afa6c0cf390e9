"""Reads for the job search page and API: run the search, load the postings it found."""

from dataclasses import dataclass

from chengnuan.accounts.models import User
from chengnuan.employment.models import JobSeeker, Posting
from chengnuan.employment.search import DOC_TYPE
from chengnuan.employment.selectors.postings import public_postings
from chengnuan.search.query import Query, Result, count, search


@dataclass(frozen=True)
class PostingHit:
    posting: Posting
    distance_km: float | None

    @property
    def wage_text(self) -> str:
        return self.posting.wage_text

    @property
    def place(self) -> str:
        p = self.posting
        names = [
            p.county.parent.name if p.county.parent else "",
            p.county.name,
            p.township.name if p.township else "",
        ]
        return " ".join(n for n in names if n)


@dataclass(frozen=True)
class PostingPage:
    result: Result
    hits: list[PostingHit]
    count: int | None = None  # matches, up to MAX_RESULTS + 1, when asked for


def search_postings(query: Query, *, with_count: bool = False) -> PostingPage:
    """One page of public postings for a query, in the order the search ranked them. A posting
    that stopped being public after it was indexed is left out (its index update is on its way)."""
    result = search(DOC_TYPE, query)
    total = count(DOC_TYPE, query) if with_count else None
    ids = [hit.doc_id for hit in result.hits]
    loaded = public_postings().select_related("county__parent").in_bulk(ids)
    hits = [PostingHit(loaded[h.doc_id], h.distance_km) for h in result.hits if h.doc_id in loaded]
    return PostingPage(result=result, hits=hits, count=total)


def home_point(user: User | None) -> tuple[float, float] | None:
    """Where a signed-in worker lives (their 求职登记 township), for "nearest first"."""
    if user is None or not user.is_authenticated:
        return None
    seeker = JobSeeker.objects.filter(user=user).select_related("residence").first()
    if seeker is None or seeker.residence.lng is None or seeker.residence.lat is None:
        return None
    return (seeker.residence.lng, seeker.residence.lat)
