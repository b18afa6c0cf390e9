"""A worker's own data (PIPL): see it, download it, close the account."""

import io
import json
import re

import openpyxl
import pytest
from django.utils import timezone

from chengnuan.accounts.models import ApiToken, User, UserKind
from chengnuan.accounts.selectors import my_data
from chengnuan.accounts.services.account import account_close
from chengnuan.accounts.services.sign_ins import api_token_create
from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction, AuditEntry
from chengnuan.employment.choices import SeekerStatus
from chengnuan.employment.models import Consent, ConsentMethod, ConsentPurpose, JobSeeker
from tests.employment.factories import LOADER_OCCUPATION
from tests.factories import (
    EmployerFactory,
    JobSeekerFactory,
    StaffFactory,
    UserFactory,
    make_id_number,
)

pytestmark = pytest.mark.django_db

ID_NUMBER = make_id_number("210106")


@pytest.fixture
def worker():
    return UserFactory(kind=UserKind.WORKER, phone_number="13912345678")


@pytest.fixture
def seeker(worker):
    seeker = JobSeekerFactory(
        user=worker, name="李四", id_number=ID_NUMBER, phone="13912345678", skills="电焊、叉车"
    )
    seeker.wanted_occupations.set([LOADER_OCCUPATION])
    Consent.objects.create(
        seeker=seeker, purpose=ConsentPurpose.PUSH, granted=True, method=ConsentMethod.ONLINE
    )
    clerk = StaffFactory(username="tiexi-clerk-wang")
    audit_record(actor=clerk, action=AuditAction.VIEW, obj=seeker)
    return seeker


def test_my_data_page_shows_account_registration_consents_and_who_looked(client, worker, seeker):
    client.force_login(worker)
    page = client.get("/accounts/me/").content.decode()
    assert "139****5678" in page and "13912345678" not in page  # masked on screen
    assert "李四" in page and "电焊、叉车" in page
    assert seeker.id_number_masked in page and ID_NUMBER not in page
    assert "接收岗位推送" in page and "本人在线勾选" in page
    assert "铁西区基层服务站经办员（人力资源社会保障）" in page
    assert "tiexi-clerk-wang" not in page  # the office, not the clerk's name


def test_a_worker_without_registration_is_told_so(client, worker):
    client.force_login(worker)
    assert "您还没有做求职登记" in client.get("/accounts/me/").content.decode()


def test_the_json_download_has_everything_unmasked_with_labels_and_beijing_times(
    client, worker, seeker
):
    client.force_login(worker)
    response = client.get("/accounts/me/export.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="my-data-')
    data = json.loads(response.content)
    assert data["exported_at"].endswith("+08:00") and data["time_zone"] == "Asia/Shanghai"
    sections = data["sections"]
    assert sections["account"]["records"][0]["phone"] == "13912345678"
    assert sections["account"]["records"][0]["date_joined"].endswith("+08:00")
    registration = sections["seeker"]["records"][0]
    assert registration["id_number"] == ID_NUMBER
    assert registration["name"] == "李四"
    assert registration["gender"] in {"M", "F"} and registration["status"] == "active"
    assert registration["wanted_occupations"] == [LOADER_OCCUPATION]  # codes, for programs
    assert sections["seeker"]["labels"]["status"] == "状态"
    assert "id_number_hash" not in registration
    assert sections["consents"]["records"][0]["purpose"] == "push"
    assert sections["access_log"]["records"][0]["action"] == "view"
    assert AuditEntry.objects.filter(actor=worker, action=AuditAction.EXPORT).exists()


def workbook_rows(response) -> list[tuple]:
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    return [
        tuple(c for c in row if c is not None) for row in book.active.iter_rows(values_only=True)
    ]


def test_the_readable_download_is_a_chinese_workbook(client, worker, seeker):
    seeker.skills = '=HYPERLINK("http://example.com")'
    seeker.save(update_fields=["skills"])
    client.force_login(worker)
    response = client.get("/accounts/me/export/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].endswith('.xlsx"')
    rows = workbook_rows(response)
    pairs = {row[0]: row[1] for row in rows if len(row) == 2}
    assert pairs["身份证号"] == ID_NUMBER and pairs["手机号"] == "13912345678"  # their own
    assert pairs["性别"] in {"男", "女"} and pairs["状态"] == "求职中"
    assert pairs["想做的工作"] == "铁路车站货运服务员"  # the name, not 4-02-01-05
    assert pairs["技能"].startswith("=HYPERLINK")  # kept as text, never a formula
    joined = timezone.localtime(worker.date_joined)
    assert pairs["开通时间"] == f"{joined:%Y-%m-%d %H:%M}"
    assert any(row[0].startswith("导出时间") and "北京时间" in row[0] for row in rows)
    assert ("时间", "用途", "同意", "方式", "记录人") in rows
    assert any("接收岗位推送" in row and "本人在线勾选" in row for row in rows)
    text = "\n".join(" ".join(str(c) for c in row) for row in rows)
    for code in ("active", "push", "online", " M ", "UTC"):
        assert code not in text
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert all(c.data_type != "f" for row in book.active.iter_rows() for c in row)
    assert AuditEntry.objects.filter(
        actor=worker, action=AuditAction.EXPORT, detail__format="xlsx"
    ).exists()


def test_the_page_labels_everything_in_chinese_and_names_occupations(client, worker, seeker):
    StaffFactory()
    client.force_login(worker)
    page = client.get("/accounts/me/").content.decode()
    assert "铁路车站货运服务员" in page and LOADER_OCCUPATION not in page
    for section in my_data(worker):
        for record in section.records:
            for item in record:
                assert not re.search(r"[A-Za-z]", item.label), item.label


def test_an_employer_sees_their_company(client):
    owner = UserFactory(kind=UserKind.EMPLOYER)
    EmployerFactory(owner=owner, name="沈阳示例机械厂")
    client.force_login(owner)
    assert "沈阳示例机械厂" in client.get("/accounts/me/").content.decode()


def test_closing_erases_the_registration_and_the_account(worker, seeker):
    _token, _key = api_token_create(user=worker, name="APP")
    account_close(user=worker)

    seeker = JobSeeker.objects.get(pk=seeker.pk)
    assert seeker.name == "已注销"
    assert seeker.id_number == "" and seeker.phone == "" and seeker.skills == ""
    assert seeker.id_number_hash.startswith("closed-")
    assert seeker.id_number_masked == "" and seeker.phone_masked == ""
    assert seeker.status == SeekerStatus.CLOSED and seeker.user is None
    assert seeker.birth_date.month == 1 and seeker.birth_date.day == 1  # only the year stays
    withdrawn = Consent.objects.filter(seeker=seeker, method=ConsentMethod.WITHDRAWN, granted=False)
    assert set(withdrawn.values_list("purpose", flat=True)) == set(ConsentPurpose.values)

    worker = User.objects.get(pk=worker.pk)
    assert not worker.is_active and worker.closed_at is not None
    assert worker.phone == "" and worker.phone_hash is None and worker.phone_masked == ""
    assert worker.username.startswith("closed-")
    assert ApiToken.objects.get().revoked_at is not None
    assert AuditEntry.objects.filter(actor=worker, action=AuditAction.DELETE).exists()


def test_two_closed_registrations_do_not_collide_on_the_unique_hash():
    first, second = UserFactory(), UserFactory()
    JobSeekerFactory(user=first)
    JobSeekerFactory(user=second)
    account_close(user=first)
    account_close(user=second)
    assert JobSeeker.objects.filter(status=SeekerStatus.CLOSED).count() == 2


def test_the_same_person_can_register_again_after_closing(worker, seeker):
    account_close(user=worker)
    JobSeekerFactory(id_number=ID_NUMBER)  # the real hash is free again


def test_closing_twice_changes_nothing_more(worker, seeker):
    account_close(user=worker)
    account_close(user=worker)
    assert AuditEntry.objects.filter(action=AuditAction.DELETE).count() == 1


def test_an_employer_closing_keeps_the_company_but_unlinks_it():
    owner = UserFactory(kind=UserKind.EMPLOYER)
    company = EmployerFactory(owner=owner)
    account_close(user=owner)
    company.refresh_from_db()
    assert company.owner is None


def test_close_page_needs_the_box_ticked(client, worker, seeker):
    client.force_login(worker)
    page = client.post("/accounts/me/close/", {}).content.decode()
    assert "请先勾选上面这一项" in page
    assert User.objects.get(pk=worker.pk).is_active


def test_close_page_closes_and_signs_out(client, worker, seeker):
    client.force_login(worker)
    response = client.post("/accounts/me/close/", {"confirm": "on"})
    assert response.status_code == 302
    assert User.objects.get(pk=worker.pk).closed_at is not None
    assert client.get("/accounts/me/").status_code == 302


def test_staff_cannot_use_the_close_page(client):
    staff = StaffFactory()
    client.force_login(staff)
    assert client.get("/accounts/me/close/").status_code == 403
