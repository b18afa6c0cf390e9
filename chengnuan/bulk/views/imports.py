"""Bulk pages for staff: templates to download, uploads and their progress, exports and the
printable job list. Survey pages are in views/surveys.py."""

from urllib.parse import quote

import qrcode
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET
from qrcode.image.svg import SvgPathImage

from chengnuan.accounts.access import staff_required
from chengnuan.bulk import exports, selectors, workbooks
from chengnuan.bulk.access import get_job_or_404
from chengnuan.bulk.choices import ImportKind, ImportMode, ImportStatus
from chengnuan.bulk.columns import SPECS
from chengnuan.bulk.forms import ImportForm
from chengnuan.bulk.services import imports
from chengnuan.core.pages import render_list

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORT_TITLES = {
    "postings": "岗位",
    "seekers": "求职人员",
    "demand_surveys": "岗位需求调查",
    "employment_surveys": "就业需求调查",
}


def bulk_home(request: HttpRequest) -> HttpResponse:
    user = staff_required(request)
    return render(
        request,
        "bulk/home.html",
        {
            "specs": SPECS.values(),
            "jobs": selectors.jobs_of(user)[:5],
            "exports": EXPORT_TITLES,
        },
    )


@require_GET
def template_download(request: HttpRequest, kind: str) -> HttpResponse:
    """A blank sheet whose county drop-down lists the staff member's own area."""
    user = staff_required(request)
    spec = SPECS.get(kind)
    if spec is None:
        raise Http404
    content = workbooks.template_workbook(spec, user.scope_prefix)
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = _attachment(f"{spec.title}.xlsx")
    return response


def import_new(request: HttpRequest) -> HttpResponse:
    """The upload form; ?kind= and ?mode= preselect its choices (「重新导入」 of a failed import
    comes with both)."""
    user = staff_required(request)
    initial = {
        "kind": request.GET.get("kind") or ImportKind.SEEKER,
        "mode": request.GET.get("mode") or ImportMode.ALL_OR_NOTHING,
    }
    form = ImportForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        job = imports.import_job_start(
            user=user,
            kind=ImportKind(form.cleaned_data["kind"]),
            mode=ImportMode(form.cleaned_data["mode"]),
            upload=form.cleaned_data["file"],
        )
        return redirect("bulk:import_detail", pk=job.pk)
    return render(request, "bulk/import_new.html", {"form": form, "specs": SPECS.values()})


def import_list(request: HttpRequest) -> HttpResponse:
    user = staff_required(request)
    return render_list(request, "bulk/import_list.html", selectors.jobs_of(user))


def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The import's progress and, once it is over, its result: counts, each error by row and
    column, the error sheet to download."""
    user = staff_required(request)
    job = get_job_or_404(user, pk)
    polling = bool(request.headers.get("HX-Request"))  # htmx asks for the status box only
    template = "bulk/_job_status.html" if polling else "bulk/import_detail.html"
    return render(request, template, {"job": job, "done": ImportStatus.DONE})


@require_GET
def import_error_sheet(request: HttpRequest, pk: int) -> FileResponse:
    user = staff_required(request)
    job = get_job_or_404(user, pk)
    if not job.error_file:
        raise Http404
    name = f"{job.file_name.rsplit('.', 1)[0]}-错误原因.xlsx"
    return FileResponse(job.error_file.open("rb"), as_attachment=True, filename=name)


@require_GET
def export(request: HttpRequest, kind: str) -> HttpResponse:
    """A scoped list as xlsx (personal numbers masked); ?status= and ?area= narrow it."""
    user = staff_required(request)
    if kind not in exports.EXPORTS:
        raise Http404
    filters = {key: request.GET[key] for key in ("status", "area") if request.GET.get(key)}
    if filters.get("area") and not filters["area"].startswith(user.scope_prefix):
        raise Http404  # someone else's area: as if it did not exist
    with exports.export_workbook(kind=kind, user=user, filters=filters) as (handle, _count):
        content = handle.read()
    name = f"{EXPORT_TITLES[kind]}-{timezone.localdate():%Y%m%d}.xlsx"
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = _attachment(name)
    return response


@require_GET
def notice_board(request: HttpRequest) -> HttpResponse:
    """Live postings of the area as an A4 page in large type, to print for the notice board."""
    user = staff_required(request)
    area = request.GET.get("area", "")
    if area and not area.startswith(user.scope_prefix):
        raise Http404
    postings = [
        {"posting": posting, "qr": _qr_svg(request.build_absolute_uri(_public_url(posting.pk)))}
        for posting in selectors.notice_board_postings(user, area=area)
    ]
    context = {"postings": postings, "today": timezone.localdate()}
    return render(request, "bulk/notice_board.html", context)


def _public_url(pk: int) -> str:
    return reverse("employment:posting_detail", args=[pk])


def _qr_svg(url: str) -> str:
    """A QR code of the public posting page, where the contact details are shown to signed-in
    workers as everywhere on the platform, rather than printed on a public wall."""
    image = qrcode.make(url, image_factory=SvgPathImage, box_size=10, border=1)
    return str(image.to_string(encoding="unicode"))


def _attachment(filename: str) -> str:
    return f"attachment; filename*=UTF-8''{quote(filename)}"
