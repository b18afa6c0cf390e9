"""What a caller hands the events services: plain typed values, no model instances. Forms
and the JSON API both build one of these."""

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from chengnuan.regions.models import CoordSystem

if TYPE_CHECKING:
    from chengnuan.events.models import JobFair


@dataclass(kw_only=True)
class FairInput:
    title: str
    kind: str
    area_code: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    organiser_name: str = ""
    description: str = ""
    venue: str = ""
    address: str = ""
    township_code: str | None = None
    lng: float | None = None
    lat: float | None = None
    coord_system: str = CoordSystem.GCJ02

    @classmethod
    def from_fair(cls, fair: "JobFair") -> "FairInput":
        return cls(
            title=fair.title,
            kind=fair.kind,
            area_code=fair.area_id,
            starts_at=fair.starts_at,
            ends_at=fair.ends_at,
            organiser_name=fair.organiser_name,
            description=fair.description,
            venue=fair.venue,
            address=fair.address,
            township_code=fair.township_id,
            lng=fair.lng,
            lat=fair.lat,
            coord_system=fair.coord_system,
        )


@dataclass(kw_only=True)
class BoothInput:
    posting_ids: list[int] = field(default_factory=list)
    note: str = ""


@dataclass(kw_only=True)
class SlotInput:
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    capacity: int
