import pytest
from django.urls import reverse

from chengnuan.events.models import FairSignup, InterviewBooking
from tests.employment.views_support import signed_in
from tests.events.factories import (
    EmployerOwnerFactory,
    FairFactory,
    SignupFactory,
    SlotFactory,
    WorkerFactory,
)

pytestmark = pytest.mark.django_db


def test_a_worker_signs_up_with_one_button(client):
    fair, worker = FairFactory(), WorkerFactory()

    response = signed_in(client, worker).post(
        reverse("events:fair_signup", args=[fair.pk]), follow=True
    )

    assert FairSignup.objects.filter(fair=fair, worker=worker).exists()
    assert "报名成功" in response.content.decode()


def test_signing_up_twice_says_so_and_keeps_one(client):
    signup = SignupFactory()

    response = signed_in(client, signup.worker).post(
        reverse("events:fair_signup", args=[signup.fair.pk]), follow=True
    )

    assert "已经报名" in response.content.decode()
    assert FairSignup.objects.count() == 1


def test_a_visitor_is_sent_to_sign_in_first(client):
    fair = FairFactory()

    response = client.post(reverse("events:fair_signup", args=[fair.pk]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_an_employer_account_cannot_sign_up_as_a_worker(client):
    response = signed_in(client, EmployerOwnerFactory()).post(
        reverse("events:fair_signup", args=[FairFactory().pk])
    )

    assert response.status_code == 403


def test_my_fairs_shows_the_entry_code_and_a_qr_for_the_door(client):
    signup = SignupFactory()

    page = signed_in(client, signup.worker).get(reverse("events:my_fairs")).content.decode()

    assert signup.code in page
    assert "<svg" in page


def test_book_and_cancel_an_interview_slot(client):
    slot = SlotFactory()
    signup = SignupFactory(fair=slot.booth.fair)
    signed_in(client, signup.worker)

    client.post(reverse("events:slot_book", args=[signup.fair.pk, slot.pk]))
    booking = InterviewBooking.objects.get()
    client.post(reverse("events:booking_cancel", args=[booking.pk]))

    assert not InterviewBooking.objects.exists()


def test_a_worker_not_signed_up_cannot_book(client):
    slot = SlotFactory()

    response = signed_in(client, WorkerFactory()).post(
        reverse("events:slot_book", args=[slot.booth.fair.pk, slot.pk])
    )

    assert response.status_code == 404


def test_someone_elses_booking_is_not_found(client):
    slot = SlotFactory()
    signup = SignupFactory(fair=slot.booth.fair)
    booking = InterviewBooking.objects.create(slot=slot, booth=slot.booth, signup=signup)

    response = signed_in(client, WorkerFactory()).post(
        reverse("events:booking_cancel", args=[booking.pk])
    )

    assert response.status_code == 404


def test_cancel_a_signup(client):
    signup = SignupFactory()

    signed_in(client, signup.worker).post(
        reverse("events:fair_signup_cancel", args=[signup.fair.pk])
    )

    assert not FairSignup.objects.exists()
