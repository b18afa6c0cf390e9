"""A worker's own: sign up for a fair or take it back, my fairs (with the entry code), book
an interview slot at an online booth or cancel it."""

from urllib.parse import urlencode

import qrcode
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from qrcode.image.svg import SvgPathImage

from chengnuan.accounts.access import login_required_kind
from chengnuan.accounts.models import UserKind
from chengnuan.events import access
from chengnuan.events.models import FairSignup
from chengnuan.events.selectors.fairs import fair_for_public
from chengnuan.events.selectors.signups import signups_for_worker
from chengnuan.events.services.signups import (
    booking_cancel,
    booking_create,
    signup_cancel,
    signup_create,
)
from chengnuan.events.views.common import run_and_tell


@require_POST
def fair_signup(request: HttpRequest, pk: int) -> HttpResponse:
    user = login_required_kind(request, UserKind.WORKER)
    fair = fair_for_public(pk)
    run_and_tell(
        request,
        lambda: signup_create(fair=fair, worker=user),
        "报名成功。招聘会前一天会提醒您；到场时出示“我的招聘会”里的入场码。",
    )
    return redirect("events:fair_detail", pk=fair.pk)


@require_POST
def fair_signup_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    user = login_required_kind(request, UserKind.WORKER)
    signup = access.get_signup_for_worker_or_404(user, pk)
    run_and_tell(request, lambda: signup_cancel(signup=signup, actor=user), "已取消报名。")
    return redirect("events:my_fairs")


def _door_qr(request: HttpRequest, signup: FairSignup) -> str:
    """A QR code the clerk at the door scans with their own phone: it opens the door page
    with this entry code filled in (staff sign-in needed; the code alone names nobody)."""
    path = reverse("events:office_attendance", args=[signup.fair_id])
    url = request.build_absolute_uri(f"{path}?{urlencode({'code': signup.code})}")
    image = qrcode.make(url, image_factory=SvgPathImage, box_size=10, border=1)
    return str(image.to_string(encoding="unicode"))


def my_fairs(request: HttpRequest) -> HttpResponse:
    user = login_required_kind(request, UserKind.WORKER)
    items = [
        {"signup": signup, "qr": "" if signup.fair.is_online else _door_qr(request, signup)}
        for signup in signups_for_worker(user)
    ]
    return render(request, "events/my_fairs.html", {"items": items})


@require_POST
def slot_book(request: HttpRequest, pk: int, slot_pk: int) -> HttpResponse:
    user = login_required_kind(request, UserKind.WORKER)
    signup = access.get_signup_for_worker_or_404(user, pk)
    slot = access.get_public_slot_or_404(signup.fair, slot_pk)
    run_and_tell(
        request,
        lambda: booking_create(signup=signup, slot=slot, actor=user),
        "预约好了。到时间请打开“我的招聘会”参加面试。",
    )
    return redirect("events:fair_detail", pk=pk)


@require_POST
def booking_cancel_view(request: HttpRequest, pk: int) -> HttpResponse:
    user = login_required_kind(request, UserKind.WORKER)
    booking = access.get_booking_for_worker_or_404(user, pk)
    run_and_tell(
        request, lambda: booking_cancel(booking=booking, actor=user), "已取消这个面试预约。"
    )
    return redirect("events:my_fairs")
