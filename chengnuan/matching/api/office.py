"""/api/v1/matching/office: staff routes, scoped to the staff member's area; reads of people
audited (through employment's staff list)."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Query, Router, Status
from ninja.pagination import paginate

from chengnuan.accounts.access import staff_required
from chengnuan.accounts.api_auth import ApiAuth
from chengnuan.core.pagination import Pagination
from chengnuan.employment.models import JobSeeker, Posting
from chengnuan.employment.selectors.postings import public_postings
from chengnuan.matching.access import get_posting_for_staff_or_404, get_seeker_for_staff_or_404
from chengnuan.matching.schemas import (
    ContactIn,
    ContactOut,
    FollowUpOut,
    FollowUpQuery,
    FunnelOut,
    FunnelQuery,
    MatchOut,
    PushIn,
    PushOut,
    SeekerMatchOut,
)
from chengnuan.matching.selectors.effectiveness import parse_month, push_funnel
from chengnuan.matching.selectors.followup import contacts_of, contacts_of_seeker, followup_seekers
from chengnuan.matching.selectors.matches import best_matches, matches_of_seeker, seekers_of_posting
from chengnuan.matching.services.followup import followup_contact_record
from chengnuan.matching.services.push import match_push_by_hand

router = Router(tags=["岗位推荐（工作人员）"])
FOLLOW_UP_MATCHES = 3


def _public_posting(posting_id: int, field: str) -> Posting:
    posting = public_postings().filter(pk=posting_id).first()
    if posting is None:
        raise ValidationError({field: ["没有这个岗位，或它已经结束。"]})
    return posting


@router.get(
    "/office/seekers/{pk}/matches",
    response=list[MatchOut],
    auth=ApiAuth,
    summary="求职者的推荐岗位",
)
def seeker_matches(request: HttpRequest, pk: int) -> object:
    user = staff_required(request)
    return matches_of_seeker(get_seeker_for_staff_or_404(user, pk))


@router.post(
    "/office/seekers/{pk}/push", response={201: PushOut}, auth=ApiAuth, summary="把岗位推送给求职者"
)
def seeker_push(request: HttpRequest, pk: int, payload: PushIn) -> Status[object]:
    user = staff_required(request)
    seeker = get_seeker_for_staff_or_404(user, pk)
    posting = _public_posting(payload.posting_id, "posting_id")
    return Status(201, match_push_by_hand(clerk=user, seeker=seeker, posting=posting))


@router.get(
    "/office/seekers/{pk}/contacts",
    response=list[ContactOut],
    auth=ApiAuth,
    summary="求职者的联系记录",
)
@paginate(Pagination)
def seeker_contacts(request: HttpRequest, pk: int) -> object:
    user = staff_required(request)
    return contacts_of_seeker(get_seeker_for_staff_or_404(user, pk))


@router.post(
    "/office/seekers/{pk}/contacts",
    response={201: ContactOut},
    auth=ApiAuth,
    summary="记下一次联系（打电话、上门、推荐岗位）",
)
def seeker_contact_create(request: HttpRequest, pk: int, payload: ContactIn) -> Status[object]:
    user = staff_required(request)
    seeker = get_seeker_for_staff_or_404(user, pk)
    posting = _public_posting(payload.posting_id, "posting_id") if payload.posting_id else None
    contact = followup_contact_record(
        clerk=user, seeker=seeker, method=payload.method, note=payload.note, posting=posting
    )
    return Status(201, contact)


@router.get(
    "/office/postings/{pk}/seekers",
    response=list[SeekerMatchOut],
    auth=ApiAuth,
    summary="适合岗位的求职者（姓名隐去一部分）",
)
def posting_seekers(request: HttpRequest, pk: int) -> object:
    user = staff_required(request)
    return seekers_of_posting(user, get_posting_for_staff_or_404(user, pk))


@router.get("/office/follow-up", response=list[FollowUpOut], auth=ApiAuth, summary="跟踪服务名单")
@paginate(Pagination)
def follow_up(request: HttpRequest, filters: Query[FollowUpQuery]) -> object:
    user = staff_required(request)
    return _FollowUpPage(followup_seekers(user, days=filters.days))


class _FollowUpPage:
    """The follow-up list as the paginator slices it: each page's seekers come with their
    best matches and latest contacts, read for that page only."""

    def __init__(self, seekers: object) -> None:
        self.seekers = seekers

    def count(self) -> int:
        return self.seekers.count()  # type: ignore[attr-defined]

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, part: slice) -> list[dict[str, object]]:
        page: list[JobSeeker] = list(self.seekers[part])  # type: ignore[index]
        ids = [s.pk for s in page]
        matches, contacts = best_matches(ids, limit=FOLLOW_UP_MATCHES), contacts_of(ids)
        return [
            {
                "seeker_id": s.pk,
                "name": s.name,
                "phone_masked": s.phone_masked,
                "area_code": s.area_code,
                "is_older": s.is_older,
                "is_poverty_alleviated": s.is_poverty_alleviated,
                "registered_at": s.created_at,
                "matches": matches[s.pk],
                "contacts": contacts[s.pk][:3],
            }
            for s in page
        ]


@router.get("/office/effectiveness", response=list[FunnelOut], auth=ApiAuth, summary="推送效果")
def effectiveness(request: HttpRequest, filters: Query[FunnelQuery]) -> object:
    user = staff_required(request)
    try:
        month = parse_month(filters.month) if filters.month else None
    except ValueError:
        raise ValidationError({"month": ["月份请写成 2026-12 这样。"]}) from None
    return push_funnel(user, level=filters.level, month=month)
