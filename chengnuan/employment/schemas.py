"""Request and response bodies of the employment API. Inputs mirror the dataclasses in
inputs.py field for field; outputs never carry an unmasked 身份证号."""

import datetime
from typing import Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import AfterValidator, WithJsonSchema

from chengnuan.core.amounts import AmountIn, AmountOut
from chengnuan.employment.choices import (
    ContractType,
    Education,
    PushChannel,
    PushFrequency,
    RevealPurpose,
    WageUnit,
)
from chengnuan.employment.models import Employer, JobSeeker, Posting

# --- inputs -----------------------------------------------------------------------------------


def _wall_clock(value: datetime.time) -> datetime.time:
    if value.tzinfo is not None:
        raise ValueError("只填几点几分（北京时间），比如 21:00，不要带时区。")
    return value


# Quiet hours are a time of day in Beijing: a UTC offset on them means nothing (and the
# database has no place for one). JSON Schema's "time" format requires an offset, so the
# document gives the pattern instead.
ClockTime = Annotated[
    datetime.time,
    AfterValidator(_wall_clock),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$",
            "description": "几点几分（北京时间），如 21:00",
        }
    ),
]


def _drop_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


def unchanged_if_left_out(**kwargs: Any) -> Any:
    """A PATCH field that may be left out (it stays as it is) but not sent as null."""
    return Field(None, json_schema_extra=_drop_default, **kwargs)


class EmployerIn(Schema):
    uscc: str = Field(description="统一社会信用代码（18位）")
    name: str
    county_code: str = Field(description="所在县区的6位区划代码")
    contact_name: str
    contact_phone: str
    industry_code: str | None = None
    address: str = ""


class PostingIn(Schema):
    title: str
    county_code: str
    wage_min: AmountIn
    wage_max: AmountIn
    contact_name: str
    contact_phone: str
    valid_until: datetime.date
    occupation_code: str | None = Field(None, description="不填时按岗位名称自动归类")
    industry_code: str | None = None
    township_code: str | None = None
    address: str = ""
    lng: float | None = None
    lat: float | None = None
    wage_unit: str = WageUnit.MONTH
    wage_months: int | None = Field(None, description="每年发几个月工资（13薪填13），不填就不写")
    headcount: int = 1
    age_min: int | None = None
    age_max: int | None = None
    education: str = Education.NONE
    benefits: list[str] = []
    shift: str = ""
    contract_type: str = ContractType.FULL_TIME
    description: str = ""


class EmployerPostingIn(PostingIn):
    employer_id: int | None = Field(None, description="账号管理多家单位时必填")
    submit: bool = Field(False, description="true 表示直接提交审核，false 保存为草稿")


class SeekerFields(Schema):
    name: str
    id_number: str
    phone: str
    residence_code: str = Field(description="现居住地乡镇街道的9位区划代码")
    hukou_area_code: str | None = None
    wanted_occupation_codes: list[str] = []
    wanted_area_codes: list[str] = []
    expected_wage: AmountIn | None = None
    expected_wage_unit: str = WageUnit.MONTH
    available_from: datetime.date | None = None
    skills: str = ""
    certificates: str = ""
    experience: str = ""
    wants_training: bool = False
    is_poverty_alleviated: bool = False
    push_frequency: str = PushFrequency.WEEKLY
    push_channel: str = PushChannel.SITE
    quiet_start: ClockTime | None = None
    quiet_end: ClockTime | None = None


class SeekerSelfIn(SeekerFields):
    consent: bool = Field(description="本人已阅读并同意《求职登记个人信息处理说明》")


class SeekerOfficeIn(SeekerFields):
    consent_method: Literal["signed", "verbal"] = Field(description="本人签字同意或口头同意")


class SeekerPatch(Schema):
    """Only the fields sent are changed. null empties the fields that may be empty (户籍地,
    期望工资, 可到岗日期, 免打扰时间); the others can be changed but not emptied. The 身份证号
    is not one of them: a station corrects it against the ID card
    (POST /office/seekers/{seeker_id}/id-number)."""

    name: str = unchanged_if_left_out()
    phone: str = unchanged_if_left_out()
    residence_code: str = unchanged_if_left_out()
    hukou_area_code: str | None = None
    wanted_occupation_codes: list[str] = unchanged_if_left_out()
    wanted_area_codes: list[str] = unchanged_if_left_out()
    expected_wage: AmountIn | None = None
    expected_wage_unit: str = unchanged_if_left_out()
    available_from: datetime.date | None = None
    skills: str = unchanged_if_left_out()
    certificates: str = unchanged_if_left_out()
    experience: str = unchanged_if_left_out()
    wants_training: bool = unchanged_if_left_out()
    is_poverty_alleviated: bool = unchanged_if_left_out()
    push_frequency: str = unchanged_if_left_out()
    push_channel: str = unchanged_if_left_out()
    quiet_start: ClockTime | None = None
    quiet_end: ClockTime | None = None


class ReviewIn(Schema):
    approve: bool
    note: str = ""


class SeekerQuery(Schema):
    """Filters of the office seeker list by GET. Looking a person up by name or number goes
    by POST (/office/seekers/search), so no number lands in a URL or an access log."""

    status: str | None = None
    area_code: str | None = None
    occupation_code: str | None = None
    is_older: bool | None = None
    wants_training: bool | None = None


class SeekerSearchIn(SeekerQuery):
    name: str = Field("", max_length=32, description="姓名（包含即可）")
    id_number: str = Field("", max_length=24, description="身份证号（完整18位）")
    phone: str = Field("", max_length=20, description="手机号（完整11位）")


class ContactRevealIn(Schema):
    purpose: RevealPurpose = Field(description="为什么要看完整手机号（记入操作日志）")


class IdNumberCorrectionIn(Schema):
    id_number: str = Field(description="按本人身份证原件核对过的正确身份证号")
    card_checked: bool = Field(description="经办员已当面核对本人身份证原件；不是 true 就不更正")


# --- outputs ----------------------------------------------------------------------------------


class PostingSummary(Schema):
    """A posting as lists show it."""

    id: int
    title: str
    employer_name: str
    county_code: str
    county_name: str
    city_code: str
    occupation_code: str | None
    wage_min: AmountOut
    wage_max: AmountOut
    wage_unit: str
    wage_unit_label: str
    wage_months: int | None
    monthly_wage_min: int | None
    monthly_wage_max: int | None
    headcount: int
    open_to_older: bool
    benefits: list[str]
    published_at: datetime.datetime | None
    valid_until: datetime.date


class PostingListOut(PostingSummary):
    """PostingSummary read from a Posting."""

    @staticmethod
    def resolve_employer_name(obj: Posting) -> str:
        return obj.employer.name

    @staticmethod
    def resolve_county_code(obj: Posting) -> str:
        return obj.county_id

    @staticmethod
    def resolve_county_name(obj: Posting) -> str:
        return obj.county.name

    @staticmethod
    def resolve_occupation_code(obj: Posting) -> str | None:
        return obj.occupation_id

    @staticmethod
    def resolve_wage_unit_label(obj: Posting) -> str:
        return obj.get_wage_unit_display()

    @staticmethod
    def resolve_benefits(obj: Posting) -> list[str]:
        return obj.benefit_labels()


class PostingOut(PostingListOut):
    """A public posting. The contact phone is shown whole only to a signed-in worker."""

    township_code: str | None
    address: str
    lng: float | None
    lat: float | None
    coord_system: str
    age_min: int | None
    age_max: int | None
    education: str
    shift: str
    contract_type: str
    description: str
    contact_name: str
    contact_phone_masked: str
    contact_phone: str | None = None

    @staticmethod
    def resolve_township_code(obj: Posting) -> str | None:
        return obj.township_id

    @staticmethod
    def resolve_contact_phone(obj: Posting) -> str | None:
        return None  # filled in by with_phone for workers

    @staticmethod
    def with_phone(posting: Posting, show_phone: bool) -> "PostingOut":
        out = PostingOut.from_orm(posting)
        if show_phone:
            out.contact_phone = posting.contact_phone
        return out


class PostingManageOut(PostingOut):
    """What the employer and reviewing staff see: the workflow state too."""

    status: str
    status_label: str
    review_note: str
    employer_id: int
    employer_status: str
    created_at: datetime.datetime

    @staticmethod
    def resolve_contact_phone(obj: Posting) -> str | None:
        return obj.contact_phone

    @staticmethod
    def resolve_status_label(obj: Posting) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_employer_status(obj: Posting) -> str:
        return obj.employer.status


class EmployerOut(Schema):
    id: int
    uscc: str
    name: str
    county_code: str
    industry_code: str | None
    address: str
    contact_name: str
    contact_phone_masked: str
    status: str
    status_label: str
    status_note: str

    @staticmethod
    def resolve_county_code(obj: Employer) -> str:
        return obj.county_id

    @staticmethod
    def resolve_industry_code(obj: Employer) -> str | None:
        return obj.industry_id

    @staticmethod
    def resolve_status_label(obj: Employer) -> str:
        return obj.get_status_display()


class SeekerListOut(Schema):
    id: int
    name: str
    id_number_masked: str
    phone_masked: str
    gender: str
    birth_date: datetime.date
    area_code: str
    residence_name: str
    is_older: bool
    status: str
    status_label: str
    created_at: datetime.datetime

    @staticmethod
    def resolve_residence_name(obj: JobSeeker) -> str:
        return obj.residence.full_name or obj.residence.name

    @staticmethod
    def resolve_status_label(obj: JobSeeker) -> str:
        return obj.get_status_display()


class SeekerOut(SeekerListOut):
    residence_code: str
    hukou_area_code: str | None
    wanted_occupation_codes: list[str]
    wanted_area_codes: list[str]
    expected_wage: AmountOut | None
    expected_wage_unit: str
    available_from: datetime.date | None
    skills: str
    certificates: str
    experience: str
    wants_training: bool
    is_poverty_alleviated: bool
    push_frequency: str
    push_channel: str
    quiet_start: datetime.time | None
    quiet_end: datetime.time | None
    registered_via: str

    @staticmethod
    def resolve_residence_code(obj: JobSeeker) -> str:
        return obj.residence_id

    @staticmethod
    def resolve_hukou_area_code(obj: JobSeeker) -> str | None:
        return obj.hukou_area_id

    @staticmethod
    def resolve_wanted_occupation_codes(obj: JobSeeker) -> list[str]:
        return [o.pk for o in obj.wanted_occupations.all()]

    @staticmethod
    def resolve_wanted_area_codes(obj: JobSeeker) -> list[str]:
        return [d.pk for d in obj.wanted_areas.all()]


class ContactOut(Schema):
    phone: str = Field(description="完整手机号")
    purpose: str
    purpose_label: str


# --- 收藏 -----------------------------------------------------------------------------------


class SavedJobIn(Schema):
    posting_id: int = Field(description="要收藏的岗位（公开岗位的 id）")


class SavedJobOut(Schema):
    """A saved posting. `still_open` is false once it stopped taking applications."""

    posting: PostingListOut
    saved_at: datetime.datetime
    still_open: bool
