"""/api/v1/matching: a worker's own matches and settings, and the public older-workers
channel."""

from django.http import HttpRequest
from ninja import Query, Router
from ninja.pagination import paginate

from chengnuan.accounts.access import login_required_kind
from chengnuan.accounts.api_auth import ApiAuth
from chengnuan.accounts.models import UserKind
from chengnuan.core.pagination import Pagination
from chengnuan.matching.access import get_own_seeker_or_404
from chengnuan.matching.schemas import (
    MyMatchesOut,
    OlderQuery,
    PostingBrief,
    SettingsIn,
    SettingsOut,
)
from chengnuan.matching.selectors.matches import matches_of_seeker, newest_in_city, older_channel
from chengnuan.matching.services.preferences import match_settings_of, match_settings_update

router = Router(tags=["岗位推荐"])


@router.get("/me/matches", response=MyMatchesOut, auth=ApiAuth, summary="给我推荐的岗位")
def my_matches(request: HttpRequest) -> dict[str, object]:
    seeker = get_own_seeker_or_404(login_required_kind(request, UserKind.WORKER))
    personalised = match_settings_of(seeker).personalised
    return {
        "personalised": personalised,
        "matches": matches_of_seeker(seeker) if personalised else [],
        "newest": [] if personalised else newest_in_city(seeker.area_code[:4]),
    }


@router.get("/me/settings", response=SettingsOut, auth=ApiAuth, summary="我的推荐设置")
def my_settings(request: HttpRequest) -> object:
    seeker = get_own_seeker_or_404(login_required_kind(request, UserKind.WORKER))
    return match_settings_of(seeker)


@router.put(
    "/me/settings", response=SettingsOut, auth=ApiAuth, summary="修改推荐设置（可关闭个性化推荐）"
)
def my_settings_update(request: HttpRequest, payload: SettingsIn) -> object:
    seeker = get_own_seeker_or_404(login_required_kind(request, UserKind.WORKER))
    return match_settings_update(
        seeker=seeker, personalised=payload.personalised, wished_benefits=payload.wished_benefits
    )


@router.get("/older", response=list[PostingBrief], summary="欢迎大龄务工人员的岗位")
@paginate(Pagination)
def older_postings(request: HttpRequest, filters: Query[OlderQuery]) -> object:
    return older_channel(filters.city)
