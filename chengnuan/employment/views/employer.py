"""An employer account's pages: register the 用人单位, post jobs, edit drafts, close."""

import dataclasses
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from chengnuan.accounts.access import login_required_kind
from chengnuan.accounts.models import User, UserKind
from chengnuan.core.pages import bind_form, render_form_page, run_service
from chengnuan.employment.access import get_posting_for_employer_or_404
from chengnuan.employment.choices import PostingStatus, Source
from chengnuan.employment.forms.postings import EmployerForm, PostingForm, posting_contact_initial
from chengnuan.employment.inputs import PostingInput
from chengnuan.employment.models import Employer, Posting
from chengnuan.employment.selectors.employers import employers_for_owner
from chengnuan.employment.selectors.postings import postings_for_employer
from chengnuan.employment.services.employers import employer_register
from chengnuan.employment.services.postings import (
    SUBMITTABLE,
    posting_close,
    posting_create,
    posting_submit,
    posting_update,
)

DRAFT = {"value": "draft", "label": "存为草稿", "secondary": True}
SUBMIT = {"value": "submit", "label": "提交审核"}
SAVE_LIVE = {"value": "save", "label": "保存修改（重新审核后公开）"}
SAVE_PENDING = {"value": "save", "label": "保存修改"}


def _own_employer(user: User) -> Employer | None:
    return employers_for_owner(user).first()


def employer_home(request: HttpRequest) -> HttpResponse:
    """The employer's status and postings; the registration form when there is none yet."""
    user = login_required_kind(request, UserKind.EMPLOYER)
    employer = _own_employer(user)
    if employer is not None:
        postings = postings_for_employer(employer)
        return render(
            request, "employment/employer_home.html", {"employer": employer, "postings": postings}
        )
    form, submitted = bind_form(request, EmployerForm, initial={"contact_phone": user.phone})
    if submitted and form.is_valid():
        created = run_service(
            form,
            lambda: employer_register(
                data=form.to_input(), owner=user, created_by=user, source=Source.EMPLOYER
            ),
        )
        if created is not None:
            messages.success(request, "单位信息已提交，县区人社部门核验通过后，您的岗位就能公开。")
            return redirect("employment:employer_home")
    return render_form_page(
        request,
        form,
        heading="登记用人单位",
        intro="发布岗位前，请先登记单位信息。工作人员会核对营业执照，一般两个工作日内完成。",
        buttons=[{"value": "save", "label": "提交单位信息"}],
    )


def posting_new(request: HttpRequest) -> HttpResponse:
    user = login_required_kind(request, UserKind.EMPLOYER)
    employer = _own_employer(user)
    if employer is None:
        messages.info(request, "请先登记单位信息，再发布岗位。")
        return redirect("employment:employer_home")
    form, submitted = bind_form(request, PostingForm, initial=posting_contact_initial(employer))
    if submitted and form.is_valid():
        submit = request.POST.get("action") == SUBMIT["value"]
        created = run_service(
            form,
            lambda: posting_create(
                employer=employer,
                data=form.to_input(),
                actor=user,
                source=Source.EMPLOYER,
                submit=submit,
            ),
        )
        if created is not None:
            messages.success(request, "岗位已提交审核。" if submit else "岗位已存为草稿。")
            return redirect("employment:employer_home")
    return render_form_page(
        request,
        form,
        heading="发布岗位",
        intro="审核通过后岗位会公开。工资、地点写清楚，找您的人会更多。",
        buttons=[DRAFT, SUBMIT],
        cancel_url=reverse("employment:employer_home"),
    )


def _edit_buttons(posting: Posting) -> list[dict[str, Any]]:
    if posting.status in SUBMITTABLE:
        return [DRAFT, SUBMIT]
    return [SAVE_LIVE if posting.status == PostingStatus.PUBLISHED else SAVE_PENDING]


def _update_and_maybe_submit(
    posting: Posting, data: PostingInput, actor: User, submit: bool
) -> Posting:
    """Save the changes, then send for review if asked; both or neither."""
    with transaction.atomic():
        posting = posting_update(posting=posting, data=data, actor=actor)
        return posting_submit(posting=posting, actor=actor) if submit else posting


def posting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = login_required_kind(request, UserKind.EMPLOYER)
    posting = get_posting_for_employer_or_404(user, pk)
    initial = dataclasses.asdict(PostingInput.from_posting(posting))
    form, submitted = bind_form(request, PostingForm, initial=initial)
    if submitted and form.is_valid():
        submit = request.POST.get("action") == SUBMIT["value"] and posting.status in SUBMITTABLE
        saved = run_service(
            form, lambda: _update_and_maybe_submit(posting, form.to_input(), user, submit)
        )
        if saved is not None:
            messages.success(request, f"岗位已保存，现在的状态：{saved.get_status_display()}。")
            return redirect("employment:employer_home")
    return render_form_page(
        request,
        form,
        heading=f"修改岗位：{posting.title}",
        notice=f"现在的状态：{posting.get_status_display()}"
        + (f"。审核意见：{posting.review_note}" if posting.review_note else ""),
        buttons=_edit_buttons(posting),
        cancel_url=reverse("employment:employer_home"),
    )


def _posting_action(request: HttpRequest, pk: int, action: Any, done: str) -> HttpResponse:
    user = login_required_kind(request, UserKind.EMPLOYER)
    posting = get_posting_for_employer_or_404(user, pk)
    try:
        action(posting=posting, actor=user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect("employment:employer_home")


@require_POST
def posting_submit_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _posting_action(request, pk, posting_submit, "岗位已提交审核。")


@require_http_methods(["GET", "POST"])
def posting_close_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Ending a posting cannot be undone, so it asks first, on a page of its own (works without
    JavaScript, needs no inline script): only the confirmation's POST ends it."""
    user = login_required_kind(request, UserKind.EMPLOYER)
    posting = get_posting_for_employer_or_404(user, pk)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        return _posting_action(request, pk, posting_close, "岗位已结束招聘，不再公开。")
    return render(request, "employment/posting_close_confirm.html", {"posting": posting})
