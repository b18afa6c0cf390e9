"""Inputs and users for the employment tests. Codes are real (reference data is loaded once
per run by tests/conftest.py)."""

import datetime

from django.utils import timezone

from chengnuan.accounts.models import StaffRole, UserKind
from chengnuan.employment.choices import EmployerStatus, PushFrequency, WageUnit
from chengnuan.employment.inputs import EmployerInput, PostingInput, SeekerInput
from tests.factories import (
    DALIAN_GANJINGZI,
    SHENYANG_TIEXI,
    SHENYANG_TIEXI_TOWNSHIP,
    EmployerFactory,
    StaffFactory,
    UserFactory,
    make_id_number,
    make_mobile,
    make_uscc,
)

DALIAN_GANJINGZI_TOWNSHIP = "210211001"  # 周水子街道, 甘井子区
SHENYANG_TIEXI_OTHER_TOWNSHIP = "210106003"  # 工人村街道, 铁西区
SHENYANG = "2101"
LOADER_OCCUPATION = "4-02-01-05"  # 铁路车站货运服务员 (a real CSCO 2022 细类)
MANUFACTURING = "C"  # GB/T 4754 门类 制造业


class WorkerFactory(UserFactory):
    kind = UserKind.WORKER


class EmployerUserFactory(UserFactory):
    kind = UserKind.EMPLOYER


class DalianClerkFactory(StaffFactory):
    area_id = DALIAN_GANJINGZI


class ShenyangCityStaffFactory(StaffFactory):
    role = StaffRole.CITY
    area_id = SHENYANG


class PendingEmployerFactory(EmployerFactory):
    status = EmployerStatus.PENDING
    verified_at = None


def employer_input(**overrides) -> EmployerInput:
    values = {
        "uscc": make_uscc(),
        "name": "沈阳铁西示例机械有限公司",
        "county_code": SHENYANG_TIEXI,
        "contact_name": "王经理",
        "contact_phone": make_mobile(),
        "industry_code": MANUFACTURING,
        "address": "沈阳市铁西区北二中路1号",
    }
    return EmployerInput(**(values | overrides))


def posting_input(**overrides) -> PostingInput:
    values = {
        "title": "装卸工",
        "county_code": SHENYANG_TIEXI,
        "township_code": SHENYANG_TIEXI_TOWNSHIP,
        "wage_min": 4500,
        "wage_max": 6000,
        "wage_unit": WageUnit.MONTH,
        "contact_name": "王经理",
        "contact_phone": make_mobile(),
        "valid_until": timezone.localdate() + datetime.timedelta(days=30),
        "occupation_code": LOADER_OCCUPATION,
        "headcount": 3,
        "age_min": 18,
        "age_max": 55,
        "benefits": ["meals", "housing"],
        "description": "负责仓库货物装卸，包吃住，月休四天。",
    }
    return PostingInput(**(values | overrides))


def seeker_input(*, birth=datetime.date(1985, 6, 15), male=True, **overrides) -> SeekerInput:
    values = {
        "name": "张三",
        "id_number": make_id_number(birth=birth, male=male),
        "phone": make_mobile(),
        "residence_code": SHENYANG_TIEXI_TOWNSHIP,
        "hukou_area_code": "4101",  # 郑州市: most workers come from another province
        "wanted_occupation_codes": [LOADER_OCCUPATION],
        "wanted_area_codes": [SHENYANG],
        "expected_wage": 5000,
        "push_frequency": PushFrequency.WEEKLY,
    }
    return SeekerInput(**(values | overrides))
