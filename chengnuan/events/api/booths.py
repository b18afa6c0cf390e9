"""/api/v1/events booths: an employer's booths (request, withdraw, interview slots) and the
staff's review of a fair's booths."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from chengnuan.accounts.access import login_required_kind, staff_required
from chengnuan.accounts.api_auth import ApiAuth
from chengnuan.accounts.models import User, UserKind
from chengnuan.core.pagination import Pagination
from chengnuan.employment.selectors.employers import employers_for_owner
from chengnuan.events import access
from chengnuan.events.inputs import BoothInput, SlotInput
from chengnuan.events.models import Booth, InterviewSlot
from chengnuan.events.schemas import (
    BoothDecisionIn,
    BoothIn,
    BoothManageOut,
    DoneOut,
    SlotIn,
    SlotOut,
)
from chengnuan.events.selectors.booths import booths_for_employer_user, booths_for_review
from chengnuan.events.selectors.fairs import fair_for_public
from chengnuan.events.services.booths import (
    booth_decide,
    booth_request,
    booth_withdraw,
    slot_add,
    slot_remove,
)

router = Router(tags=["招聘会"])


def _employer_of(user: User, employer_id: int | None) -> Any:
    owned = employers_for_owner(user)
    if employer_id is not None:
        owned = owned.filter(pk=employer_id)
    found = list(owned[:2])
    if len(found) != 1:
        if not found:
            message = "没有找到这家单位，请先登记单位信息。"
        else:
            message = "您的账号管理多家单位，请用 employer_id 说明是哪家单位报名。"
        raise ValidationError({"employer_id": [message]})
    return found[0]


@router.get("/employer/booths", response=list[BoothManageOut], auth=ApiAuth, summary="本单位的展位")
@paginate(Pagination)
def employer_booth_list(request: HttpRequest) -> Any:
    return booths_for_employer_user(login_required_kind(request, UserKind.EMPLOYER))


@router.post(
    "/fairs/{fair_id}/booths",
    response={201: BoothManageOut},
    auth=ApiAuth,
    summary="单位报名展位（待审核）",
)
def booth_create(request: HttpRequest, fair_id: int, payload: BoothIn) -> Status[Booth]:
    user = login_required_kind(request, UserKind.EMPLOYER)
    fair = fair_for_public(fair_id)
    employer = _employer_of(user, payload.employer_id)
    data = BoothInput(posting_ids=payload.posting_ids, note=payload.note)
    return Status(201, booth_request(fair=fair, employer=employer, data=data, actor=user))


@router.post(
    "/employer/booths/{booth_id}/withdraw",
    response=BoothManageOut,
    auth=ApiAuth,
    summary="撤回展位报名",
)
def employer_booth_withdraw(request: HttpRequest, booth_id: int) -> Booth:
    user = login_required_kind(request, UserKind.EMPLOYER)
    booth = access.get_booth_for_employer_or_404(user, booth_id)
    return booth_withdraw(booth=booth, actor=user)


@router.post(
    "/employer/booths/{booth_id}/slots",
    response={201: SlotOut},
    auth=ApiAuth,
    summary="加一个面试时段（网络招聘会）",
)
def employer_slot_add(
    request: HttpRequest, booth_id: int, payload: SlotIn
) -> Status[InterviewSlot]:
    user = login_required_kind(request, UserKind.EMPLOYER)
    booth = access.get_booth_for_employer_or_404(user, booth_id)
    return Status(201, slot_add(booth=booth, data=SlotInput(**payload.model_dump()), actor=user))


@router.delete(
    "/employer/slots/{slot_id}", response=DoneOut, auth=ApiAuth, summary="删除没人约的面试时段"
)
def employer_slot_remove(request: HttpRequest, slot_id: int) -> DoneOut:
    user = login_required_kind(request, UserKind.EMPLOYER)
    slot_remove(slot=access.get_slot_for_employer_or_404(user, slot_id), actor=user)
    return DoneOut(detail="已删除这个时段。")


# --- staff --------------------------------------------------------------------------------------


@router.get(
    "/office/fairs/{fair_id}/booths",
    response=list[BoothManageOut],
    auth=ApiAuth,
    summary="招聘会的展位报名（工作人员）",
)
@paginate(Pagination)
def office_booth_list(request: HttpRequest, fair_id: int) -> Any:
    fair = access.get_fair_for_staff_or_404(staff_required(request), fair_id)
    return booths_for_review(fair)


@router.post(
    "/office/booths/{booth_id}/decision",
    response=BoothManageOut,
    auth=ApiAuth,
    summary="审核展位（通过或不通过）",
)
def office_booth_decide(request: HttpRequest, booth_id: int, payload: BoothDecisionIn) -> Booth:
    user = staff_required(request)
    booth = access.get_booth_for_staff_or_404(user, booth_id)
    return booth_decide(booth=booth, actor=user, approve=payload.approve, note=payload.note)
