"""The notifications app's JSON API under /api/v1/notifications (mounted by chengnuan/api.py):
a person's own inbox and topics. Staff have no route to anyone's messages."""

from ninja import Router

from chengnuan.notifications.api import inbox

router = Router()
router.add_router("", inbox.router)
