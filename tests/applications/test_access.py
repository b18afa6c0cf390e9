import datetime

import pytest
from django.http import Http404
from django.utils import timezone

from chengnuan.applications.access import (
    RoomClosed,
    get_application_for_employer_or_404,
    get_application_for_staff_or_404,
    get_own_application_or_404,
    get_own_posting_or_404,
    get_room_for_party_or_404,
)
from chengnuan.applications.choices import Side
from chengnuan.applications.models import InterviewRoom
from chengnuan.applications.services.interviews import interview_book_station
from chengnuan.core.models import AuditEntry
from tests.applications.support import applied, invited, make_world
from tests.employment.factories import DalianClerkFactory, WorkerFactory
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def test_a_worker_reaches_only_their_own_applications(world):
    application = applied(world)
    assert get_own_application_or_404(world.worker, application.pk) == application
    with pytest.raises(Http404):
        get_own_application_or_404(WorkerFactory(), application.pk)
    with pytest.raises(Http404):
        get_own_application_or_404(world.owner, application.pk)


def test_an_employer_cannot_see_another_employers_applicants(world):
    application = applied(world)
    other = make_world()
    assert get_application_for_employer_or_404(world.owner, application.pk) == application
    with pytest.raises(Http404):
        get_application_for_employer_or_404(other.owner, application.pk)
    with pytest.raises(Http404):
        get_own_posting_or_404(other.owner, world.posting.pk)


def test_a_dalian_clerk_cannot_open_a_shenyang_application_and_a_shenyang_read_is_audited(world):
    application = applied(world)
    with pytest.raises(Http404):
        get_application_for_staff_or_404(DalianClerkFactory(), application.pk, None)
    clerk = StaffFactory()
    assert get_application_for_staff_or_404(clerk, application.pk, None) == application
    assert AuditEntry.objects.get(actor=clerk).object_id == str(world.seeker.pk)


def test_the_two_parties_enter_the_room_on_their_sides(world):
    room = invited(world).room
    assert get_room_for_party_or_404(world.worker, room.token) == (room, Side.WORKER)
    assert get_room_for_party_or_404(world.owner, room.token) == (room, Side.EMPLOYER)


def test_strangers_are_refused_the_room_even_staff_of_the_area(world):
    room = invited(world).room
    for stranger in (WorkerFactory(), make_world().owner, StaffFactory(), DalianClerkFactory()):
        with pytest.raises(Http404):
            get_room_for_party_or_404(stranger, room.token)
    with pytest.raises(Http404):
        get_room_for_party_or_404(world.worker, room.token[:-1] + "x")


def test_the_booked_station_clerk_sits_on_the_workers_side(world):
    interview = invited(world)
    clerk = StaffFactory()
    interview_book_station(interview=interview, clerk=clerk, note="服务站二楼")
    assert get_room_for_party_or_404(clerk, interview.room.token)[1] == Side.WORKER


def _move(room, opens, expires):
    now = timezone.now()
    InterviewRoom.objects.filter(pk=room.pk).update(
        opens_at=now + datetime.timedelta(minutes=opens),
        expires_at=now + datetime.timedelta(minutes=expires),
    )


def test_the_room_is_closed_before_it_opens_and_after_it_expires(world):
    room = invited(world).room
    _move(room, 10, 100)
    with pytest.raises(RoomClosed, match="还没开放"):
        get_room_for_party_or_404(world.worker, room.token)
    _move(room, -200, -1)
    with pytest.raises(RoomClosed, match="已经关闭"):
        get_room_for_party_or_404(world.owner, room.token)
