"""An employer account's fairs: open fairs to take part in, its booths, a booth request with
the postings it brings, a booth's interview slots (online fairs)."""

from typing import TYPE_CHECKING

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from chengnuan.accounts.access import login_required_kind
from chengnuan.accounts.models import User, UserKind
from chengnuan.core.pages import bind_form, run_service
from chengnuan.employment.selectors.employers import employers_for_owner
from chengnuan.events import access
from chengnuan.events.forms.booths import BoothForm, SlotForm
from chengnuan.events.selectors.booths import booths_for_employer_user, postings_to_bring
from chengnuan.events.selectors.fairs import fair_for_public, upcoming_fairs
from chengnuan.events.services.booths import booth_request, booth_withdraw, slot_add, slot_remove
from chengnuan.events.views.common import run_and_tell

if TYPE_CHECKING:
    from chengnuan.employment.models import Employer


def _employer(user: User) -> "Employer":
    """The employer this account manages (the first, for the rare account with several)."""
    employer = employers_for_owner(user).first()
    if employer is None:
        raise Http404("请先登记单位信息。")
    return employer


def employer_fairs(request: HttpRequest) -> HttpResponse:
    user = login_required_kind(request, UserKind.EMPLOYER)
    employer = employers_for_owner(user).first()
    booths = list(booths_for_employer_user(user))
    taken = {b.fair_id for b in booths if b.status in ("pending", "approved")}
    return render(
        request,
        "events/employer_fairs.html",
        {
            "employer": employer,
            "booths": booths,
            "fairs": [f for f in upcoming_fairs()[:50] if f.pk not in taken],
        },
    )


def booth_new(request: HttpRequest, pk: int) -> HttpResponse:
    user = login_required_kind(request, UserKind.EMPLOYER)
    fair = fair_for_public(pk)
    employer = _employer(user)
    postings = postings_to_bring([employer.pk])
    form, submitted = bind_form(request, BoothForm, postings=postings)
    if submitted and form.is_valid():
        booth = run_service(
            form,
            lambda: booth_request(fair=fair, employer=employer, data=form.to_input(), actor=user),
        )
        if booth is not None:
            messages.success(request, "已报名，等主办方审核。审核结果会发消息告诉您。")
            return redirect("events:employer_booth", pk=booth.pk)
    return render(
        request,
        "events/booth_form.html",
        {"form": form, "fair": fair, "employer": employer, "has_postings": postings.exists()},
    )


def booth_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A booth, its postings and, at an online fair, its interview slots with a form to add one."""
    user = login_required_kind(request, UserKind.EMPLOYER)
    booth = access.get_booth_for_employer_or_404(user, pk)
    form = None
    if booth.fair.is_online:
        form, submitted = bind_form(request, SlotForm)
        if submitted and form.is_valid():
            slot_form = form
            added = run_service(
                form, lambda: slot_add(booth=booth, data=slot_form.to_input(), actor=user)
            )
            if added is not None:
                messages.success(request, "已加上这个面试时段。")
                return redirect("events:employer_booth", pk=booth.pk)
    return render(
        request,
        "events/booth_detail.html",
        {"booth": booth, "form": form, "slots": booth.slots.order_by("starts_at")},
    )


@require_POST
def booth_withdraw_view(request: HttpRequest, pk: int) -> HttpResponse:
    user = login_required_kind(request, UserKind.EMPLOYER)
    booth = access.get_booth_for_employer_or_404(user, pk)
    run_and_tell(request, lambda: booth_withdraw(booth=booth, actor=user), "已撤回展位报名。")
    return redirect("events:employer_fairs")


@require_POST
def slot_remove_view(request: HttpRequest, pk: int) -> HttpResponse:
    user = login_required_kind(request, UserKind.EMPLOYER)
    slot = access.get_slot_for_employer_or_404(user, pk)
    run_and_tell(request, lambda: slot_remove(slot=slot, actor=user), "已删除这个时段。")
    return redirect("events:employer_booth", pk=slot.booth_id)
