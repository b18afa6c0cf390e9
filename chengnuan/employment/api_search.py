"""GET /api/v1/search/postings: the job search of /jobs/, as JSON, with the same parameters."""

import datetime

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from chengnuan.core.api_errors import QueryParameterError
from chengnuan.employment.forms.search import MAX_PAGE, MAX_PER_PAGE, PER_PAGE, SearchForm
from chengnuan.employment.selectors_search import home_point, search_postings
from chengnuan.search.query import MAX_QUERY_CHARS, Sort

router = Router(tags=["岗位搜索"])


class PostingItem(Schema):
    id: int
    title: str
    wage: str = Field(description="工资及单位，如 4000–6000 元/月")
    monthly_wage_min: int | None
    place: str
    distance_km: float | None = Field(description="到所给位置的直线距离（公里）；不知道位置时为空")
    benefits: list[str] = Field(description="福利待遇（文字）")
    benefit_codes: list[str]
    open_to_older: bool
    published_at: datetime.datetime | None


class SuggestionItem(Schema):
    q: str
    reason: str
    drop_filters: bool


class SearchOut(Schema):
    items: list[PostingItem]
    page: int
    has_more: bool
    words: list[str] = Field(description="真正用来搜索的词（去掉了「急招」等没用的词）")
    suggestions: list[SuggestionItem] = Field(description="没有结果时可以试的搜索")


class SearchParams(Schema):
    """The bounds are the form's (SearchForm), so the document says what the form accepts."""

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
    sort: Sort = Field(Sort.RELEVANCE, description="relevance newest wage distance")
    near: str = Field("", description="按离这个区划（县区/乡镇代码）的距离排序")
    lng: float | None = Field(
        None, ge=73, le=136, description="按离这个位置的距离排序（GCJ-02 经度）"
    )
    lat: float | None = Field(None, ge=3, le=54, description="纬度")
    coord: str = Field("", description="lng/lat 的坐标系：gcj02（默认，国内地图）或 wgs84（GPS）")
    page: int = Field(1, ge=1, le=MAX_PAGE, description=f"页码，最多 {MAX_PAGE} 页")
    per_page: int = Field(
        PER_PAGE, ge=1, le=MAX_PER_PAGE, description=f"每页条数，最多 {MAX_PER_PAGE}"
    )


@router.get("/postings", response=SearchOut, summary="搜索岗位")
def search_postings_api(request: HttpRequest, params: Query[SearchParams]) -> dict:
    """The parameters are checked once more by the page's form, so both say the same."""
    form = SearchForm(request.GET)
    if not form.is_valid():
        raise QueryParameterError(
            {name: [form.error_texts.get(name, "参数不对")] for name in form.errors}
        )
    result = search_postings(form.to_query(default_origin=home_point(request.user)))  # type: ignore[arg-type]
    return {
        "items": [
            {
                "id": hit.posting.id,
                "title": hit.posting.title,
                "wage": hit.wage_text,
                "monthly_wage_min": hit.posting.monthly_wage_min,
                "place": hit.place,
                "distance_km": round(hit.distance_km, 1) if hit.distance_km is not None else None,
                "benefits": hit.posting.benefit_labels(),
                "benefit_codes": list(hit.posting.benefits),
                "open_to_older": hit.posting.open_to_older,
                "published_at": hit.posting.published_at,
            }
            for hit in result.hits
        ],
        "page": result.result.page,
        "has_more": result.result.has_more,
        "words": [w.word for w in result.result.words],
        "suggestions": [
            {"q": s.text, "reason": s.reason, "drop_filters": s.drop_filters}
            for s in result.result.suggestions
        ],
    }
