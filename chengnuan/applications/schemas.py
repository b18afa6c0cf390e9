"""Request and response bodies of the applications API. An applicant's phone is masked except
in the detail an inviting employer reads (audited); a 身份证号 is never sent whole."""

import datetime
from typing import Any, Literal

from ninja import Field, Schema

from chengnuan.applications.choices import InterviewMode, SignalKind
from chengnuan.applications.models import Application, ApplicationEvent, Interview, InterviewRoom
from chengnuan.applications.notify import interview_how
from chengnuan.applications.selectors import application_history, interview_latest

# --- inputs -------------------------------------------------------------------------------------


class ApplyIn(Schema):
    posting_id: int = Field(ge=1, description="岗位编号")


class OfficeApplyIn(ApplyIn):
    seeker_id: int = Field(ge=1, description="求职登记编号（本辖区的求职者）")


class InvitationIn(Schema):
    mode: InterviewMode = Field(
        description="in_person 到现场；remote 平台视频；external 外部会议链接"
    )
    starts_at: datetime.datetime = Field(
        description="面试时间，带时区，如 2026-12-08T09:30:00+08:00"
    )
    place: str = Field("", max_length=200, description="到现场面试的地点；不填用岗位地址")
    meeting_url: str = Field("", max_length=500, description="外部会议链接（https://）")
    note: str = Field("", max_length=200)


class OutcomeIn(Schema):
    to: Literal["interviewed", "hired", "declined"]
    note: str = Field("", max_length=200)


class WithdrawIn(Schema):
    note: str = Field("", max_length=200)


class BookingIn(Schema):
    note: str = Field(max_length=200, description="服务站的安排，如地点和电脑")


class SignalIn(Schema):
    session: str = Field(description="发送方页面的会话编号（8到32位字母数字）")
    to_session: str = Field("", description="对方页面的会话编号；hello 不填")
    kind: SignalKind
    data: dict[str, Any] = Field(default_factory=dict, description="SDP 或 ICE candidate")


class SignalQuery(Schema):
    after: int = Field(0, ge=0, description="只取编号大于它的信令")
    wait: int = Field(0, ge=0, le=25, description="没有新信令时最多等几秒（长轮询），0 立即返回")


# --- outputs ------------------------------------------------------------------------------------


class EventOut(Schema):
    from_status: str
    to_status: str
    side: str
    note: str
    at: datetime.datetime


class RoomBriefOut(Schema):
    token: str = Field(description="房间地址里的令牌：/interviews/room/{token}/")
    opens_at: datetime.datetime
    expires_at: datetime.datetime


class InterviewOut(Schema):
    id: int
    mode: str
    mode_label: str
    starts_at: datetime.datetime
    place: str
    map_url: str = Field(description="到现场面试时，高德地图上的位置（有坐标时）")
    meeting_url: str
    note: str
    how: str
    room: RoomBriefOut | None = Field(description="平台视频面试的房间；其他方式为 null")
    station_note: str

    @staticmethod
    def resolve_mode_label(obj: Interview) -> str:
        return obj.get_mode_display()

    @staticmethod
    def resolve_how(obj: Interview) -> str:
        return interview_how(obj)

    @staticmethod
    def resolve_room(obj: Interview) -> InterviewRoom | None:
        return getattr(obj, "room", None)


class ApplicationOut(Schema):
    id: int
    posting_id: int
    posting_title: str = Field(alias="posting.title")
    employer_name: str = Field(alias="posting.employer.name")
    status: str
    status_label: str
    applied_via: str
    applied_at: datetime.datetime
    invited_at: datetime.datetime | None
    interviewed_at: datetime.datetime | None
    hired_at: datetime.datetime | None
    closed_at: datetime.datetime | None
    outcome_note: str

    @staticmethod
    def resolve_status_label(obj: Application) -> str:
        return obj.get_status_display()


class ApplicationDetailOut(ApplicationOut):
    events: list[EventOut]
    interview: InterviewOut | None

    @staticmethod
    def resolve_events(obj: Application) -> list[ApplicationEvent]:
        return list(application_history(obj))

    @staticmethod
    def resolve_interview(obj: Application) -> Interview | None:
        return interview_latest(obj)


class ApplicantOut(ApplicationOut):
    """An application as the employer (or staff) sees it: the worker's registration, their
    phone masked."""

    seeker_id: int
    seeker_name: str = Field(alias="seeker.name")
    gender: str = Field(alias="seeker.gender")
    birth_year: int = Field(alias="seeker.birth_date.year")
    phone_masked: str = Field(alias="seeker.phone_masked")
    skills: str = Field(alias="seeker.skills")
    certificates: str = Field(alias="seeker.certificates")
    experience: str = Field(alias="seeker.experience")


class ApplicantDetailOut(ApplicantOut, ApplicationDetailOut):
    phone: str | None = Field(description="完整手机号：邀请面试后才有（每次读取都记入审计日志）")

    @staticmethod
    def resolve_phone(obj: Application) -> str | None:
        # Set by the route from selectors.applicant_contact, which writes the audit row.
        return getattr(obj, "revealed_phone", None)


class RoomOut(Schema):
    side: str
    cursor: int = Field(description="进入时最新的信令编号：从它之后开始取")
    ice_servers: list[dict[str, Any]]
    posting_title: str
    starts_at: datetime.datetime
    expires_at: datetime.datetime


class SignalOut(Schema):
    id: int
    side: str
    session: str
    to_session: str
    kind: str
    data: dict[str, Any]
