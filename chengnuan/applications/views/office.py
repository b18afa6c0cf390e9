"""The back office: applications in the staff member's area (audited), applying for a worker
at a station, and booking a room and the clerk's screen for a remote interview (隔屏对话)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from chengnuan.accounts.access import staff_required
from chengnuan.applications.access import get_application_for_staff_or_404
from chengnuan.applications.choices import ApplicationStatus, InterviewMode
from chengnuan.applications.forms import OfficeApplyForm, StationBookingForm
from chengnuan.applications.selectors import (
    application_history,
    applications_for_staff,
    interview_latest,
)
from chengnuan.applications.services.applications import application_apply
from chengnuan.applications.services.interviews import interview_book_station
from chengnuan.core.pages import bind_form, render_form_page, render_list, run_service
from chengnuan.employment.selectors.postings import posting_for_public
from chengnuan.employment.selectors.seekers import seekers_for_staff


def application_list(request: HttpRequest) -> HttpResponse:
    user = staff_required(request)
    status = request.GET.get("status", "")
    status = status if status in ApplicationStatus.values else ""
    return render_list(
        request,
        "applications/office_list.html",
        applications_for_staff(user, status=status),
        status=status,
        statuses=ApplicationStatus.choices,
    )


def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = staff_required(request)
    application = get_application_for_staff_or_404(user, pk, request)
    interview = interview_latest(application)
    bookable = (
        interview is not None
        and interview.mode == InterviewMode.REMOTE
        and application.status == ApplicationStatus.INVITED
    )
    form, submitted = bind_form(request, StationBookingForm)
    if bookable and submitted and form.is_valid():
        assert interview is not None
        booked = run_service(
            form,
            lambda: interview_book_station(
                interview=interview, clerk=user, note=form.cleaned_data["note"]
            ),
        )
        if booked is not None:
            messages.success(
                request, "已预约。到时间请在服务站的电脑上打开面试房间，陪求职者面试。"
            )
            return redirect("applications:office_detail", pk=pk)
    return render(
        request,
        "applications/office_detail.html",
        {
            "application": application,
            "seeker": application.seeker,
            "events": application_history(application),
            "interview": interview,
            "booking_form": form if bookable else None,
        },
    )


def apply_for(request: HttpRequest, seeker_pk: int) -> HttpResponse:
    """A clerk applies for a worker of their area (one without a phone, at the station)."""
    user = staff_required(request)
    seeker = get_object_or_404(seekers_for_staff(user), pk=seeker_pk)
    form, submitted = bind_form(request, OfficeApplyForm)
    if submitted and form.is_valid():
        posting = posting_for_public(form.cleaned_data["posting_id"])
        applied = run_service(
            form, lambda: application_apply(seeker=seeker, posting=posting, actor=user)
        )
        if applied is not None:
            messages.success(request, f"已为{seeker.name}申请「{posting.title}」。")
            return redirect("applications:office_detail", pk=applied.pk)
    return render_form_page(
        request,
        form,
        heading=f"为{seeker.name}申请岗位",
        intro="求职者的登记信息会作为简历交给单位。请先向求职者说明，征得本人同意。",
        buttons=[{"value": "save", "label": "代为申请"}],
        cancel_url=reverse("applications:office_list"),
    )
