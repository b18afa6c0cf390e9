import datetime

import pytest
from django.utils import timezone

from chengnuan.applications import selectors
from chengnuan.applications.choices import ApplicationStatus as S
from chengnuan.applications.models import Application
from chengnuan.applications.selectors import (
    applicant_contact,
    application_funnel_pairs,
    application_outcomes,
    applications_for_staff,
)
from chengnuan.applications.services.applications import application_transition
from chengnuan.core.models import AuditEntry
from tests.applications.support import applied, invited, make_world
from tests.employment.factories import DALIAN_GANJINGZI_TOWNSHIP, DalianClerkFactory
from tests.factories import DALIAN_GANJINGZI, StaffFactory

pytestmark = pytest.mark.django_db


def test_a_shenyang_clerk_sees_the_areas_applications_and_the_read_is_audited(world):
    application = applied(world)
    clerk = StaffFactory()
    assert list(applications_for_staff(clerk)) == [application]
    entry = AuditEntry.objects.get(actor=clerk)
    assert entry.object_type == "employment.jobseeker"
    assert entry.detail["list"] == [world.seeker.pk]
    assert entry.detail["applications"] == [application.pk]


def test_a_dalian_clerk_cannot_see_shenyang_applications(world):
    applied(world)
    assert list(applications_for_staff(DalianClerkFactory())) == []


def test_a_clerk_sees_applications_of_workers_living_in_the_area_for_jobs_elsewhere():
    world = make_world(county_id=DALIAN_GANJINGZI, city_code="2102")
    application = applied(world)  # a Shenyang worker, a Dalian job
    assert list(applications_for_staff(StaffFactory())) == [application]
    assert list(applications_for_staff(DalianClerkFactory())) == [application]


def test_counting_the_staff_list_writes_no_audit_row(world):
    applied(world)
    clerk = StaffFactory()
    assert applications_for_staff(clerk).count() == 1
    assert not AuditEntry.objects.filter(actor=clerk).exists()


def test_the_phone_stays_masked_until_the_invitation_and_each_reveal_is_audited(world):
    application = applied(world)
    assert applicant_contact(application=application, actor=world.owner) is None
    assert not AuditEntry.objects.filter(actor=world.owner).exists()
    invited(make_world())  # someone else's invitation reveals nothing here
    interview_world = make_world()
    interview = invited(interview_world)
    revealed = applicant_contact(application=interview.application, actor=interview_world.owner)
    assert revealed == interview_world.seeker.phone
    entry = AuditEntry.objects.get(actor=interview_world.owner)
    assert entry.object_id == str(interview_world.seeker.pk)
    assert entry.detail["revealed"] == "phone"


# --- the funnel -------------------------------------------------------------------------------


def _stages(**filters):
    return {(o.seeker_id, o.posting_id): o.stage for o in application_outcomes(**filters)}


def test_the_furthest_stage_per_seeker_and_posting():
    hired, interviewed, declined_early, withdrawn_late = (make_world() for _ in range(4))
    for w in (hired, interviewed, withdrawn_late):
        interview = invited(w)
        application_transition(application=interview.application, to=S.INTERVIEWED, actor=w.owner)
    application_transition(application=Application.objects.get(seeker=hired.seeker), to=S.HIRED,
                           actor=hired.owner)  # fmt: skip
    application_transition(
        application=Application.objects.get(seeker=withdrawn_late.seeker),
        to=S.WITHDRAWN,
        actor=withdrawn_late.worker,
    )
    application_transition(application=applied(declined_early), to=S.DECLINED,
                           actor=declined_early.owner)  # fmt: skip
    assert _stages() == {
        (hired.seeker.pk, hired.posting.pk): "hired",
        (interviewed.seeker.pk, interviewed.posting.pk): "interviewed",
        (withdrawn_late.seeker.pk, withdrawn_late.posting.pk): "interviewed",
        (declined_early.seeker.pk, declined_early.posting.pk): "applied",
    }
    [row] = [o for o in application_outcomes() if o.stage == "hired"]
    assert row.applied_at <= row.interviewed_at <= row.hired_at


def test_the_funnel_filters_by_the_workers_area_and_the_month_applied(world):
    applied(world)
    dalian = make_world()
    dalian.seeker.residence_id = dalian.seeker.area_code = DALIAN_GANJINGZI_TOWNSHIP
    dalian.seeker.save()
    applied(dalian)
    assert set(_stages(area="2101")) == {(world.seeker.pk, world.posting.pk)}
    assert set(_stages(area="2102")) == {(dalian.seeker.pk, dalian.posting.pk)}
    this_month = timezone.localdate()
    assert len(_stages(month=this_month)) == 2
    last_month = this_month.replace(day=1) - datetime.timedelta(days=1)
    assert _stages(month=last_month) == {}


def test_matchings_outcome_source_answers_only_the_pairs_asked_that_applied(world, monkeypatch):
    monkeypatch.setattr(selectors, "FUNNEL_CHUNK", 1)  # several chunks of seekers
    interview = invited(world)
    application_transition(application=interview.application, to=S.INTERVIEWED, actor=world.owner)
    other = make_world()
    applied(other)
    never = make_world()  # asked about, never applied
    asked = [(world.seeker.pk, world.posting.pk), (other.seeker.pk, other.posting.pk),
             (never.seeker.pk, never.posting.pk), (world.seeker.pk, other.posting.pk)]  # fmt: skip
    assert application_funnel_pairs(asked) == {
        (world.seeker.pk, world.posting.pk): "interviewed",
        (other.seeker.pk, other.posting.pk): "applied",
    }
    assert application_funnel_pairs([]) == {}
