"""Shapes of matching's API answers and requests."""

import datetime

from ninja import Field, Schema

from chengnuan.core.amounts import AmountOut
from chengnuan.employment.models import Posting


class PostingBrief(Schema):
    """A posting as matching's lists show it (fields read along the posting's joins)."""

    id: int
    title: str
    employer_name: str = Field(alias="employer.name")
    county_code: str = Field(alias="county_id")
    county_name: str = Field(alias="county.name")
    wage_min: AmountOut
    wage_max: AmountOut
    wage_unit: str
    open_to_older: bool
    benefits: list[str] = Field(description="福利待遇（中文）")
    published_at: datetime.datetime | None

    @staticmethod
    def resolve_benefits(obj: Posting) -> list[str]:
        return obj.benefit_labels()


class MatchOut(Schema):
    posting: PostingBrief
    score: int = Field(description="匹配度，0-100")
    reasons: list[str] = Field(description="推荐理由，直接给人看")


class MyMatchesOut(Schema):
    personalised: bool = Field(description="false：本人关闭了个性化推荐，只给所在城市的最新岗位")
    matches: list[MatchOut]
    newest: list[PostingBrief]


class SettingsOut(Schema):
    personalised: bool
    wished_benefits: list[str]


class SettingsIn(Schema):
    personalised: bool = Field(description="按我的求职登记推荐岗位")
    wished_benefits: list[str] = Field(default_factory=list, description="希望有的待遇代码")


class SeekerMatchOut(Schema):
    seeker_id: int
    name_masked: str
    area_name: str
    is_older: bool
    is_poverty_alleviated: bool
    score: int
    reasons: list[str]


class PushIn(Schema):
    posting_id: int = Field(ge=1)


class PushOut(Schema):
    id: int
    seeker_id: int
    posting_id: int
    kind: str
    reasons: list[str]
    pushed_at: datetime.datetime


class ContactIn(Schema):
    method: str = Field(description="called 打电话 / visited 上门走访 / referred 推荐岗位")
    note: str = Field("", max_length=500)
    posting_id: int | None = Field(None, ge=1)


class ContactOut(Schema):
    id: int
    seeker_id: int
    method: str
    method_label: str
    note: str
    posting_id: int | None
    by: str
    at: datetime.datetime

    @staticmethod
    def resolve_method_label(obj: object) -> str:
        return obj.get_method_display()  # type: ignore[attr-defined]

    @staticmethod
    def resolve_by(obj: object) -> str:
        by = obj.by  # type: ignore[attr-defined]
        return by.get_full_name() or by.username


class FollowUpOut(Schema):
    seeker_id: int
    name: str
    phone_masked: str
    area_code: str
    is_older: bool
    is_poverty_alleviated: bool
    registered_at: datetime.datetime
    matches: list[MatchOut]
    contacts: list[ContactOut]


class FunnelOut(Schema):
    area_code: str
    area_name: str
    month: str
    pushed: int
    opened: int
    applied: int
    interviewed: int
    hired: int


class FollowUpQuery(Schema):
    days: int = Field(30, ge=0, le=3650, description="登记后超过多少天还没找到工作")


class FunnelQuery(Schema):
    level: str = Field("city", pattern="^(city|county)$", description="city 按市 / county 按县区")
    month: str = Field("", pattern=r"^(\d{4}-\d{2})?$", description="月份，如 2026-12；空：全部")


class OlderQuery(Schema):
    city: str = Field("", pattern=r"^(\d{4})?$", description="城市代码，如 2101；空：全省")
