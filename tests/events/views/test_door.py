import pytest
from django.urls import reverse

from chengnuan.core.models import AuditAction, AuditEntry
from chengnuan.events.models import FairSignup
from tests.employment.views_support import staff_signed_in
from tests.events.factories import DALIAN_GANJINGZI, FairFactory, SignupFactory
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def test_find_a_signup_by_the_last_four_digits_and_mark_it_attended(client, clerk):
    signup = SignupFactory()
    url = reverse("events:office_attendance", args=[signup.fair.pk])

    found = client.post(url, {"q": signup.worker.phone_masked[-4:]}).content.decode()
    client.post(reverse("events:office_attend", args=[signup.fair.pk, signup.pk]))

    assert signup.code in found
    assert signup.worker.phone not in found  # masked on screen
    marked = FairSignup.objects.get()
    assert marked.attended_at is not None
    assert marked.attended_marked_by == clerk
    assert AuditEntry.objects.filter(
        action=AuditAction.VIEW, object_type="events.fairsignup"
    ).exists()


def test_a_scanned_code_opens_the_door_page_with_the_signup(client, clerk):
    signup = SignupFactory()

    page = client.get(
        reverse("events:office_attendance", args=[signup.fair.pk]), {"code": signup.code}
    )

    assert (
        reverse("events:office_attend", args=[signup.fair.pk, signup.pk]) in page.content.decode()
    )


def test_a_dalian_clerk_cannot_mark_a_shenyang_signup(client):
    signup = SignupFactory()
    staff_signed_in(client, StaffFactory(area_id=DALIAN_GANJINGZI))

    response = client.post(reverse("events:office_attend", args=[signup.fair.pk, signup.pk]))

    assert response.status_code == 404
    assert FairSignup.objects.get().attended_at is None


def test_the_figures_page_counts_the_fair(client, clerk):
    fair = FairFactory()
    SignupFactory(fair=fair)

    page = client.get(reverse("events:office_figures", args=[fair.pk])).content.decode()

    assert "报名人数" in page
    assert "<td>1</td>" in page
