"""The job search's GET parameters, shared by the page and the API. A bad value is reported in
plain words and left out; the rest of the search still runs."""

import re
from typing import Any

from django import forms

from chengnuan.employment.choices import Benefit, ContractType
from chengnuan.employment.search import posting_filter_tags
from chengnuan.regions.geo import to_gcj02
from chengnuan.regions.models import CoordSystem, Division
from chengnuan.search.query import MAX_QUERY_CHARS, MAX_RESULTS, Filters, Query, Sort

PER_PAGE = 20
MAX_PER_PAGE = 50
MAX_PAGE = MAX_RESULTS // PER_PAGE
WAGE_CHOICES = [
    (3000, "3000元以上"),
    (4000, "4000元以上"),
    (5000, "5000元以上"),
    (6000, "6000元以上"),
    (8000, "8000元以上"),
]
DAYS_CHOICES = [(1, "今天"), (3, "3天内"), (7, "一周内"), (30, "一个月内")]
OCCUPATION_GROUPS = [
    ("6", "生产制造"),
    ("4", "生活服务"),
    ("5", "农林牧渔"),
    ("3", "办事人员"),
    ("2", "专业技术"),
]
_ADCODE = re.compile(r"\d{2}|\d{4}|\d{6}|\d{9}")
_OCCUPATION = re.compile(r"\d(-\d{2}){0,3}")


class SearchForm(forms.Form):
    q = forms.CharField(label="找什么工作", required=False, max_length=MAX_QUERY_CHARS, strip=True)
    area = forms.CharField(label="地区", required=False)
    occupation = forms.CharField(label="工种", required=False)
    min_wage = forms.IntegerField(
        label="月工资不低于", required=False, min_value=0, max_value=1_000_000
    )
    benefits = forms.MultipleChoiceField(label="待遇", required=False, choices=Benefit.choices)
    older = forms.BooleanField(label="欢迎大龄", required=False)
    contract = forms.ChoiceField(
        label="用工形式", required=False, choices=[("", "不限"), *ContractType.choices]
    )
    days = forms.IntegerField(label="发布时间", required=False, min_value=1, max_value=365)
    sort = forms.ChoiceField(label="排序", required=False, choices=Sort.choices)
    near = forms.CharField(label="离哪里近", required=False)
    lng = forms.FloatField(required=False, min_value=73, max_value=136)
    lat = forms.FloatField(required=False, min_value=3, max_value=54)
    coord = forms.ChoiceField(required=False, choices=[("", "GCJ-02"), *CoordSystem.choices])
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)
    per_page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PER_PAGE)

    error_texts = {
        "q": "搜索的字太多了，请少于50个字。",
        "area": "地区代码不对，请从列表里选。",
        "occupation": "工种代码不对，请从列表里选。",
        "min_wage": "工资要填整数，比如 4000。",
        "benefits": "待遇选项不对，请从列表里选。",
        "contract": "用工形式不对，请从列表里选。",
        "days": "发布时间要填 1 到 365 之间的天数。",
        "sort": "排序方式不对，请从列表里选。",
        "near": "地点不对，请从列表里选。",
        "lng": "位置不对，请重新定位。",
        "lat": "位置不对，请重新定位。",
        "coord": "坐标系不对：只认 gcj02 或 wgs84。",
        "page": f"页码不对：最多翻到第 {MAX_PAGE} 页。",
        "per_page": f"每页最多 {MAX_PER_PAGE} 条。",
    }

    def clean_area(self) -> str:
        return self._code("area", _ADCODE)

    def clean_occupation(self) -> str:
        return self._code("occupation", _OCCUPATION)

    def clean_near(self) -> str:
        code = self._code("near", _ADCODE)
        if code and not Division.objects.filter(code=code, lng__isnull=False).exists():
            raise forms.ValidationError(self.error_texts["near"])
        return code

    def _code(self, name: str, pattern: re.Pattern) -> str:
        value = (self.cleaned_data.get(name) or "").strip()
        if value and not pattern.fullmatch(value):
            raise forms.ValidationError(self.error_texts[name])
        return value

    def messages(self) -> list[str]:
        """One plain sentence per bad parameter."""
        return [self.error_texts.get(name, "有一项条件不对，已经忽略。") for name in self.errors]

    def value(self, name: str) -> Any:
        """The cleaned value, or nothing when it was bad (the search runs without it)."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return self.cleaned_data.get(name)

    def to_query(self, default_origin: tuple[float, float] | None = None) -> Query:
        self.is_valid()
        filters = Filters(
            area=self.value("area") or "",
            min_wage=self.value("min_wage"),
            days=self.value("days"),
            tags=posting_filter_tags(
                occupation=self.value("occupation") or "",
                benefits=tuple(self.value("benefits") or ()),
                older=bool(self.value("older")),
                contract=self.value("contract") or "",
            ),
        )
        return Query(
            text=self.value("q") or "",
            filters=filters,
            sort=self.value("sort") or Sort.RELEVANCE,
            origin=self.origin() or default_origin,
            page=self.value("page") or 1,
            per_page=self.value("per_page") or PER_PAGE,
        )

    def origin(self) -> tuple[float, float] | None:
        lng, lat = self.value("lng"), self.value("lat")
        if lng is not None and lat is not None:
            return to_gcj02(lng, lat, self.value("coord") or CoordSystem.GCJ02)
        near = self.value("near")
        if near:
            division = Division.objects.filter(code=near).values_list("lng", "lat").first()
            if division and division[0] is not None and division[1] is not None:
                return (division[0], division[1])
        return None
