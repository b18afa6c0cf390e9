"""The stations' follow-up list: registered seekers in the staff member's area still looking
for work N days after registering, older workers and 脱贫劳动力 first, then whoever has waited
longest; and the contacts recorded with each."""

import datetime

from django.db.models import QuerySet
from django.utils import timezone

from chengnuan.accounts.models import User
from chengnuan.employment.choices import SeekerStatus
from chengnuan.employment.models import JobSeeker
from chengnuan.employment.selectors.seekers import SeekerFilters, seekers_for_staff
from chengnuan.matching.models import FollowUpContact

DEFAULT_DAYS = 30
MAX_DAYS = 3650


def followup_seekers(user: User, *, days: int = DEFAULT_DAYS) -> QuerySet[JobSeeker]:
    """Audited when read (employment's staff list of people)."""
    cutoff = timezone.now() - datetime.timedelta(days=days)
    found = seekers_for_staff(user, SeekerFilters(status=SeekerStatus.ACTIVE))
    return found.filter(created_at__lte=cutoff).order_by(
        "-is_older", "-is_poverty_alleviated", "created_at", "id"
    )


def contacts_of(seeker_ids: list[int]) -> dict[int, list[FollowUpContact]]:
    found: dict[int, list[FollowUpContact]] = {pk: [] for pk in seeker_ids}
    for contact in FollowUpContact.objects.filter(seeker_id__in=seeker_ids).select_related(
        "by", "posting"
    ):
        found[contact.seeker_id].append(contact)
    return found


def contacts_of_seeker(seeker: JobSeeker) -> QuerySet[FollowUpContact]:
    return FollowUpContact.objects.filter(seeker=seeker).select_related("by", "posting")
