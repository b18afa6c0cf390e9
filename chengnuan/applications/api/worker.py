"""/api/v1/applications: a worker applies, follows and withdraws their applications."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from chengnuan.accounts.access import login_required_kind
from chengnuan.accounts.api_auth import ApiAuth
from chengnuan.accounts.models import UserKind
from chengnuan.applications.access import get_own_application_or_404
from chengnuan.applications.choices import ApplicationStatus
from chengnuan.applications.models import Application
from chengnuan.applications.schemas import ApplicationDetailOut, ApplicationOut, ApplyIn, WithdrawIn
from chengnuan.applications.selectors import applications_for_seeker
from chengnuan.applications.services.applications import application_apply, application_transition
from chengnuan.core.pagination import Pagination
from chengnuan.employment.selectors.postings import posting_for_public
from chengnuan.employment.selectors.seekers import seeker_for_user

router = Router(tags=["求职申请"])


@router.post("/", response={201: ApplicationDetailOut}, auth=ApiAuth, summary="申请岗位（一键）")
def apply(request: HttpRequest, payload: ApplyIn) -> Status[Application]:
    user = login_required_kind(request, UserKind.WORKER)
    seeker = seeker_for_user(user)
    if seeker is None:
        raise PermissionDenied("请先做求职登记（POST /api/v1/seekers/me），登记信息就是您的简历。")
    posting = posting_for_public(payload.posting_id)
    return Status(201, application_apply(seeker=seeker, posting=posting, actor=user))


@router.get("/mine", response=list[ApplicationOut], auth=ApiAuth, summary="我的申请")
@paginate(Pagination)
def mine(request: HttpRequest) -> Any:
    user = login_required_kind(request, UserKind.WORKER)
    seeker = seeker_for_user(user)
    return applications_for_seeker(seeker) if seeker else Application.objects.none()


@router.get(
    "/mine/{application_id}", response=ApplicationDetailOut, auth=ApiAuth, summary="我的一个申请"
)
def mine_detail(request: HttpRequest, application_id: int) -> Application:
    user = login_required_kind(request, UserKind.WORKER)
    return get_own_application_or_404(user, application_id)


@router.post(
    "/mine/{application_id}/withdraw",
    response=ApplicationDetailOut,
    auth=ApiAuth,
    summary="撤回申请",
)
def withdraw(request: HttpRequest, application_id: int, payload: WithdrawIn) -> Application:
    user = login_required_kind(request, UserKind.WORKER)
    application = get_own_application_or_404(user, application_id)
    return application_transition(
        application=application, to=ApplicationStatus.WITHDRAWN, actor=user, note=payload.note
    )
