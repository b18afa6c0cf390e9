"""Factories for the shared models. Reference data (divisions, occupations) is real: it is
loaded once per test run by tests/conftest.py, so factories point at real codes."""

import datetime
import itertools
import random

import factory
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from stdnum.cn import ric

from chengnuan.accounts.models import Department, StaffRole, User, UserKind
from chengnuan.core import crypto
from chengnuan.employment.choices import EmployerStatus, PostingStatus, WageUnit
from chengnuan.employment.models import Employer, JobSeeker, Posting

SHENYANG_TIEXI = "210106"  # 沈阳市铁西区
SHENYANG_TIEXI_TOWNSHIP = "210106001"  # 昆明湖街道, 铁西区
DALIAN_GANJINGZI = "210211"  # 大连市甘井子区


_id_serial = itertools.count(random.randrange(500))


def make_id_number(
    region: str = "210106", birth: datetime.date | None = None, male: bool = True
) -> str:
    """A valid 身份证号 (real GB 11643 check digit) for the given county and birth date,
    unique within a test run: the sequence digits come from a counter, not chance."""
    birth = birth or datetime.date(1985, 6, 15)
    serial = next(_id_serial) % 500
    body = f"{region}{birth:%Y%m%d}{serial * 2 + (1 if male else 0):03d}"
    return body + ric.calc_check_digit(body + "0")  # it reads 18 chars, ignores the last


def make_uscc() -> str:
    from stdnum.cn import uscc

    body = "91210106" + "".join(random.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    return body + uscc.calc_check_digit(body)


def make_mobile() -> str:
    return "139" + f"{random.randint(0, 99_999_999):08d}"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    class Params:
        phone_number = factory.LazyFunction(make_mobile)

    username = factory.Sequence(lambda n: f"user{n}")
    kind = UserKind.WORKER
    phone = factory.SelfAttribute("phone_number")
    phone_hash = factory.LazyAttribute(lambda o: crypto.lookup_hash(o.phone_number))
    phone_masked = factory.LazyAttribute(lambda o: crypto.mask_phone(o.phone_number))


class StaffFactory(UserFactory):
    kind = UserKind.STAFF
    role = StaffRole.CLERK
    area_id = SHENYANG_TIEXI
    department = Department.HRSS
    password = factory.LazyFunction(lambda: make_password("correct horse 9"))


class EmployerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employer

    uscc = factory.LazyFunction(make_uscc)
    name = factory.Sequence(lambda n: f"沈阳示例制造有限公司{n}")
    county_id = SHENYANG_TIEXI
    contact_name = "王经理"
    contact_phone = factory.LazyFunction(make_mobile)
    contact_phone_masked = "139****0000"
    status = EmployerStatus.VERIFIED
    verified_at = factory.LazyFunction(timezone.now)


class PostingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Posting

    employer = factory.SubFactory(EmployerFactory)
    title = "普工"
    county_id = SHENYANG_TIEXI
    city_code = factory.LazyAttribute(lambda o: o.county_id[:4])
    wage_min = 4000
    wage_max = 6000
    wage_unit = WageUnit.MONTH
    monthly_wage_min = 4000
    monthly_wage_max = 6000
    contact_name = "王经理"
    contact_phone = factory.LazyFunction(make_mobile)
    contact_phone_masked = "139****0000"
    valid_until = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    status = PostingStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class JobSeekerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobSeeker

    name = "张三"
    id_number = factory.LazyFunction(make_id_number)
    id_number_hash = factory.LazyAttribute(lambda o: crypto.lookup_hash(o.id_number))
    id_number_masked = factory.LazyAttribute(lambda o: crypto.mask_id_number(o.id_number))
    birth_date = factory.LazyAttribute(lambda o: ric.get_birth_date(o.id_number))
    gender = factory.LazyAttribute(lambda o: "M" if int(o.id_number[16]) % 2 else "F")
    phone = factory.LazyFunction(make_mobile)
    phone_hash = factory.LazyAttribute(lambda o: crypto.lookup_hash(o.phone))
    phone_masked = factory.LazyAttribute(lambda o: crypto.mask_phone(o.phone))
    residence_id = SHENYANG_TIEXI_TOWNSHIP
    area_code = factory.LazyAttribute(lambda o: o.residence_id)
