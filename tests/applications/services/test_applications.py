import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction

from chengnuan.applications.choices import ApplicationStatus as S
from chengnuan.applications.choices import AppliedVia, Side
from chengnuan.applications.models import Application, ApplicationEvent
from chengnuan.applications.services.applications import (
    application_apply,
    application_transition,
    applications_erase,
)
from chengnuan.employment.choices import PostingStatus, SeekerStatus
from chengnuan.notifications.models import Notification
from tests.applications.support import applied, invited, make_world
from tests.employment.factories import DalianClerkFactory, WorkerFactory
from tests.factories import JobSeekerFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_a_worker_applies_once_and_the_history_starts(world):
    application = applied(world)
    assert application.status == S.APPLIED
    assert application.applied_via == AppliedVia.SELF
    assert (application.seeker_area, application.posting_area) == (
        world.seeker.area_code,
        world.posting.county_id,
    )
    [event] = ApplicationEvent.objects.filter(application=application)
    assert (event.from_status, event.to_status, event.side) == ("", S.APPLIED, Side.WORKER)


def test_applying_twice_to_the_same_posting_is_refused(world):
    applied(world)
    with pytest.raises(ValidationError, match="已经申请过"):
        applied(world)
    assert Application.objects.count() == 1


def test_the_database_refuses_a_second_application_for_the_same_pair(world):
    first = applied(world)
    with pytest.raises(DatabaseError), transaction.atomic():
        Application.objects.create(
            seeker=first.seeker, posting=first.posting, seeker_area="x", posting_area="y"
        )


@pytest.mark.parametrize("status", [PostingStatus.DRAFT, PostingStatus.CLOSED])
def test_a_posting_that_is_not_public_cannot_be_applied_to(status):
    world = make_world(status=status)
    with pytest.raises(ValidationError, match="不能申请"):
        applied(world)


def test_a_paused_registration_cannot_apply(world):
    world.seeker.status = SeekerStatus.PAUSED
    world.seeker.save()
    with pytest.raises(ValidationError, match="恢复求职"):
        applied(world)


def test_nobody_applies_for_someone_else(world):
    with pytest.raises(PermissionDenied):
        application_apply(seeker=world.seeker, posting=world.posting, actor=WorkerFactory())


def test_a_clerk_of_the_workers_area_applies_for_them_at_the_station(world):
    seeker = JobSeekerFactory()  # registered at the station, no account of their own
    application = application_apply(seeker=seeker, posting=world.posting, actor=StaffFactory())
    assert application.applied_via == AppliedVia.STATION


def test_a_dalian_clerk_cannot_apply_for_a_shenyang_worker(world):
    with pytest.raises(PermissionDenied):
        application_apply(seeker=world.seeker, posting=world.posting, actor=DalianClerkFactory())


# --- transitions ----------------------------------------------------------------------------


def _walk(world, application, steps):
    for to, who in steps:
        actor = world.owner if who == "employer" else world.worker
        application = application_transition(application=application, to=to, actor=actor)
    return application


def test_the_whole_way_to_hired_stamps_each_step_and_keeps_the_history(world):
    interview = invited(world)
    application = _walk(
        world, interview.application, [(S.INTERVIEWED, "employer"), (S.HIRED, "employer")]
    )
    assert application.status == S.HIRED
    assert application.invited_at and application.interviewed_at and application.hired_at
    assert application.closed_at is not None
    steps = list(application.events.values_list("from_status", "to_status"))
    assert steps == [("", "applied"), ("applied", "invited"), ("invited", "interviewed"),
                     ("interviewed", "hired")]  # fmt: skip


@pytest.mark.parametrize(
    "steps, to",
    [
        ([], S.HIRED),  # no interview yet
        ([], S.INTERVIEWED),
        ([(S.WITHDRAWN, "worker")], S.INVITED),  # closed is closed
        ([(S.DECLINED, "employer")], S.WITHDRAWN),
        ([(S.DECLINED, "employer")], S.APPLIED),
    ],
)
def test_moves_outside_the_table_are_refused_and_change_nothing(world, steps, to):
    application = _walk(world, applied(world), steps)
    before = application.status
    with pytest.raises(ValidationError, match="不能改成"):
        application_transition(application=application, to=to, actor=world.owner)
    application.refresh_from_db()
    assert application.status == before
    assert application.events.count() == 1 + len(steps)


def test_only_the_worker_withdraws_and_only_the_employer_decides(world):
    application = applied(world)
    with pytest.raises(PermissionDenied):
        application_transition(application=application, to=S.WITHDRAWN, actor=world.owner)
    with pytest.raises(PermissionDenied):
        application_transition(application=application, to=S.DECLINED, actor=world.worker)
    other_employer = make_world().owner
    with pytest.raises(PermissionDenied):
        application_transition(application=application, to=S.DECLINED, actor=other_employer)


def test_inviting_needs_the_time_and_way_of_the_interview(world):
    with pytest.raises(ValidationError, match="面试的时间和方式"):
        application_transition(application=applied(world), to=S.INVITED, actor=world.owner)


def test_an_unknown_status_is_refused(world):
    with pytest.raises(ValidationError):
        application_transition(application=applied(world), to="promoted", actor=world.owner)


def test_the_history_is_append_only(world):
    event = applied(world).events.get()
    with pytest.raises(DatabaseError), transaction.atomic():
        ApplicationEvent.objects.filter(pk=event.pk).update(note="改过")


# --- notifications ----------------------------------------------------------------------------


def _messages(user):
    return list(Notification.objects.filter(recipient=user).order_by("id"))


def test_both_sides_hear_of_each_step_once(world):
    interview = invited(world)
    application = interview.application
    application_transition(application=application, to=S.INTERVIEWED, actor=world.owner)
    application_transition(application=application, to=S.HIRED, actor=world.owner)
    worker_topics = [n.topic for n in _messages(world.worker)]
    employer_topics = [n.topic for n in _messages(world.owner)]
    assert worker_topics == ["applications.for_worker", "applications.invited",
                             "applications.for_worker", "applications.for_worker"]  # fmt: skip
    assert employer_topics == ["applications.for_employer"] * 4
    keys = [n.dedupe_key for n in _messages(world.worker) + _messages(world.owner)]
    assert len(set(keys)) == 8


def test_a_refused_repeat_of_a_step_sends_nothing_more(world):
    application = applied(world)
    application_transition(application=application, to=S.DECLINED, actor=world.owner)
    before = Notification.objects.count()
    with pytest.raises(ValidationError):
        application_transition(application=application, to=S.DECLINED, actor=world.owner)
    assert Notification.objects.count() == before


def test_the_invitation_message_says_when_and_how(world):
    invited(world)
    message = Notification.objects.get(recipient=world.worker, topic="applications.invited")
    assert world.employer.name in message.title
    assert "视频面试" in message.body
    assert message.link == f"/me/applications/{Application.objects.get().pk}/"


def test_a_worker_without_an_account_and_an_employer_without_one_get_no_message(world):
    world.employer.owner = None
    world.employer.save()
    seeker = JobSeekerFactory()
    application_apply(seeker=seeker, posting=world.posting, actor=StaffFactory())
    assert Notification.objects.count() == 0


# --- erasure --------------------------------------------------------------------------------


def test_erasing_a_worker_takes_their_applications_and_history(world):
    invited(world)
    other = make_world()
    applied(other)
    assert applications_erase(user=world.worker) == 1
    assert list(Application.objects.values_list("seeker_id", flat=True)) == [other.seeker.pk]
    assert not ApplicationEvent.objects.filter(application__seeker=world.seeker).exists()
