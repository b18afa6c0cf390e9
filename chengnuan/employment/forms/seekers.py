"""求职登记 forms: the worker's own, and the station clerk's (with how the worker agreed)."""

import dataclasses
from typing import Any

from django import forms
from django.conf import settings

from chengnuan.core.forms import (
    DateInput,
    Fieldsets,
    FieldsetsMixin,
    TimeInput,
    choice_errors,
    current_value,
    number_errors,
    text_errors,
    to_input,
)
from chengnuan.employment.choices import PushChannel, PushFrequency, WageUnit
from chengnuan.employment.forms.postings import CENTS_ERRORS
from chengnuan.employment.inputs import SeekerInput
from chengnuan.employment.models import ConsentMethod, JobSeeker
from chengnuan.employment.selectors.choices import (
    COMMON_OCCUPATION_CODES,
    occupation_choices,
    occupation_search,
)
from chengnuan.employment.services.seekers import CARD_NOT_CHECKED, ID_NUMBER_FIXED
from chengnuan.regions import choices as region_choices
from chengnuan.regions.forms import region_select, setup_region_fields

CONSENT_TEXT = (
    "我同意平台保存我的姓名、身份证号、手机号、现居住地和求职意向，"
    "用于求职登记、按我的意向推送岗位、由人社部门工作人员联系我安排就业服务。"
    "身份证号和手机号加密保存，页面上只显示部分号码；用人单位看不到我的身份证号。"
    "我可以随时在“我的信息”里查看、导出或删除这些信息，也可以暂停或关闭求职登记。"
)

# The parts of the form, in the order they are shown.
FIELDSETS: Fieldsets = (
    ("基本信息", ("name", "id_number", "phone", ("hukou_province", "hukou_area_code"),
                  ("residence_city", "residence_county", "residence_code"),
                  "is_poverty_alleviated")),
    ("想找什么工作", ("wanted_occupation_codes", "wanted_area_codes", "expected_wage",
                      "expected_wage_unit", "available_from", "skills", "certificates",
                      "experience", "wants_training")),
    ("推送设置", ("push_frequency", "push_channel", "quiet_start", "quiet_end")),
)  # fmt: skip


class SeekerForm(FieldsetsMixin, forms.Form):
    """Every field of SeekerInput, named the same, plus the helper selects for the region
    and the occupation search box."""

    field_templates = {"wanted_occupation_codes": "employment/_occupations.html"}

    name = forms.CharField(label="姓名", max_length=32, error_messages=text_errors("姓名"))
    id_number = forms.CharField(
        label="身份证号",
        max_length=24,
        help_text="18位，最后一位可能是X。",
        error_messages=text_errors("身份证号"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "text"}),
    )
    phone = forms.CharField(
        label="手机号",
        max_length=20,
        error_messages=text_errors("手机号"),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    hukou_province = region_select("户籍所在省份", required=False)
    hukou_area_code = region_select("户籍地（县区）", required=False, help_text="可以不选。")
    residence_city = region_select("现在住在哪个城市", required=False)
    residence_county = region_select("县区", required=False)
    residence_code = region_select("乡镇街道", required=True)
    is_poverty_alleviated = forms.BooleanField(label="我是脱贫劳动力", required=False)

    wanted_occupation_codes = forms.MultipleChoiceField(
        label="想做的工作",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="可以多选。列表里没有的，在下面搜索框里找。",
        error_messages=choice_errors("想做的工作"),
    )
    occupation_query = forms.CharField(label="搜索其他工作", required=False, max_length=20)
    wanted_area_codes = forms.MultipleChoiceField(
        label="想去哪些城市工作",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="不选表示哪里都行。",
        error_messages=choice_errors("城市"),
    )
    expected_wage = forms.DecimalField(
        label="期望工资", required=False, min_value=0, max_value=1_000_000, max_digits=9,
        decimal_places=2, error_messages=number_errors("期望工资") | CENTS_ERRORS,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.01"}),
    )  # fmt: skip
    expected_wage_unit = forms.ChoiceField(
        label="工资单位", choices=WageUnit.choices, initial=WageUnit.MONTH,
        error_messages=choice_errors("工资单位"),
    )  # fmt: skip
    available_from = forms.DateField(
        label="最早哪天能上岗",
        required=False,
        widget=DateInput(),
        error_messages={"invalid": "日期格式不对，请按 2025-03-01 这样填写。"},
    )
    skills = forms.CharField(
        label="会什么手艺", required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2}),
        error_messages=text_errors("手艺"),
    )  # fmt: skip
    certificates = forms.CharField(
        label="有什么证书", required=False, max_length=500,
        help_text="比如：电工证、叉车证、健康证。", widget=forms.Textarea(attrs={"rows": 2}),
        error_messages=text_errors("证书"),
    )  # fmt: skip
    experience = forms.CharField(
        label="以前做过什么工作", required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}), error_messages=text_errors("工作经历"),
    )  # fmt: skip
    wants_training = forms.BooleanField(label="我想参加免费技能培训", required=False)

    push_frequency = forms.ChoiceField(
        label="多久给我推送一次合适的岗位", choices=PushFrequency.choices,
        initial=PushFrequency.WEEKLY, widget=forms.RadioSelect,
        error_messages=choice_errors("推送频率"),
    )  # fmt: skip
    push_channel = forms.ChoiceField(
        label="用什么方式推送", choices=PushChannel.choices, initial=PushChannel.SITE,
        widget=forms.RadioSelect, error_messages=choice_errors("推送方式"),
    )  # fmt: skip
    quiet_start = forms.TimeField(
        label="免打扰开始时间", required=False, widget=TimeInput(),
        help_text="这段时间内不发短信，比如 21:00 到 07:00。不填表示不限。",
        error_messages={"invalid": "时间格式不对，请按 21:00 这样填写。"},
    )  # fmt: skip
    quiet_end = forms.TimeField(
        label="免打扰结束时间", required=False, widget=TimeInput(),
        error_messages={"invalid": "时间格式不对，请按 07:00 这样填写。"},
    )  # fmt: skip

    fieldsets: Fieldsets = FIELDSETS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        setup_region_fields(
            self, city="residence_city", county="residence_county", township="residence_code"
        )
        self._setup_hukou()
        self._setup_wanted_areas()
        self._setup_occupations()

    def _setup_hukou(self) -> None:
        """户籍地 may be in any province: choose the province, then its county. A city-level
        户籍地 (from a station or an import) stays selectable."""
        chosen = current_value(self, "hukou_area_code")
        province = current_value(self, "hukou_province") or chosen[:2]
        if not self.is_bound:
            province = province or settings.PROVINCE_CODE
            self.initial.setdefault("hukou_province", province)
        province_field = self.fields["hukou_province"]
        county_field = self.fields["hukou_area_code"]
        assert isinstance(province_field, forms.ChoiceField)
        assert isinstance(county_field, forms.ChoiceField)
        province_field.choices = [("", "请选择省份"), *region_choices.province_choices()]
        counties = list(region_choices.county_choices(province_code=province)) if province else []
        if chosen and len(chosen) != 6:
            counties = region_choices.division_choices([chosen]) + counties
        county_field.choices = [("", "不选" if counties else "请先选省份"), *counties]

    def _setup_wanted_areas(self) -> None:
        """The cities, plus any county or township already chosen (from a station or import)."""
        field = self.fields["wanted_area_codes"]
        assert isinstance(field, forms.MultipleChoiceField)
        cities = region_choices.city_choices()
        known = {code for code, _ in cities}
        extra = [code for code in self._ticked("wanted_area_codes") if code not in known]
        field.choices = cities + region_choices.division_choices(extra)

    def _ticked(self, name: str) -> list[str]:
        if self.is_bound:
            return list(self.data.getlist(self.add_prefix(name)))  # type: ignore[attr-defined]
        return [str(code) for code in self.initial.get(name) or []]

    def _setup_occupations(self) -> None:
        """The short list, plus whatever is already ticked, plus what the search box finds."""
        field = self.fields["wanted_occupation_codes"]
        assert isinstance(field, forms.MultipleChoiceField)
        ticked = self._ticked("wanted_occupation_codes")
        self.occupation_results = occupation_search(current_value(self, "occupation_query"))
        codes = list(COMMON_OCCUPATION_CODES)
        codes += [code for code in ticked if code not in codes]
        choices = occupation_choices(codes)
        known = {code for code, _ in choices}
        field.choices = choices + [item for item in self.occupation_results if item[0] not in known]

    def to_input(self) -> SeekerInput:
        return to_input(SeekerInput, self.cleaned_data)


class OwnRegistrationEditForm(SeekerForm):
    """The worker's own edit. The 身份证号 is shown masked and cannot be changed here: it is
    who the registration is, so a wrong one is corrected at a station against the ID card."""

    def __init__(self, *args: Any, seeker: JobSeeker, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._id_number = seeker.id_number
        field = self.fields["id_number"]
        field.disabled = True
        field.required = False
        field.initial = seeker.id_number_masked
        field.help_text = ID_NUMBER_FIXED
        self.initial["id_number"] = seeker.id_number_masked

    def to_input(self) -> SeekerInput:
        return dataclasses.replace(super().to_input(), id_number=self._id_number)


class SelfRegistrationForm(SeekerForm):
    """What a worker fills in on their phone; they tick the consent box themselves."""

    consent = forms.BooleanField(
        label="我已阅读并同意",
        help_text=CONSENT_TEXT,
        error_messages={"required": "需要您勾选同意，我们才能保存求职登记。"},
    )

    fieldsets = (*FIELDSETS, ("同意保存信息", ("consent",)))


class StationRegistrationForm(SeekerForm):
    """What a clerk fills in for a worker at the station: how the worker agreed is recorded."""

    consent_method = forms.ChoiceField(
        label="本人如何同意",
        choices=[
            (ConsentMethod.SIGNED, ConsentMethod.SIGNED.label),
            (ConsentMethod.VERBAL, ConsentMethod.VERBAL.label),
        ],
        widget=forms.RadioSelect,
        error_messages=choice_errors("本人同意的方式"),
    )
    consent = forms.BooleanField(
        label="已向本人读过下面这段话，本人同意",
        help_text=CONSENT_TEXT,
        error_messages={"required": "请先向本人说明并取得同意，再勾选这一项。"},
    )

    fieldsets = (*FIELDSETS, ("本人同意", ("consent_method", "consent")))


class IdNumberCorrectionForm(FieldsetsMixin, forms.Form):
    """A clerk corrects a registration's 身份证号, with the person's ID card in hand."""

    fieldsets: Fieldsets = (("核对身份证", ("id_number", "card_checked")),)

    id_number = forms.CharField(
        label="正确的身份证号",
        max_length=24,
        help_text="按本人身份证原件填写18位号码。",
        error_messages=text_errors("身份证号"),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    card_checked = forms.BooleanField(
        label="我已当面核对本人的身份证原件",
        error_messages={"required": CARD_NOT_CHECKED},
    )
