"""/api/v1 postings: the public list and a posting's page, an employer's postings, and the
office's review of postings and employers.

The public list is one list: GET /api/v1/postings finds postings through the search engine,
with or without words, so it and the /jobs/ page show the same postings in the same order
(the one public-posting rule is selectors.postings.public_postings). GET /api/v1/search/postings
is its documented alias, kept for APP builds that call the old address."""

import dataclasses
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, QueryDict
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from chengnuan.accounts.access import login_required_kind, staff_required
from chengnuan.accounts.api_auth import ANONYMOUS_TOO, ApiAuth, OptionalAuth
from chengnuan.accounts.models import User, UserKind
from chengnuan.core.api_errors import QueryParameterError
from chengnuan.core.pagination import MAX_PAGE, MAX_PAGE_SIZE, PAGE_SIZE, Pagination
from chengnuan.employment import access
from chengnuan.employment.api.common import input_fields
from chengnuan.employment.choices import Source
from chengnuan.employment.forms.search import SearchForm
from chengnuan.employment.inputs import EmployerInput, PostingInput
from chengnuan.employment.models import Employer, Posting
from chengnuan.employment.schemas import (
    EmployerIn,
    EmployerOut,
    EmployerPostingIn,
    PostingListOut,
    PostingManageOut,
    PostingOut,
    PostingSummary,
    ReviewIn,
)
from chengnuan.employment.selectors.employers import employers_for_owner
from chengnuan.employment.selectors.postings import (
    posting_for_public,
    postings_for_employer,
    review_queue,
)
from chengnuan.employment.selectors.search import PostingHit, home_point, search_postings
from chengnuan.employment.services.employers import employer_register, employer_verify
from chengnuan.employment.services.postings import posting_create, posting_review, posting_submit
from chengnuan.search.query import MAX_QUERY_CHARS, MAX_RESULTS, Sort

router = Router(tags=["岗位与求职登记"])


# --- the public list ----------------------------------------------------------------------------


class PostingListParams(Schema):
    """The search's parameters (the /jobs/ page's), and the first list's names, still read."""

    q: str = Field(
        "", max_length=MAX_QUERY_CHARS, description="要找的工作，如 普工、司机 包住、沈阳 日结"
    )
    area: str = Field("", description="地区代码前缀（市 4 位、县区 6 位、乡镇 9 位）")
    occupation: str = Field("", description="职业代码或前缀，如 6 或 6-18")
    min_wage: int | None = Field(None, ge=0, le=1_000_000, description="月工资不低于（元）")
    benefits: list[str] = Field([], description="福利代码，可多个：meals housing daily_pay …")
    older: bool = Field(False, description="只看欢迎大龄的岗位")
    contract: str = Field("", description="用工形式：full_time part_time seasonal")
    days: int | None = Field(None, ge=1, le=365, description="多少天内发布的")
    sort: Sort = Field(
        Sort.RELEVANCE, description="relevance newest wage distance（不带词时按最新）"
    )
    near: str = Field("", description="按离这个区划（县区/乡镇代码）的距离排序")
    lng: float | None = Field(
        None, ge=73, le=136, description="按离这个位置的距离排序（GCJ-02 经度）"
    )
    lat: float | None = Field(None, ge=3, le=54, description="纬度")
    coord: str = Field("", description="lng/lat 的坐标系：gcj02（默认，国内地图）或 wgs84（GPS）")
    page: int = Field(
        1, ge=1, le=MAX_PAGE, description=f"页码，从 1 开始（最多翻到第 {MAX_RESULTS} 条）"
    )
    page_size: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="每页条数")
    per_page: int | None = Field(None, ge=1, le=50, description="每页条数（旧名，同 page_size）")
    city: str = Field("", description="旧名：城市4位代码，同 area")
    county: str = Field("", description="旧名：县区6位代码，同 area")
    min_monthly_wage: int | None = Field(None, ge=0, description="旧名，同 min_wage")
    older_friendly: bool | None = Field(None, description="旧名，同 older")


class PostingListItem(PostingSummary):
    """A posting in the public list: the first list's fields, with the search page's wage
    text, place and distance."""

    wage: str = Field(description="工资及单位，如 4000–6000 元/月")
    place: str
    distance_km: float | None = Field(description="到所给位置的直线距离（公里）；不知道位置时为空")
    benefit_codes: list[str]


class SuggestionItem(Schema):
    q: str
    reason: str
    drop_filters: bool


class PlaceItem(Schema):
    word: str = Field(description="搜索词里的地名")
    areas: list[str] = Field(description="按这些地区代码筛选（同名的县区不止一个时有几个）")
    labels: list[str]


class PostingListPage(Schema):
    items: list[PostingListItem]
    count: int = Field(description=f"符合条件的岗位数（最多数到 {MAX_RESULTS}）")
    page: int
    has_more: bool
    words: list[str] = Field(description="真正用来搜索的词（去掉了「急招」等没用的词）")
    suggestions: list[SuggestionItem] = Field(description="没有结果时可以试的搜索")
    places: list[PlaceItem] = Field(description="搜索词里的地名，当作地区筛选，不再当作词找")


def _search_form(params: PostingListParams, request: HttpRequest) -> SearchForm:
    """The page's own form reads the parameters, so the API and /jobs/ say the same; the
    first list's names are read as the search's."""
    data = QueryDict(mutable=True)
    data.update(request.GET)
    renamed = {"city": "area", "county": "area", "min_monthly_wage": "min_wage"}
    for old, new in renamed.items():
        if data.get(old) and not data.get(new):
            data[new] = str(data.get(old))
        data.pop(old, None)
    if params.older_friendly:
        data["older"] = "1"
    data.pop("older_friendly", None)
    # Paging is the API's own (bounded by its schema); the form checks the rest.
    for name in ("page", "page_size", "per_page"):
        data.pop(name, None)
    return SearchForm(data)


def _item(hit: PostingHit) -> PostingListItem:
    return PostingListItem(
        **PostingListOut.from_orm(hit.posting).model_dump(),
        wage=hit.wage_text,
        place=hit.place,
        distance_km=round(hit.distance_km, 1) if hit.distance_km is not None else None,
        benefit_codes=list(hit.posting.benefits),
    )


def posting_list(request: HttpRequest, params: Query[PostingListParams]) -> PostingListPage:
    form = _search_form(params, request)
    if not form.is_valid():
        raise QueryParameterError(
            {name: [form.error_texts.get(name, "参数不对")] for name in form.errors}
        )
    query = form.to_query(default_origin=home_point(request.user))  # type: ignore[arg-type]
    query = dataclasses.replace(
        query, page=params.page, per_page=params.per_page or params.page_size
    )
    found = search_postings(query, with_count=True)
    result = found.result
    return PostingListPage(
        items=[_item(hit) for hit in found.hits],
        count=min(found.count or 0, MAX_RESULTS),
        page=params.page,
        has_more=result.has_more,
        words=[w.word for w in result.words],
        suggestions=[
            SuggestionItem(q=s.text, reason=s.reason, drop_filters=s.drop_filters)
            for s in result.suggestions
        ],
        places=[
            PlaceItem(word=p.word, areas=list(p.codes), labels=list(p.labels))
            for p in result.places
        ],
    )


router.get(
    "/postings",
    response=PostingListPage,
    auth=OptionalAuth,
    openapi_extra=ANONYMOUS_TOO,
    summary="岗位列表与搜索（公开）",
    operation_id="posting_list",
)(posting_list)
router.get(
    "/search/postings",
    response=PostingListPage,
    auth=OptionalAuth,
    openapi_extra=ANONYMOUS_TOO,
    summary="岗位列表与搜索（旧地址，同 /api/v1/postings）",
    operation_id="posting_search_alias",
    deprecated=True,
    tags=["岗位搜索"],
)(posting_list)


@router.get(
    "/postings/{posting_id}",
    response=PostingOut,
    auth=OptionalAuth,
    openapi_extra=ANONYMOUS_TOO,
    summary="岗位详情（公开）",
)
def posting_detail(request: HttpRequest, posting_id: int) -> PostingOut:
    posting = posting_for_public(posting_id)
    user = request.user
    show_phone = user.is_authenticated and getattr(user, "kind", None) == UserKind.WORKER
    return PostingOut.with_phone(posting, show_phone)


# --- employers and their postings -------------------------------------------------------------


@router.post("/employers", response={201: EmployerOut}, auth=ApiAuth, summary="单位登记（待核验）")
def employer_create(request: HttpRequest, payload: EmployerIn) -> Status[Employer]:
    user = login_required_kind(request, UserKind.EMPLOYER)
    employer = employer_register(
        data=EmployerInput(**payload.model_dump()),
        owner=user,
        created_by=user,
        source=Source.EMPLOYER,
    )
    return Status(201, employer)


def _employer_of(user: User, employer_id: int | None) -> Employer:
    if employer_id is not None:
        return access.get_employer_for_owner_or_404(user, employer_id)
    owned = list(employers_for_owner(user)[:2])
    if len(owned) != 1:
        message = (
            "请先登记单位信息。" if not owned else "您的账号管理多家单位，请选择是哪家单位的岗位。"
        )
        raise ValidationError({"employer_id": [message]})
    return owned[0]


@router.get(
    "/employer/postings", response=list[PostingManageOut], auth=ApiAuth, summary="本单位的岗位"
)
@paginate(Pagination)
def employer_posting_list(request: HttpRequest, employer_id: int | None = None) -> Any:
    user = login_required_kind(request, UserKind.EMPLOYER)
    return postings_for_employer(_employer_of(user, employer_id))


@router.post(
    "/employer/postings", response={201: PostingManageOut}, auth=ApiAuth, summary="发布岗位"
)
def employer_posting_create(request: HttpRequest, payload: EmployerPostingIn) -> Status[Posting]:
    user = login_required_kind(request, UserKind.EMPLOYER)
    employer = _employer_of(user, payload.employer_id)
    posting = posting_create(
        employer=employer,
        data=PostingInput(**input_fields(payload, PostingInput)),
        actor=user,
        source=Source.EMPLOYER,
        submit=payload.submit,
    )
    return Status(201, posting)


@router.post(
    "/postings/{posting_id}/submit", response=PostingManageOut, auth=ApiAuth, summary="提交审核"
)
def employer_posting_submit(request: HttpRequest, posting_id: int) -> Posting:
    user = login_required_kind(request, UserKind.EMPLOYER)
    posting = access.get_posting_for_employer_or_404(user, posting_id)
    return posting_submit(posting=posting, actor=user)


# --- office: review -----------------------------------------------------------------------------


@router.get(
    "/office/review-queue", response=list[PostingManageOut], auth=ApiAuth, summary="待审核岗位"
)
@paginate(Pagination)
def office_review_queue(request: HttpRequest) -> Any:
    return review_queue(staff_required(request))


@router.post(
    "/office/postings/{posting_id}/review",
    response=PostingManageOut,
    auth=ApiAuth,
    summary="审核岗位",
)
def office_posting_review(request: HttpRequest, posting_id: int, payload: ReviewIn) -> Posting:
    user = staff_required(request)
    posting = access.get_posting_for_staff_or_404(user, posting_id)
    return posting_review(posting=posting, actor=user, approve=payload.approve, note=payload.note)


@router.post(
    "/office/employers/{employer_id}/verify", response=EmployerOut, auth=ApiAuth, summary="核验单位"
)
def office_employer_verify(request: HttpRequest, employer_id: int, payload: ReviewIn) -> Employer:
    user = staff_required(request)
    employer = access.get_employer_for_staff_or_404(user, employer_id)
    return employer_verify(
        employer=employer, actor=user, approve=payload.approve, note=payload.note
    )
