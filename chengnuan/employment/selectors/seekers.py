"""Reads of job seekers: the staff list of an area (audited when read) with its filters and
look-up by name or number, and a worker's own registration."""

import dataclasses
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from chengnuan.accounts.models import User
from chengnuan.accounts.scoping import scope_filter
from chengnuan.core import crypto
from chengnuan.core.validators import clean_id_number, clean_mobile
from chengnuan.employment.models import JobSeeker


@dataclass(frozen=True, kw_only=True)
class SeekerLookup:
    """Finding one person by name, 身份证号 or phone. Numbers are held only as keyed hashes
    (for the query) and masks (for the screen), never in clear: a look-up travels through a
    session, an audit row and a URL token (see core.lookups)."""

    name: str = ""
    id_number_hash: str = ""
    id_number_masked: str = ""
    phone_hash: str = ""
    phone_masked: str = ""

    def __bool__(self) -> bool:
        return bool(self.name or self.id_number_hash or self.phone_hash)

    def for_audit(self) -> dict[str, str]:
        """What the audit log keeps: hashes (to answer "who looked this number up"), and the
        name's first character only."""
        kept = {
            "name": self.name[:1] + "*" * (len(self.name) - 1) if self.name else "",
            "id_number_hash": self.id_number_hash,
            "phone_hash": self.phone_hash,
        }
        return {key: value for key, value in kept.items() if value}

    def as_dict(self) -> dict[str, str]:
        return dataclasses.asdict(self)


def seeker_lookup(*, name: str = "", id_number: str = "", phone: str = "") -> SeekerLookup:
    """A look-up from what staff typed: numbers checked and normalised as a registration
    would (so 「139 1234 5678」 finds 13912345678). Raises ValidationError per field."""
    errors: dict[str, list[str]] = {}
    id_hash = id_masked = phone_hash = phone_masked = ""
    if id_number.strip():
        try:
            number = clean_id_number(id_number)
            id_hash, id_masked = crypto.lookup_hash(number), crypto.mask_id_number(number)
        except ValidationError as exc:
            errors["id_number"] = exc.messages
    if phone.strip():
        try:
            mobile = clean_mobile(phone)
            phone_hash, phone_masked = crypto.lookup_hash(mobile), crypto.mask_phone(mobile)
        except ValidationError as exc:
            errors["phone"] = exc.messages
    if errors:
        raise ValidationError(errors)
    return SeekerLookup(
        name=name.strip()[:32],
        id_number_hash=id_hash,
        id_number_masked=id_masked,
        phone_hash=phone_hash,
        phone_masked=phone_masked,
    )


@dataclass(kw_only=True)
class SeekerFilters:
    """Staff search over job seekers. A look-up matches numbers exactly (through their keyed
    hash) and names by substring."""

    status: str | None = None
    area_code: str | None = None  # narrow further inside the user's own area
    occupation_code: str | None = None
    is_older: bool | None = None
    wants_training: bool | None = None
    is_poverty_alleviated: bool | None = None
    lookup: SeekerLookup = field(default_factory=SeekerLookup)

    def for_audit(self) -> dict[str, object]:
        """The filters as the audit log keeps them (see SeekerLookup.for_audit)."""
        chosen = {k: v for k, v in dataclasses.asdict(self).items() if v is not None}
        chosen.pop("lookup")
        return chosen | ({"lookup": self.lookup.for_audit()} if self.lookup else {})


def seekers_for_staff(user: User, filters: SeekerFilters | None = None) -> QuerySet[JobSeeker]:
    """Job seekers in the staff member's area. Reading the rows (a page, an API page) writes
    the audit row naming them and the filters (PIPL: who saw which people)."""
    filters = filters or SeekerFilters()
    audited = JobSeeker.objects.audited(actor=user, detail={"filters": filters.for_audit()})
    found = scope_filter(audited, user, "area_code").select_related("residence", "hukou_area")
    if filters.status:
        found = found.filter(status=filters.status)
    if filters.area_code:
        found = found.filter(area_code__startswith=filters.area_code)
    if filters.occupation_code:
        found = found.filter(
            wanted_occupations__code__startswith=filters.occupation_code
        ).distinct()
    if filters.is_older is not None:
        found = found.filter(is_older=filters.is_older)
    if filters.wants_training is not None:
        found = found.filter(wants_training=filters.wants_training)
    if filters.is_poverty_alleviated is not None:
        found = found.filter(is_poverty_alleviated=filters.is_poverty_alleviated)
    lookup = filters.lookup
    if lookup.name:
        found = found.filter(name__contains=lookup.name)
    if lookup.id_number_hash:
        found = found.filter(id_number_hash=lookup.id_number_hash)
    if lookup.phone_hash:
        found = found.filter(phone_hash=lookup.phone_hash)
    return found.order_by("-created_at", "-id")


def seeker_for_user(user: User, *, with_registrar: bool = False) -> JobSeeker | None:
    """The signed-in worker's own registration, if they have one (with who registered it,
    for 我的信息)."""
    if not user.is_authenticated:
        return None
    joins = ("residence", "hukou_area", *(("registered_by__area",) if with_registrar else ()))
    return (
        JobSeeker.objects.filter(user=user)
        .select_related(*joins)
        .prefetch_related("wanted_occupations", "wanted_areas")
        .first()
    )
