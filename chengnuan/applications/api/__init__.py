"""The applications API under /api/v1/applications (mounted by chengnuan/api.py): a worker's
applications, an employer's applicants, the office's list, and the video rooms' signalling.
Every route calls its access helper first, then one selector or service."""

from ninja import Router

from chengnuan.applications.api import employer, office, rooms, worker

router = Router()
router.add_router("", worker.router)
router.add_router("", employer.router)
router.add_router("", office.router)
router.add_router("", rooms.router)
