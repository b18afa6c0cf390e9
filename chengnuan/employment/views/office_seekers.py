"""Back office: job seekers in the staff member's area. Lists show masked numbers and are
audited page by page; opening one person's record is audited by the access helper."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from chengnuan.accounts.access import staff_required
from chengnuan.core.http import client_ip
from chengnuan.core.lookups import lookup_recall, lookup_remember
from chengnuan.core.pages import (
    bind_form,
    page_of,
    query_without_page,
    render_form_page,
    run_service,
)
from chengnuan.employment.access import get_seeker_for_staff_or_404
from chengnuan.employment.choices import RegisteredVia, RevealPurpose
from chengnuan.employment.forms.filters import (
    ContactRevealForm,
    SeekerFilterForm,
    SeekerLookupForm,
)
from chengnuan.employment.forms.seekers import IdNumberCorrectionForm, StationRegistrationForm
from chengnuan.employment.models import ConsentMethod, JobSeeker
from chengnuan.employment.selectors.seekers import SeekerLookup, seekers_for_staff
from chengnuan.employment.services.seekers import (
    seeker_contact_reveal,
    seeker_id_number_correct,
    seeker_register,
)


def seeker_list(request: HttpRequest) -> HttpResponse:
    user = staff_required(request)
    lookup_form = SeekerLookupForm(request.POST if request.method == "POST" else None)
    if lookup_form.is_bound and lookup_form.is_valid():
        token = lookup_remember(request, lookup_form.lookup.as_dict())
        return redirect(_list_url(request, lookup=token))
    token = request.GET.get("lookup", "")
    remembered = lookup_recall(request, token)
    lookup = SeekerLookup(**remembered) if remembered else SeekerLookup()
    filters = SeekerFilterForm(request.GET, user=user)
    chosen = filters.to_filters(lookup)
    # Reading the page writes the audit row: who saw which people, by which filters and
    # look-up (hashes, never the numbers typed).
    page = page_of(request, seekers_for_staff(user, chosen))
    context = {
        "page": page,
        "query_without_page": query_without_page(request),
        "filters": filters,
        "lookup_form": lookup_form,
        "lookup": lookup,
        "lookup_expired": bool(token) and remembered is None,
        "clear_lookup_url": _list_url(request, lookup=None),
    }
    return render(request, "employment/office/seekers.html", context)


def _list_url(request: HttpRequest, *, lookup: str | None) -> str:
    """The seeker list with the current filters, on its first page, with this look-up."""
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("lookup", None)
    if lookup:
        params["lookup"] = lookup
    query = params.urlencode()
    return reverse("employment:office_seekers") + (f"?{query}" if query else "")


def seeker_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = staff_required(request)
    seeker = get_seeker_for_staff_or_404(user, pk, request)
    return _detail_page(request, seeker, ContactRevealForm())


@require_POST
def seeker_contact(request: HttpRequest, pk: int) -> HttpResponse:
    """The whole phone number, shown on this response only (never in a URL), with a purpose
    that goes to the audit log."""
    user = staff_required(request)
    seeker = get_seeker_for_staff_or_404(user, pk, request)
    form = ContactRevealForm(request.POST)
    phone = ""
    if form.is_valid():
        phone = seeker_contact_reveal(
            seeker=seeker,
            actor=user,
            purpose=RevealPurpose(form.cleaned_data["purpose"]),
            ip=client_ip(request),
        )
    return _detail_page(request, seeker, form, revealed_phone=phone)


def _detail_page(
    request: HttpRequest, seeker: JobSeeker, form: ContactRevealForm, revealed_phone: str = ""
) -> HttpResponse:
    return render(
        request,
        "employment/office/seeker_detail.html",
        {
            "seeker": seeker,
            "consents": seeker.consents.all(),
            "contact_form": form,
            "revealed_phone": revealed_phone,
        },
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


def seeker_id_number(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct a registration's 身份证号 with the person and their ID card at the station
    (the person cannot change it themself)."""
    user = staff_required(request)
    seeker = get_seeker_for_staff_or_404(user, pk, request)
    form, submitted = bind_form(request, IdNumberCorrectionForm)
    if submitted and form.is_valid():
        corrected = run_service(
            form,
            lambda: seeker_id_number_correct(
                seeker=seeker,
                id_number=form.cleaned_data["id_number"],
                actor=user,
                card_checked=form.cleaned_data["card_checked"],
            ),
        )
        if corrected is not None:
            messages.success(request, f"已更正{corrected.name}的身份证号，已记入操作日志。")
            return redirect("employment:office_seeker_detail", pk=corrected.pk)
    return render_form_page(
        request,
        form,
        heading=f"更正{seeker.name}的身份证号",
        intro=f"现在登记的是 {seeker.id_number_masked}。请本人出示身份证原件，核对无误后填写正确的号码。",
        buttons=[{"value": "save", "label": "更正身份证号"}],
        cancel_url=reverse("employment:office_seeker_detail", args=[seeker.pk]),
    )
