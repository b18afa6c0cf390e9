"""/api/v1 收藏: a worker's saved postings (the APP keeps them for reading offline)."""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from chengnuan.accounts.access import login_required_kind
from chengnuan.accounts.api_auth import ApiAuth
from chengnuan.accounts.models import UserKind
from chengnuan.core.pagination import Pagination
from chengnuan.employment.models import SavedPosting
from chengnuan.employment.schemas import SavedJobIn, SavedJobOut
from chengnuan.employment.selectors.postings import posting_for_public
from chengnuan.employment.selectors.saved import saved_for_user
from chengnuan.employment.services.saved import saved_posting_add, saved_posting_remove

router = Router(tags=["岗位与求职登记"])


@router.get("/me/saved-jobs", response=list[SavedJobOut], auth=ApiAuth, summary="我收藏的岗位")
@paginate(Pagination)
def saved_job_list(request: HttpRequest) -> Any:
    return saved_for_user(login_required_kind(request, UserKind.WORKER))


@router.post("/me/saved-jobs", response={201: SavedJobOut}, auth=ApiAuth, summary="收藏岗位")
def saved_job_add(request: HttpRequest, payload: SavedJobIn) -> Status[SavedPosting]:
    user = login_required_kind(request, UserKind.WORKER)
    saved = saved_posting_add(user=user, posting=posting_for_public(payload.posting_id))
    return Status(201, saved_for_user(user).get(pk=saved.pk))


@router.delete(
    "/me/saved-jobs/{posting_id}", response={204: None}, auth=ApiAuth, summary="取消收藏"
)
def saved_job_remove(request: HttpRequest, posting_id: int) -> Status[None]:
    user = login_required_kind(request, UserKind.WORKER)
    saved_posting_remove(user=user, posting_id=posting_id)
    return Status(204, None)
