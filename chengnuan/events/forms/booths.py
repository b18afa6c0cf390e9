"""An employer's booth request (which postings it brings) and its interview slots."""

from typing import Any

from django import forms
from django.db.models import QuerySet

from chengnuan.core.forms import DateInput, TimeInput, number_errors, text_errors
from chengnuan.events.forms.fairs import beijing_datetime
from chengnuan.events.inputs import BoothInput, SlotInput


class BoothForm(forms.Form):
    posting_ids = forms.TypedMultipleChoiceField(
        label="带哪些岗位去", coerce=int, widget=forms.CheckboxSelectMultiple,
        help_text="只能选已经发布、还在招聘的岗位。",
        error_messages={"required": "请至少选一个岗位。", "invalid_choice": "请从列表里重新选岗位。"},
    )  # fmt: skip
    note = forms.CharField(
        label="想对主办方说的（可不填）", max_length=200, required=False,
        widget=forms.Textarea(attrs={"rows": 2}), error_messages=text_errors("说明"),
    )  # fmt: skip

    def __init__(self, *args: Any, postings: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["posting_ids"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = [(p.pk, f"{p.title}（招{p.headcount}人）") for p in postings]

    def to_input(self) -> BoothInput:
        return BoothInput(
            posting_ids=self.cleaned_data["posting_ids"], note=self.cleaned_data["note"]
        )


class SlotForm(forms.Form):
    day = forms.DateField(
        label="日期", widget=DateInput(),
        error_messages={"required": "请填写日期。", "invalid": "日期请按 2026-12-09 的样子填。"},
    )  # fmt: skip
    start_time = forms.TimeField(
        label="开始", widget=TimeInput(),
        error_messages={"required": "请填写开始时间。", "invalid": "时间请按 09:00 的样子填。"},
    )  # fmt: skip
    end_time = forms.TimeField(
        label="结束", widget=TimeInput(),
        error_messages={"required": "请填写结束时间。", "invalid": "时间请按 09:30 的样子填。"},
    )  # fmt: skip
    capacity = forms.IntegerField(
        label="可约几人", min_value=1, max_value=50, initial=5,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}), error_messages=number_errors("可约人数"),
    )  # fmt: skip

    def to_input(self) -> SlotInput:
        data = self.cleaned_data
        return SlotInput(
            starts_at=beijing_datetime(data["day"], data["start_time"], data["start_time"]),
            ends_at=beijing_datetime(data["day"], data["end_time"], data["end_time"]),
            capacity=data["capacity"],
        )
