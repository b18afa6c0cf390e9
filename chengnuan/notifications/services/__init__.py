"""The notifications app's writes. What other apps call is re-exported here."""

from chengnuan.notifications.services.sending import (
    Outgoing,
    notification_send,
    notifications_send_bulk,
)

__all__ = ["Outgoing", "notification_send", "notifications_send_bulk"]
