import pytest
from django.urls import reverse

from chengnuan.employment.choices import RegisteredVia, SeekerStatus
from chengnuan.employment.models import Consent, ConsentMethod, ConsentPurpose, JobSeeker
from tests.employment.factories import (
    LOADER_OCCUPATION,
    EmployerUserFactory,
    WorkerFactory,
)
from tests.employment.views_support import (
    WELDER,
    registration_data,
    signed_in,
    with_wrong_check_digit,
)
from tests.factories import (
    SHENYANG_TIEXI,
    SHENYANG_TIEXI_TOWNSHIP,
    JobSeekerFactory,
    make_id_number,
)

pytestmark = pytest.mark.django_db

URL = "/me/registration/"


def test_url_names_resolve():
    assert reverse("employment:my_registration") == URL


def test_anonymous_is_sent_to_login_with_next(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next=%2Fme%2Fregistration%2F"


def test_employer_account_cannot_open_worker_registration(client):
    response = signed_in(client, EmployerUserFactory()).get(URL)

    assert response.status_code == 403


def test_worker_without_registration_gets_the_form_with_their_phone_filled(client):
    worker = WorkerFactory(phone_number="13912345678")

    response = signed_in(client, worker).get(URL)

    page = response.content.decode()
    assert response.status_code == 200
    assert "基本信息" in page and "想找什么工作" in page and "推送设置" in page
    assert 'value="13912345678"' in page
    assert "身份证号和手机号加密保存" in page  # the consent text says what is kept and why
    assert "焊工" in page  # the short list of common work


def test_worker_registers_and_sees_the_registration(client):
    worker = WorkerFactory()

    response = signed_in(client, worker).post(URL, registration_data())

    assert response.status_code == 302
    seeker = JobSeeker.objects.get(user=worker)
    assert seeker.registered_via == RegisteredVia.SELF
    assert list(seeker.wanted_occupations.values_list("code", flat=True)) == [WELDER]
    consent = Consent.objects.get(seeker=seeker, purpose=ConsentPurpose.REGISTRATION)
    assert consent.granted and consent.method == ConsentMethod.ONLINE
    page = client.get(URL).content.decode()
    assert "求职中" in page
    assert seeker.id_number_masked in page
    assert seeker.id_number not in page
    assert "暂停求职" in page and "修改登记信息" in page and "关闭求职登记" in page


def test_bad_id_number_shows_the_validator_message_and_keeps_everything_typed(client):
    data = registration_data(id_number=with_wrong_check_digit(make_id_number()), skills="会开叉车")

    response = signed_in(client, WorkerFactory()).post(URL, data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "身份证号校验位不对" in page
    assert 'class="error-summary"' in page
    assert "会开叉车" in page
    assert f'value="{data["phone"]}"' in page
    assert f'value="{SHENYANG_TIEXI_TOWNSHIP}" selected' in page
    assert f'value="{WELDER}"' in page and "checked" in page
    assert not JobSeeker.objects.exists()


def test_registration_without_consent_is_refused_and_keeps_values(client):
    data = registration_data(name="李四")
    del data["consent"]

    response = signed_in(client, WorkerFactory()).post(URL, data)

    page = response.content.decode()
    assert "需要您勾选同意" in page
    assert 'value="李四"' in page
    assert not JobSeeker.objects.exists()


def test_region_refresh_lists_townships_of_the_chosen_county_without_saving(client):
    data = registration_data(residence_code="", _refresh="region", name="王五")

    response = signed_in(client, WorkerFactory()).post(URL, data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "昆明湖街道" in page  # a township of 铁西区
    assert "errorlist" not in page  # a redraw is not a failed save
    assert 'value="王五"' in page
    assert not JobSeeker.objects.exists()


def test_occupation_search_adds_matches_and_keeps_what_was_ticked(client):
    data = registration_data(
        occupation_query="电焊", _refresh="occupation", wanted_occupation_codes=[LOADER_OCCUPATION]
    )

    response = signed_in(client, WorkerFactory()).post(URL, data)

    form = response.context["form"]
    choices = dict(form.fields["wanted_occupation_codes"].choices)
    assert "6-18-03-04" in choices  # 喷涂喷焊工: found through the craft 焊, not on the short list
    assert form["wanted_occupation_codes"].value() == [LOADER_OCCUPATION]
    assert "errorlist" not in response.content.decode()


def test_an_occupation_found_by_search_can_be_saved(client):
    worker = WorkerFactory()

    response = signed_in(client, worker).post(
        URL, registration_data(wanted_occupation_codes=[LOADER_OCCUPATION])
    )

    assert response.status_code == 302
    seeker = JobSeeker.objects.get(user=worker)
    assert list(seeker.wanted_occupations.values_list("code", flat=True)) == [LOADER_OCCUPATION]


def test_worker_edits_registration_and_form_starts_from_saved_values(client):
    worker = WorkerFactory()
    signed_in(client, worker).post(URL, registration_data(skills="会电焊"))

    edit = client.get(reverse("employment:my_registration_edit"))
    assert "会电焊" in edit.content.decode()
    data = dict(edit.context["form"].initial)
    data.update(skills="会电焊，也会气割", action="save")
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data["residence_county"] = SHENYANG_TIEXI
    response = client.post(reverse("employment:my_registration_edit"), data)

    assert response.status_code == 302
    assert JobSeeker.objects.get(user=worker).skills == "会电焊，也会气割"


def test_the_edit_form_shows_the_id_number_masked_and_ignores_a_typed_one(client):
    worker = WorkerFactory()
    signed_in(client, worker).post(URL, registration_data())
    seeker = JobSeeker.objects.get(user=worker)

    edit = client.get(reverse("employment:my_registration_edit")).content.decode()
    assert seeker.id_number not in edit and seeker.id_number_masked in edit
    assert "服务站" in edit  # where to go to have it corrected
    data = {k: ("" if v is None else v) for k, v in client.get(
        reverse("employment:my_registration_edit")).context["form"].initial.items()}  # fmt: skip
    data.update(action="save", residence_county=SHENYANG_TIEXI, id_number=make_id_number())
    response = client.post(reverse("employment:my_registration_edit"), data)
    assert response.status_code == 302
    assert JobSeeker.objects.get(user=worker).id_number == seeker.id_number


def test_pause_resume_and_close(client):
    worker = WorkerFactory()
    seeker = JobSeekerFactory(user=worker)
    signed_in(client, worker)

    client.post(reverse("employment:my_registration_pause"))
    seeker.refresh_from_db()
    assert seeker.status == SeekerStatus.PAUSED
    client.post(reverse("employment:my_registration_resume"))
    seeker.refresh_from_db()
    assert seeker.status == SeekerStatus.ACTIVE
    client.post(reverse("employment:my_registration_close"))
    seeker.refresh_from_db()
    assert seeker.status == SeekerStatus.CLOSED


def test_pausing_twice_shows_why_it_cannot(client):
    worker = WorkerFactory()
    JobSeekerFactory(user=worker, status=SeekerStatus.PAUSED)

    response = signed_in(client, worker).post(
        reverse("employment:my_registration_pause"), follow=True
    )

    assert "只有正在求职的登记可以暂停" in response.content.decode()


def test_status_changes_need_post(client):
    worker = WorkerFactory()
    JobSeekerFactory(user=worker)

    response = signed_in(client, worker).get(reverse("employment:my_registration_pause"))

    assert response.status_code == 405


def test_worker_without_registration_cannot_open_edit(client):
    response = signed_in(client, WorkerFactory()).get(reverse("employment:my_registration_edit"))

    assert response.status_code == 404
