"""/api/v1/applications: an employer's applicants, the invitation and the outcome."""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from chengnuan.accounts.access import login_required_kind
from chengnuan.accounts.api_auth import ApiAuth
from chengnuan.accounts.models import UserKind
from chengnuan.applications.access import (
    get_application_for_employer_or_404,
    get_own_posting_or_404,
)
from chengnuan.applications.inputs import InvitationInput
from chengnuan.applications.models import Application, Interview
from chengnuan.applications.schemas import (
    ApplicantDetailOut,
    ApplicantOut,
    InterviewOut,
    InvitationIn,
    OutcomeIn,
)
from chengnuan.applications.selectors import applicant_contact, applicants_for_posting
from chengnuan.applications.services.applications import application_transition
from chengnuan.applications.services.interviews import application_invite
from chengnuan.core.pagination import Pagination

router = Router(tags=["求职申请"])


@router.get(
    "/postings/{posting_id}/applicants",
    response=list[ApplicantOut],
    auth=ApiAuth,
    summary="一个岗位的应聘者（本单位）",
)
@paginate(Pagination)
def applicants(request: HttpRequest, posting_id: int, status: str = "") -> Any:
    user = login_required_kind(request, UserKind.EMPLOYER)
    return applicants_for_posting(get_own_posting_or_404(user, posting_id), status)


def _with_contact(application: Application, user: Any) -> Application:
    application.revealed_phone = applicant_contact(application=application, actor=user)  # type: ignore[attr-defined]
    return application


@router.get(
    "/employer/{application_id}", response=ApplicantDetailOut, auth=ApiAuth, summary="应聘者详情"
)
def detail(request: HttpRequest, application_id: int) -> Application:
    user = login_required_kind(request, UserKind.EMPLOYER)
    return _with_contact(get_application_for_employer_or_404(user, application_id), user)


@router.post(
    "/employer/{application_id}/invite",
    response={201: InterviewOut},
    auth=ApiAuth,
    summary="邀请面试",
)
def invite(request: HttpRequest, application_id: int, payload: InvitationIn) -> Status[Interview]:
    user = login_required_kind(request, UserKind.EMPLOYER)
    application = get_application_for_employer_or_404(user, application_id)
    data = InvitationInput(**payload.model_dump())
    return Status(201, application_invite(application=application, data=data, actor=user))


@router.post(
    "/employer/{application_id}/outcome",
    response=ApplicantDetailOut,
    auth=ApiAuth,
    summary="记录面试和录用结果",
)
def outcome(request: HttpRequest, application_id: int, payload: OutcomeIn) -> Application:
    user = login_required_kind(request, UserKind.EMPLOYER)
    application = get_application_for_employer_or_404(user, application_id)
    moved = application_transition(
        application=application, to=payload.to, actor=user, note=payload.note
    )
    return _with_contact(moved, user)
