"""matching's JSON API under /api/v1/matching (mounted by chengnuan/api.py). Each route says
who may call it, then which record (matching.access: out of reach is a 404), then calls one
selector or service."""

from ninja import Router

from chengnuan.matching.api import office, worker

router = Router()
router.add_router("", worker.router)
router.add_router("", office.router)
