"""Finding a person in the office seeker list and calling them, without a clear 身份证号 or
phone number in any URL or audit row: look-ups go by POST and come back as a token; the
whole phone number is shown on request with a purpose, which is audited."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from chengnuan.core import crypto
from chengnuan.core.models import AuditEntry
from tests.employment.factories import DalianClerkFactory
from tests.employment.views_support import staff_signed_in
from tests.factories import JobSeekerFactory, StaffFactory, make_id_number

pytestmark = pytest.mark.django_db
LIST = reverse("employment:office_seekers")


@pytest.fixture
def clerk(client):
    staff = StaffFactory()
    staff_signed_in(client, staff)
    return staff


@pytest.fixture
def person():
    return JobSeekerFactory(name="刘桂芳", phone="13912345678")


def audit_text() -> str:
    rows = AuditEntry.objects.values("actor_label", "object_id", "detail")
    return json.dumps(list(rows), ensure_ascii=False)


def test_the_number_fields_are_in_a_form_sent_by_post(client, clerk):
    page = client.get(LIST).content.decode()
    for name in ("id_number", "phone"):
        before = page[: page.index(f'name="{name}"')]
        opening = before[before.rindex("<form") :]
        assert opening.startswith('<form method="post"'), name


def test_looking_up_an_id_number_leaves_only_a_token_in_the_url(client, clerk, person):
    JobSeekerFactory(name="别人")
    response = client.post(LIST, {"id_number": person.id_number}, follow=True)
    url = response.redirect_chain[-1][0]
    assert "lookup=" in url and person.id_number not in url
    assert [s.pk for s in response.context["page"].object_list] == [person.pk]
    assert person.id_number_masked in response.content.decode()


def test_a_phone_typed_with_spaces_finds_the_person(client, clerk, person):
    response = client.post(LIST, {"phone": "139 1234 5678"}, follow=True)
    assert [s.pk for s in response.context["page"].object_list] == [person.pk]
    assert "139****5678" in response.content.decode()


def test_filters_and_pages_keep_the_lookup(client, clerk, person):
    response = client.post(f"{LIST}?status=active", {"name": "桂芳"}, follow=True)
    url = response.redirect_chain[-1][0]
    assert "status=active" in url and "lookup=" in url
    token = response.context["request"].GET["lookup"]
    again = client.get(LIST, {"lookup": token, "page": "1"})
    assert [s.pk for s in again.context["page"].object_list] == [person.pk]
    assert f'name="lookup" value="{token}"' in again.content.decode()


def test_a_bad_id_number_keeps_what_was_typed_and_says_why(client, clerk):
    response = client.post(LIST, {"id_number": "21010619850615001"})
    assert response.status_code == 200
    assert "身份证号应为18位" in response.content.decode()
    assert response.context["lookup_form"]["id_number"].value() == "21010619850615001"


def test_an_empty_lookup_asks_for_something(client, clerk):
    response = client.post(LIST, {})
    assert "至少填写" in response.content.decode()


def test_a_token_from_another_session_finds_nobody_and_says_so(client, clerk, person):
    response = client.post(LIST, {"id_number": person.id_number}, follow=True)
    token = response.context["request"].GET["lookup"]
    other = staff_signed_in(Client(), StaffFactory())
    stolen = other.get(LIST, {"lookup": token})
    assert "过期" in stolen.content.decode()
    assert stolen.context["lookup"].id_number_hash == ""


def test_the_list_audit_row_keeps_the_hash_not_the_number(client, clerk, person):
    client.post(LIST, {"id_number": person.id_number, "phone": person.phone}, follow=True)
    entry = AuditEntry.objects.get(object_type="employment.jobseeker")
    assert entry.detail["list"] == [person.pk]
    lookup = entry.detail["filters"]["lookup"]
    assert lookup["id_number_hash"] == crypto.lookup_hash(person.id_number)
    assert lookup["phone_hash"] == crypto.lookup_hash(person.phone)
    assert person.id_number not in audit_text() and person.phone not in audit_text()


def test_the_detail_page_masks_the_phone_until_asked_with_a_purpose(client, clerk, person):
    detail = client.get(reverse("employment:office_seeker_detail", args=[person.pk]))
    assert person.phone not in detail.content.decode()
    url = reverse("employment:office_seeker_contact", args=[person.pk])
    refused = client.post(url, {"purpose": ""})
    assert person.phone not in refused.content.decode() and "用途" in refused.content.decode()
    shown = client.post(url, {"purpose": "recommend"})
    assert person.phone in shown.content.decode()
    reveal = AuditEntry.objects.get(detail__revealed="phone")
    assert reveal.actor == clerk and reveal.detail["purpose"] == "recommend"
    assert reveal.object_id == str(person.pk)


def test_a_dalian_clerk_cannot_ask_for_a_shenyang_phone(client, person):
    staff_signed_in(client, DalianClerkFactory())
    url = reverse("employment:office_seeker_contact", args=[person.pk])
    response = client.post(url, {"purpose": "recommend"})
    assert response.status_code == 404 and person.phone not in response.content.decode()
    assert not AuditEntry.objects.filter(detail__revealed="phone").exists()


def test_a_clerk_corrects_an_id_number_on_its_own_page(client, clerk, person):
    url = reverse("employment:office_seeker_id_number", args=[person.pk])
    page = client.get(url).content.decode()
    assert person.id_number_masked in page and person.id_number not in page
    assert 'name="id_number"' in page and 'name="card_checked"' in page
    right = make_id_number()
    refused = client.post(url, {"id_number": right, "action": "save"})
    assert "身份证原件" in refused.content.decode()
    response = client.post(url, {"id_number": right, "card_checked": "on", "action": "save"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.id_number == right
    assert right not in audit_text()


def test_a_dalian_clerk_cannot_open_the_correction_of_a_shenyang_person(client, person):
    staff_signed_in(client, DalianClerkFactory())
    url = reverse("employment:office_seeker_id_number", args=[person.pk])
    assert client.get(url).status_code == 404
    assert (
        client.post(url, {"id_number": make_id_number(), "card_checked": "on"}).status_code == 404
    )
