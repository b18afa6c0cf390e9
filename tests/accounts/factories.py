from django_otp.plugins.otp_totp.models import TOTPDevice

from chengnuan.accounts.models import StaffRole
from tests.factories import StaffFactory

STAFF_PASSWORD = "correct horse 9"  # what tests.factories.StaffFactory sets


def staff_with_device(*, confirmed: bool = True, **kwargs) -> tuple:
    """A staff member and their TOTP device (password: STAFF_PASSWORD)."""
    user = StaffFactory(**kwargs)
    device = TOTPDevice.objects.create(user=user, name="动态验证码", confirmed=confirmed)
    return user, device


def city_officer(area: str = "2101", **kwargs):
    return StaffFactory(role=StaffRole.CITY, area_id=area, **kwargs)


def province_officer(**kwargs):
    return StaffFactory(role=StaffRole.PROVINCE, area_id="21", **kwargs)
