"""Writes for 招聘会: staff of 人社 or a union create a fair in their area (a draft), publish,
edit and cancel it; a daily task marks fairs that have ended as finished."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from chengnuan.accounts.models import User, UserKind
from chengnuan.accounts.scoping import in_scope
from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction
from chengnuan.events import notify
from chengnuan.events.choices import FairKind, FairOrganiser, FairStatus
from chengnuan.events.inputs import FairInput
from chengnuan.events.models import JobFair
from chengnuan.regions.geo import to_gcj02
from chengnuan.regions.models import CoordSystem, DivisionLevel
from chengnuan.regions.selectors import division_by_code

EDITABLE = (FairStatus.DRAFT, FairStatus.PUBLISHED)
FAIR_AREA_LEVELS = (DivisionLevel.CITY, DivisionLevel.COUNTY)
LONGEST_FAIR = datetime.timedelta(days=62)

Errors = dict[str, list[str]]


def state_error(message: str) -> ValidationError:
    return ValidationError({"__all__": [message]})


def require_fair_staff(actor: Any, area_code: str) -> User:
    """Staff of 人社 or a union whose area covers `area_code`: they run fairs there."""
    if not isinstance(actor, User) or actor.kind != UserKind.STAFF:
        raise state_error("只有工作人员可以管理招聘会。")
    if actor.department not in FairOrganiser.values:
        raise state_error("只有人社部门和工会的工作人员可以举办招聘会。")
    if not in_scope(actor, area_code):
        raise state_error("这个招聘会不在您负责的区域内。")
    return actor


def _check_place(data: FairInput, errors: Errors) -> None:
    area = division_by_code(data.area_code)
    if area is None or area.level not in FAIR_AREA_LEVELS:
        errors.setdefault("area_code", []).append("请选择举办的城市或县区。")
        return
    if data.kind == FairKind.ONLINE:
        return
    if not data.address.strip():
        errors.setdefault("address", []).append("现场招聘会请填写会场的详细地址。")
    if data.township_code:
        township = division_by_code(data.township_code)
        if (
            township is None
            or township.level != DivisionLevel.TOWNSHIP
            or not township.code.startswith(data.area_code)
        ):
            errors.setdefault("township_code", []).append("这个乡镇街道不在举办地区内。")
    if (data.lng is None) != (data.lat is None):
        errors.setdefault("lng", []).append("经度和纬度要一起填，或者都不填。")
    elif data.lng is not None and data.lat is not None:
        if not (73 <= data.lng <= 136 and 3 <= data.lat <= 54):
            errors.setdefault("lng", []).append("这个坐标不在中国境内，请从地图上重新取点。")
        if data.coord_system not in CoordSystem.values:
            errors.setdefault("coord_system", []).append("请选择坐标系。")


def _check_times(data: FairInput, errors: Errors, *, is_new: bool) -> None:
    if data.ends_at <= data.starts_at:
        errors.setdefault("ends_at", []).append("结束时间要晚于开始时间。")
    elif data.ends_at - data.starts_at > LONGEST_FAIR:
        errors.setdefault("ends_at", []).append("一场招聘会最长两个月，请分成几场发布。")
    if is_new and data.ends_at <= timezone.now():
        errors.setdefault("ends_at", []).append("结束时间已经过去了，请检查日期。")


def clean_fair(data: FairInput, *, is_new: bool) -> FairInput:
    errors: Errors = {}
    if not data.title.strip():
        errors["title"] = ["请填写招聘会名称。"]
    if data.kind not in FairKind.values:
        errors["kind"] = ["请选择现场招聘会或网络招聘会。"]
    else:
        _check_place(data, errors)
    _check_times(data, errors, is_new=is_new)
    if errors:
        raise ValidationError(errors)
    return data


def _apply(fair: JobFair, data: FairInput) -> None:
    fair.title = data.title.strip()
    fair.kind = data.kind
    fair.area_id = data.area_code
    fair.starts_at = data.starts_at
    fair.ends_at = data.ends_at
    fair.organiser_name = data.organiser_name.strip()
    fair.description = data.description.strip()
    online = data.kind == FairKind.ONLINE
    fair.venue = "" if online else data.venue.strip()
    fair.address = "" if online else data.address.strip()
    fair.township_id = None if online else data.township_code or None
    fair.lng = fair.lat = None
    if not online and data.lng is not None and data.lat is not None:
        # Stored in GCJ-02, the system of the maps workers open; a GPS point is converted.
        fair.lng, fair.lat = to_gcj02(data.lng, data.lat, data.coord_system)
    fair.coord_system = CoordSystem.GCJ02


def _save(fair: JobFair, actor: User, action: AuditAction) -> None:
    fair.full_clean()
    fair.save()
    audit_record(actor=actor, action=action, obj=fair, detail={"status": fair.status})


@transaction.atomic
def fair_create(*, data: FairInput, actor: User, publish: bool = False) -> JobFair:
    """A new fair in the staff member's area; the organiser is their department (人社 or
    工会). Saved as a draft unless `publish`."""
    require_fair_staff(actor, data.area_code)
    clean_fair(data, is_new=True)
    fair = JobFair(organiser=actor.department, created_by=actor)
    _apply(fair, data)
    if publish:
        fair.status = FairStatus.PUBLISHED
        fair.published_at = timezone.now()
    _save(fair, actor, AuditAction.CREATE)
    return fair


def lock(fair: JobFair) -> JobFair:
    return JobFair.objects.select_for_update().get(pk=fair.pk)


@transaction.atomic
def fair_update(*, fair: JobFair, data: FairInput, actor: User) -> JobFair:
    fair = lock(fair)
    require_fair_staff(actor, fair.area_id)
    require_fair_staff(actor, data.area_code)
    if fair.status not in EDITABLE:
        raise state_error("已取消或已结束的招聘会不能再修改。")
    clean_fair(data, is_new=False)
    _apply(fair, data)
    _save(fair, actor, AuditAction.UPDATE)
    return fair


@transaction.atomic
def fair_publish(*, fair: JobFair, actor: User) -> JobFair:
    fair = lock(fair)
    require_fair_staff(actor, fair.area_id)
    if fair.status != FairStatus.DRAFT:
        raise state_error("只有草稿可以发布。")
    clean_fair(FairInput.from_fair(fair), is_new=True)
    fair.status = FairStatus.PUBLISHED
    fair.published_at = timezone.now()
    _save(fair, actor, AuditAction.UPDATE)
    return fair


@transaction.atomic
def fair_cancel(*, fair: JobFair, actor: User, reason: str) -> JobFair:
    """Call a fair off; everyone signed up and every employer with a booth is told why."""
    fair = lock(fair)
    require_fair_staff(actor, fair.area_id)
    if fair.status not in EDITABLE:
        raise state_error("这个招聘会已经取消或结束了。")
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": ["请写明取消的原因，报名的人才知道。"]})
    was_published = fair.status == FairStatus.PUBLISHED
    fair.status = FairStatus.CANCELLED
    fair.cancel_reason = reason[:200]
    _save(fair, actor, AuditAction.UPDATE)
    if was_published:
        notify.fair_cancelled(fair)
    return fair


def fairs_finish_due(*, now: datetime.datetime | None = None) -> int:
    """Published fairs whose end has passed become finished; returns how many."""
    now = now or timezone.now()
    return JobFair.objects.filter(status=FairStatus.PUBLISHED, ends_at__lte=now).update(
        status=FairStatus.FINISHED, updated_at=now
    )
