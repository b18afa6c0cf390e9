"""/api/v1/applications/office: applications in the staff member's area (audited), applying
for a worker at a station, booking a room and a clerk's screen (隔屏对话)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Status
from ninja.pagination import paginate

from chengnuan.accounts.access import staff_required
from chengnuan.accounts.api_auth import ApiAuth
from chengnuan.applications.access import get_application_for_staff_or_404
from chengnuan.applications.models import Application, Interview
from chengnuan.applications.schemas import (
    ApplicantDetailOut,
    ApplicantOut,
    BookingIn,
    InterviewOut,
    OfficeApplyIn,
)
from chengnuan.applications.selectors import applications_for_staff, interview_latest
from chengnuan.applications.services.applications import application_apply
from chengnuan.applications.services.interviews import interview_book_station
from chengnuan.core.pagination import Pagination
from chengnuan.employment.selectors.postings import posting_for_public
from chengnuan.employment.selectors.seekers import seekers_for_staff

router = Router(tags=["求职申请"])


@router.get("/office", response=list[ApplicantOut], auth=ApiAuth, summary="本辖区的求职申请")
@paginate(Pagination)
def office_list(request: HttpRequest, status: str = "") -> Any:
    return applications_for_staff(staff_required(request), status=status)


@router.get(
    "/office/{application_id}",
    response=ApplicantDetailOut,
    auth=ApiAuth,
    summary="求职申请详情（本辖区）",
)
def office_detail(request: HttpRequest, application_id: int) -> Application:
    user = staff_required(request)
    return get_application_for_staff_or_404(user, application_id, request)


@router.post(
    "/office", response={201: ApplicantDetailOut}, auth=ApiAuth, summary="代求职者申请岗位"
)
def office_apply(request: HttpRequest, payload: OfficeApplyIn) -> Status[Application]:
    user = staff_required(request)
    seeker = get_object_or_404(seekers_for_staff(user), pk=payload.seeker_id)
    posting = posting_for_public(payload.posting_id)
    return Status(201, application_apply(seeker=seeker, posting=posting, actor=user))


@router.post(
    "/office/{application_id}/booking",
    response=InterviewOut,
    auth=ApiAuth,
    summary="预约服务站的屏幕陪求职者视频面试（隔屏对话）",
)
def office_booking(request: HttpRequest, application_id: int, payload: BookingIn) -> Interview:
    user = staff_required(request)
    application = get_application_for_staff_or_404(user, application_id, request)
    interview = interview_latest(application)
    if interview is None:
        raise ValidationError({"__all__": ["这个申请还没有面试邀请。"]})
    return interview_book_station(interview=interview, clerk=user, note=payload.note)
