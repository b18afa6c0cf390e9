"""A clerk's area with one of everything the staff routes show, for the checks that walk them."""

import pytest

from chengnuan.applications.models import Application
from chengnuan.bulk.models import DemandSurvey, DemandSurveyPosition
from tests.bulk.sheets import filled_template, seeker_row, upload
from tests.events.factories import BoothFactory, FairFactory, SignupFactory, WorkerFactory
from tests.factories import (
    SHENYANG_TIEXI,
    EmployerFactory,
    JobSeekerFactory,
    PostingFactory,
    StaffFactory,
)

PHONE = "13987654321"


@pytest.fixture
def world(tmp_path, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    clerk = StaffFactory()
    seeker = JobSeekerFactory(name="周凤兰", phone=PHONE)
    employer = EmployerFactory()
    posting = PostingFactory(employer=employer)
    job = upload(clerk, filled_template("seeker", SHENYANG_TIEXI, [seeker_row()]))
    demand = DemandSurvey.objects.create(
        employer_name="示例厂", county_id=SHENYANG_TIEXI, contact_name="刘", contact_phone=PHONE,
        contact_phone_masked="139****4321", surveyed_on="2026-11-20", natural_key="k", created_by=clerk,
    )  # fmt: skip
    position = DemandSurveyPosition.objects.create(survey=demand, title="包装工")
    application = Application.objects.create(
        seeker=seeker, posting=posting, seeker_area=seeker.area_code, posting_area=posting.county_id
    )
    booth = BoothFactory(fair=FairFactory(created_by=clerk))
    SignupFactory(fair=booth.fair, worker=WorkerFactory(phone_number=PHONE))
    return {
        "clerk": clerk,
        "seeker": seeker,
        "ids": {
            "seekers": seeker.pk,
            "employers": employer.pk,
            "postings": posting.pk,
            "imports": job.pk,
            "demand": demand.pk,
            "employment": 0,  # filled in once the clerk has entered one
            "position_pk": position.pk,
            "applications": application.pk,
            "fairs": booth.fair_id,
            "booths": booth.pk,
        },
    }
