"""The staff's fair form and the small forms of the back office. Field names are those of
FairInput where they match, so a service's error lands next to its field."""

import datetime
from typing import Any

from django import forms
from django.utils import timezone

from chengnuan.core.forms import (
    DateInput,
    FieldsetsMixin,
    TimeInput,
    choice_errors,
    current_value,
    text_errors,
)
from chengnuan.events.choices import FairKind
from chengnuan.events.inputs import FairInput
from chengnuan.events.models import JobFair
from chengnuan.regions.choices import county_choices
from chengnuan.regions.forms import region_select, setup_region_fields
from chengnuan.regions.models import CoordSystem

DEFAULT_START = datetime.time(9, 0)
DEFAULT_END = datetime.time(16, 0)


def _date(label: str) -> forms.DateField:
    return forms.DateField(
        label=label, widget=DateInput(),
        error_messages={"required": f"请填写{label}。", "invalid": f"{label}请按 2026-12-09 的样子填。"},
    )  # fmt: skip


def _time(label: str, help_text: str) -> forms.TimeField:
    return forms.TimeField(
        label=label, required=False, widget=TimeInput(), help_text=help_text,
        error_messages={"invalid": f"{label}请按 09:00 的样子填。"},
    )  # fmt: skip


def _coordinate(label: str) -> forms.FloatField:
    return forms.FloatField(
        label=label, required=False,
        error_messages={"invalid": f"{label}请只填数字，比如 123.40。"},
    )  # fmt: skip


def beijing_datetime(
    day: datetime.date, at: datetime.time | None, default: datetime.time
) -> datetime.datetime:
    """A date and clock time typed in Beijing time, as an aware datetime."""
    return timezone.make_aware(datetime.datetime.combine(day, at or default))


class FairForm(FieldsetsMixin, forms.Form):
    title = forms.CharField(
        label="招聘会名称", max_length=80, help_text="比如：铁西区2026年冬季农民工专场招聘会。",
        error_messages=text_errors("招聘会名称"),
    )  # fmt: skip
    kind = forms.ChoiceField(
        label="形式", choices=FairKind.choices, initial=FairKind.OFFLINE,
        widget=forms.RadioSelect, error_messages=choice_errors("形式"),
    )  # fmt: skip
    organiser_name = forms.CharField(
        label="主办单位", max_length=80, required=False, help_text="不填就写您所在的部门。",
        error_messages=text_errors("主办单位"),
    )  # fmt: skip
    description = forms.CharField(
        label="介绍", max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=text_errors("介绍"),
    )  # fmt: skip
    fair_city = region_select("城市", required=True)
    area_county = region_select("县区", required=False, help_text="全市范围的招聘会不用选县区。")
    township_code = region_select("乡镇街道", required=False)
    venue = forms.CharField(
        label="会场名称", max_length=80, required=False, help_text="现场招聘会填写，如：铁西区人力资源市场。",
        error_messages=text_errors("会场名称"),
    )  # fmt: skip
    address = forms.CharField(
        label="详细地址", max_length=200, required=False, help_text="现场招聘会必填。",
        error_messages=text_errors("详细地址"),
    )  # fmt: skip
    lng = _coordinate("经度")
    lat = _coordinate("纬度")
    coord_system = forms.ChoiceField(
        label="坐标来自", choices=CoordSystem.choices, initial=CoordSystem.GCJ02,
        help_text="高德、腾讯地图取的点是 GCJ-02；手机 GPS 是 WGS-84。",
        error_messages=choice_errors("坐标系"),
    )  # fmt: skip
    start_date = _date("开始日期")
    start_time = _time("开始时间", "不填就是上午 9:00。")
    end_date = _date("结束日期")
    end_time = _time("结束时间", "不填就是下午 4:00。网络招聘会一般填最后一天。")

    fieldsets = (
        ("招聘会", ("title", "kind", "organiser_name", "description")),
        ("时间（北京时间）", ("start_date", "start_time", "end_date", "end_time")),
        ("地点", (("fair_city", "area_county", "township_code"), "venue", "address")),
        ("地图位置（可不填）", ("lng", "lat", "coord_system")),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        setup_region_fields(self, city="fair_city", county="area_county", township="township_code")
        # No county is a city-wide fair, not a missing answer.
        county = self.fields["area_county"]
        assert isinstance(county, forms.ChoiceField)
        county.choices = [("", "全市范围"), *county_choices(current_value(self, "fair_city"))]

    def to_input(self) -> FairInput:
        data = self.cleaned_data
        return FairInput(
            title=data["title"],
            kind=data["kind"],
            area_code=data["area_county"] or data["fair_city"],
            starts_at=beijing_datetime(data["start_date"], data["start_time"], DEFAULT_START),
            ends_at=beijing_datetime(data["end_date"], data["end_time"], DEFAULT_END),
            organiser_name=data["organiser_name"],
            description=data["description"],
            venue=data["venue"],
            address=data["address"],
            township_code=data["township_code"] or None,
            lng=data["lng"],
            lat=data["lat"],
            coord_system=data["coord_system"],
        )


def fair_initial(fair: JobFair) -> dict[str, Any]:
    starts, ends = timezone.localtime(fair.starts_at), timezone.localtime(fair.ends_at)
    area = fair.area_id
    return {
        "title": fair.title,
        "kind": fair.kind,
        "organiser_name": fair.organiser_name,
        "description": fair.description,
        "fair_city": area[:4],
        "area_county": area if len(area) >= 6 else "",
        "township_code": fair.township_id or "",
        "venue": fair.venue,
        "address": fair.address,
        "lng": fair.lng,
        "lat": fair.lat,
        "coord_system": fair.coord_system,
        "start_date": starts.date(),
        "start_time": starts.time(),
        "end_date": ends.date(),
        "end_time": ends.time(),
    }


class CancelForm(forms.Form):
    reason = forms.CharField(
        label="取消原因（报名的人和单位会收到）", max_length=200,
        widget=forms.Textarea(attrs={"rows": 3}), error_messages=text_errors("取消原因"),
    )  # fmt: skip


class BoothDecisionForm(forms.Form):
    """Approve or refuse a booth, with a note the employer reads (required to refuse, which
    the service checks)."""

    decision = forms.ChoiceField(
        label="审核结果", choices=[("approve", "通过"), ("refuse", "不通过")],
        widget=forms.RadioSelect, error_messages=choice_errors("审核结果"),
    )  # fmt: skip
    note = forms.CharField(
        label="意见（不通过时必填，单位会看到）", required=False, max_length=200,
        widget=forms.Textarea(attrs={"rows": 3}), error_messages=text_errors("意见"),
    )  # fmt: skip

    @property
    def approve(self) -> bool:
        return self.cleaned_data["decision"] == "approve"


class FairFinder(forms.Form):
    """The public list's place filter: one select of cities and their counties, so it works
    without JavaScript."""

    area = forms.ChoiceField(label="在哪里", required=False, error_messages=choice_errors("地区"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        groups = [
            (city, [(counties[0][0][:4], f"{city}全部"), *counties])
            for city, counties in county_choices()
            if counties
        ]
        field = self.fields["area"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "全省"), *groups]

    def chosen(self) -> str:
        return self.cleaned_data.get("area") or "" if self.is_valid() else ""
