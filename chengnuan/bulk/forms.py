"""Forms of the bulk pages. The survey forms are the paper forms on screen: their fields are
named like the survey sheet's columns and their values go through the very row readers the
sheet import uses (handlers.surveys.read_*_row), so a survey typed in and a survey imported
obey the same rules and accept the same spellings (「4000-6000」, 「面议」, 「铁西区」)."""

import datetime
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from chengnuan.bulk import conf
from chengnuan.bulk.choices import Difficulty, ImportKind, ImportMode, WorkStatus
from chengnuan.core.forms import DateInput, Fieldsets, FieldsetsMixin, text_errors
from chengnuan.core.timeutil import today
from chengnuan.employment.choices import Education, WageUnit
from chengnuan.regions.forms import region_select, setup_region_fields


def _text(
    label: str, *, required: bool = False, help_text: str = "", max_length: int = 200
) -> forms.CharField:
    return forms.CharField(
        label=label, required=required, help_text=help_text, max_length=max_length,
        error_messages=text_errors(label),
    )  # fmt: skip


def _labels(choices: Any, blank: str = "") -> list[tuple[str, str]]:
    """Choices whose values are the labels: the row readers read labels, as in a sheet."""
    return ([("", blank)] if blank else []) + [
        (str(label), str(label)) for _, label in choices.choices
    ]


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label="导入什么", choices=ImportKind.choices, widget=forms.RadioSelect,
        error_messages={"required": "请选择导入什么。", "invalid_choice": "请重新选择导入什么。"},
    )  # fmt: skip
    mode = forms.ChoiceField(
        label="有错误的行怎么办", choices=ImportMode.choices, initial=ImportMode.ALL_OR_NOTHING,
        widget=forms.RadioSelect, error_messages={"required": "请选择导入方式。"},
    )  # fmt: skip
    file = forms.FileField(
        label="选择填好的表格",
        help_text="Excel表格（.xlsx）或CSV文件。请用本页下载的模板填写。",
        error_messages={
            "required": "请选择要上传的表格文件。",
            "empty": "文件是空的，请检查后重新上传。",
        },
    )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        if upload.size and upload.size > conf.max_upload_bytes():
            limit = conf.max_upload_bytes() // (1024 * 1024)
            raise forms.ValidationError(
                f"文件太大了（超过{limit}MB）。请分成几个小一点的表格分别上传。"
            )
        return upload


class DemandSurveyForm(FieldsetsMixin, forms.Form):
    employer_name = _text("单位名称", required=True, max_length=128)
    employer_uscc = _text(
        "统一社会信用代码", help_text="知道就填；转成招聘岗位时需要。", max_length=24
    )
    city = region_select("城市", required=False)
    county = region_select("单位所在县区", required=True)
    industry = _text("所属行业", help_text="国民经济行业名称，可以不填。", max_length=128)
    contact_name = _text("联系人", required=True, max_length=32)
    contact_phone = _text("联系电话", required=True, max_length=20)
    surveyed_on = forms.DateField(
        label="调查日期", widget=DateInput(), initial=today,
        error_messages={"required": "请填写调查日期。", "invalid": "日期格式不对，请按 2026-12-01 这样填写。"},
    )  # fmt: skip
    note = forms.CharField(
        label="备注", required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )

    fieldsets: Fieldsets = (
        ("单位", ("employer_name", "employer_uscc", ("city", "county"), "industry", "contact_name",
                  "contact_phone", "surveyed_on", "note")),
    )  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        setup_region_fields(self, city="city", county="county")


class PositionForm(forms.Form):
    title = _text("岗位名称", max_length=60)
    occupation = _text("职业（工种）", help_text="职业分类大典里的名称，可以不填。", max_length=128)
    headcount = _text("需求人数", max_length=10)
    wage = _text("工资", help_text="如 4000-6000、200元/天；没说就写「面议」。", max_length=40)
    wage_unit = forms.ChoiceField(
        label="工资单位", required=False, choices=_labels(WageUnit, "按工资里写的")
    )
    skills = _text("技能要求", max_length=500)
    education = forms.ChoiceField(label="学历要求", required=False, choices=_labels(Education))
    needed_by = forms.DateField(
        label="需要到岗时间", required=False, widget=DateInput(),
        error_messages={"invalid": "日期格式不对，请按 2026-12-01 这样填写。"},
    )  # fmt: skip

    def is_blank(self) -> bool:
        return not self.is_bound or not (self.data.get(self.add_prefix("title")) or "").strip()


PositionFormSet = forms.formset_factory(PositionForm, extra=5, max_num=50)


class ConvertDemandForm(forms.Form):
    valid_until = forms.DateField(
        label="岗位招聘到哪天为止", widget=DateInput(),
        initial=lambda: today() + datetime.timedelta(days=30),
        error_messages={"required": "请填写招聘截止日期。", "invalid": "日期格式不对，请按 2026-12-01 这样填写。"},
    )  # fmt: skip
    uscc = _text("统一社会信用代码", help_text="调查表上没有的，请看营业执照填上。", max_length=24)


class EmploymentSurveyForm(FieldsetsMixin, forms.Form):
    name = _text("姓名", required=True, max_length=32)
    id_number = _text("身份证号", required=True, max_length=24)
    phone = _text("手机号", required=True, max_length=20)
    gender = forms.ChoiceField(
        label="性别", required=False, choices=[("", "按身份证号"), ("男", "男"), ("女", "女")]
    )
    city = region_select("城市", required=False)
    county = region_select("现居住县区", required=False)
    township = region_select("现居住乡镇街道", required=True)
    work_status = forms.ChoiceField(label="目前就业状态", choices=_labels(WorkStatus, "请选择"))
    wants_work = forms.ChoiceField(
        label="是否想找工作", choices=[("是", "想找工作"), ("否", "暂时不想")], widget=forms.RadioSelect,
        error_messages={"required": "请选择是否想找工作。"},
    )  # fmt: skip
    wanted_work = _text("想做的工作", help_text="几个用顿号隔开，如：保洁、保安。")
    wanted_area = _text("想去哪里工作", help_text="县区名，几个用顿号隔开。")
    expected_wage = _text("期望月工资", max_length=20)
    wants_training = forms.BooleanField(label="想参加技能培训", required=False)
    training_wanted = _text("想学什么技能")
    difficulties = forms.MultipleChoiceField(
        label="就业困难",
        required=False,
        choices=_labels(Difficulty),
        widget=forms.CheckboxSelectMultiple,
    )
    surveyed_on = forms.DateField(
        label="调查日期", widget=DateInput(), initial=today,
        error_messages={"required": "请填写调查日期。", "invalid": "日期格式不对，请按 2026-12-01 这样填写。"},
    )  # fmt: skip
    consent = forms.BooleanField(
        label="本人已在调查表上签字，同意保存这些信息",
        error_messages={"required": "本人没有同意的，不能保存。请先请本人签字同意。"},
    )
    note = forms.CharField(
        label="备注", required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )

    fieldsets: Fieldsets = (
        ("本人信息", ("name", "id_number", "phone", "gender", ("city", "county", "township"))),
        ("就业情况", ("work_status", "wants_work", "wanted_work", "wanted_area", "expected_wage",
                      "wants_training", "training_wanted", "difficulties")),
        ("调查", ("surveyed_on", "note", "consent")),
    )  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        setup_region_fields(self, city="city", county="county", township="township")

    def sheet_values(self) -> dict[str, Any]:
        """The cleaned values as cells of the survey sheet."""
        data = dict(self.cleaned_data)
        data["county"] = (data.get("township") or "")[:6]
        data["wants_training"] = "是" if data.get("wants_training") else "否"
        data["consent"] = "是" if data.get("consent") else "否"
        data["difficulties"] = "、".join(data.get("difficulties") or [])
        return data
