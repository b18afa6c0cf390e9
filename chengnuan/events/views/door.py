"""At the door and after: find a sign-up by entry code (typed or scanned) or phone and mark
the worker attended; a fair's figures. Looking up by phone is a POST, so no number lands in
a URL or an access log."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from chengnuan.accounts.access import staff_required
from chengnuan.events import access
from chengnuan.events.forms.signups import DoorLookupForm
from chengnuan.events.selectors.figures import fair_figures
from chengnuan.events.selectors.signups import signups_for_staff
from chengnuan.events.services.signups import signup_mark_attended
from chengnuan.events.views.common import run_and_tell

MAX_MATCHES = 20


def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    """The door's page. A scanned entry code arrives as ?code= (the QR on the worker's
    phone); a typed code or phone number is posted."""
    user = staff_required(request)
    fair = access.get_fair_for_staff_or_404(user, pk)
    scanned = request.GET.get("code", "")
    if request.method == "POST":
        form = DoorLookupForm(request.POST)
    else:
        form = DoorLookupForm({"q": scanned} if scanned else None)
    matches = None
    if form.is_bound and form.is_valid():
        matches = list(signups_for_staff(user, fair, query=form.cleaned_data["q"])[:MAX_MATCHES])
    return render(
        request,
        "events/office/attendance.html",
        {"fair": fair, "form": form, "matches": matches, "figures": fair_figures(fair)},
    )


@require_POST
def attend(request: HttpRequest, pk: int, signup_pk: int) -> HttpResponse:
    user = staff_required(request)
    fair = access.get_fair_for_staff_or_404(user, pk)
    signup = access.get_signup_for_staff_or_404(user, fair, signup_pk)
    run_and_tell(
        request,
        lambda: signup_mark_attended(signup=signup, actor=user),
        f"已签到（入场码 {signup.code}）。",
    )
    return redirect("events:office_attendance", pk=fair.pk)


def figures(request: HttpRequest, pk: int) -> HttpResponse:
    user = staff_required(request)
    fair = access.get_fair_for_staff_or_404(user, pk)
    return render(
        request, "events/office/figures.html", {"fair": fair, "figures": fair_figures(fair)}
    )
