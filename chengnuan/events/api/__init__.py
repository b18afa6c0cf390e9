"""The events app's JSON API under /api/v1/events (mounted by chengnuan/api.py).

Every route first says who may call it (accounts.access) and which record they may touch
(events.access: out of reach is a 404), then calls one selector or service. Errors are JSON
with a Chinese message and the field (see core.api_errors)."""

from ninja import Router

from chengnuan.events.api import booths, fairs, signups

router = Router()
router.add_router("", fairs.router)
router.add_router("", booths.router)
router.add_router("", signups.router)
