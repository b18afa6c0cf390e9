"""Pages anyone can open: the simple list of published postings and a posting's page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from chengnuan.accounts.models import UserKind
from chengnuan.employment import selectors, selectors_pages
from chengnuan.employment.forms_filters import PublicPostingFilters
from chengnuan.employment.views_common import render_list


@require_GET
def posting_list(request: HttpRequest) -> HttpResponse:
    """Newest published postings, by city and for older workers. Full-text search lives at
    search:jobs; this list is what works before (and without) it."""
    filters = PublicPostingFilters(request.GET)
    valid = filters.is_valid()
    postings = selectors_pages.public_postings_filtered(
        title=filters.cleaned_data["q"] if valid else "",
        city=filters.cleaned_data["city"] if valid else "",
        older_only=filters.cleaned_data["older"] if valid else False,
    )
    return render_list(request, "employment/posting_list.html", postings, filters=filters)


@require_GET
def posting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A published posting. The phone number is for signed-in workers only, so it cannot be
    harvested by scraping the public pages."""
    posting = selectors.posting_for_public(pk)
    user = request.user
    show_contact = user.is_authenticated and getattr(user, "kind", "") == UserKind.WORKER
    return render(
        request,
        "employment/posting_detail.html",
        {"posting": posting, "show_contact": show_contact},
    )
