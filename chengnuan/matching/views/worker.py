"""A worker's own page: their current best matches with the reasons (or, with personalised
recommendations off, the newest postings of their city), and their matching settings."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from chengnuan.accounts.access import login_required_kind
from chengnuan.accounts.models import UserKind
from chengnuan.core.pages import run_service
from chengnuan.employment.models import JobSeeker
from chengnuan.matching.access import get_own_seeker_or_404
from chengnuan.matching.forms import MatchSettingsForm
from chengnuan.matching.selectors.matches import matches_of_seeker, newest_in_city
from chengnuan.matching.services.preferences import match_settings_of, match_settings_update


def my_matches(request: HttpRequest) -> HttpResponse:
    user = login_required_kind(request, UserKind.WORKER)
    seeker = get_own_seeker_or_404(user)
    settings = match_settings_of(seeker)
    form = MatchSettingsForm(
        initial={"personalised": settings.personalised, "wished_benefits": settings.wished_benefits}
    )
    return _page(request, seeker, settings.personalised, form)


@require_POST
def my_match_settings(request: HttpRequest) -> HttpResponse:
    user = login_required_kind(request, UserKind.WORKER)
    seeker = get_own_seeker_or_404(user)
    form = MatchSettingsForm(request.POST)
    if form.is_valid():
        saved = run_service(
            form,
            lambda: match_settings_update(
                seeker=seeker,
                personalised=form.cleaned_data["personalised"],
                wished_benefits=form.cleaned_data["wished_benefits"],
            ),
        )
        if saved is not None:
            messages.success(
                request,
                "已保存。"
                if saved.personalised
                else "已关闭个性化推荐：以后只给您发所在城市的最新岗位。",
            )
            return redirect("matching:my_matches")
    return _page(request, seeker, match_settings_of(seeker).personalised, form)


def _page(
    request: HttpRequest, seeker: JobSeeker, personalised: bool, form: MatchSettingsForm
) -> HttpResponse:
    context = {
        "seeker": seeker,
        "personalised": personalised,
        "matches": matches_of_seeker(seeker) if personalised else [],
        "newest": [] if personalised else newest_in_city(seeker.area_code[:4]),
        "form": form,
    }
    return render(request, "matching/my_matches.html", context)
