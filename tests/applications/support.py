"""What the applications tests share: a worker with a registration, an employer account with a
published posting, clerks of Shenyang and Dalian, and one application between them."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from chengnuan.accounts.models import User
from chengnuan.applications.choices import InterviewMode
from chengnuan.applications.inputs import InvitationInput
from chengnuan.applications.models import Application, Interview
from chengnuan.applications.services.applications import application_apply
from chengnuan.applications.services.interviews import application_invite
from chengnuan.employment.models import Employer, JobSeeker, Posting
from tests.employment.factories import EmployerUserFactory, WorkerFactory
from tests.factories import EmployerFactory, JobSeekerFactory, PostingFactory


@dataclass
class World:
    worker: User
    seeker: JobSeeker
    owner: User
    employer: Employer
    posting: Posting


def make_world(**posting_fields) -> World:
    worker = WorkerFactory()
    seeker = JobSeekerFactory(user=worker, phone=worker.phone)
    owner = EmployerUserFactory()
    employer = EmployerFactory(owner=owner)
    fields = {"address": "铁西区北二中路1号"} | posting_fields
    posting = PostingFactory(employer=employer, **fields)
    return World(worker, seeker, owner, employer, posting)


def applied(world: World) -> Application:
    return application_apply(seeker=world.seeker, posting=world.posting, actor=world.worker)


def soon(minutes: int = 10) -> datetime.datetime:
    """Within the half hour before it starts, the interview's room is open."""
    return timezone.now() + datetime.timedelta(minutes=minutes)


def invitation(mode: InterviewMode = InterviewMode.REMOTE, **overrides) -> InvitationInput:
    values = {"mode": mode, "starts_at": soon(), "place": "", "meeting_url": "", "note": ""}
    return InvitationInput(**(values | overrides))


def invited(world: World, mode: InterviewMode = InterviewMode.REMOTE, **overrides) -> Interview:
    application = applied(world)
    return application_invite(
        application=application, data=invitation(mode, **overrides), actor=world.owner
    )
