"""Writes for applications: a worker applies (themselves, or a clerk at a station for them),
and every later step goes through application_transition, which checks the allowed moves,
writes the history row and tells both sides."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from chengnuan.accounts.models import User, UserKind
from chengnuan.applications import notify
from chengnuan.applications.choices import ApplicationStatus as S
from chengnuan.applications.choices import AppliedVia, Side
from chengnuan.applications.models import Application, ApplicationEvent
from chengnuan.applications.rules import ALLOWED, FINAL, is_staff_over, may_act
from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction
from chengnuan.employment.choices import SeekerStatus
from chengnuan.employment.models import JobSeeker, Posting
from chengnuan.employment.selectors.postings import public_postings

NOT_YOURS = "您不能处理这个申请。"


def _refuse(message: str) -> ValidationError:
    return ValidationError({"__all__": [message]})


@transaction.atomic
def application_apply(*, seeker: JobSeeker, posting: Posting, actor: User) -> Application:
    """One tap: the worker's registration goes to the employer as their CV. A worker applies
    for themselves; staff of the area where the worker lives may apply for them (a worker
    without a phone, at a station). Once per posting."""
    if actor.kind == UserKind.WORKER and seeker.user_id == actor.pk:
        via = AppliedVia.SELF
    elif is_staff_over(actor, seeker.area_code):
        via = AppliedVia.STATION
    else:
        raise PermissionDenied(NOT_YOURS)
    if seeker.status != SeekerStatus.ACTIVE:
        raise _refuse("求职登记暂停或关闭时不能申请岗位，请先在“我的求职”里恢复求职。")
    if not public_postings().filter(pk=posting.pk).exists():
        raise _refuse("这个岗位已经结束招聘或还没有公开，不能申请了。")
    if Application.objects.filter(seeker=seeker, posting=posting).exists():
        raise _refuse("您已经申请过这个岗位了，可以在“我的申请”里看进展。")
    application = Application(
        seeker=seeker,
        posting=posting,
        applied_via=via,
        applied_by=actor,
        seeker_area=seeker.area_code,
        posting_area=posting.county_id,
    )
    try:
        with transaction.atomic():  # two taps at once: the constraint decides
            application.save()
    except IntegrityError:
        raise _refuse("您已经申请过这个岗位了，可以在“我的申请”里看进展。") from None
    side = Side.WORKER
    event = ApplicationEvent.objects.create(
        application=application, from_status="", to_status=S.APPLIED, side=side, actor=actor
    )
    if via == AppliedVia.STATION:
        audit_record(actor=actor, action=AuditAction.CREATE, obj=application, detail={"via": via})
    notify.announce_step(application=application, event=event, interview=None)
    return application


def _stamp(application: Application, to: S, now: datetime.datetime) -> None:
    if to == S.INVITED:
        application.invited_at = now
    elif to == S.INTERVIEWED:
        application.interviewed_at = now
    elif to == S.HIRED:
        application.hired_at = now
    if to in FINAL:
        application.closed_at = now


@transaction.atomic
def application_transition(
    *, application: Application, to: str, actor: User, note: str = ""
) -> Application:
    """Move an application one step along the allowed table (rules.ALLOWED), by the side
    whose move it is; the history row is written and both sides are told, once."""
    locked = (
        Application.objects.select_for_update()
        .select_related("seeker", "posting__employer")
        .get(pk=application.pk)
    )
    if to not in S.values:
        raise ValidationError({"to": ["没有这个状态。"]})
    target = S(to)
    side = ALLOWED.get((locked.status, target))
    if side is None:
        raise _refuse(f"这个申请现在是“{locked.get_status_display()}”，不能改成“{target.label}”。")
    if not may_act(actor, locked, side):
        raise PermissionDenied(NOT_YOURS)
    interview = locked.interviews.order_by("-created_at", "-id").first()
    if target == S.INVITED and interview is None:
        raise _refuse("邀请面试要先填好面试的时间和方式。")
    if len(note) > 200:
        raise ValidationError({"note": ["说明最多200个字。"]})
    previous = locked.status
    locked.status = target
    _stamp(locked, target, timezone.now())
    if target in (S.HIRED, S.DECLINED) and note:
        locked.outcome_note = note
    locked.full_clean()
    locked.save()
    event = ApplicationEvent.objects.create(
        application=locked, from_status=previous, to_status=target, side=side, actor=actor,
        note=note,
    )  # fmt: skip
    if actor.kind == UserKind.STAFF:
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=locked,
            detail={"from": previous, "to": str(target)},
        )
    notify.announce_step(
        application=locked, event=event, interview=interview if target == S.INVITED else None
    )
    application.refresh_from_db()
    return locked


def applications_erase(*, user: User) -> int:
    """Erase a worker's applications (their history, interviews, rooms and signals go with
    them) when they close their account, inside the caller's transaction. Returns how many."""
    _total, per_model = Application.objects.filter(seeker__user=user).delete()
    return per_model.get(Application._meta.label, 0)
