"""Signing in for the employment page tests: workers and employers by session, staff with a
real TOTP device marked as verified (as after typing the dynamic code)."""

from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from chengnuan.accounts.models import User


def signed_in(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


def staff_signed_in(client: Client, staff: User) -> Client:
    """A staff member past the second factor: django-otp reads the device from the session."""
    device = TOTPDevice.objects.create(user=staff, name="手机", confirmed=True)
    client.force_login(staff)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client


def form_values(response) -> dict:
    """The bound form a page rendered (to check what it kept)."""
    return response.context["form"].data
