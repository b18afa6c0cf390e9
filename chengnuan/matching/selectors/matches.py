"""Reads of stored matches for pages and the API: a seeker's current best postings (still
public), a posting's best seekers (within the staff member's area, audited, names masked).
Postings and seekers are read through employment's selectors, never its tables."""

from dataclasses import dataclass

from django.db.models import QuerySet

from chengnuan.accounts.models import User
from chengnuan.employment.models import JobSeeker, Posting
from chengnuan.employment.selectors.feeds import public_older_postings
from chengnuan.employment.selectors.postings import public_postings
from chengnuan.employment.selectors.seekers import seekers_for_staff
from chengnuan.matching.engine import TOP_K
from chengnuan.matching.models import Match

POSTING_SEEKERS = 30
NEWEST_SHOWN = 20


@dataclass(frozen=True)
class PostingMatch:
    posting: Posting
    score: int
    reasons: list[str]


@dataclass(frozen=True)
class SeekerMatch:
    seeker_id: int
    name_masked: str
    area_name: str
    is_older: bool
    is_poverty_alleviated: bool
    score: int
    reasons: list[str]


def mask_name(name: str) -> str:
    """张三丰 → 张**: enough for a clerk to recognise, not to identify a stranger."""
    return name[:1] + "*" * max(1, len(name) - 1) if name else ""


def best_matches(seeker_ids: list[int], limit: int = TOP_K) -> dict[int, list[PostingMatch]]:
    """The current best public postings of each seeker, best first."""
    rows = list(
        Match.objects.filter(
            seeker_id__in=seeker_ids, posting_id__in=public_postings().values("id")
        )
        .order_by("seeker_id", "-score", "-posting_id")
        .values_list("seeker_id", "posting_id", "score", "reasons")
    )
    postings = public_postings().in_bulk([row[1] for row in rows])
    found: dict[int, list[PostingMatch]] = {pk: [] for pk in seeker_ids}
    for seeker_id, posting_id, score, reasons in rows:
        if len(found[seeker_id]) < limit and posting_id in postings:
            found[seeker_id].append(PostingMatch(postings[posting_id], score, reasons))
    return found


def matches_of_seeker(seeker: JobSeeker) -> list[PostingMatch]:
    return best_matches([seeker.pk])[seeker.pk]


def seekers_of_posting(
    user: User, posting: Posting, limit: int = POSTING_SEEKERS
) -> list[SeekerMatch]:
    """The posting's best seekers living in the staff member's area; reading them writes
    the audit row (employment's seekers_for_staff is audited)."""
    ranked = list(
        Match.objects.filter(posting=posting)
        .order_by("-score", "seeker_id")
        .values_list("seeker_id", "score", "reasons")[: limit * 3]
    )
    people: QuerySet[JobSeeker] = seekers_for_staff(user).filter(
        pk__in=[seeker_id for seeker_id, _, _ in ranked]
    )
    by_id = {s.pk: s for s in people}
    return [
        SeekerMatch(
            seeker_id=seeker_id,
            name_masked=mask_name(by_id[seeker_id].name),
            area_name=str(by_id[seeker_id].residence),
            is_older=by_id[seeker_id].is_older,
            is_poverty_alleviated=by_id[seeker_id].is_poverty_alleviated,
            score=score,
            reasons=reasons,
        )
        for seeker_id, score, reasons in ranked
        if seeker_id in by_id
    ][:limit]


def newest_in_city(city_code: str) -> list[Posting]:
    """Not personalised (PIPL art. 24): the city's newest public postings, nothing read from
    the person's profile but where they live."""
    return list(public_postings().filter(city_code=city_code)[:NEWEST_SHOWN])


def older_channel(city_code: str = "") -> QuerySet[Posting]:
    """The channel for older workers: 欢迎大龄 or no upper age limit."""
    found = public_older_postings()
    return found.filter(city_code=city_code) if city_code else found
