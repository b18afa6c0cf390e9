"""Pages anyone can open: a posting's page (the list of postings is the search page)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from chengnuan.accounts.models import User, UserKind
from chengnuan.employment.selectors.postings import posting_for_public
from chengnuan.employment.selectors.saved import is_saved


@require_GET
def posting_list(request: HttpRequest) -> HttpResponse:
    """The old address of the job list (printed on early posters): the list is the search page."""
    target = reverse("employment:jobs")
    query = request.GET.urlencode()
    return redirect(f"{target}?{query}" if query else target, permanent=True)


@require_GET
def posting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A published posting. The phone number is for signed-in workers only, so it cannot be
    harvested by scraping the public pages."""
    posting = posting_for_public(pk)
    user = request.user
    is_worker = isinstance(user, User) and user.kind == UserKind.WORKER
    context = {
        "posting": posting,
        "show_contact": is_worker,
        "can_save": is_worker,
        "saved": isinstance(user, User) and is_worker and is_saved(user, posting),
    }
    return render(request, "employment/posting_detail.html", context)
