"""The kinds of work the demo posts and seekers look for: mostly the blue-collar jobs migrant
workers do. Each profile names real CSCO 2022 occupations and GB/T 4754-2017 industry classes
(looked up in the loaded tables, never invented), the words job ads use, and plausible
Liaoning wages (2024 levels: 沈阳/大连 factory work 4,000-7,000 元/月, day labour 200-350 元/天).

A profile is a line of work (普工); its roles are the CSCO occupations in it, each with the
titles ads use for that occupation and the duties they describe, so a posting's title,
occupation code and description always agree. The profiles themselves are in
jobs_production.py and jobs_services.py."""

from dataclasses import dataclass, field

from chengnuan.employment.choices import Benefit, ContractType, Education, Shift, WageUnit

B = Benefit


@dataclass(frozen=True)
class Role:
    occupation: str  # CSCO 2022 name, markers stripped
    titles: tuple[str, ...]
    duties: tuple[str, ...]
    industries: tuple[str, ...] = ()  # when the role has its own industry (else the profile's)
    trades: tuple[str, ...] = ()


@dataclass(frozen=True)
class JobProfile:
    key: str
    weight: int  # relative share of postings and of seekers wanting this work
    roles: tuple[Role, ...]
    wages: dict[WageUnit, tuple[int, int]]  # unit -> (lowest minimum, highest maximum)
    units: dict[WageUnit, int]  # how often each unit is used
    benefits: dict[Benefit, float]  # probability of each benefit
    shifts: dict[Shift, int]
    age_max: tuple[int | None, ...]  # None: no upper limit
    # GB/T 4754-2017 classes and the middle of an employer's name (沈阳 + 宏达 + 机械制造 +
    # 有限公司), for roles that bring none of their own.
    industries: tuple[str, ...] = ()
    trades: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    certificates: tuple[str, ...] = ()
    headcount: tuple[int, int] = (1, 5)
    education: dict[Education, int] = field(default_factory=lambda: {Education.NONE: 1})
    contracts: dict[ContractType, int] = field(default_factory=lambda: {ContractType.FULL_TIME: 1})

    def industries_of(self, role: Role) -> tuple[str, ...]:
        return role.industries or self.industries

    def trades_of(self, role: Role) -> tuple[str, ...]:
        return role.trades or self.trades


FACTORY_BENEFITS = {
    B.MEALS: 0.7,
    B.HOUSING: 0.6,
    B.SOCIAL_INSURANCE: 0.5,
    B.INSURANCE: 0.2,
    B.OVERTIME_PAY: 0.6,
    B.TRAINING: 0.3,
}
