"""A worker's own data (PIPL): see it, download it, close the account."""

import json

import pytest

from chengnuan.accounts.models import ApiToken, User, UserKind
from chengnuan.accounts.services.account import account_close
from chengnuan.accounts.services.sign_ins import api_token_create
from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction, AuditEntry
from chengnuan.employment.choices import SeekerStatus
from chengnuan.employment.models import Consent, ConsentMethod, ConsentPurpose, JobSeeker
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


def test_export_downloads_everything_unmasked_as_json(client, worker, seeker):
    client.force_login(worker)
    response = client.get("/accounts/me/export/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="my-data-')
    data = json.loads(response.content)
    sections = data["sections"]
    assert sections["account"]["records"][0]["phone"] == "13912345678"
    registration = sections["seeker"]["records"][0]
    assert registration["id_number"] == ID_NUMBER
    assert registration["name"] == "李四"
    assert "id_number_hash" not in registration
    assert sections["consents"]["records"][0]["purpose"] == "push"
    assert sections["access_log"]["records"][0]["action"] == "view"
    assert AuditEntry.objects.filter(actor=worker, action=AuditAction.EXPORT).exists()


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
