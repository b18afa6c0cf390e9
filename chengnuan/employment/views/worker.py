"""A worker's own pages: their 求职登记 (register, see, change, pause, resume, close) and their
收藏 (saved postings)."""

import dataclasses
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from chengnuan.accounts.access import login_required_kind
from chengnuan.accounts.models import User, UserKind
from chengnuan.core.offline import offline_copy
from chengnuan.core.pages import bind_form, render_form_page, run_service
from chengnuan.employment.access import get_own_seeker_or_404
from chengnuan.employment.choices import RegisteredVia
from chengnuan.employment.forms.seekers import OwnRegistrationEditForm, SelfRegistrationForm
from chengnuan.employment.inputs import SeekerInput
from chengnuan.employment.models import ConsentMethod, JobSeeker
from chengnuan.employment.selectors.postings import posting_for_public
from chengnuan.employment.selectors.saved import saved_for_user
from chengnuan.employment.selectors.seekers import seeker_for_user
from chengnuan.employment.services.saved import saved_posting_add, saved_posting_remove
from chengnuan.employment.services.seekers import (
    seeker_close,
    seeker_pause,
    seeker_register,
    seeker_resume,
    seeker_update,
)

REGISTER_INTRO = (
    "填好下面的信息，有合适的岗位我们会推送给您。标着“必填”的要填，其他可以以后再补。"
    "不会填的，可以到附近的就业服务站请工作人员帮忙。"
)


def seeker_initial(seeker: JobSeeker) -> dict[str, Any]:
    """A registration as form values, to start an edit from."""
    return dataclasses.asdict(SeekerInput.from_seeker(seeker))


def my_registration(request: HttpRequest) -> HttpResponse:
    """The worker's registration; a registration form when there is none yet."""
    user = login_required_kind(request, UserKind.WORKER)
    seeker = seeker_for_user(user)
    if seeker is not None:
        return render(request, "employment/my_registration.html", {"seeker": seeker})
    form, submitted = bind_form(request, SelfRegistrationForm, initial={"phone": user.phone})
    if submitted and form.is_valid():
        registered = run_service(
            form,
            lambda: seeker_register(
                data=form.to_input(),
                user=user,
                registered_by=None,
                via=RegisteredVia.SELF,
                consent_method=ConsentMethod.ONLINE,
            ),
        )
        if registered is not None:
            messages.success(request, "求职登记成功。有合适的岗位，我们会推送给您。")
            return redirect("employment:my_registration")
    return render_form_page(
        request,
        form,
        heading="求职登记",
        intro=REGISTER_INTRO,
        buttons=[{"value": "save", "label": "提交登记"}],
    )


def my_registration_edit(request: HttpRequest) -> HttpResponse:
    user = login_required_kind(request, UserKind.WORKER)
    seeker = get_own_seeker_or_404(user)
    form, submitted = bind_form(
        request, OwnRegistrationEditForm, initial=seeker_initial(seeker), seeker=seeker
    )
    if submitted and form.is_valid():
        saved = run_service(
            form, lambda: seeker_update(seeker=seeker, data=form.to_input(), actor=user)
        )
        if saved is not None:
            messages.success(request, "登记信息已经改好了。")
            return redirect("employment:my_registration")
    return render_form_page(
        request,
        form,
        heading="修改求职登记",
        buttons=[{"value": "save", "label": "保存修改"}],
        cancel_url=reverse("employment:my_registration"),
    )


def _change_status(
    request: HttpRequest,
    service: Callable[..., JobSeeker],
    done: str,
) -> HttpResponse:
    user: User = login_required_kind(request, UserKind.WORKER)
    seeker = get_own_seeker_or_404(user)
    try:
        service(seeker=seeker, actor=user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect("employment:my_registration")


@require_POST
def my_registration_pause(request: HttpRequest) -> HttpResponse:
    return _change_status(request, seeker_pause, "已暂停求职，这段时间不给您推送岗位。")


@require_POST
def my_registration_resume(request: HttpRequest) -> HttpResponse:
    return _change_status(request, seeker_resume, "已恢复求职，有合适的岗位会推送给您。")


@require_POST
def my_registration_close(request: HttpRequest) -> HttpResponse:
    return _change_status(request, seeker_close, "求职登记已关闭。想找工作了，可以随时恢复。")


# --- 收藏: saved postings --------------------------------------------------------------------


@offline_copy
def saved_list(request: HttpRequest) -> HttpResponse:
    """The worker's saved postings, each whole (with the contact), so the page is enough to
    read and call from when the phone is offline (the service worker keeps it)."""
    user = login_required_kind(request, UserKind.WORKER)
    saved = saved_for_user(user)
    return render(
        request, "employment/saved_list.html", {"saved": saved, "rendered_at": timezone.now()}
    )


@require_POST
def posting_save(request: HttpRequest, pk: int) -> HttpResponse:
    user = login_required_kind(request, UserKind.WORKER)
    posting = posting_for_public(pk)
    try:
        saved_posting_add(user=user, posting=posting)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, "已收藏。在“我的收藏”里可以找到，没有网络时也能看。")
    return redirect("employment:posting_detail", pk=posting.pk)


@require_POST
def posting_unsave(request: HttpRequest, pk: int) -> HttpResponse:
    user = login_required_kind(request, UserKind.WORKER)
    saved_posting_remove(user=user, posting_id=pk)
    messages.success(request, "已取消收藏。")
    target = request.POST.get("next", "")
    if target == "saved":
        return redirect("employment:saved_list")
    return redirect("employment:posting_detail", pk=pk)
