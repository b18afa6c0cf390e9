"""Request and response bodies of the events API. Inputs mirror inputs.py; times are
ISO 8601 with their offset (Beijing time, +08:00, unless the caller sends another)."""

import datetime
from typing import Any

from ninja import Field, Schema

from chengnuan.core.amounts import AmountOut
from chengnuan.events.choices import FairKind
from chengnuan.events.models import Booth, FairSignup, InterviewBooking, JobFair
from chengnuan.regions.models import CoordSystem

# --- inputs -----------------------------------------------------------------------------------


class FairIn(Schema):
    title: str = Field(max_length=80)
    kind: FairKind = Field(description="offline 现场招聘会，online 网络招聘会")
    area_code: str = Field(description="举办地区：城市4位或县区6位区划代码")
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    organiser_name: str = Field("", max_length=80)
    description: str = Field("", max_length=2000)
    venue: str = Field("", max_length=80)
    address: str = Field("", max_length=200, description="现场招聘会必填")
    township_code: str | None = None
    lng: float | None = None
    lat: float | None = None
    coord_system: CoordSystem = Field(
        CoordSystem.GCJ02, description="lng/lat 的坐标系（保存时换算为 GCJ-02）"
    )


class FairCreateIn(FairIn):
    publish: bool = Field(False, description="true 直接发布，false 保存为草稿")


class CancelIn(Schema):
    reason: str = Field(max_length=200)


class BoothIn(Schema):
    posting_ids: list[int] = Field(description="带到招聘会的本单位已发布岗位")
    note: str = Field("", max_length=200)
    employer_id: int | None = Field(None, description="账号管理多家单位时必填")


class BoothDecisionIn(Schema):
    approve: bool
    note: str = Field("", max_length=200, description="不通过时必填，单位会看到")


class SlotIn(Schema):
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    capacity: int = Field(ge=1, le=50)


class DoorLookupIn(Schema):
    q: str = Field(max_length=20, description="入场码、手机号后四位或完整手机号")


# --- outputs ----------------------------------------------------------------------------------


class FairOut(Schema):
    id: int
    title: str
    kind: str
    kind_label: str
    organiser: str
    organiser_label: str
    organiser_name: str
    area_code: str
    area_name: str
    venue: str
    address: str
    township_code: str | None
    lng: float | None
    lat: float | None
    coord_system: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    status: str
    status_label: str
    cancel_reason: str
    description: str

    @staticmethod
    def resolve_kind_label(obj: JobFair) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_organiser_label(obj: JobFair) -> str:
        return obj.get_organiser_display()

    @staticmethod
    def resolve_area_code(obj: JobFair) -> str:
        return obj.area_id

    @staticmethod
    def resolve_area_name(obj: JobFair) -> str:
        return obj.area.name

    @staticmethod
    def resolve_township_code(obj: JobFair) -> str | None:
        return obj.township_id

    @staticmethod
    def resolve_status_label(obj: JobFair) -> str:
        return obj.get_status_display()


class BoothPostingOut(Schema):
    id: int
    title: str
    wage_min: AmountOut
    wage_max: AmountOut
    wage_unit: str
    headcount: int


class SlotOut(Schema):
    id: int
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    capacity: int
    booked: int
    places_left: int


class BoothOut(Schema):
    """A booth as the public sees it: its number, employer and live postings."""

    id: int
    number: int | None
    employer_name: str
    postings: list[BoothPostingOut]
    slots: list[SlotOut]

    @staticmethod
    def resolve_employer_name(obj: Booth) -> str:
        return obj.employer.name

    @staticmethod
    def resolve_postings(obj: Booth) -> list[Any]:
        return list(getattr(obj, "live_postings", None) or obj.postings.all())

    @staticmethod
    def resolve_slots(obj: Booth) -> list[Any]:
        return list(obj.slots.all())


class FairDetailOut(FairOut):
    booths: list[BoothOut]

    @staticmethod
    def resolve_booths(obj: JobFair) -> list[Any]:
        return list(obj.public_booths)  # type: ignore[attr-defined]


class BoothManageOut(BoothOut):
    """A booth as its employer and the fair's staff see it."""

    fair_id: int
    employer_id: int
    status: str
    status_label: str
    note: str
    decision_note: str
    posting_ids: list[int]

    @staticmethod
    def resolve_status_label(obj: Booth) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_posting_ids(obj: Booth) -> list[int]:
        return [p.pk for p in obj.postings.all()]


class BookingOut(Schema):
    id: int
    slot: SlotOut
    employer_name: str

    @staticmethod
    def resolve_employer_name(obj: InterviewBooking) -> str:
        return obj.booth.employer.name


class SignupOut(Schema):
    """A worker's own sign-up: the entry code to show at the door, and bookings."""

    id: int
    fair_id: int
    fair_title: str
    code: str
    created_at: datetime.datetime
    attended_at: datetime.datetime | None
    bookings: list[BookingOut]

    @staticmethod
    def resolve_fair_title(obj: FairSignup) -> str:
        return obj.fair.title

    @staticmethod
    def resolve_bookings(obj: FairSignup) -> list[Any]:
        return list(obj.bookings.all())


class SignupStaffOut(Schema):
    """A sign-up as the door sees it: masked phone only."""

    id: int
    code: str
    display_name: str
    phone_masked: str
    created_at: datetime.datetime
    attended_at: datetime.datetime | None

    @staticmethod
    def resolve_display_name(obj: FairSignup) -> str:
        return obj.worker.display_name

    @staticmethod
    def resolve_phone_masked(obj: FairSignup) -> str:
        return obj.worker.phone_masked


class FiguresOut(Schema):
    signups: int
    attended: int
    attendance_rate: int | None = Field(description="到场率（%），没人报名时为空")
    booths_approved: int
    booths_pending: int
    booths_refused: int
    postings: int
    headcount: int
    slot_places: int
    slot_booked: int
    applications: int = Field(description="报名者向本场展位岗位的申请数")
    hires: int = Field(description="其中已录用的人数")


class DoneOut(Schema):
    detail: str
