"""The employment app's JSON API under /api/v1 (mounted by chengnuan/api.py).

Every route first says who may call it (accounts.access) and which record they may touch
(employment.access: out of reach is a 404), then calls one selector or service. Errors are
JSON with a Chinese message and the field (see core.api_errors)."""

from ninja import Router

from chengnuan.employment.api import postings, saved, seekers

router = Router()
router.add_router("", postings.router)
router.add_router("", seekers.router)
router.add_router("", saved.router)
