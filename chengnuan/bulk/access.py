"""One access helper per resource of the bulk app, called on the first line of every view
after staff_required. Anything outside the caller's reach is a 404, never a 403."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from chengnuan.accounts.models import User
from chengnuan.accounts.scoping import scope_filter
from chengnuan.bulk.models import DemandSurvey, DemandSurveyPosition, EmploymentSurvey, ImportJob
from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction


def get_job_or_404(user: User, pk: int) -> ImportJob:
    """An import the staff member uploaded themself (its error sheet holds personal numbers)."""
    return get_object_or_404(ImportJob, pk=pk, created_by=user)


def get_demand_survey_or_404(user: User, pk: int) -> DemandSurvey:
    surveys = DemandSurvey.objects.select_related("county", "industry", "employer", "created_by")
    return get_object_or_404(scope_filter(surveys, user, "county_id"), pk=pk)


def get_position_or_404(user: User, survey: DemandSurvey, pk: int) -> DemandSurveyPosition:
    return get_object_or_404(DemandSurveyPosition, pk=pk, survey=survey)


def get_employment_survey_or_404(
    user: User, pk: int, request: HttpRequest | None
) -> EmploymentSurvey:
    """A worker's survey in the staff member's area; the read is audited (PIPL)."""
    surveys = EmploymentSurvey.objects.select_related("residence", "seeker", "created_by")
    survey = get_object_or_404(scope_filter(surveys, user, "area_code"), pk=pk)
    audit_record(actor=user, action=AuditAction.VIEW, obj=survey, request=request)
    return survey
