"""/api/v1 job seekers: a worker's own 求职登记, and the office's registrations, list, look-up
by name or number (by POST), the whole phone number with a purpose and the correction of
a 身份证号 against the ID card (both audited)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Query, Router, Status
from ninja.pagination import paginate

from chengnuan.accounts.access import login_required_kind, staff_required
from chengnuan.accounts.api_auth import ApiAuth
from chengnuan.accounts.models import UserKind
from chengnuan.core.http import client_ip
from chengnuan.core.pagination import Pagination
from chengnuan.employment import access
from chengnuan.employment.api.common import input_fields
from chengnuan.employment.choices import RegisteredVia, RevealPurpose
from chengnuan.employment.inputs import SeekerInput
from chengnuan.employment.models import ConsentMethod, JobSeeker
from chengnuan.employment.schemas import (
    ContactOut,
    ContactRevealIn,
    IdNumberCorrectionIn,
    SeekerListOut,
    SeekerOfficeIn,
    SeekerOut,
    SeekerPatch,
    SeekerQuery,
    SeekerSearchIn,
    SeekerSelfIn,
)
from chengnuan.employment.selectors.seekers import SeekerFilters, seeker_lookup, seekers_for_staff
from chengnuan.employment.services.seekers import (
    seeker_contact_reveal,
    seeker_id_number_correct,
    seeker_register,
    seeker_update,
)

router = Router(tags=["岗位与求职登记"])


# --- job seekers --------------------------------------------------------------------------------


@router.post("/seekers/me", response={201: SeekerOut}, auth=ApiAuth, summary="本人求职登记")
def seeker_me_create(request: HttpRequest, payload: SeekerSelfIn) -> Status[JobSeeker]:
    user = login_required_kind(request, UserKind.WORKER)
    if not payload.consent:
        raise ValidationError({"consent": ["请先阅读并同意个人信息处理说明，才能保存求职登记。"]})
    seeker = seeker_register(
        data=SeekerInput(**input_fields(payload, SeekerInput)),
        user=user,
        registered_by=None,
        via=RegisteredVia.SELF,
        consent_method=ConsentMethod.ONLINE,
    )
    return Status(201, seeker)


@router.get("/seekers/me", response=SeekerOut, auth=ApiAuth, summary="我的求职登记")
def seeker_me(request: HttpRequest) -> JobSeeker:
    return access.get_own_seeker_or_404(login_required_kind(request, UserKind.WORKER))


@router.patch("/seekers/me", response=SeekerOut, auth=ApiAuth, summary="修改我的求职登记")
def seeker_me_update(request: HttpRequest, payload: SeekerPatch) -> JobSeeker:
    user = login_required_kind(request, UserKind.WORKER)
    seeker = access.get_own_seeker_or_404(user)
    data = SeekerInput.from_seeker(seeker)
    for name, value in payload.model_dump(exclude_unset=True).items():
        setattr(data, name, value)
    return seeker_update(seeker=seeker, data=data, actor=user)


@router.post("/office/seekers", response={201: SeekerOut}, auth=ApiAuth, summary="代为求职登记")
def office_seeker_create(request: HttpRequest, payload: SeekerOfficeIn) -> Status[JobSeeker]:
    user = staff_required(request)
    seeker = seeker_register(
        data=SeekerInput(**input_fields(payload, SeekerInput)),
        user=None,
        registered_by=user,
        via=RegisteredVia.STATION,
        consent_method=ConsentMethod(payload.consent_method),
    )
    return Status(201, seeker)


# Looking a person up by number goes by POST: a GET with one of these would put the number in
# the URL (and in every access log on its way).
LOOKUP_PARAMS = ("name", "id_number", "phone")


@router.get(
    "/office/seekers", response=list[SeekerListOut], auth=ApiAuth, summary="求职登记列表（本辖区）"
)
@paginate(Pagination)
def office_seeker_list(request: HttpRequest, query: Query[SeekerQuery]) -> Any:
    user = staff_required(request)
    sent = [name for name in LOOKUP_PARAMS if name in request.GET]
    if sent:
        raise ValidationError(
            {
                name: ["按姓名、身份证号或手机号查找请用 POST /api/v1/office/seekers/search。"]
                for name in sent
            }
        )
    return seekers_for_staff(user, SeekerFilters(**query.model_dump()))


@router.post(
    "/office/seekers/search",
    response=list[SeekerListOut],
    auth=ApiAuth,
    summary="按姓名、身份证号或手机号查找求职人员（本辖区）",
)
@paginate(Pagination)
def office_seeker_search(request: HttpRequest, payload: SeekerSearchIn) -> Any:
    user = staff_required(request)
    typed = payload.model_dump()
    lookup = seeker_lookup(**{name: typed.pop(name) for name in LOOKUP_PARAMS})
    return seekers_for_staff(user, SeekerFilters(**typed, lookup=lookup))


@router.get(
    "/office/seekers/{seeker_id}",
    response=SeekerOut,
    auth=ApiAuth,
    summary="求职登记详情（留痕；手机号脱敏）",
)
def office_seeker_detail(request: HttpRequest, seeker_id: int) -> JobSeeker:
    user = staff_required(request)
    return access.get_seeker_for_staff_or_404(user, seeker_id, request)


@router.post(
    "/office/seekers/{seeker_id}/contact",
    response=ContactOut,
    auth=ApiAuth,
    summary="查看完整手机号（写明用途，留痕）",
)
def office_seeker_contact(
    request: HttpRequest, seeker_id: int, payload: ContactRevealIn
) -> ContactOut:
    user = staff_required(request)
    seeker = access.get_seeker_for_staff_or_404(user, seeker_id, request)
    phone = seeker_contact_reveal(
        seeker=seeker, actor=user, purpose=payload.purpose, ip=client_ip(request)
    )
    purpose = RevealPurpose(payload.purpose)
    return ContactOut(phone=phone, purpose=purpose.value, purpose_label=purpose.label)


@router.post(
    "/office/seekers/{seeker_id}/id-number",
    response=SeekerOut,
    auth=ApiAuth,
    summary="更正身份证号（核对本人身份证原件后，留痕）",
)
def office_seeker_id_number(
    request: HttpRequest, seeker_id: int, payload: IdNumberCorrectionIn
) -> JobSeeker:
    user = staff_required(request)
    seeker = access.get_seeker_for_staff_or_404(user, seeker_id, request)
    return seeker_id_number_correct(
        seeker=seeker, id_number=payload.id_number, actor=user, card_checked=payload.card_checked
    )
