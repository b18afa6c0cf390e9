"""Back office (area-scoped, people's reads audited): a seeker's current best matches with
push by hand and follow-up contacts, a posting's best seekers (names masked), the stations'
follow-up list, and the effectiveness figures."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from chengnuan.accounts.access import staff_required
from chengnuan.accounts.models import User
from chengnuan.core.pages import page_of, query_without_page, run_service
from chengnuan.employment.models import JobSeeker, Posting
from chengnuan.employment.selectors.postings import public_postings
from chengnuan.matching.access import get_posting_for_staff_or_404, get_seeker_for_staff_or_404
from chengnuan.matching.forms import (
    ContactForm,
    EffectivenessFilterForm,
    FollowUpFilterForm,
    PushByHandForm,
)
from chengnuan.matching.models import PushRecord
from chengnuan.matching.selectors.effectiveness import push_funnel
from chengnuan.matching.selectors.followup import contacts_of, contacts_of_seeker, followup_seekers
from chengnuan.matching.selectors.matches import best_matches, matches_of_seeker, seekers_of_posting
from chengnuan.matching.services.followup import followup_contact_record
from chengnuan.matching.services.push import match_push_by_hand

FOLLOW_UP_MATCHES = 3


def seeker_matches(request: HttpRequest, pk: int) -> HttpResponse:
    user = staff_required(request)
    seeker = get_seeker_for_staff_or_404(user, pk)
    return _seeker_page(request, seeker, PushByHandForm(), ContactForm())


@require_POST
def seeker_push(request: HttpRequest, pk: int) -> HttpResponse:
    user = staff_required(request)
    seeker = get_seeker_for_staff_or_404(user, pk)
    form = PushByHandForm(request.POST)
    if form.is_valid():
        posting = public_postings().filter(pk=form.cleaned_data["posting_id"]).first()
        if posting is None:
            form.add_error("posting_id", "没有这个岗位，或它已经结束。")
        elif run_service(form, lambda: _push(user, seeker, posting)) is not None:
            messages.success(request, f"已把「{posting.title}」推送给{seeker.name}。")
            return redirect("matching:office_seeker_matches", pk=seeker.pk)
    return _seeker_page(request, seeker, form, ContactForm())


def _push(user: User, seeker: JobSeeker, posting: Posting) -> PushRecord:
    return match_push_by_hand(clerk=user, seeker=seeker, posting=posting)


@require_POST
def seeker_contact(request: HttpRequest, pk: int) -> HttpResponse:
    user = staff_required(request)
    seeker = get_seeker_for_staff_or_404(user, pk)
    form = ContactForm(request.POST)
    if form.is_valid():
        posting_id = form.cleaned_data["referred_posting_id"]
        posting = public_postings().filter(pk=posting_id).first() if posting_id else None
        if posting_id and posting is None:
            form.add_error("referred_posting_id", "没有这个岗位，或它已经结束。")
        else:
            saved = run_service(
                form,
                lambda: followup_contact_record(
                    clerk=user,
                    seeker=seeker,
                    method=form.cleaned_data["method"],
                    note=form.cleaned_data["note"],
                    posting=posting,
                ),
            )
            if saved is not None:
                messages.success(request, "已记下这次联系。")
                return redirect("matching:office_seeker_matches", pk=seeker.pk)
    return _seeker_page(request, seeker, PushByHandForm(), form)


def _seeker_page(
    request: HttpRequest, seeker: JobSeeker, push_form: PushByHandForm, contact_form: ContactForm
) -> HttpResponse:
    context = {
        "seeker": seeker,
        "matches": matches_of_seeker(seeker),
        "contacts": contacts_of_seeker(seeker),
        "push_form": push_form,
        "contact_form": contact_form,
    }
    return render(request, "matching/office/seeker_matches.html", context)


def posting_seekers(request: HttpRequest, pk: int) -> HttpResponse:
    user = staff_required(request)
    posting = get_posting_for_staff_or_404(user, pk)
    context = {"posting": posting, "seekers": seekers_of_posting(user, posting)}
    return render(request, "matching/office/posting_seekers.html", context)


def follow_up(request: HttpRequest) -> HttpResponse:
    user = staff_required(request)
    form = FollowUpFilterForm(request.GET or None)
    days = form.chosen_days()
    page = page_of(request, followup_seekers(user, days=days))  # reading it is audited
    ids = [seeker.pk for seeker in page.object_list]
    matches = best_matches(ids, limit=FOLLOW_UP_MATCHES)
    contacts = contacts_of(ids)
    rows = [(seeker, matches[seeker.pk], contacts[seeker.pk][:3]) for seeker in page.object_list]
    context = {
        "form": form,
        "days": days,
        "page": page,
        "rows": rows,
        "query_without_page": query_without_page(request),
    }
    return render(request, "matching/office/follow_up.html", context)


def effectiveness(request: HttpRequest) -> HttpResponse:
    user = staff_required(request)
    form = EffectivenessFilterForm(request.GET or None)
    level, month = form.chosen()
    rows = push_funnel(user, level=level, month=month)
    return render(
        request, "matching/office/effectiveness.html", {"form": form, "rows": rows, "level": level}
    )
