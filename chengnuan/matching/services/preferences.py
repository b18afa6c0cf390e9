"""A worker's matching choices: personalised recommendations on or off (PIPL art. 24), and
the benefits they wish for (which count in the score and show as reasons)."""

from django.core.exceptions import ValidationError
from django.db import transaction

from chengnuan.employment.choices import Benefit
from chengnuan.employment.models import JobSeeker
from chengnuan.matching.models import Match, MatchSettings


def match_settings_of(seeker: JobSeeker) -> MatchSettings:
    """The seeker's settings, or the defaults (unsaved) when they never chose."""
    found = MatchSettings.objects.filter(seeker=seeker).first()
    return found or MatchSettings(seeker=seeker)


@transaction.atomic
def match_settings_update(
    *, seeker: JobSeeker, personalised: bool, wished_benefits: list[str]
) -> MatchSettings:
    unknown = sorted(set(wished_benefits) - set(Benefit.values))
    if unknown:
        raise ValidationError({"wished_benefits": [f"没有这种待遇：{'、'.join(unknown)}"]})
    settings, _ = MatchSettings.objects.update_or_create(
        seeker=seeker,
        defaults={
            "personalised": personalised,
            "wished_benefits": [b for b in Benefit.values if b in set(wished_benefits)],
        },
    )
    if not personalised:
        # Off means no profile-based picks at all: the stored ones go now, not at the next
        # recompute.
        Match.objects.filter(seeker=seeker).delete()
    return settings
