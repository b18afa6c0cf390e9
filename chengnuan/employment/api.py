"""/api/v1: postings, job seekers and employers for the APP channel and partners.

Every route first says who may call it (accounts.access) and which record they may touch
(employment.access: out of reach is a 404), then calls one selector or service. Errors are
JSON with a Chinese message and the field (see core.api_errors)."""

import dataclasses
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Query, Router, Status
from ninja.pagination import paginate

from chengnuan.accounts.access import login_required_kind, staff_required
from chengnuan.accounts.api_auth import ApiAuth
from chengnuan.accounts.models import User, UserKind
from chengnuan.core.http import client_ip
from chengnuan.core.pagination import Pagination
from chengnuan.employment import access, selectors
from chengnuan.employment.choices import RegisteredVia, RevealPurpose, Source
from chengnuan.employment.inputs import EmployerInput, PostingInput, SeekerInput
from chengnuan.employment.models import ConsentMethod, Employer, JobSeeker, Posting
from chengnuan.employment.schemas import (
    ContactOut,
    ContactRevealIn,
    EmployerIn,
    EmployerOut,
    EmployerPostingIn,
    PostingFilters,
    PostingListOut,
    PostingManageOut,
    PostingOut,
    ReviewIn,
    SeekerListOut,
    SeekerOfficeIn,
    SeekerOut,
    SeekerPatch,
    SeekerQuery,
    SeekerSearchIn,
    SeekerSelfIn,
)
from chengnuan.employment.services_employers import employer_register, employer_verify
from chengnuan.employment.services_postings import posting_create, posting_review, posting_submit
from chengnuan.employment.services_seekers import (
    seeker_contact_reveal,
    seeker_register,
    seeker_update,
)


def _anyone(request: HttpRequest) -> bool:
    """Lets a route be public while a token or session, when present, still identifies the
    caller (so a signed-in worker sees the contact phone)."""
    return True


OptionalAuth = [*ApiAuth, _anyone]
# In OpenAPI an empty security requirement says a route also answers anonymous callers.
ANONYMOUS_TOO: dict[str, Any] = {"security": [{}]}

router = Router(tags=["岗位与求职登记"])


def _fields(schema: Any, input_class: Any) -> dict[str, Any]:
    """The payload's values that the service input declares (not submit, consent …)."""
    names = {field.name for field in dataclasses.fields(input_class)}
    return {k: v for k, v in schema.model_dump().items() if k in names}


# --- public postings --------------------------------------------------------------------------


@router.get(
    "/postings",
    response=list[PostingListOut],
    auth=OptionalAuth,
    openapi_extra=ANONYMOUS_TOO,
    summary="岗位列表（公开）",
)
@paginate(Pagination)
def posting_list(request: HttpRequest, filters: Query[PostingFilters]) -> Any:
    return selectors.public_postings(
        selectors.PublicPostingFilters(
            city_code=filters.city,
            county_code=filters.county,
            occupation_code=filters.occupation,
            min_monthly_wage=filters.min_monthly_wage,
            older_friendly=filters.older_friendly,
        )
    )


@router.get(
    "/postings/{posting_id}",
    response=PostingOut,
    auth=OptionalAuth,
    openapi_extra=ANONYMOUS_TOO,
    summary="岗位详情（公开）",
)
def posting_detail(request: HttpRequest, posting_id: int) -> PostingOut:
    posting = selectors.posting_for_public(posting_id)
    user = request.user
    show_phone = user.is_authenticated and getattr(user, "kind", None) == UserKind.WORKER
    return PostingOut.with_phone(posting, show_phone)


# --- employers and their postings -------------------------------------------------------------


@router.post("/employers", response={201: EmployerOut}, auth=ApiAuth, summary="单位登记（待核验）")
def employer_create(request: HttpRequest, payload: EmployerIn) -> Status[Employer]:
    user = login_required_kind(request, UserKind.EMPLOYER)
    employer = employer_register(
        data=EmployerInput(**payload.model_dump()),
        owner=user,
        created_by=user,
        source=Source.EMPLOYER,
    )
    return Status(201, employer)


def _employer_of(user: User, employer_id: int | None) -> Employer:
    if employer_id is not None:
        return access.get_employer_for_owner_or_404(user, employer_id)
    owned = list(selectors.employers_for_owner(user)[:2])
    if len(owned) != 1:
        message = (
            "请先登记单位信息。" if not owned else "您的账号管理多家单位，请选择是哪家单位的岗位。"
        )
        raise ValidationError({"employer_id": [message]})
    return owned[0]


@router.get(
    "/employer/postings", response=list[PostingManageOut], auth=ApiAuth, summary="本单位的岗位"
)
@paginate(Pagination)
def employer_posting_list(request: HttpRequest, employer_id: int | None = None) -> Any:
    user = login_required_kind(request, UserKind.EMPLOYER)
    return selectors.postings_for_employer(_employer_of(user, employer_id))


@router.post(
    "/employer/postings", response={201: PostingManageOut}, auth=ApiAuth, summary="发布岗位"
)
def employer_posting_create(request: HttpRequest, payload: EmployerPostingIn) -> Status[Posting]:
    user = login_required_kind(request, UserKind.EMPLOYER)
    employer = _employer_of(user, payload.employer_id)
    posting = posting_create(
        employer=employer,
        data=PostingInput(**_fields(payload, PostingInput)),
        actor=user,
        source=Source.EMPLOYER,
        submit=payload.submit,
    )
    return Status(201, posting)


@router.post(
    "/postings/{posting_id}/submit", response=PostingManageOut, auth=ApiAuth, summary="提交审核"
)
def employer_posting_submit(request: HttpRequest, posting_id: int) -> Posting:
    user = login_required_kind(request, UserKind.EMPLOYER)
    posting = access.get_posting_for_employer_or_404(user, posting_id)
    return posting_submit(posting=posting, actor=user)


# --- office: review -----------------------------------------------------------------------------


@router.get(
    "/office/review-queue", response=list[PostingManageOut], auth=ApiAuth, summary="待审核岗位"
)
@paginate(Pagination)
def office_review_queue(request: HttpRequest) -> Any:
    return selectors.review_queue(staff_required(request))


@router.post(
    "/office/postings/{posting_id}/review",
    response=PostingManageOut,
    auth=ApiAuth,
    summary="审核岗位",
)
def office_posting_review(request: HttpRequest, posting_id: int, payload: ReviewIn) -> Posting:
    user = staff_required(request)
    posting = access.get_posting_for_staff_or_404(user, posting_id)
    return posting_review(posting=posting, actor=user, approve=payload.approve, note=payload.note)


@router.post(
    "/office/employers/{employer_id}/verify", response=EmployerOut, auth=ApiAuth, summary="核验单位"
)
def office_employer_verify(request: HttpRequest, employer_id: int, payload: ReviewIn) -> Employer:
    user = staff_required(request)
    employer = access.get_employer_for_staff_or_404(user, employer_id)
    return employer_verify(
        employer=employer, actor=user, approve=payload.approve, note=payload.note
    )


# --- job seekers --------------------------------------------------------------------------------


@router.post("/seekers/me", response={201: SeekerOut}, auth=ApiAuth, summary="本人求职登记")
def seeker_me_create(request: HttpRequest, payload: SeekerSelfIn) -> Status[JobSeeker]:
    user = login_required_kind(request, UserKind.WORKER)
    if not payload.consent:
        raise ValidationError({"consent": ["请先阅读并同意个人信息处理说明，才能保存求职登记。"]})
    seeker = seeker_register(
        data=SeekerInput(**_fields(payload, SeekerInput)),
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
        data=SeekerInput(**_fields(payload, SeekerInput)),
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
    return selectors.seekers_for_staff(user, selectors.SeekerFilters(**query.model_dump()))


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
    lookup = selectors.seeker_lookup(**{name: typed.pop(name) for name in LOOKUP_PARAMS})
    return selectors.seekers_for_staff(user, selectors.SeekerFilters(**typed, lookup=lookup))


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
