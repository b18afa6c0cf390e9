"""An employer's applicants: per posting, each with their registration, the invitation and
the outcome. The worker's phone is masked until the employer invites them."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from chengnuan.accounts.access import login_required_kind
from chengnuan.accounts.models import UserKind
from chengnuan.applications.access import (
    get_application_for_employer_or_404,
    get_own_posting_or_404,
)
from chengnuan.applications.choices import ApplicationStatus, Side
from chengnuan.applications.forms import InvitationForm, OutcomeForm
from chengnuan.applications.rules import next_steps
from chengnuan.applications.selectors import (
    applicant_contact,
    applicants_for_posting,
    application_history,
    interview_latest,
)
from chengnuan.applications.services.applications import application_transition
from chengnuan.applications.services.interviews import application_invite
from chengnuan.applications.views.common import run_step
from chengnuan.core.pages import bind_form, render_form_page, render_list, run_service


def applicants(request: HttpRequest, posting_pk: int) -> HttpResponse:
    user = login_required_kind(request, UserKind.EMPLOYER)
    posting = get_own_posting_or_404(user, posting_pk)
    status = request.GET.get("status", "")
    status = status if status in ApplicationStatus.values else ""
    return render_list(
        request,
        "applications/applicants.html",
        applicants_for_posting(posting, status),
        posting=posting,
        status=status,
        statuses=ApplicationStatus.choices,
    )


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = login_required_kind(request, UserKind.EMPLOYER)
    application = get_application_for_employer_or_404(user, pk)
    steps = next_steps(application, Side.EMPLOYER)
    return render(
        request,
        "applications/employer_detail.html",
        {
            "application": application,
            "seeker": application.seeker,
            "phone": applicant_contact(application=application, actor=user),
            "events": application_history(application),
            "interview": interview_latest(application),
            "can_invite": ApplicationStatus.INVITED in steps,
            "outcomes": [(s, ApplicationStatus(s).label) for s in steps if s != "invited"],
        },
    )


def invite(request: HttpRequest, pk: int) -> HttpResponse:
    user = login_required_kind(request, UserKind.EMPLOYER)
    application = get_application_for_employer_or_404(user, pk)
    form, submitted = bind_form(
        request, InvitationForm, initial={"place": application.posting.address}
    )
    if submitted and form.is_valid():
        done = run_service(
            form,
            lambda: application_invite(application=application, data=form.to_input(), actor=user),
        )
        if done is not None:
            return redirect("applications:employer_detail", pk=pk)
    return render_form_page(
        request,
        form,
        heading=f"邀请面试：{application.posting.title}",
        intro="选到现场面试、在平台上视频面试，或者用您自己的视频会议链接。发出后求职者会收到通知，"
        "您也能看到对方的手机号。",
        buttons=[{"value": "save", "label": "发出邀请"}],
        cancel_url=reverse("applications:employer_detail", args=[pk]),
    )


@require_POST
def outcome(request: HttpRequest, pk: int) -> HttpResponse:
    user = login_required_kind(request, UserKind.EMPLOYER)
    application = get_application_for_employer_or_404(user, pk)
    form = OutcomeForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, str(message))
        return redirect("applications:employer_detail", pk=pk)
    to = form.cleaned_data["to"]
    run_step(
        request,
        lambda: application_transition(
            application=application, to=to, actor=user, note=form.cleaned_data["note"]
        ),
        f"已记录：{ApplicationStatus(to).label}。",
    )
    return redirect("applications:employer_detail", pk=pk)
