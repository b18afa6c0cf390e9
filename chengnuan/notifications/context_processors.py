from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from chengnuan.accounts.models import UserKind
from chengnuan.notifications.selectors import unread_count


def unread(request: HttpRequest) -> dict[str, object]:
    """The nav's unread count: one COUNT on a partial index (unread rows of one person),
    made only when a page shows it, and only for the people who receive messages."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or user.kind == UserKind.STAFF:
        return {}
    return {"unread_messages": SimpleLazyObject(lambda: unread_count(user))}
