"""Forms for employers and their postings. Field names are those of EmployerInput and
PostingInput, so a service's error lands next to the field it is about."""

import datetime
from typing import Any

from django import forms
from django.utils import timezone

from chengnuan.core.forms import (
    DateInput,
    FieldsetsMixin,
    choice_errors,
    number_errors,
    text_errors,
    to_input,
)
from chengnuan.employment.choices import (
    WAGE_MONTHS_RANGE,
    Benefit,
    ContractType,
    Education,
    Shift,
    WageUnit,
)
from chengnuan.employment.inputs import EmployerInput, PostingInput
from chengnuan.employment.models import Employer
from chengnuan.employment.selectors.choices import (
    COMMON_OCCUPATION_CODES,
    industry_choices,
    occupation_choices,
)
from chengnuan.regions.forms import region_select, setup_region_fields

DEFAULT_VALID_DAYS = 30


def _industry_field() -> forms.ChoiceField:
    return forms.ChoiceField(label="所属行业", required=False, error_messages=choice_errors("行业"))


def _set_industry_choices(form: forms.Form) -> None:
    field = form.fields["industry_code"]
    assert isinstance(field, forms.ChoiceField)
    field.choices = [("", "不选"), *industry_choices()]


CENTS_ERRORS = {
    "max_decimal_places": "工资最多写到分（小数点后两位）。",
    "max_digits": "工资太大了，请核对。",
    "max_whole_digits": "工资太大了，请核对。",
}


class EmployerForm(FieldsetsMixin, forms.Form):
    uscc = forms.CharField(
        label="统一社会信用代码", max_length=24, help_text="营业执照上的18位代码。",
        error_messages=text_errors("统一社会信用代码"),
    )  # fmt: skip
    name = forms.CharField(label="单位名称", max_length=128, error_messages=text_errors("单位名称"))
    industry_code = _industry_field()
    employer_city = region_select("所在城市", required=False)
    county_code = region_select("所在县区", required=True)
    address = forms.CharField(
        label="详细地址", max_length=200, required=False, error_messages=text_errors("详细地址")
    )
    contact_name = forms.CharField(
        label="联系人", max_length=32, error_messages=text_errors("联系人")
    )
    contact_phone = forms.CharField(
        label="联系电话", max_length=20, error_messages=text_errors("联系电话"),
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )  # fmt: skip

    fieldsets = (
        (
            "单位信息",
            ("uscc", "name", "industry_code", ("employer_city", "county_code"), "address"),
        ),
        ("联系人", ("contact_name", "contact_phone")),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        setup_region_fields(self, city="employer_city", county="county_code")
        _set_industry_choices(self)

    def to_input(self) -> EmployerInput:
        return to_input(EmployerInput, self.cleaned_data)


def _optional_int(
    label: str, *, min_value: int, max_value: int, help_text: str = ""
) -> forms.IntegerField:
    return forms.IntegerField(
        label=label, required=False, min_value=min_value, max_value=max_value, help_text=help_text,
        error_messages=number_errors(label), widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )  # fmt: skip


POSTING_FIELDSETS = (
    ("岗位", ("title", "occupation_code", "industry_code", "headcount", "contract_type", "shift",
              "description")),
    ("工资待遇", ("wage_min", "wage_max", "wage_unit", "wage_months", "benefits")),
    ("工作地点", (("posting_city", "county_code", "township_code"), "address", "lng", "lat")),
    ("招聘要求", ("age_min", "age_max", "education")),
    ("联系方式和有效期", ("contact_name", "contact_phone", "valid_until")),
)  # fmt: skip


class PostingForm(FieldsetsMixin, forms.Form):
    title = forms.CharField(
        label="岗位名称", max_length=60, help_text="写清楚做什么，比如：电焊工、食堂帮厨。",
        error_messages=text_errors("岗位名称"),
    )  # fmt: skip
    occupation_code = forms.ChoiceField(
        label="职业类别", required=False, help_text="不选的话，系统按岗位名称自动归类。",
        error_messages=choice_errors("职业类别"),
    )  # fmt: skip
    industry_code = _industry_field()
    headcount = forms.IntegerField(
        label="招几个人", min_value=1, max_value=10_000, initial=1,
        error_messages=number_errors("招聘人数"), widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )  # fmt: skip
    contract_type = forms.ChoiceField(
        label="用工形式", choices=ContractType.choices, initial=ContractType.FULL_TIME,
        error_messages=choice_errors("用工形式"),
    )  # fmt: skip
    shift = forms.ChoiceField(
        label="班次", required=False, choices=[("", "不写"), *Shift.choices],
        error_messages=choice_errors("班次"),
    )  # fmt: skip
    description = forms.CharField(
        label="岗位说明", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 5}),
        help_text="干什么活、在哪干、几点上下班、怎么发工资。不能写性别、民族、户籍、婚育等限制。",
        error_messages=text_errors("岗位说明"),
    )  # fmt: skip
    # Decimal: a piece rate is often 0.5 元/件; fen are the smallest unit.
    wage_min = forms.DecimalField(
        label="最低工资", min_value=0, max_value=1_000_000, max_digits=9, decimal_places=2,
        error_messages=number_errors("最低工资") | CENTS_ERRORS,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.01"}),
    )  # fmt: skip
    wage_max = forms.DecimalField(
        label="最高工资", min_value=0, max_value=1_000_000, max_digits=9, decimal_places=2,
        error_messages=number_errors("最高工资") | CENTS_ERRORS,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.01"}),
    )  # fmt: skip
    wage_unit = forms.ChoiceField(
        label="工资单位", choices=WageUnit.choices, initial=WageUnit.MONTH,
        error_messages=choice_errors("工资单位"),
    )  # fmt: skip
    wage_months = forms.IntegerField(
        label="每年发几个月工资", required=False, min_value=WAGE_MONTHS_RANGE[0],
        max_value=WAGE_MONTHS_RANGE[1], help_text="比如“13薪”就填13；不清楚就空着。",
        error_messages=number_errors("每年发几个月工资"),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )  # fmt: skip
    benefits = forms.MultipleChoiceField(
        label="福利待遇", required=False, choices=Benefit.choices,
        widget=forms.CheckboxSelectMultiple, error_messages=choice_errors("福利待遇"),
    )  # fmt: skip
    posting_city = region_select("工作城市", required=False)
    county_code = region_select("县区", required=True)
    township_code = region_select("乡镇街道", required=False)
    address = forms.CharField(
        label="详细地址", required=False, max_length=200, error_messages=text_errors("详细地址")
    )
    lng = forms.FloatField(
        label="经度（可不填）", required=False, min_value=-180, max_value=180,
        help_text="从国内地图上取的坐标，不知道就不填。", error_messages=number_errors("经度"),
    )  # fmt: skip
    lat = forms.FloatField(
        label="纬度（可不填）", required=False, min_value=-90, max_value=90,
        error_messages=number_errors("纬度"),
    )  # fmt: skip
    age_min = _optional_int("最小年龄", min_value=16, max_value=100)
    age_max = _optional_int(
        "最大年龄", min_value=16, max_value=100,
        help_text="不写表示不限。不限或写50岁及以上的岗位会标上“欢迎大龄”，年纪大的师傅更容易找到。",
    )  # fmt: skip
    education = forms.ChoiceField(
        label="学历要求", choices=Education.choices, initial=Education.NONE,
        error_messages=choice_errors("学历要求"),
    )  # fmt: skip
    contact_name = forms.CharField(
        label="联系人", max_length=32, error_messages=text_errors("联系人")
    )
    contact_phone = forms.CharField(
        label="联系电话", max_length=20, error_messages=text_errors("联系电话"),
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )  # fmt: skip
    valid_until = forms.DateField(
        label="招到哪天为止", widget=DateInput(),
        error_messages={"required": "请填写有效期。", "invalid": "日期格式不对，请按 2025-03-01 这样填写。"},
    )  # fmt: skip

    fieldsets = POSTING_FIELDSETS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["valid_until"].initial = timezone.localdate() + datetime.timedelta(
            days=DEFAULT_VALID_DAYS
        )
        setup_region_fields(
            self, city="posting_city", county="county_code", township="township_code"
        )
        _set_industry_choices(self)
        occupation = self.fields["occupation_code"]
        assert isinstance(occupation, forms.ChoiceField)
        codes = list(COMMON_OCCUPATION_CODES)
        chosen = (
            self.data.get("occupation_code")
            if self.is_bound
            else self.initial.get("occupation_code")
        )
        if chosen and chosen not in codes:
            codes.append(chosen)
        occupation.choices = [("", "不选，自动归类"), *occupation_choices(codes)]

    def to_input(self) -> PostingInput:
        return to_input(PostingInput, self.cleaned_data)


def posting_contact_initial(employer: Employer) -> dict[str, Any]:
    """A new posting starts with the employer's contact, which most postings keep."""
    return {"contact_name": employer.contact_name, "contact_phone": employer.contact_phone}
