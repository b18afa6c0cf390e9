"""A worker's applications: apply with one tap, follow each one, withdraw, join the room."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from chengnuan.accounts.access import login_required_kind
from chengnuan.accounts.models import UserKind
from chengnuan.applications.access import get_own_application_or_404
from chengnuan.applications.choices import ApplicationStatus, Side
from chengnuan.applications.rules import next_steps
from chengnuan.applications.selectors import (
    application_history,
    applications_for_seeker,
    interview_latest,
)
from chengnuan.applications.services.applications import application_apply, application_transition
from chengnuan.applications.views.common import run_step
from chengnuan.core.pages import render_list
from chengnuan.employment.selectors.postings import posting_for_public
from chengnuan.employment.selectors.seekers import seeker_for_user


def mine(request: HttpRequest) -> HttpResponse:
    user = login_required_kind(request, UserKind.WORKER)
    seeker = seeker_for_user(user)
    if seeker is None:
        return render(request, "applications/no_registration.html", status=200)
    return render_list(request, "applications/mine.html", applications_for_seeker(seeker))


def mine_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = login_required_kind(request, UserKind.WORKER)
    application = get_own_application_or_404(user, pk)
    return render(
        request,
        "applications/mine_detail.html",
        {
            "application": application,
            "events": application_history(application),
            "interview": interview_latest(application),
            "can_withdraw": ApplicationStatus.WITHDRAWN in next_steps(application, Side.WORKER),
        },
    )


def apply(request: HttpRequest, posting_pk: int) -> HttpResponse:
    """The one tap: a page that shows what will be sent, and the button that sends it."""
    user = login_required_kind(request, UserKind.WORKER)
    posting = posting_for_public(posting_pk)
    seeker = seeker_for_user(user)
    if seeker is None:
        return render(request, "applications/no_registration.html", {"posting": posting})
    if request.method == "POST":
        applied = run_step(
            request,
            lambda: application_apply(seeker=seeker, posting=posting, actor=user),
            "申请已经送到单位。单位邀请面试时，我们会通知您。",
        )
        if applied:
            return redirect("applications:mine")
    return render(request, "applications/apply.html", {"posting": posting, "seeker": seeker})


@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    user = login_required_kind(request, UserKind.WORKER)
    application = get_own_application_or_404(user, pk)
    run_step(
        request,
        lambda: application_transition(
            application=application, to=ApplicationStatus.WITHDRAWN, actor=user
        ),
        "申请已撤回。",
    )
    return redirect("applications:mine_detail", pk=pk)
