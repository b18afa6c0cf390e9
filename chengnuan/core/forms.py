"""Pieces every app's forms share: plain-Chinese error messages, turning a service's
ValidationError into messages next to the fields, the "refresh" round trip that redraws a form
(next region level, a search inside the form) without saving or showing errors, and fieldsets
drawn by templates/core/_fieldsets.html. Region selects are in regions/forms.py."""

import dataclasses
from typing import Any, TypeVar

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import QueryDict

# The name of the submit button that redraws a form instead of saving it.
REFRESH = "_refresh"

InputT = TypeVar("InputT")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%H:%M")


def choice_errors(what: str) -> dict[str, str]:
    return {
        "required": f"请选择{what}。",
        "invalid_choice": f"请从列表里重新选择{what}。",
    }


def number_errors(what: str) -> dict[str, str]:
    return {
        "required": f"请填写{what}。",
        "invalid": f"{what}请只填数字。",
        "min_value": f"{what}不能小于%(limit_value)s。",
        "max_value": f"{what}不能大于%(limit_value)s。",
    }


def text_errors(what: str) -> dict[str, str]:
    return {
        "required": f"请填写{what}。",
        "max_length": f"{what}最多%(limit_value)d个字，您填了%(show_value)d个。",
    }


def current_value(form: forms.BaseForm, name: str) -> str:
    """What the field holds now: the submitted value of a bound form, else its initial.
    Read from the raw data so no bound field caches its initial before we set it."""
    if form.is_bound:
        value = form.data.get(form.add_prefix(name))
    else:
        value = form.initial.get(name, form.fields[name].initial)
    return "" if value is None else str(value)


def apply_service_errors(
    form: forms.BaseForm, error: ValidationError, aliases: dict[str, str] | None = None
) -> None:
    """Put a service's ValidationError on the form: each message next to its field, under
    the form's name for it when the service uses another (`county` -> `county_code`), and at
    the top when no field matches."""
    aliases = aliases or {}
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for key, errors in error.error_dict.items():
        name = aliases.get(key, key)
        if name not in form.fields and f"{name}_code" in form.fields:
            name = f"{name}_code"
        form.add_error(name if name in form.fields else NON_FIELD_ERRORS, errors)


def initial_from_post(form_class: type[forms.Form], data: QueryDict) -> dict[str, Any]:
    """The posted values as `initial`, so a redraw shows what was typed without errors."""
    initial: dict[str, Any] = {}
    for name, field in form_class.base_fields.items():
        if isinstance(field, forms.MultipleChoiceField):
            initial[name] = data.getlist(name)
        elif isinstance(field, forms.BooleanField):
            initial[name] = name in data
        elif name in data:
            initial[name] = data.get(name)
    return initial


def is_refresh(data: QueryDict) -> bool:
    return REFRESH in data


def to_input(input_class: type[InputT], cleaned: dict[str, Any], **overrides: Any) -> InputT:
    """Build a service input dataclass from the cleaned values whose names it declares.
    Empty optional codes become None, which the services read as 'not given'."""
    values: dict[str, Any] = {}
    for spec in dataclasses.fields(input_class):  # type: ignore[arg-type]
        if spec.name not in cleaned:
            continue
        value = cleaned[spec.name]
        if value == "" and spec.name.endswith("_code") and spec.default is None:
            value = None
        values[spec.name] = value
    values.update(overrides)
    return input_class(**values)


@dataclasses.dataclass(frozen=True)
class RegionGroup:
    """Dependent region selects drawn together in one box that redraws as a whole."""

    id: str
    fields: list[forms.BoundField]
    is_region: bool = True

    @property
    def refresh_label(self) -> str:
        return f"选好后，点这里列出“{self.fields[-1].label}”"


Fieldsets = tuple[tuple[str, tuple[Any, ...]], ...]


class FieldsetsMixin:
    """`fieldsets` lists (legend, names); a nested tuple of names is a region group.
    `field_templates` names a template of the form's own app for a field that needs more than
    templates/core/_field.html (an occupation picker, say)."""

    fieldsets: Fieldsets = ()
    field_templates: dict[str, str] = {}

    def grouped_fields(self) -> list[tuple[str, list[Any]]]:
        form: Any = self
        layout = []
        for legend, names in self.fieldsets:
            items: list[Any] = []
            for name in names:
                if isinstance(name, tuple):
                    for upper in name[:-1]:  # a change here redraws the levels below
                        form.fields[upper].widget.attrs["data-refresh"] = "1"
                    items.append(
                        RegionGroup(id=f"region-{name[-1]}", fields=[form[n] for n in name])
                    )
                else:
                    bound = form[name]
                    bound.custom_template = self.field_templates.get(name, "")
                    items.append(bound)
            layout.append((legend, items))
        return layout
