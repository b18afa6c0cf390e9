import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from chengnuan.accounts.models import Department, StaffRole
from chengnuan.core.models import AuditAction, AuditEntry
from chengnuan.events.choices import FairKind, FairOrganiser, FairStatus
from chengnuan.events.models import JobFair
from chengnuan.events.services.fairs import (
    fair_cancel,
    fair_create,
    fair_publish,
    fair_update,
    fairs_finish_due,
)
from chengnuan.notifications.models import Notification
from chengnuan.regions.geo import wgs84_to_gcj02
from tests.events.factories import (
    DALIAN_GANJINGZI,
    BoothFactory,
    FairFactory,
    SignupFactory,
    UnionStaffFactory,
    fair_input,
    in_days,
)
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def test_staff_create_a_draft_fair_organised_by_their_department():
    clerk = StaffFactory()

    fair = fair_create(data=fair_input(), actor=clerk)

    assert fair.status == FairStatus.DRAFT
    assert fair.organiser == FairOrganiser.HRSS
    assert fair.published_at is None
    assert AuditEntry.objects.filter(action=AuditAction.CREATE, object_id=str(fair.pk)).exists()


def test_a_union_employment_event_is_a_fair_with_the_union_as_organiser():
    fair = fair_create(data=fair_input(), actor=UnionStaffFactory(), publish=True)

    assert fair.organiser == FairOrganiser.UNION
    assert fair.status == FairStatus.PUBLISHED


def test_staff_of_other_departments_cannot_hold_fairs():
    with pytest.raises(ValidationError, match="人社部门和工会"):
        fair_create(data=fair_input(), actor=StaffFactory(department=Department.EDUCATION))


def test_a_dalian_clerk_cannot_place_a_fair_in_shenyang():
    with pytest.raises(ValidationError, match="不在您负责的区域"):
        fair_create(data=fair_input(), actor=StaffFactory(area_id=DALIAN_GANJINGZI))


def test_a_city_officer_holds_a_city_wide_online_fair():
    officer = StaffFactory(role=StaffRole.CITY, area_id="2101")
    data = fair_input(kind=FairKind.ONLINE, area_code="2101", address="", township_code=None,
                      starts_at=in_days(2, 0), ends_at=in_days(9, 0))  # fmt: skip

    fair = fair_create(data=data, actor=officer, publish=True)

    assert fair.area_id == "2101"
    assert fair.address == ""


def test_an_offline_fair_needs_an_address():
    with pytest.raises(ValidationError) as caught:
        fair_create(data=fair_input(address=""), actor=StaffFactory())

    assert "address" in caught.value.error_dict


def test_the_end_must_come_after_the_start():
    data = fair_input(starts_at=in_days(5, 16), ends_at=in_days(5, 9))

    with pytest.raises(ValidationError) as caught:
        fair_create(data=data, actor=StaffFactory())

    assert caught.value.error_dict["ends_at"][0].messages == ["结束时间要晚于开始时间。"]


def test_the_database_refuses_a_fair_ending_before_it_starts():
    fair = FairFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        JobFair.objects.filter(pk=fair.pk).update(
            ends_at=fair.starts_at - datetime.timedelta(hours=1)
        )


def test_a_township_outside_the_area_is_refused():
    with pytest.raises(ValidationError) as caught:
        fair_create(data=fair_input(township_code="210211001"), actor=StaffFactory())

    assert "township_code" in caught.value.error_dict


def test_a_gps_point_is_stored_in_gcj02_and_says_so():
    data = fair_input(lng=123.40, lat=41.79, coord_system="wgs84")

    fair = fair_create(data=data, actor=StaffFactory())

    assert (fair.lng, fair.lat) == pytest.approx(wgs84_to_gcj02(123.40, 41.79))
    assert fair.coord_system == "gcj02"


def test_publish_a_draft():
    clerk = StaffFactory()
    fair = fair_create(data=fair_input(), actor=clerk)

    fair = fair_publish(fair=fair, actor=clerk)

    assert fair.status == FairStatus.PUBLISHED
    assert fair.published_at is not None


def test_a_dalian_clerk_cannot_edit_a_shenyang_fair():
    fair = FairFactory()

    with pytest.raises(ValidationError, match="不在您负责的区域"):
        fair_update(
            fair=fair, data=fair_input(title="改名"), actor=StaffFactory(area_id=DALIAN_GANJINGZI)
        )


def test_update_changes_the_fair():
    fair = FairFactory()

    fair = fair_update(fair=fair, data=fair_input(title="改过的名字"), actor=StaffFactory())

    assert JobFair.objects.get(pk=fair.pk).title == "改过的名字"


def test_cancelling_tells_everyone_signed_up_and_each_booth(django_capture_on_commit_callbacks):
    fair = FairFactory()
    signup = SignupFactory(fair=fair)
    booth = BoothFactory(fair=fair)

    fair_cancel(fair=fair, actor=StaffFactory(), reason="暴雪，改期举办")

    told = set(
        Notification.objects.filter(topic="events.fair_cancelled").values_list(
            "recipient_id", flat=True
        )
    )
    assert told == {signup.worker_id, booth.employer.owner_id}
    assert JobFair.objects.get(pk=fair.pk).cancel_reason == "暴雪，改期举办"


def test_cancelling_needs_a_reason():
    with pytest.raises(ValidationError) as caught:
        fair_cancel(fair=FairFactory(), actor=StaffFactory(), reason="  ")

    assert "reason" in caught.value.error_dict


def test_fairs_that_have_ended_are_finished():
    over = FairFactory(starts_at=timezone.now() - datetime.timedelta(hours=5),
                       ends_at=timezone.now() - datetime.timedelta(hours=1))  # fmt: skip
    coming = FairFactory()

    assert fairs_finish_due() == 1

    assert JobFair.objects.get(pk=over.pk).status == FairStatus.FINISHED
    assert JobFair.objects.get(pk=coming.pk).status == FairStatus.PUBLISHED


def test_a_draft_called_off_was_never_published():
    clerk = StaffFactory()
    draft = fair_create(data=fair_input(), actor=clerk)

    cancelled = fair_cancel(fair=draft, actor=clerk, reason="不办了")

    assert cancelled.published_at is None
    assert not Notification.objects.exists()
