"""List filters (GET forms) and the staff decision forms (review a posting, verify an
employer). Region filters offer only what lies inside the staff member's area."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from chengnuan.accounts.models import User
from chengnuan.core.forms import choice_errors, text_errors
from chengnuan.employment.choices import EmployerStatus, PostingStatus, RevealPurpose, SeekerStatus
from chengnuan.employment.selectors.choices import (
    COMMON_OCCUPATION_CODES,
    occupation_choices,
    scope_county_choices,
)
from chengnuan.employment.selectors.seekers import SeekerFilters, SeekerLookup, seeker_lookup
from chengnuan.regions import choices as region_choices


def _choice(label: str, choices: Any = (), blank: str = "全部") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=[("", blank), *choices],
        error_messages=choice_errors(label),
    )


def _set_choices(form: forms.Form, name: str, choices: Any, blank: str = "全部") -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    field.choices = [("", blank), *choices]


class _ScopedFilters(forms.Form):
    """A county select limited to the staff member's area (hidden when it is one county)."""

    county = _choice("县区")

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        counties = scope_county_choices(user)
        _set_choices(self, "county", counties)
        self.single_county = counties[0][0] if len(counties) == 1 else ""
        if self.single_county:
            del self.fields["county"]

    def chosen_county(self) -> str:
        if self.single_county:
            return self.single_county
        return self.cleaned_data.get("county") or "" if self.is_valid() else ""


class OfficePostingFilters(_ScopedFilters):
    status = _choice("状态", PostingStatus.choices)


class OfficeEmployerFilters(_ScopedFilters):
    status = _choice("核验状态", EmployerStatus.choices)
    q = forms.CharField(label="单位名称或信用代码", required=False, max_length=64)


class SeekerLookupForm(forms.Form):
    """Find one person. Sent by POST: a number typed here never appears in a URL (see
    core.lookups); the list then carries an opaque token."""

    name = forms.CharField(label="姓名", required=False, max_length=32)
    id_number = forms.CharField(label="身份证号（完整18位）", required=False, max_length=24)
    phone = forms.CharField(label="手机号（完整11位）", required=False, max_length=20)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(data.get(name) for name in ("name", "id_number", "phone")):
            raise forms.ValidationError("请至少填写姓名、身份证号或手机号中的一项。")
        try:
            self.lookup = seeker_lookup(
                name=data.get("name") or "",
                id_number=data.get("id_number") or "",
                phone=data.get("phone") or "",
            )
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                self.add_error(name, messages)
        return data


class SeekerFilterForm(_ScopedFilters):
    township = _choice("乡镇街道")
    occupation = _choice("想做的工作")
    status = _choice("状态", SeekerStatus.choices)
    older = forms.BooleanField(label="只看大龄务工人员", required=False)
    poverty = forms.BooleanField(label="只看脱贫劳动力", required=False)
    training = forms.BooleanField(label="只看想参加培训的", required=False)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        county = self.single_county or (self.data.get("county") or "")
        _set_choices(
            self, "township", region_choices.township_choices(county), blank="全部（先选县区）"
        )
        _set_choices(
            self,
            "occupation",
            occupation_choices(COMMON_OCCUPATION_CODES),
        )

    def to_filters(self, lookup: SeekerLookup | None = None) -> SeekerFilters:
        """What the seeker selector understands, with the person looked up (if any); no
        filter narrows when the form is invalid."""
        lookup = lookup or SeekerLookup()
        if not self.is_valid():
            return SeekerFilters(lookup=lookup)
        data = self.cleaned_data
        return SeekerFilters(
            status=data["status"] or None,
            area_code=data["township"] or self.chosen_county() or None,
            occupation_code=data["occupation"] or None,
            is_older=True if data["older"] else None,
            wants_training=True if data["training"] else None,
            is_poverty_alleviated=True if data["poverty"] else None,
            lookup=lookup,
        )


class DecisionForm(forms.Form):
    """Approve or turn down, with a note the other side reads (required to turn down, which
    the services check)."""

    decision = forms.ChoiceField(
        choices=[("approve", "通过"), ("reject", "不通过")],
        error_messages=choice_errors("审核结果"),
    )
    note = forms.CharField(
        label="意见（不通过时必填，单位会看到）",
        required=False,
        max_length=200,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=text_errors("意见"),
    )

    @property
    def approve(self) -> bool:
        return self.cleaned_data["decision"] == "approve"


class ContactRevealForm(forms.Form):
    """Asking for a person's whole phone number names why (kept in the audit log)."""

    purpose = forms.ChoiceField(
        label="为什么要看完整手机号",
        choices=RevealPurpose.choices,
        error_messages=choice_errors("用途"),
    )
