"""Survey pages for staff: lists, entering a paper form, a survey's detail, fixing a
position, and the one action that turns a survey into postings or a seeker registration."""

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from chengnuan.accounts.access import staff_required
from chengnuan.accounts.scoping import in_scope
from chengnuan.bulk import columns, selectors
from chengnuan.bulk.access import (
    get_demand_survey_or_404,
    get_employment_survey_or_404,
    get_position_or_404,
)
from chengnuan.bulk.forms import (
    ConvertDemandForm,
    DemandSurveyForm,
    EmploymentSurveyForm,
    PositionForm,
    PositionFormSet,
)
from chengnuan.bulk.handlers.surveys import read_demand_row, read_employment_row
from chengnuan.bulk.lookups import Lookups
from chengnuan.bulk.rows import Cells, RowInvalid
from chengnuan.bulk.services import surveys as survey_services
from chengnuan.bulk.surveys import PositionInput
from chengnuan.core.forms import initial_from_post, is_refresh
from chengnuan.core.pages import render_list
from chengnuan.employment.texts import amount_range_text

# Service fields named differently from the form's.
SERVICE_FIELDS = {"county_code": "county", "residence_code": "township", "occupation_code": "occupation",
                  "wage_min": "wage", "wage_max": "wage", "industry_code": "industry",
                  "wanted_occupation_codes": "wanted_work", "wanted_area_codes": "wanted_area"}  # fmt: skip


def _put_errors(form: forms.BaseForm, errors: dict[str, list[str]]) -> None:
    for key, messages_ in errors.items():
        name = SERVICE_FIELDS.get(key, key)
        form.add_error(name if name in form.fields else NON_FIELD_ERRORS, messages_)


def _values(form: forms.Form) -> dict[str, Any]:
    return {key: "" if value is None else value for key, value in form.cleaned_data.items()}


# --- demand surveys -----------------------------------------------------------------------------


def demand_list(request: HttpRequest) -> HttpResponse:
    user = staff_required(request)
    query = request.GET.get("q", "").strip()
    surveys = selectors.demand_surveys_for(user, query=query)
    return render_list(request, "bulk/demand_list.html", surveys, q=query)


def demand_new(request: HttpRequest) -> HttpResponse:
    """The paper 岗位需求调查表 on screen: the employer, then up to five positions."""
    user = staff_required(request)
    posted = request.method == "POST" and not is_refresh(request.POST)
    form = DemandSurveyForm(
        request.POST if posted else None, initial=_refreshed(request, DemandSurveyForm)
    )
    positions = PositionFormSet(request.POST if request.method == "POST" else None, prefix="pos")
    # `&`, not `and`: both are checked so every message shows at once.
    if posted and form.is_valid() & positions.is_valid():
        filled = [p for p in positions if not p.is_blank()]
        header = _values(form)
        lookups = Lookups(user.scope_prefix)
        checked: list[PositionInput] = []
        survey_data = None
        for position_form in filled:
            cells = Cells(columns.DEMAND_SURVEY, {**header, **_values(position_form)})
            try:
                survey_data, position = read_demand_row(cells, lookups)
                checked.append(position)
            except RowInvalid as invalid:
                _put_errors(form, {k: v for k, v in invalid.errors.items() if k in form.fields})
                _put_errors(
                    position_form, {k: v for k, v in invalid.errors.items() if k not in form.fields}
                )
        if not filled:
            form.add_error(None, "请至少填写一个岗位（写上岗位名称）。")
        if survey_data is not None and not form.errors and not any(p.errors for p in filled):
            try:
                survey = survey_services.demand_survey_create(
                    data=survey_data, positions=checked, actor=user
                )
            except ValidationError as exc:
                _put_errors(
                    form,
                    {k: v for k, v in exc.message_dict.items() if not k.startswith("positions-")},
                )
            else:
                messages.success(
                    request, f"“{survey.employer_name}”的调查表已保存，共{len(checked)}个岗位。"
                )
                return redirect("bulk:demand_detail", pk=survey.pk)
    return render(request, "bulk/demand_form.html", {"form": form, "positions": positions})


def _refreshed(request: HttpRequest, form_class: type[forms.Form]) -> dict[str, Any] | None:
    """What was typed, when the region lists were redrawn (the no-JavaScript round trip)."""
    if request.method == "POST" and is_refresh(request.POST):
        return initial_from_post(form_class, request.POST)
    return None


def demand_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = staff_required(request)
    survey = get_demand_survey_or_404(user, pk)
    form = ConvertDemandForm(initial={"uscc": survey.employer_uscc})
    return _demand_page(request, survey, form)


def _demand_page(request: HttpRequest, survey: Any, form: ConvertDemandForm) -> HttpResponse:
    positions = survey.positions.select_related("occupation", "posting")
    employer, employer_elsewhere = selectors.survey_employer(request.user, survey)  # type: ignore[arg-type]
    context = {"survey": survey, "positions": positions, "form": form}
    context |= {"employer": employer, "employer_elsewhere": employer_elsewhere}
    return render(request, "bulk/demand_detail.html", context)


@require_POST
def demand_convert(request: HttpRequest, pk: int) -> HttpResponse:
    user = staff_required(request)
    survey = get_demand_survey_or_404(user, pk)
    form = ConvertDemandForm(request.POST)
    if form.is_valid():
        try:
            postings = survey_services.demand_survey_convert(
                survey=survey,
                actor=user,
                valid_until=form.cleaned_data["valid_until"],
                uscc=form.cleaned_data["uscc"],
            )
        except ValidationError as exc:
            _put_errors(form, exc.message_dict)
        else:
            messages.success(request, f"已转成{len(postings)}个招聘岗位，等待审核后公开。")
            return redirect("bulk:demand_detail", pk=survey.pk)
    return _demand_page(request, survey, form)


def position_edit(request: HttpRequest, pk: int, position_pk: int | None = None) -> HttpResponse:
    """Add a position to a survey, or fix one (a wage for 面议) before converting it."""
    user = staff_required(request)
    survey = get_demand_survey_or_404(user, pk)
    position = get_position_or_404(user, survey, position_pk) if position_pk else None
    initial = _position_initial(position) if position else None
    form = PositionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        header = {"employer_name": survey.employer_name, "county": survey.county_id, "contact_name": survey.contact_name,
                  "contact_phone": survey.contact_phone, "surveyed_on": survey.surveyed_on}  # fmt: skip
        cells = Cells(columns.DEMAND_SURVEY, {**header, **_values(form)})
        try:
            _, data = read_demand_row(cells, Lookups(user.scope_prefix))
            survey_services.demand_position_save(
                survey=survey, position=position, data=data, actor=user
            )
        except RowInvalid as invalid:
            _put_errors(form, invalid.errors)
        except ValidationError as exc:
            _put_errors(form, exc.message_dict)
        else:
            messages.success(request, "岗位已保存。")
            return redirect("bulk:demand_detail", pk=survey.pk)
    heading = f"{'修改' if position else '添加'}岗位 · {survey.employer_name}"
    return render(
        request, "bulk/position_form.html", {"form": form, "survey": survey, "heading": heading}
    )


def _position_initial(position: Any) -> dict[str, Any]:
    wage = amount_range_text(position.wage_min, position.wage_max) if position.has_wage else ""
    return {
        "title": position.title, "occupation": position.occupation.name if position.occupation else "",
        "headcount": position.headcount, "wage": wage or "面议", "wage_unit": position.get_wage_unit_display(),
        "skills": position.skills, "education": position.get_education_display(), "needed_by": position.needed_by,
    }  # fmt: skip


# --- employment surveys -------------------------------------------------------------------------


def employment_list(request: HttpRequest) -> HttpResponse:
    user = staff_required(request)
    query = request.GET.get("q", "").strip()
    surveys = selectors.employment_surveys_for(user, query=query)
    return render_list(request, "bulk/employment_list.html", surveys, q=query)


def employment_new(request: HttpRequest) -> HttpResponse:
    """The paper 就业需求调查表 on screen."""
    user = staff_required(request)
    posted = request.method == "POST" and not is_refresh(request.POST)
    initial = _refreshed(request, EmploymentSurveyForm)
    form = EmploymentSurveyForm(request.POST if posted else None, initial=initial)
    if posted and form.is_valid():
        cells = Cells(columns.EMPLOYMENT_SURVEY, form.sheet_values())
        try:
            data = read_employment_row(cells, Lookups(user.scope_prefix))
            survey = survey_services.employment_survey_create(data=data, actor=user)
        except RowInvalid as invalid:
            _put_errors(form, invalid.errors)
        except ValidationError as exc:
            _put_errors(form, exc.message_dict)
        else:
            messages.success(request, f"{survey.name}的调查已保存。")
            return redirect("bulk:employment_detail", pk=survey.pk)
    return render(request, "bulk/employment_form.html", {"form": form})


def employment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = staff_required(request)
    survey = get_employment_survey_or_404(user, pk, request)
    seeker = survey.seeker if survey.seeker and in_scope(user, survey.seeker.area_code) else None
    return render(request, "bulk/employment_detail.html", {"survey": survey, "seeker": seeker})


@require_POST
def employment_convert(request: HttpRequest, pk: int) -> HttpResponse:
    user = staff_required(request)
    survey = get_employment_survey_or_404(user, pk, request)
    try:
        seeker = survey_services.employment_survey_convert(survey=survey, actor=user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"已转成求职登记：{seeker}。")
    return redirect("bulk:employment_detail", pk=survey.pk)
