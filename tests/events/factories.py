"""Fairs, booths, slots and sign-ups for the events tests. Codes are real (reference data is
loaded once per run by tests/conftest.py): Shenyang 铁西区 unless a test says otherwise."""

import datetime

import factory
from django.utils import timezone

from chengnuan.accounts.models import Department, UserKind
from chengnuan.events.choices import BoothStatus, FairKind, FairOrganiser, FairStatus
from chengnuan.events.inputs import FairInput
from chengnuan.events.models import Booth, FairSignup, InterviewSlot, JobFair
from chengnuan.events.services.signups import new_code
from tests.factories import (
    DALIAN_GANJINGZI,
    SHENYANG_TIEXI,
    EmployerFactory,
    PostingFactory,
    StaffFactory,
    UserFactory,
)

__all__ = ["DALIAN_GANJINGZI", "SHENYANG_TIEXI", "PostingFactory"]


def in_days(days: float, hour: int = 9) -> datetime.datetime:
    """A Beijing wall-clock time `days` from today at `hour`."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class WorkerFactory(UserFactory):
    kind = UserKind.WORKER


class EmployerOwnerFactory(UserFactory):
    kind = UserKind.EMPLOYER


class UnionStaffFactory(StaffFactory):
    department = Department.UNION


class FairFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobFair

    title = factory.Sequence(lambda n: f"铁西区农民工专场招聘会{n}")
    kind = FairKind.OFFLINE
    organiser = FairOrganiser.HRSS
    area_id = SHENYANG_TIEXI
    venue = "铁西区人力资源市场"
    address = "沈阳市铁西区北二中路1号"
    starts_at = factory.LazyFunction(lambda: in_days(3, 9))
    ends_at = factory.LazyFunction(lambda: in_days(3, 16))
    status = FairStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    created_by = factory.SubFactory(StaffFactory)


class OnlineFairFactory(FairFactory):
    kind = FairKind.ONLINE
    venue = ""
    address = ""
    starts_at = factory.LazyFunction(lambda: in_days(2, 0))
    ends_at = factory.LazyFunction(lambda: in_days(9, 0))


class BoothFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Booth
        skip_postgeneration_save = True

    fair = factory.SubFactory(FairFactory)
    employer = factory.SubFactory(EmployerFactory, owner=factory.SubFactory(EmployerOwnerFactory))
    status = BoothStatus.APPROVED
    number = factory.Sequence(lambda n: n + 1)
    requested_by = factory.LazyAttribute(lambda o: o.employer.owner)

    @factory.post_generation
    def with_posting(self, create, extracted, **kwargs):
        if create and extracted is not False:
            self.postings.add(PostingFactory(employer=self.employer))


class SlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InterviewSlot

    booth = factory.SubFactory(BoothFactory, fair=factory.SubFactory(OnlineFairFactory))
    starts_at = factory.LazyFunction(lambda: in_days(3, 10))
    ends_at = factory.LazyFunction(lambda: in_days(3, 11))
    capacity = 3


class SignupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FairSignup

    fair = factory.SubFactory(FairFactory)
    worker = factory.SubFactory(WorkerFactory)
    code = factory.LazyFunction(new_code)


def fair_input(**overrides) -> FairInput:
    values = {
        "title": "铁西区冬季农民工专场招聘会",
        "kind": FairKind.OFFLINE,
        "area_code": SHENYANG_TIEXI,
        "starts_at": in_days(5, 9),
        "ends_at": in_days(5, 16),
        "venue": "铁西区人力资源市场",
        "address": "沈阳市铁西区北二中路1号",
        "township_code": "210106001",
    }
    return FairInput(**(values | overrides))
