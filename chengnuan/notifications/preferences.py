"""What each recipient agreed to and how they want to be reached. The domain apps that know
people answer (employment: the job seeker's channel, quiet hours and consents); notifications
asks them and never imports them."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Preferences:
    sms: bool = False  # the person chose SMS and has a number to send it to
    consents: frozenset[str] = frozenset()  # consent purposes in force ("push", "sms", ...)
    quiet_start: datetime.time | None = None  # Beijing time; may wrap midnight (22:00-07:00)
    quiet_end: datetime.time | None = None
    # False: no promotional message at all (e.g. the seeker chose "不要推送" or paused).
    promotional: bool = True


# A person no provider knows (an employer's account, a worker never registered) gets inbox
# messages of the topics that need no consent, and no SMS.
DEFAULT = Preferences()

Provider = Callable[[object], Preferences | None]
BulkProvider = Callable[[Iterable[int]], dict[int, Preferences]]

_providers: list[tuple[Provider, BulkProvider | None]] = []


def register_preferences(provider: Provider, *, bulk: BulkProvider | None = None) -> None:
    """`provider(user)` answers for one person (None: not one of mine); `bulk(user_ids)`, if
    given, answers for many in a few queries (the ids it leaves out are not its people)."""
    if all(p is not provider for p, _ in _providers):
        _providers.append((provider, bulk))


def preferences_for(user: object) -> Preferences:
    for provider, _ in _providers:
        found = provider(user)
        if found is not None:
            return found
    return DEFAULT


def preferences_for_many(user_ids: Iterable[int]) -> dict[int, Preferences]:
    """Every id's preferences (DEFAULT for those no provider knows)."""
    wanted = set(user_ids)
    found: dict[int, Preferences] = {}
    for provider, bulk in _providers:
        missing = wanted - found.keys()
        if not missing:
            break
        if bulk is not None:
            found |= {k: v for k, v in bulk(missing).items() if k in missing}
        else:
            from chengnuan.accounts.models import User

            for user in User.objects.filter(pk__in=missing):
                answer = provider(user)
                if answer is not None:
                    found[user.pk] = answer
    return {user_id: found.get(user_id, DEFAULT) for user_id in wanted}
