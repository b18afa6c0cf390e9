"""Forms of matching's pages: a worker's settings, a clerk's push by hand and contact
record, the follow-up list's filter and the effectiveness filter."""

import datetime

from django import forms

from chengnuan.employment.choices import Benefit
from chengnuan.matching.choices import ContactMethod
from chengnuan.matching.selectors.effectiveness import LEVELS, parse_month
from chengnuan.matching.selectors.followup import DEFAULT_DAYS, MAX_DAYS


class MatchSettingsForm(forms.Form):
    personalised = forms.BooleanField(
        label="按我的求职登记给我推荐岗位",
        required=False,
        help_text="关掉后，我们不再根据您的求职登记挑岗位，只把您所在城市最新发布的岗位发给您。",
    )
    wished_benefits = forms.MultipleChoiceField(
        label="希望有的待遇",
        choices=Benefit.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="选了的待遇，推荐时优先考虑。",
    )


class PushByHandForm(forms.Form):
    posting_id = forms.IntegerField(
        label="岗位编号",
        min_value=1,
        help_text="从下面的推荐里选，或填岗位页面地址里的编号。",
        error_messages={"required": "请填要推送的岗位编号。", "invalid": "岗位编号是数字。"},
    )


class ContactForm(forms.Form):
    method = forms.ChoiceField(label="联系方式", choices=ContactMethod.choices)
    note = forms.CharField(
        label="情况记录", required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
    # Not "posting_id": the push form on the same page has that field (and its HTML id).
    referred_posting_id = forms.IntegerField(
        label="推荐的岗位编号", required=False, min_value=1, help_text="推荐岗位时填写。"
    )


class FollowUpFilterForm(forms.Form):
    days = forms.IntegerField(
        label="登记后超过多少天还没找到工作",
        min_value=0,
        max_value=MAX_DAYS,
        initial=DEFAULT_DAYS,
        required=False,
        error_messages={"invalid": "天数请填数字。"},
    )

    def chosen_days(self) -> int:
        if self.is_valid() and self.cleaned_data["days"] is not None:
            return int(self.cleaned_data["days"])
        return DEFAULT_DAYS


class EffectivenessFilterForm(forms.Form):
    level = forms.ChoiceField(
        label="按哪级地区统计",
        choices=[("city", "按市"), ("county", "按县区")],
        required=False,
    )
    month = forms.CharField(
        label="月份",
        required=False,
        help_text="例如 2026-12；不填就是全部月份。",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "2026-12"}),
    )

    def clean_month(self) -> datetime.date | None:
        text = self.cleaned_data["month"].strip()
        if not text:
            return None
        try:
            return parse_month(text)
        except ValueError:
            raise forms.ValidationError("月份请写成 2026-12 这样。") from None

    def chosen(self) -> tuple[str, datetime.date | None]:
        if not self.is_valid():
            return "city", None
        level = self.cleaned_data["level"] or "city"
        return (level if level in LEVELS else "city"), self.cleaned_data["month"]
