"""Employment answers notifications' question "how does this person want to be reached?" for
job seekers: their channel (push_channel), quiet hours, status and push frequency, and the
consents in force (the newest Consent row per purpose). The SMS goes to the account's own
number (User.phone), which the person signed in with."""

from collections.abc import Iterable
from itertools import islice

from chengnuan.accounts.models import User
from chengnuan.employment.choices import PushChannel, PushFrequency, SeekerStatus
from chengnuan.employment.models import Consent, ConsentPurpose, JobSeeker
from chengnuan.notifications.preferences import Preferences

PURPOSES = (ConsentPurpose.PUSH, ConsentPurpose.SMS)
CHUNK = 2000  # ids a query (SQLite's parameter limit is far above)


def seeker_preferences(user: object) -> Preferences | None:
    """One user's preferences, None if they have no job seeker registration."""
    return seekers_preferences([user.pk]).get(user.pk)  # type: ignore[attr-defined]


def seekers_preferences(user_ids: Iterable[int]) -> dict[int, Preferences]:
    """The preferences of the users among `user_ids` who are registered job seekers."""
    found: dict[int, Preferences] = {}
    ids = iter(user_ids)
    while chunk := list(islice(ids, CHUNK)):
        found |= _chunk_preferences(chunk)
    return found


def _chunk_preferences(user_ids: list[int]) -> dict[int, Preferences]:
    seekers = list(
        JobSeeker.objects.filter(user_id__in=user_ids).values(
            "id", "user_id", "push_channel", "push_frequency", "quiet_start", "quiet_end", "status"
        )
    )
    if not seekers:
        return {}
    newest: dict[tuple[int, str], bool] = {}
    rows = (
        Consent.objects.filter(seeker_id__in=[s["id"] for s in seekers], purpose__in=PURPOSES)
        .order_by("seeker_id", "purpose", "-at", "-id")
        .values_list("seeker_id", "purpose", "granted")
    )
    for seeker_id, purpose, granted in rows:
        newest.setdefault((seeker_id, purpose), granted)
    with_phone = set(
        User.objects.filter(pk__in=[s["user_id"] for s in seekers])
        .exclude(phone="")
        .values_list("pk", flat=True)
    )
    answers = {}
    for seeker in seekers:
        consents = frozenset(p for p in PURPOSES if newest.get((seeker["id"], p), False))
        answers[seeker["user_id"]] = Preferences(
            sms=seeker["push_channel"] == PushChannel.SMS
            and ConsentPurpose.SMS in consents
            and seeker["user_id"] in with_phone,
            consents=consents,
            quiet_start=seeker["quiet_start"],
            quiet_end=seeker["quiet_end"],
            promotional=seeker["status"] == SeekerStatus.ACTIVE
            and seeker["push_frequency"] != PushFrequency.NEVER,
        )
    return answers
