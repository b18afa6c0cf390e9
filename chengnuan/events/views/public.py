"""Pages anyone can open: upcoming fairs near a place, a fair's page, its printable A4 list
of booths."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from chengnuan.accounts.models import UserKind
from chengnuan.core.pages import render_list
from chengnuan.events.forms.fairs import FairFinder
from chengnuan.events.selectors.booths import fair_booths
from chengnuan.events.selectors.fairs import fair_for_public, fairs_near, home_area
from chengnuan.events.selectors.signups import signup_of
from chengnuan.regions.selectors import division_by_code


@require_GET
def fair_list(request: HttpRequest) -> HttpResponse:
    """Upcoming fairs. A signed-in worker starts with those near where they live (their
    county's and the city-wide ones); anyone may choose another city or county."""
    # Bound only once a place was chosen: turning a page of the home list keeps it.
    finder = FairFinder(request.GET if "area" in request.GET else None)
    chosen = finder.chosen() if finder.is_bound else ""
    home = "" if finder.is_bound else home_area(request.user)  # type: ignore[arg-type]
    area = chosen or home
    place = division_by_code(area[:6] if len(area) > 6 else area) if area else None
    return render_list(
        request,
        "events/fair_list.html",
        fairs_near(area),
        finder=finder,
        place=place,
        from_home=bool(home),
    )


@require_GET
def fair_detail(request: HttpRequest, pk: int) -> HttpResponse:
    fair = fair_for_public(pk)
    user = request.user
    is_worker = user.is_authenticated and getattr(user, "kind", "") == UserKind.WORKER
    signup = signup_of(user, fair) if is_worker else None  # type: ignore[arg-type]
    booked = {b.booth_id: b for b in signup.bookings.all()} if signup is not None else {}
    booths = list(fair_booths(fair))
    for booth in booths:
        booth.my_booking = booked.get(booth.pk)  # type: ignore[attr-defined]
    return render(
        request,
        "events/fair_detail.html",
        {
            "fair": fair,
            "booths": booths,
            "is_worker": is_worker,
            "signup": signup,
        },
    )


@require_GET
def fair_print(request: HttpRequest, pk: int) -> HttpResponse:
    """The booths on A4, to print and pin up at the entrance or hand out."""
    fair = fair_for_public(pk)
    return render(request, "events/fair_print.html", {"fair": fair, "booths": fair_booths(fair)})
