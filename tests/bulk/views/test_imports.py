"""The bulk pages: who may open them, the template a clerk downloads, uploading through the
page, the progress page, exports inside the clerk's area only, and the notice-board print."""

import datetime

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from chengnuan.bulk.choices import ImportKind, ImportStatus
from chengnuan.bulk.columns import SEEKER
from chengnuan.bulk.models import ImportJob
from chengnuan.employment.choices import PostingStatus
from tests.bulk.sheets import filled_template, seeker_row, upload, xlsx
from tests.employment.factories import DalianClerkFactory, WorkerFactory
from tests.employment.views_support import signed_in, staff_signed_in
from tests.factories import DALIAN_GANJINGZI, PostingFactory

pytestmark = pytest.mark.django_db


def test_worker_cannot_open_the_bulk_pages(client):
    signed_in(client, WorkerFactory())
    assert client.get(reverse("bulk:home")).status_code == 403
    assert client.get(reverse("bulk:export", args=["seekers"])).status_code == 403


def test_visitor_is_sent_to_the_staff_sign_in(client):
    response = client.get(reverse("bulk:import_new"))
    assert response.status_code == 302 and "next=" in response.url


def test_template_has_headers_drop_downs_example_notes_and_text_columns(client, clerk):
    staff_signed_in(client, clerk)
    response = client.get(reverse("bulk:template", args=["seeker"]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = xlsx(response)
    assert book.sheetnames == ["求职登记", "选项", "填写说明"]
    data, options, notes = book["求职登记"], book["选项"], book["填写说明"]
    assert [c.value for c in data[1]][:3] == ["姓名*", "身份证号*", "手机号*"]
    assert data["A2"].value == "张三" and data["A2"].font.i  # the grey example row
    assert data["B3"].number_format == "@"  # 身份证号 typed as text, not rounded by Excel
    assert options.sheet_state == "hidden"
    lists = {
        column[0].value: [c.value for c in column[1:] if c.value] for column in options.iter_cols()
    }
    assert lists["county"] == ["沈阳市铁西区"]  # a 铁西 clerk places seekers in 铁西 only
    assert len(lists["any_county"]) == 100 and lists["yes_no"] == ["是", "否"]
    validations = [dv.formula1 for dv in data.data_validations.dataValidation]
    assert len(validations) == sum(1 for column in SEEKER.columns if column.options)
    assert all(formula.startswith("='选项'!$") for formula in validations)
    assert "填写说明" in notes["A1"].value
    assert any("身份证号" in str(c.value) for c in notes["A"])


def test_occupation_drop_down_lists_the_classification(client, clerk):
    staff_signed_in(client, clerk)
    book = xlsx(client.get(reverse("bulk:template", args=["posting"])))
    names = {c.value for col in book["选项"].iter_cols() for c in col}
    assert "装配钳工" in names and "元/天" in names


def test_unknown_template_is_404(client, clerk):
    staff_signed_in(client, clerk)
    assert client.get(reverse("bulk:template", args=["nothing"])).status_code == 404


def test_upload_page_imports_a_small_sheet_and_shows_the_result(client, clerk):
    staff_signed_in(client, clerk)
    content = filled_template(ImportKind.SEEKER, "210106", [seeker_row(), seeker_row(手机号="1")])
    response = client.post(
        reverse("bulk:import_new"),
        {"kind": "seeker", "mode": "all", "file": SimpleUploadedFile("十一月.xlsx", content)},
        follow=True,
    )
    job = ImportJob.objects.get()
    assert response.redirect_chain[-1][0] == reverse("bulk:import_detail", args=[job.pk])
    page = response.content.decode()
    assert "一行都没有导入" in page and "第4行" in page and "「手机号」" in page
    assert reverse("bulk:import_error_sheet", args=[job.pk]) in page
    sheet = client.get(reverse("bulk:import_error_sheet", args=[job.pk]))
    assert sheet.status_code == 200 and "attachment" in sheet["Content-Disposition"]


def test_upload_page_refuses_a_missing_file_keeping_the_choices(client, clerk):
    staff_signed_in(client, clerk)
    response = client.post(reverse("bulk:import_new"), {"kind": "posting", "mode": "valid"})
    assert response.status_code == 200 and "请选择要上传的表格文件" in response.content.decode()
    assert ImportJob.objects.count() == 0


def test_progress_page_polls_with_htmx_and_refreshes_without_javascript(client, clerk):
    job = ImportJob.objects.create(kind=ImportKind.SEEKER, file_name="大表.xlsx", created_by=clerk,
                                   status=ImportStatus.READING, total=100_000, processed=25_000,
                                   lease_expires_at=timezone.now() + datetime.timedelta(minutes=1))  # fmt: skip
    staff_signed_in(client, clerk)
    page = client.get(reverse("bulk:import_detail", args=[job.pk])).content.decode()
    assert 'hx-trigger="every 2s"' in page and 'http-equiv="refresh"' in page
    assert 'value="24"' in page  # the progress bar
    partial = client.get(
        reverse("bulk:import_detail", args=[job.pk]), HTTP_HX_REQUEST="true"
    ).content.decode()
    assert partial.lstrip().startswith('<section id="job-status"')


def test_finished_job_stops_polling(client, clerk):
    job = upload(clerk, filled_template(ImportKind.SEEKER, "210106", [seeker_row()]))
    staff_signed_in(client, clerk)
    page = client.get(reverse("bulk:import_detail", args=[job.pk])).content.decode()
    assert "导入完成" in page and "hx-trigger" not in page


def test_clerk_sees_only_own_imports(client, clerk):
    job = upload(clerk, filled_template(ImportKind.SEEKER, "210106", [seeker_row()]))
    staff_signed_in(client, DalianClerkFactory())
    assert client.get(reverse("bulk:import_detail", args=[job.pk])).status_code == 404
    assert client.get(reverse("bulk:import_error_sheet", args=[job.pk])).status_code == 404
    assert "十一月" not in client.get(reverse("bulk:import_list")).content.decode()


def test_notice_board_prints_live_postings_of_the_area_in_large_type_with_qr_codes(client, clerk):
    PostingFactory(title="叉车司机")
    PostingFactory(title="已结束的岗位", status=PostingStatus.CLOSED)
    PostingFactory(title="大连的岗位", county_id=DALIAN_GANJINGZI, city_code="2102")
    staff_signed_in(client, clerk)
    page = client.get(reverse("bulk:notice_board")).content.decode()
    assert "叉车司机" in page and "已结束的岗位" not in page and "大连的岗位" not in page
    assert "css/notice_board.css" in page and "<svg" in page
    print_style = (settings.BASE_DIR / "static/css/notice_board.css").read_text(encoding="utf-8")
    assert "@media print" in print_style and "size: A4" in print_style


def test_home_links_templates_uploads_surveys_and_exports(client, clerk):
    staff_signed_in(client, clerk)
    page = client.get(reverse("bulk:home")).content.decode()
    for name, args in (("bulk:template", [SEEKER.kind]), ("bulk:import_new", []), ("bulk:demand_new", []),
                       ("bulk:export", ["seekers"]), ("bulk:notice_board", [])):  # fmt: skip
        assert reverse(name, args=args) in page
