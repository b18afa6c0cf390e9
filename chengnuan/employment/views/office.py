"""Back office for staff, scoped to their area: dashboard, posting review, employer
verification, employers and postings entered on an employer's behalf, posting list.
Job seekers are in views_office_seekers."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from chengnuan.accounts.access import staff_required
from chengnuan.core.pages import bind_form, render_form_page, render_list, run_service
from chengnuan.employment.access import (
    get_employer_for_staff_or_404,
    get_posting_for_staff_or_404,
)
from chengnuan.employment.choices import EmployerStatus, PostingStatus, Source
from chengnuan.employment.forms.filters import (
    DecisionForm,
    OfficeEmployerFilters,
    OfficePostingFilters,
)
from chengnuan.employment.forms.postings import EmployerForm, PostingForm, posting_contact_initial
from chengnuan.employment.selectors.employers import employers_for_staff, staff_employers
from chengnuan.employment.selectors.postings import postings_for_employer, staff_postings
from chengnuan.employment.selectors.postings import review_queue as postings_to_review
from chengnuan.employment.services.employers import employer_register, employer_verify
from chengnuan.employment.services.postings import posting_create, posting_review


def office_home(request: HttpRequest) -> HttpResponse:
    user = staff_required(request)
    counts = {
        "review": postings_to_review(user).count(),
        "employers": employers_for_staff(user, EmployerStatus.PENDING).count(),
    }
    return render(request, "employment/office/home.html", {"counts": counts})


def review_queue(request: HttpRequest) -> HttpResponse:
    user = staff_required(request)
    return render_list(request, "employment/office/review_queue.html", postings_to_review(user))


def review_posting(request: HttpRequest, pk: int) -> HttpResponse:
    """A posting with its facts; approve it or send it back with a note while it is pending."""
    user = staff_required(request)
    posting = get_posting_for_staff_or_404(user, pk)
    form = None
    if posting.status == PostingStatus.PENDING:
        form = DecisionForm(request.POST if request.method == "POST" else None)
        if form.is_bound and form.is_valid():
            decision = form
            reviewed = run_service(
                form,
                lambda: posting_review(
                    posting=posting,
                    actor=user,
                    approve=decision.approve,
                    note=decision.cleaned_data["note"],
                ),
            )
            if reviewed is not None:
                messages.success(
                    request,
                    f"“{reviewed.title}”{'已通过，已公开' if decision.approve else '已退回单位修改'}。",
                )
                return redirect("employment:office_review_queue")
    return render(
        request, "employment/office/posting_review.html", {"posting": posting, "form": form}
    )


def employer_list(request: HttpRequest) -> HttpResponse:
    user = staff_required(request)
    filters = OfficeEmployerFilters(request.GET, user=user)
    valid = filters.is_valid()
    employers = staff_employers(
        user,
        status=filters.cleaned_data["status"] if valid else "",
        county=filters.chosen_county(),
        query=filters.cleaned_data["q"] if valid else "",
    )
    return render_list(request, "employment/office/employers.html", employers, filters=filters)


def employer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An employer in the staff member's area, its postings, and the verification form."""
    user = staff_required(request)
    employer = get_employer_for_staff_or_404(user, pk)
    form = None
    if employer.status != EmployerStatus.REJECTED:
        form = DecisionForm(request.POST if request.method == "POST" else None)
    if form is not None and form.is_bound and form.is_valid():
        decision = form
        verified = run_service(
            form,
            lambda: employer_verify(
                employer=employer,
                actor=user,
                approve=decision.approve,
                note=decision.cleaned_data["note"],
            ),
        )
        if verified is not None:
            messages.success(request, f"“{verified.name}”：{verified.get_status_display()}。")
            return redirect("employment:office_employer_detail", pk=verified.pk)
    postings = postings_for_employer(employer)
    return render(
        request,
        "employment/office/employer_detail.html",
        {"employer": employer, "postings": postings, "form": form},
    )


def employer_new(request: HttpRequest) -> HttpResponse:
    """Enter an employer that came to the station; staff entries are verified at once."""
    user = staff_required(request)
    form, submitted = bind_form(request, EmployerForm)
    if submitted and form.is_valid():
        created = run_service(
            form,
            lambda: employer_register(
                data=form.to_input(), owner=None, created_by=user, source=Source.CLERK
            ),
        )
        if created is not None:
            messages.success(request, f"已登记“{created.name}”，可以为它代录岗位了。")
            return redirect("employment:office_employer_detail", pk=created.pk)
    return render_form_page(
        request,
        form,
        heading="代录用人单位",
        intro="请对照营业执照填写。您登记的单位直接算作已核验。",
        buttons=[{"value": "save", "label": "保存单位"}],
    )


def posting_new(request: HttpRequest, employer_pk: int) -> HttpResponse:
    """Enter a posting for an employer in the staff member's area; submitted postings go to
    the review page, where the clerk (or a colleague) publishes them. No drafts here: staff
    have no page to finish one later."""
    user = staff_required(request)
    employer = get_employer_for_staff_or_404(user, employer_pk)
    form, submitted = bind_form(request, PostingForm, initial=posting_contact_initial(employer))
    if submitted and form.is_valid():
        created = run_service(
            form,
            lambda: posting_create(
                employer=employer,
                data=form.to_input(),
                actor=user,
                source=Source.CLERK,
                submit=True,
            ),
        )
        if created is not None:
            messages.success(request, "岗位已保存，请核对后审核发布。")
            return redirect("employment:office_posting_review", pk=created.pk)
    return render_form_page(
        request,
        form,
        heading=f"代录岗位：{employer.name}",
        buttons=[{"value": "submit", "label": "保存并去审核"}],
        cancel_url=reverse("employment:office_employer_detail", args=[employer.pk]),
    )


def posting_list(request: HttpRequest) -> HttpResponse:
    user = staff_required(request)
    filters = OfficePostingFilters(request.GET, user=user)
    postings = staff_postings(
        user,
        status=filters.cleaned_data["status"] if filters.is_valid() else "",
        county=filters.chosen_county(),
    )
    return render_list(request, "employment/office/postings.html", postings, filters=filters)
