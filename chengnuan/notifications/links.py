"""The short link an SMS carries, /n/<token>/: it opens that one message without a password.
The token is the message's id signed with the site's key (django.core.signing) and a time;
it expires after settings.NOTIFICATIONS_LINK_DAYS."""

import datetime

from django.conf import settings
from django.core import signing
from django.urls import reverse

_SALT = "chengnuan.notifications.link"


def _signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=_SALT)


def link_token(notification_id: int) -> str:
    return _signer().sign(signing.b62_encode(notification_id))


def notification_id_from(token: str) -> int | None:
    """The message id a token grants, or None if it was changed or has expired."""
    try:
        value = _signer().unsign(
            token, max_age=datetime.timedelta(days=settings.NOTIFICATIONS_LINK_DAYS)
        )
        return signing.b62_decode(value)
    except (signing.BadSignature, ValueError):
        return None


def short_url(notification_id: int) -> str:
    path = reverse("notifications:link_open", args=[link_token(notification_id)])
    return f"{settings.SITE_URL}{path}"
