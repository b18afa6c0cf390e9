"""Back office for 人社 and union staff, scoped to their area: their fairs, a fair's page with
its booths, the fair form, publishing and cancelling, deciding on a booth."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from chengnuan.accounts.access import staff_required
from chengnuan.core.pages import bind_form, render_form_page, render_list, run_service
from chengnuan.events import access
from chengnuan.events.choices import FairStatus
from chengnuan.events.forms.fairs import BoothDecisionForm, CancelForm, FairForm, fair_initial
from chengnuan.events.selectors.booths import booths_for_review
from chengnuan.events.selectors.fairs import staff_fairs
from chengnuan.events.services.booths import booth_decide
from chengnuan.events.services.fairs import fair_cancel, fair_create, fair_publish, fair_update
from chengnuan.events.views.common import run_and_tell

FAIR_INTRO = (
    "现场招聘会填会场和地址；网络招聘会只填日期，单位报名时自己加面试时段。"
    "保存后是草稿，检查无误再点“发布”，求职者才看得到。"
)


def fair_list(request: HttpRequest) -> HttpResponse:
    user = staff_required(request)
    status = request.GET.get("status", "")
    fairs = staff_fairs(user, status=status if status in FairStatus.values else "")
    return render_list(
        request, "events/office/fairs.html", fairs, statuses=FairStatus.choices, status=status
    )


def fair_new(request: HttpRequest) -> HttpResponse:
    user = staff_required(request)
    area = user.scope_prefix
    initial = {
        "fair_city": area[:4] if len(area) >= 4 else "",
        "area_county": area[:6] if len(area) >= 6 else "",
    }
    form, submitted = bind_form(request, FairForm, initial=initial)
    if submitted and form.is_valid():
        publish = request.POST.get("action") == "publish"
        created = run_service(
            form, lambda: fair_create(data=form.to_input(), actor=user, publish=publish)
        )
        if created is not None:
            messages.success(request, "招聘会已发布。" if publish else "已保存为草稿。")
            return redirect("events:office_fair", pk=created.pk)
    return render_form_page(
        request,
        form,
        heading="新建招聘会",
        intro=FAIR_INTRO,
        buttons=[
            {"value": "save", "label": "保存草稿"},
            {"value": "publish", "label": "保存并发布", "secondary": True},
        ],
        cancel_url=reverse("events:office_fairs"),
    )


def fair_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = staff_required(request)
    fair = access.get_fair_for_staff_or_404(user, pk)
    return render(
        request,
        "events/office/fair_detail.html",
        {"fair": fair, "booths": booths_for_review(fair), "cancel_form": CancelForm()},
    )


def fair_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = staff_required(request)
    fair = access.get_fair_for_staff_or_404(user, pk)
    form, submitted = bind_form(request, FairForm, initial=fair_initial(fair))
    if submitted and form.is_valid():
        saved = run_service(form, lambda: fair_update(fair=fair, data=form.to_input(), actor=user))
        if saved is not None:
            messages.success(request, "招聘会信息已经改好了。")
            return redirect("events:office_fair", pk=fair.pk)
    return render_form_page(
        request,
        form,
        heading=f"修改：{fair.title}",
        buttons=[{"value": "save", "label": "保存修改"}],
        cancel_url=reverse("events:office_fair", args=[fair.pk]),
    )


@require_POST
def fair_publish_view(request: HttpRequest, pk: int) -> HttpResponse:
    user = staff_required(request)
    fair = access.get_fair_for_staff_or_404(user, pk)
    run_and_tell(request, lambda: fair_publish(fair=fair, actor=user), "招聘会已发布。")
    return redirect("events:office_fair", pk=fair.pk)


@require_POST
def fair_cancel_view(request: HttpRequest, pk: int) -> HttpResponse:
    user = staff_required(request)
    fair = access.get_fair_for_staff_or_404(user, pk)
    reason = request.POST.get("reason", "")
    run_and_tell(
        request,
        lambda: fair_cancel(fair=fair, actor=user, reason=reason),
        "招聘会已取消，已通知报名的人和单位。",
    )
    return redirect("events:office_fair", pk=fair.pk)


def booth_review(request: HttpRequest, pk: int) -> HttpResponse:
    """A booth with its postings; approve or refuse it while it waits."""
    user = staff_required(request)
    booth = access.get_booth_for_staff_or_404(user, pk)
    form = None
    if booth.status == "pending":
        form = BoothDecisionForm(request.POST if request.method == "POST" else None)
        if form.is_bound and form.is_valid():
            decision = form
            decided = run_service(
                form,
                lambda: booth_decide(
                    booth=booth,
                    actor=user,
                    approve=decision.approve,
                    note=decision.cleaned_data["note"],
                ),
            )
            if decided is not None:
                messages.success(
                    request, f"“{decided.employer.name}”：{decided.get_status_display()}。"
                )
                return redirect("events:office_fair", pk=decided.fair_id)
    return render(
        request,
        "events/office/booth_review.html",
        {"booth": booth, "form": form, "postings": booth.postings.select_related("county")},
    )
