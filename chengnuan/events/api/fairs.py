"""/api/v1/events fairs: the public list and a fair's page; staff's fairs (create, change,
publish, cancel) and a fair's figures."""

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from chengnuan.accounts.access import staff_required
from chengnuan.accounts.api_auth import ANONYMOUS_TOO, ApiAuth, OptionalAuth
from chengnuan.core.pagination import Pagination
from chengnuan.events import access
from chengnuan.events.choices import FairStatus
from chengnuan.events.inputs import FairInput
from chengnuan.events.models import JobFair
from chengnuan.events.schemas import (
    CancelIn,
    FairCreateIn,
    FairDetailOut,
    FairIn,
    FairOut,
    FiguresOut,
)
from chengnuan.events.selectors.booths import fair_booths
from chengnuan.events.selectors.fairs import fair_for_public, fairs_near, home_area, staff_fairs
from chengnuan.events.selectors.figures import fair_figures
from chengnuan.events.services.fairs import fair_cancel, fair_create, fair_publish, fair_update

router = Router(tags=["招聘会"])


class FairListParams(Schema):
    area: str = Field(
        "",
        max_length=12,
        pattern=r"^(\d{4}|\d{6}|\d{9})?$",
        description="城市4位、县区6位或乡镇9位区划代码；不填时，登录的求职者按登记的住处，其他人看全省",
    )


@router.get(
    "/fairs",
    response=list[FairOut],
    auth=OptionalAuth,
    openapi_extra=ANONYMOUS_TOO,
    summary="近期招聘会（公开）",
)
@paginate(Pagination)
def fair_list(request: HttpRequest, params: Query[FairListParams]) -> Any:
    return fairs_near(params.area or home_area(request.user))  # type: ignore[arg-type]


@router.get(
    "/fairs/{fair_id}",
    response=FairDetailOut,
    auth=OptionalAuth,
    openapi_extra=ANONYMOUS_TOO,
    summary="招聘会详情和参会单位（公开）",
)
def fair_detail(request: HttpRequest, fair_id: int) -> JobFair:
    fair = fair_for_public(fair_id)
    fair.public_booths = list(fair_booths(fair))  # type: ignore[attr-defined]
    return fair


# --- staff --------------------------------------------------------------------------------------


class OfficeFairParams(Schema):
    status: FairStatus | None = None


@router.get(
    "/office/fairs", response=list[FairOut], auth=ApiAuth, summary="本辖区的招聘会（工作人员）"
)
@paginate(Pagination)
def office_fair_list(request: HttpRequest, params: Query[OfficeFairParams]) -> Any:
    user = staff_required(request)
    return staff_fairs(user, status=params.status or "")


def _input(payload: FairIn) -> FairInput:
    return FairInput(**payload.model_dump(exclude={"publish"}))


@router.post("/office/fairs", response={201: FairOut}, auth=ApiAuth, summary="新建招聘会")
def office_fair_create(request: HttpRequest, payload: FairCreateIn) -> Status[JobFair]:
    user = staff_required(request)
    return Status(201, fair_create(data=_input(payload), actor=user, publish=payload.publish))


@router.get("/office/fairs/{fair_id}", response=FairOut, auth=ApiAuth, summary="招聘会（工作人员）")
def office_fair(request: HttpRequest, fair_id: int) -> JobFair:
    return access.get_fair_for_staff_or_404(staff_required(request), fair_id)


@router.put("/office/fairs/{fair_id}", response=FairOut, auth=ApiAuth, summary="修改招聘会")
def office_fair_update(request: HttpRequest, fair_id: int, payload: FairIn) -> JobFair:
    user = staff_required(request)
    fair = access.get_fair_for_staff_or_404(user, fair_id)
    return fair_update(fair=fair, data=_input(payload), actor=user)


@router.post(
    "/office/fairs/{fair_id}/publish", response=FairOut, auth=ApiAuth, summary="发布招聘会"
)
def office_fair_publish(request: HttpRequest, fair_id: int) -> JobFair:
    user = staff_required(request)
    return fair_publish(fair=access.get_fair_for_staff_or_404(user, fair_id), actor=user)


@router.post(
    "/office/fairs/{fair_id}/cancel",
    response=FairOut,
    auth=ApiAuth,
    summary="取消招聘会（通知报名的人和单位）",
)
def office_fair_cancel(request: HttpRequest, fair_id: int, payload: CancelIn) -> JobFair:
    user = staff_required(request)
    fair = access.get_fair_for_staff_or_404(user, fair_id)
    return fair_cancel(fair=fair, actor=user, reason=payload.reason)


@router.get(
    "/office/fairs/{fair_id}/figures", response=FiguresOut, auth=ApiAuth, summary="招聘会数据统计"
)
def office_fair_figures(request: HttpRequest, fair_id: int) -> dict[str, Any]:
    fair = access.get_fair_for_staff_or_404(staff_required(request), fair_id)
    figures = fair_figures(fair)
    return {**figures.__dict__, "attendance_rate": figures.attendance_rate}
