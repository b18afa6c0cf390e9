import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from chengnuan.applications.choices import ApplicationStatus as S
from chengnuan.applications.choices import InterviewMode
from chengnuan.applications.models import Interview, InterviewRoom
from chengnuan.applications.services.interviews import (
    ROOM_OPENS_BEFORE,
    ROOM_STAYS_OPEN,
    application_invite,
    interview_book_station,
)
from tests.applications.support import applied, invitation, invited, make_world, soon
from tests.employment.factories import DalianClerkFactory
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def test_an_in_person_invitation_takes_the_postings_address_and_a_map_link():
    world = make_world(lng=123.35, lat=41.79)
    interview = invited(world, InterviewMode.IN_PERSON)
    assert interview.place == "铁西区北二中路1号"
    assert interview.map_url.startswith(
        "https://uri.amap.com/marker?position=123.350000%2C41.790000"
    )
    assert "coordinate=gaode" in interview.map_url
    assert not InterviewRoom.objects.exists()
    interview.application.refresh_from_db()
    assert interview.application.status == S.INVITED


def test_an_in_person_invitation_without_any_place_is_refused():
    world = make_world(address="")
    with pytest.raises(ValidationError) as refused:
        invited(world, InterviewMode.IN_PERSON)
    assert "place" in refused.value.error_dict
    assert not Interview.objects.exists()


def test_a_remote_invitation_opens_a_room_around_the_interview(world):
    interview = invited(world)
    room = interview.room
    assert room.opens_at == interview.starts_at - ROOM_OPENS_BEFORE
    assert room.expires_at == interview.starts_at + ROOM_STAYS_OPEN
    assert len(room.token) >= 32


@pytest.mark.parametrize(
    "url", ["", "http://meeting.example.com/123", "javascript:alert(1)", "https://"]
)
def test_an_external_meeting_needs_a_whole_https_link(world, url):
    with pytest.raises(ValidationError) as refused:
        invited(world, InterviewMode.EXTERNAL, meeting_url=url)
    assert "meeting_url" in refused.value.error_dict


def test_an_external_meeting_keeps_its_link(world):
    interview = invited(
        world, InterviewMode.EXTERNAL, meeting_url="https://meeting.tencent.com/dm/abc"
    )
    assert interview.meeting_url == "https://meeting.tencent.com/dm/abc"


@pytest.mark.parametrize("starts_at", [timezone.now() - datetime.timedelta(minutes=1),
                                       timezone.now() + datetime.timedelta(days=120)])  # fmt: skip
def test_an_interview_in_the_past_or_far_ahead_is_refused(world, starts_at):
    with pytest.raises(ValidationError) as refused:
        invited(world, starts_at=starts_at)
    assert "starts_at" in refused.value.error_dict


def test_another_employer_cannot_invite(world):
    application = applied(world)
    with pytest.raises(PermissionDenied):
        application_invite(application=application, data=invitation(), actor=make_world().owner)


def test_an_application_is_invited_once(world):
    interview = invited(world)
    with pytest.raises(ValidationError, match="不能再邀请"):
        application_invite(application=interview.application, data=invitation(), actor=world.owner)


def test_a_station_clerk_of_the_workers_area_books_the_room_and_screen(world):
    interview = invited(world)
    clerk = StaffFactory()
    booked = interview_book_station(interview=interview, clerk=clerk, note="铁西区服务站二楼")
    assert booked.station_clerk == clerk
    assert booked.station_note == "铁西区服务站二楼"


def test_a_dalian_clerk_cannot_book_for_a_shenyang_worker(world):
    with pytest.raises(PermissionDenied):
        interview_book_station(interview=invited(world), clerk=DalianClerkFactory(), note="x")


def test_only_a_remote_interview_that_is_still_open_can_be_booked(world):
    in_person = invited(world, InterviewMode.IN_PERSON)
    with pytest.raises(ValidationError, match="视频面试"):
        interview_book_station(interview=in_person, clerk=StaffFactory(), note="x")
    other = make_world()
    remote = invited(other, starts_at=soon(5))
    InterviewRoom.objects.filter(pk=remote.room.pk).update(
        opens_at=timezone.now() - datetime.timedelta(hours=5),
        expires_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    remote.refresh_from_db()
    with pytest.raises(ValidationError, match="过期"):
        interview_book_station(interview=remote, clerk=StaffFactory(), note="x")
