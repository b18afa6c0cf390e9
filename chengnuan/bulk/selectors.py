"""Reads of the bulk app: a clerk's imports, the survey lists and the notice-board list, all
scoped to the staff member."""

from django.db.models import Count, Q, QuerySet

from chengnuan.accounts.models import User
from chengnuan.accounts.scoping import scope_filter
from chengnuan.bulk.models import DemandSurvey, EmploymentSurvey, ImportJob
from chengnuan.core.timeutil import today
from chengnuan.employment.choices import PostingStatus
from chengnuan.employment.models import Employer, Posting
from chengnuan.employment.permissions import employer_elsewhere_message, employer_in_reach


def jobs_of(user: User) -> QuerySet[ImportJob]:
    return ImportJob.objects.filter(created_by=user).order_by("-created_at", "-id")


def demand_surveys_for(user: User, *, query: str = "") -> QuerySet[DemandSurvey]:
    surveys = scope_filter(DemandSurvey.objects.select_related("county"), user, "county_id")
    if query:
        surveys = surveys.filter(Q(employer_name__icontains=query) | Q(employer_uscc=query.upper()))
    return surveys.annotate(
        position_count=Count("positions"), converted_count=Count("positions__posting")
    ).order_by("-surveyed_on", "-id")


def employment_surveys_for(user: User, *, query: str = "") -> QuerySet[EmploymentSurvey]:
    """Workers' surveys in the staff member's area; reading the rows writes the audit row
    (a name searched for is kept as its first character only)."""
    searched = {"name_query": query[:1] + "*" * (len(query) - 1)} if query else {}
    audited = EmploymentSurvey.objects.audited(actor=user, detail=searched)
    surveys = scope_filter(audited, user, "area_code").select_related("residence")
    if query:
        surveys = surveys.filter(name__icontains=query)
    return surveys.order_by("-surveyed_on", "-id")


def notice_board_postings(user: User, *, area: str = "", limit: int = 60) -> QuerySet[Posting]:
    """Live postings of the staff member's area (or a part of it), newest first, for the
    printed list on a station's notice board."""
    postings = scope_filter(Posting.objects.select_related("employer", "county"), user, "county_id")
    if area.isdigit():
        postings = postings.filter(county_id__startswith=area)
    return postings.filter(status=PostingStatus.PUBLISHED, valid_until__gte=today()).order_by(
        "-published_at", "-id"
    )[:limit]


def survey_employer(user: User, survey: DemandSurvey) -> tuple[Employer | None, str]:
    """The registered employer a demand survey names, as this clerk may see it: the employer
    when it is in reach, else None and, when one is registered in another area, what to do
    instead (its name and details are not shown)."""
    employer = survey.employer
    if employer is None and survey.employer_uscc:
        employer = (
            Employer.objects.filter(uscc=survey.employer_uscc).select_related("county").first()
        )
    if employer is None:
        return None, ""
    if employer_in_reach(user, employer):
        return employer, ""
    return None, employer_elsewhere_message(employer)
