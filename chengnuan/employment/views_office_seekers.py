"""Back office: job seekers in the staff member's area. Lists show masked numbers and are
audited page by page; opening one person's record is audited by the access helper."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from chengnuan.accounts.access import staff_required
from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction
from chengnuan.employment import selectors_pages
from chengnuan.employment.access import get_seeker_for_staff_or_404
from chengnuan.employment.choices import RegisteredVia
from chengnuan.employment.forms_filters import SeekerFilterForm
from chengnuan.employment.forms_seeker import StationRegistrationForm
from chengnuan.employment.models import ConsentMethod, JobSeeker
from chengnuan.employment.services_seekers import seeker_register
from chengnuan.employment.views_common import (
    bind_form,
    page_of,
    query_without_page,
    render_form_page,
    run_service,
)


def seeker_list(request: HttpRequest) -> HttpResponse:
    user = staff_required(request)
    filters = SeekerFilterForm(request.GET, user=user)
    seekers = selectors_pages.staff_seekers(
        user, filters.to_filters(), poverty_only=filters.poverty_only
    )
    page = page_of(request, seekers)
    # A list shows people's (masked) records too: the log keeps who saw which page of whom.
    audit_record(
        actor=user,
        action=AuditAction.VIEW,
        object_type=JobSeeker._meta.label_lower,
        detail={"list": [seeker.pk for seeker in page.object_list], "filters": request.GET.dict()},
        request=request,
    )
    return render(
        request,
        "employment/office/seekers.html",
        {"page": page, "query_without_page": query_without_page(request), "filters": filters},
    )


def seeker_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = staff_required(request)
    seeker = get_seeker_for_staff_or_404(user, pk, request)
    return render(
        request,
        "employment/office/seeker_detail.html",
        {"seeker": seeker, "consents": seeker.consents.all()},
    )


def seeker_new(request: HttpRequest) -> HttpResponse:
    """Register a worker who came to the station, with how they agreed (signed or spoken)."""
    user = staff_required(request)
    form, submitted = bind_form(request, StationRegistrationForm)
    if submitted and form.is_valid():
        registered = run_service(
            form,
            lambda: seeker_register(
                data=form.to_input(),
                user=None,
                registered_by=user,
                via=RegisteredVia.STATION,
                consent_method=ConsentMethod(form.cleaned_data["consent_method"]),
            ),
        )
        if registered is not None:
            messages.success(request, f"已为{registered.name}登记求职。")
            return redirect("employment:office_seeker_detail", pk=registered.pk)
    return render_form_page(
        request,
        form,
        heading="代办求职登记",
        intro="请本人出示身份证，当面核对后填写。居住地要在您负责的区域内。",
        buttons=[{"value": "save", "label": "保存登记"}],
    )
