"""What a caller hands the employment services: plain typed values, no model instances.

Forms, the JSON API and the bulk importer all build one of these and pass it to
`chengnuan.employment.validation` (pure checks) and then to a service. Every field is
keyword-only, so adding a field with a default never breaks a caller.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from chengnuan.core.timeutil import today
from chengnuan.employment.choices import (
    ContractType,
    Education,
    PushChannel,
    PushFrequency,
    WageUnit,
)

if TYPE_CHECKING:
    from chengnuan.employment.models import Employer, JobSeeker, Posting

# Exact yuan: a Decimal (0.5 元/件), or an int for whole yuan.
Amount = Decimal | int


@dataclass(kw_only=True)
class EmployerInput:
    uscc: str
    name: str
    county_code: str
    contact_name: str
    contact_phone: str
    industry_code: str | None = None
    address: str = ""

    @classmethod
    def from_employer(cls, employer: "Employer") -> "EmployerInput":
        return cls(
            uscc=employer.uscc,
            name=employer.name,
            county_code=employer.county_id,
            contact_name=employer.contact_name,
            contact_phone=employer.contact_phone,
            industry_code=employer.industry_id,
            address=employer.address,
        )


@dataclass(kw_only=True)
class PostingInput:
    title: str
    county_code: str
    wage_min: Amount
    wage_max: Amount
    contact_name: str
    contact_phone: str
    valid_until: datetime.date
    occupation_code: str | None = None
    industry_code: str | None = None
    township_code: str | None = None
    address: str = ""
    lng: float | None = None
    lat: float | None = None
    wage_unit: str = WageUnit.MONTH
    wage_months: int | None = None  # 「13薪」
    headcount: int = 1
    age_min: int | None = None
    age_max: int | None = None
    education: str = Education.NONE
    benefits: list[str] = field(default_factory=list)
    shift: str = ""
    contract_type: str = ContractType.FULL_TIME
    description: str = ""

    @classmethod
    def from_posting(cls, posting: "Posting") -> "PostingInput":
        """What the posting holds now: the starting point of an edit form, and what a
        submission or review checks again."""
        return cls(
            title=posting.title,
            county_code=posting.county_id,
            wage_min=posting.wage_min,
            wage_max=posting.wage_max,
            contact_name=posting.contact_name,
            contact_phone=posting.contact_phone,
            valid_until=posting.valid_until,
            occupation_code=posting.occupation_id,
            industry_code=posting.industry_id,
            township_code=posting.township_id,
            address=posting.address,
            lng=posting.lng,
            lat=posting.lat,
            wage_unit=posting.wage_unit,
            wage_months=posting.wage_months,
            headcount=posting.headcount,
            age_min=posting.age_min,
            age_max=posting.age_max,
            education=posting.education,
            benefits=list(posting.benefits),
            shift=posting.shift,
            contract_type=posting.contract_type,
            description=posting.description,
        )


@dataclass(kw_only=True)
class SeekerInput:
    name: str
    id_number: str
    phone: str
    # 现居住地: a township (乡镇街道) code; staff scope is a prefix test on it.
    residence_code: str
    hukou_area_code: str | None = None
    wanted_occupation_codes: list[str] = field(default_factory=list)
    wanted_area_codes: list[str] = field(default_factory=list)
    expected_wage: Amount | None = None
    expected_wage_unit: str = WageUnit.MONTH
    available_from: datetime.date | None = None
    skills: str = ""
    certificates: str = ""
    experience: str = ""
    wants_training: bool = False
    is_poverty_alleviated: bool = False
    push_frequency: str = PushFrequency.WEEKLY
    push_channel: str = PushChannel.SITE
    quiet_start: datetime.time | None = None
    quiet_end: datetime.time | None = None

    @classmethod
    def from_seeker(cls, seeker: "JobSeeker") -> "SeekerInput":
        return cls(
            name=seeker.name,
            id_number=seeker.id_number,
            phone=seeker.phone,
            residence_code=seeker.residence_id,
            hukou_area_code=seeker.hukou_area_id,
            wanted_occupation_codes=[o.pk for o in seeker.wanted_occupations.all()],
            wanted_area_codes=[d.pk for d in seeker.wanted_areas.all()],
            expected_wage=seeker.expected_wage,
            expected_wage_unit=seeker.expected_wage_unit,
            # A start date that has passed means "now": an edit starts from the empty field
            # (which says so), not from a date the checks would call too old.
            available_from=seeker.available_from
            if seeker.available_from and seeker.available_from >= today()
            else None,
            skills=seeker.skills,
            certificates=seeker.certificates,
            experience=seeker.experience,
            wants_training=seeker.wants_training,
            is_poverty_alleviated=seeker.is_poverty_alleviated,
            push_frequency=seeker.push_frequency,
            push_channel=seeker.push_channel,
            quiet_start=seeker.quiet_start,
            quiet_end=seeker.quiet_end,
        )
