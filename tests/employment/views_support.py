"""What the employment page tests share: signing in (workers and employers by session, staff
with a real TOTP device marked as verified, as after typing the dynamic code) and the form
data a person types."""

import datetime

from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from chengnuan.accounts.models import User
from tests.factories import (
    SHENYANG_TIEXI,
    SHENYANG_TIEXI_TOWNSHIP,
    make_id_number,
    make_mobile,
    make_uscc,
)

WELDER = "6-18-02-04"  # 焊工 (CSCO 2022)


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


def employer_data(**overrides):
    data = {
        "uscc": make_uscc(),
        "name": "沈阳铁西示例机械有限公司",
        "industry_code": "",
        "employer_city": "2101",
        "county_code": SHENYANG_TIEXI,
        "address": "北二中路1号",
        "contact_name": "王经理",
        "contact_phone": make_mobile(),
        "action": "save",
    }
    return data | overrides


def posting_data(**overrides):
    data = {
        "title": "电焊工",
        "occupation_code": "6-18-02-04",
        "industry_code": "",
        "headcount": "3",
        "contract_type": "full_time",
        "shift": "day",
        "description": "车间焊接，长白班，月休四天。",
        "wage_min": "6000",
        "wage_max": "8000",
        "wage_unit": "month",
        "benefits": ["meals", "housing"],
        "posting_city": "2101",
        "county_code": SHENYANG_TIEXI,
        "township_code": SHENYANG_TIEXI_TOWNSHIP,
        "address": "北二中路1号",
        "lng": "",
        "lat": "",
        "age_min": "18",
        "age_max": "55",
        "education": "none",
        "contact_name": "王经理",
        "contact_phone": make_mobile(),
        "valid_until": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
        "action": "submit",
    }
    return data | overrides


def registration_data(**overrides):
    data = {
        "name": "张三",
        "id_number": make_id_number(),
        "phone": make_mobile(),
        "hukou_province": "21",
        "hukou_area_code": "",
        "residence_city": "2101",
        "residence_county": SHENYANG_TIEXI,
        "residence_code": SHENYANG_TIEXI_TOWNSHIP,
        "wanted_occupation_codes": [WELDER],
        "wanted_area_codes": ["2101"],
        "expected_wage": "5000",
        "expected_wage_unit": "month",
        "available_from": "",
        "skills": "会电焊",
        "certificates": "",
        "experience": "在工地干过五年",
        "push_frequency": "weekly",
        "push_channel": "site",
        "quiet_start": "",
        "quiet_end": "",
        "consent": "on",
        "action": "save",
    }
    return data | overrides


def with_wrong_check_digit(number):
    return number[:17] + next(d for d in "0123456789X" if d != number[17])
