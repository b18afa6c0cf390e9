"""Writes of the two surveys: entering one in the form, adding or fixing a position, and
turning a survey into postings or a job seeker registration through the employment services
(so the posting and seeker rules apply in full), keeping the link."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from chengnuan.accounts.models import User
from chengnuan.bulk.models import DemandSurvey, DemandSurveyPosition, EmploymentSurvey
from chengnuan.bulk.surveys import (
    DemandSurveyInput,
    EmploymentSurveyInput,
    PositionInput,
    clean_demand_survey,
    clean_employment_survey,
    clean_position,
    demand_survey_field_values,
    employment_survey_field_values,
    position_field_values,
)
from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction
from chengnuan.employment.choices import RegisteredVia, Source
from chengnuan.employment.inputs import EmployerInput, PostingInput, SeekerInput
from chengnuan.employment.models import ConsentMethod, Employer, JobSeeker, Posting
from chengnuan.employment.permissions import (
    SEEKER_ELSEWHERE,
    employer_elsewhere_message,
    employer_in_reach,
    is_staff_in_scope,
    require_staff_in_scope,
)
from chengnuan.employment.services.employers import employer_register
from chengnuan.employment.services.postings import posting_create
from chengnuan.employment.services.seekers import seeker_register

OUT_OF_AREA = "这个地方不在您负责的区域内，请只录入您所在区域的调查。"


def _all(message: str) -> ValidationError:
    return ValidationError({"__all__": [message]})


# --- demand survey ------------------------------------------------------------------------------


@transaction.atomic
def demand_survey_create(
    *, data: DemandSurveyInput, positions: list[PositionInput], actor: User
) -> DemandSurvey:
    """A demand survey entered from the paper form. Position errors come back keyed
    positions-<index>-<field>, so a form can show each next to its row."""
    errors: dict[str, list[str]] = {}
    try:
        cleaned = clean_demand_survey(data)
    except ValidationError as exc:
        errors.update(exc.message_dict)
        cleaned = data
    checked = []
    for index, position in enumerate(positions):
        try:
            checked.append(clean_position(position))
        except ValidationError as exc:
            errors.update({f"positions-{index}-{k}": v for k, v in exc.message_dict.items()})
    if not positions:
        errors.setdefault("__all__", []).append("请至少填写一个岗位。")
    if errors:
        raise ValidationError(errors)
    if not is_staff_in_scope(actor, cleaned.county_code):
        raise ValidationError({"county_code": [OUT_OF_AREA]})
    values = demand_survey_field_values(cleaned)
    if DemandSurvey.objects.filter(natural_key=values["natural_key"]).exists():
        raise _all("这家单位这一天的调查已经录入过了，可以在调查列表里找到它。")
    survey = DemandSurvey(
        **values, employer=_employer_in_reach(actor, cleaned.employer_uscc), created_by=actor
    )
    survey.full_clean(validate_unique=False)
    survey.save()
    for position in checked:
        _save_position(DemandSurveyPosition(survey=survey), position)
    audit_record(actor=actor, action=AuditAction.CREATE, obj=survey)
    return survey


def _save_position(position: DemandSurveyPosition, data: PositionInput) -> DemandSurveyPosition:
    for name, value in position_field_values(data).items():
        setattr(position, name, value)
    position.full_clean()
    position.save()
    return position


@transaction.atomic
def demand_position_save(
    *, survey: DemandSurvey, position: DemandSurveyPosition | None, data: PositionInput, actor: User
) -> DemandSurveyPosition:
    """Add a position to a survey, or fix one (a wage for a 面议 position) before it becomes a
    posting; one already turned into a posting is changed on the posting instead."""
    require_staff_in_scope(actor, survey.county_id)
    if position is not None and position.posting_id is not None:
        raise _all("这个岗位已经转成招聘岗位了，请到岗位页面修改。")
    saved = _save_position(position or DemandSurveyPosition(survey=survey), clean_position(data))
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=survey, detail={"position": saved.pk})
    return saved


def _employer_by_uscc(uscc: str) -> Employer | None:
    return Employer.objects.filter(uscc=uscc).select_related("county").first() if uscc else None


def _employer_in_reach(actor: User, uscc: str) -> Employer | None:
    """The registered employer with this credit code, when the clerk may act for it; one
    registered in another area is not linked (see permissions.employer_in_reach)."""
    employer = _employer_by_uscc(uscc)
    return employer if employer is not None and employer_in_reach(actor, employer) else None


def _employer_for(survey: DemandSurvey, actor: User, uscc: str) -> Employer:
    """The survey's employer: linked, found by USCC, or registered from the survey (by staff
    in their area, so verified at once, as in the employer form). An employer registered in
    another area stops the conversion with whom to ask."""
    uscc = (survey.employer_uscc or uscc).strip().upper()
    employer = survey.employer or _employer_by_uscc(uscc)
    if employer is not None:
        if not employer_in_reach(actor, employer):
            raise ValidationError({"uscc": [employer_elsewhere_message(employer)]})
        return employer
    if not uscc:
        raise ValidationError(
            {"uscc": ["这张调查表没有统一社会信用代码，转成岗位前请填上（看营业执照）。"]}
        )
    data = EmployerInput(
        uscc=uscc,
        name=survey.employer_name,
        county_code=survey.county_id,
        contact_name=survey.contact_name,
        contact_phone=survey.contact_phone,
        industry_code=survey.industry_id,
    )
    try:
        return employer_register(data=data, owner=None, created_by=actor, source=Source.SURVEY)
    except ValidationError as exc:
        raise ValidationError(
            {"uscc" if "uscc" in exc.message_dict else "__all__": exc.messages}
        ) from None


@transaction.atomic
def demand_survey_convert(
    *, survey: DemandSurvey, actor: User, valid_until: datetime.date, uscc: str = ""
) -> list[Posting]:
    """Turn every position that has a wage and no posting yet into a posting sent for review,
    each linked from its position. All or none: a position the posting rules refuse stops the
    whole action with that position named."""
    require_staff_in_scope(actor, survey.county_id)
    survey = (
        DemandSurvey.objects.select_for_update(of=("self",))
        .select_related("employer")
        .get(pk=survey.pk)
    )
    ready = [p for p in survey.positions.filter(posting__isnull=True) if p.has_wage]
    if not ready:
        raise _all("没有可以转的岗位：岗位都已经转过了，或者还没有填工资（面议的请先补上工资）。")
    employer = _employer_for(survey, actor, uscc)
    if survey.employer_id != employer.pk:
        survey.employer = employer
        survey.employer_uscc = employer.uscc
        survey.save(update_fields=["employer", "employer_uscc", "updated_at"])
    postings = []
    for position in ready:
        data = PostingInput(
            title=position.title,
            county_code=survey.county_id,
            wage_min=position.wage_min or 0,
            wage_max=position.wage_max or 0,
            wage_unit=position.wage_unit,
            contact_name=survey.contact_name,
            contact_phone=survey.contact_phone,
            valid_until=valid_until,
            occupation_code=position.occupation_id,
            industry_code=survey.industry_id,
            headcount=position.headcount,
            education=position.education,
            description=position.skills,
        )
        try:
            posting = posting_create(
                employer=employer, data=data, actor=actor, source=Source.SURVEY, submit=True
            )
        except ValidationError as exc:
            raise _all(f"岗位「{position.title}」不能转：{'；'.join(exc.messages)}") from None
        position.posting = posting
        position.save(update_fields=["posting"])
        postings.append(posting)
    return postings


# --- employment survey --------------------------------------------------------------------------


@transaction.atomic
def employment_survey_create(*, data: EmploymentSurveyInput, actor: User) -> EmploymentSurvey:
    cleaned = clean_employment_survey(data)
    if not is_staff_in_scope(actor, cleaned.residence_code):
        raise ValidationError({"residence_code": [OUT_OF_AREA]})
    values = employment_survey_field_values(cleaned)
    if EmploymentSurvey.objects.filter(natural_key=values["natural_key"]).exists():
        raise _all("这个人这一天的调查已经录入过了，可以在调查列表里找到。")
    survey = EmploymentSurvey(**values, created_by=actor)
    survey.full_clean(validate_unique=False)
    survey.save()
    audit_record(actor=actor, action=AuditAction.CREATE, obj=survey)
    return survey


@transaction.atomic
def employment_survey_convert(*, survey: EmploymentSurvey, actor: User) -> JobSeeker:
    """Register the surveyed worker as a job seeker (consent: the signature on the survey
    form), or link the survey to the registration the person already has."""
    require_staff_in_scope(actor, survey.area_code)
    survey = EmploymentSurvey.objects.select_for_update().get(pk=survey.pk)
    if survey.seeker_id is not None:
        raise _all("这份调查已经转成求职登记了。")
    if not survey.wants_work:
        raise _all("本人暂时不想找工作，不用转成求职登记。")
    seeker = JobSeeker.objects.filter(id_number_hash=survey.id_number_hash).first()
    if seeker is not None and not is_staff_in_scope(actor, seeker.area_code):
        raise _all(SEEKER_ELSEWHERE)
    if seeker is None:
        data = SeekerInput(
            name=survey.name,
            id_number=survey.id_number,
            phone=survey.phone,
            residence_code=survey.residence_id,
            wanted_occupation_codes=list(survey.wanted_occupation_codes),
            wanted_area_codes=list(survey.wanted_area_codes),
            expected_wage=survey.expected_wage,
            wants_training=survey.wants_training,
        )
        seeker = seeker_register(
            data=data,
            user=None,
            registered_by=actor,
            via=RegisteredVia.IMPORT,
            consent_method=ConsentMethod.SIGNED,
        )
    survey.seeker = seeker
    survey.save(update_fields=["seeker", "updated_at"])
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=survey, detail={"seeker": seeker.pk})
    return seeker
