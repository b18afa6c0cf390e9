"""Writes for booths: a verified employer asks for a booth at a published fair with some of
its published postings; staff of the fair's area approve it (it gets a booth number) or
refuse it with a reason; at an online fair the employer offers interview slots."""

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from chengnuan.accounts.models import User
from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction
from chengnuan.employment.choices import EmployerStatus
from chengnuan.employment.permissions import owns_employer
from chengnuan.employment.selectors.postings import public_postings
from chengnuan.events import notify
from chengnuan.events.choices import BoothStatus, FairStatus
from chengnuan.events.inputs import BoothInput, SlotInput
from chengnuan.events.models import Booth, InterviewSlot, JobFair
from chengnuan.events.services.fairs import require_fair_staff, state_error

if TYPE_CHECKING:
    from chengnuan.employment.models import Employer

MAX_POSTINGS = 20
MAX_SLOT_CAPACITY = 50
REOPENED = (BoothStatus.REFUSED, BoothStatus.WITHDRAWN)


def _require_owner(actor: Any, employer: "Employer") -> None:
    if not owns_employer(actor, employer):
        raise state_error("您只能为自己的单位报名。")


def _require_open(fair: JobFair) -> None:
    if fair.status != FairStatus.PUBLISHED or fair.ends_at <= timezone.now():
        raise state_error("这个招聘会现在不接受报名。")


def _chosen_postings(employer: "Employer", posting_ids: list[int]) -> list[int]:
    """The employer's own published postings among `posting_ids`."""
    wanted = set(posting_ids)
    if not wanted:
        raise ValidationError({"posting_ids": ["请至少选一个要带到招聘会的岗位。"]})
    if len(wanted) > MAX_POSTINGS:
        raise ValidationError({"posting_ids": [f"一个展位最多带{MAX_POSTINGS}个岗位。"]})
    found = set(
        public_postings().filter(employer=employer, pk__in=wanted).values_list("pk", flat=True)
    )
    if found != wanted:
        raise ValidationError(
            {"posting_ids": ["只能选本单位已经发布、还在招聘的岗位，请重新选择。"]}
        )
    return sorted(found)


@transaction.atomic
def booth_request(*, fair: JobFair, employer: "Employer", data: BoothInput, actor: User) -> Booth:
    """Ask for a booth. Only an employer staff have verified may take part; a refused or
    withdrawn request may be made again (the same booth row goes back to review)."""
    _require_owner(actor, employer)
    if employer.status != EmployerStatus.VERIFIED:
        raise state_error(
            "您的单位还没有通过核验，暂时不能报名招聘会。请等所在县区人社部门核验后再来。"
        )
    fair = JobFair.objects.select_for_update().get(pk=fair.pk)
    _require_open(fair)
    posting_ids = _chosen_postings(employer, data.posting_ids)
    booth = Booth.objects.select_for_update().filter(fair=fair, employer=employer).first()
    if booth is not None and booth.status not in REOPENED:
        raise state_error("您的单位已经报名这个招聘会了。")
    if booth is None:
        booth = Booth(fair=fair, employer=employer, requested_by=actor)
    booth.status = BoothStatus.PENDING
    booth.note = data.note.strip()[:200]
    booth.decision_note = ""
    booth.decided_by = None
    booth.decided_at = None
    booth.number = None
    booth.requested_by = actor
    booth.full_clean(validate_unique=False, validate_constraints=False)
    booth.save()
    booth.postings.set(posting_ids)
    audit_record(actor=actor, action=AuditAction.CREATE, obj=booth, detail={"fair": fair.pk})
    notify.booth_requested(booth)
    return booth


def _lock(booth: Booth) -> Booth:
    return Booth.objects.select_for_update().select_related("fair", "employer").get(pk=booth.pk)


@transaction.atomic
def booth_withdraw(*, booth: Booth, actor: User) -> Booth:
    booth = _lock(booth)
    _require_owner(actor, booth.employer)
    if booth.status not in (BoothStatus.PENDING, BoothStatus.APPROVED):
        raise state_error("这个报名已经撤回或没有通过。")
    booth.status = BoothStatus.WITHDRAWN
    booth.number = None
    booth.save(update_fields=["status", "number", "updated_at"])
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=booth, detail={"status": "withdrawn"})
    return booth


@transaction.atomic
def booth_decide(*, booth: Booth, actor: User, approve: bool, note: str = "") -> Booth:
    """Staff of the fair's area approve a pending booth (it gets the next booth number) or
    refuse it with a reason the employer reads."""
    fair = JobFair.objects.select_for_update().get(pk=booth.fair_id)
    booth = _lock(booth)
    require_fair_staff(actor, fair.area_id)
    if booth.status != BoothStatus.PENDING:
        raise state_error("这个展位不在待审核状态。")
    note = note.strip()
    if approve:
        # The fair's row is locked: two approvals at once cannot take the same number.
        highest = Booth.objects.filter(fair=fair).aggregate(n=Max("number"))["n"] or 0
        booth.status = BoothStatus.APPROVED
        booth.number = highest + 1
    else:
        if not note:
            raise ValidationError({"note": ["请写明不通过的原因，单位才知道怎么办。"]})
        booth.status = BoothStatus.REFUSED
    booth.decision_note = note[:200]
    booth.decided_by = actor
    booth.decided_at = timezone.now()
    booth.save()
    audit_record(
        actor=actor,
        action=AuditAction.REVIEW,
        obj=booth,
        detail={"approve": approve, "note": booth.decision_note},
    )
    notify.booth_decided(booth)
    return booth


@transaction.atomic
def slot_add(*, booth: Booth, data: SlotInput, actor: User) -> InterviewSlot:
    """An interview time at a booth of an online fair, inside the fair's dates."""
    booth = _lock(booth)
    _require_owner(actor, booth.employer)
    fair = booth.fair
    if not fair.is_online:
        raise state_error("现场招聘会在会场面谈，不用预约时段。")
    if booth.status not in (BoothStatus.PENDING, BoothStatus.APPROVED):
        raise state_error("这个展位已经撤回或没有通过，不能再加时段。")
    errors: dict[str, list[str]] = {}
    if data.ends_at <= data.starts_at:
        errors["ends_at"] = ["结束时间要晚于开始时间。"]
    elif data.starts_at < fair.starts_at or data.ends_at > fair.ends_at:
        errors["starts_at"] = ["面试时段要在招聘会的日期之内。"]
    elif data.starts_at <= timezone.now():
        errors["starts_at"] = ["这个时间已经过去了。"]
    if not 1 <= data.capacity <= MAX_SLOT_CAPACITY:
        errors["capacity"] = [f"可约人数在1到{MAX_SLOT_CAPACITY}人之间。"]
    if errors:
        raise ValidationError(errors)
    slot = InterviewSlot.objects.create(
        booth=booth, starts_at=data.starts_at, ends_at=data.ends_at, capacity=data.capacity
    )
    audit_record(actor=actor, action=AuditAction.CREATE, obj=slot, detail={"booth": booth.pk})
    return slot


@transaction.atomic
def slot_remove(*, slot: InterviewSlot, actor: User) -> None:
    """Take back a time nobody has booked yet (a booked one stays: people are coming)."""
    slot = (
        InterviewSlot.objects.select_for_update().select_related("booth__employer").get(pk=slot.pk)
    )
    _require_owner(actor, slot.booth.employer)
    if slot.booked:
        raise state_error("已经有人预约了这个时段，不能删除。")
    audit_record(actor=actor, action=AuditAction.DELETE, obj=slot, detail={"booth": slot.booth_id})
    slot.delete()
