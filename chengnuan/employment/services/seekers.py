"""Writes for 求职登记 (job seekers): one record per person, with the consents they gave.
Every change is audited, whether staff or the person made it (PIPL)."""

import dataclasses
import datetime
import uuid
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from chengnuan.accounts.models import User, UserKind
from chengnuan.core import crypto
from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction
from chengnuan.employment.choices import (
    PushChannel,
    PushFrequency,
    RegisteredVia,
    RevealPurpose,
    SeekerStatus,
)
from chengnuan.employment.inputs import SeekerInput
from chengnuan.employment.models import Consent, ConsentMethod, ConsentPurpose, JobSeeker
from chengnuan.employment.permissions import OUT_OF_SCOPE, is_staff, is_staff_in_scope
from chengnuan.employment.validation import (
    clean_seeker,
    clean_seeker_id_number,
    seeker_field_values,
)

DUPLICATE_ID = (
    "这个身份证号已经登记过了。如果是您本人登记的，请用登记时的手机号登录后修改；"
    "如果不是您登记的，请带身份证到就近的服务站核实。"
)
ID_NUMBER_FIXED = (
    "身份证号登记后不能自己修改。如果登记错了，请带上身份证到就近的就业服务站，"
    "工作人员核对证件后帮您更正。"
)
CARD_NOT_CHECKED = "请先当面核对本人的身份证原件，再勾选这一项。"
OUT_OF_AREA_RESIDENCE = "这个居住地不在您负责的区域内，请核对居住地，或请本人到居住地的服务站登记。"
# How a consent given in person is recorded; a worker's own registration is online.
IN_PERSON_METHODS = (ConsentMethod.SIGNED, ConsentMethod.VERBAL)


def _check_registration_channel(
    *,
    user: User | None,
    registered_by: User | None,
    via: RegisteredVia,
    consent_method: ConsentMethod,
) -> None:
    if user is not None and user.kind != UserKind.WORKER:
        raise PermissionDenied("只有务工人员账号可以登记求职。")
    if user is not None and JobSeeker.objects.filter(user=user).exists():
        raise ValidationError({"__all__": ["您已经登记过求职信息了，可以直接修改。"]})
    if via == RegisteredVia.SELF and (user is None or consent_method != ConsentMethod.ONLINE):
        raise ValidationError({"__all__": ["本人登记需要先登录，并在线勾选同意。"]})
    if via == RegisteredVia.STATION and (
        not is_staff(registered_by) or consent_method not in IN_PERSON_METHODS
    ):
        raise ValidationError(
            {"__all__": ["服务站代为登记需要经办员登录，并记录本人签字或口头同意。"]}
        )
    if consent_method == ConsentMethod.WITHDRAWN:
        raise ValidationError({"__all__": ["没有本人同意，不能保存求职登记。"]})
    if registered_by is not None and not is_staff(registered_by):
        raise PermissionDenied("只有工作人员可以代为登记。")


def _id_taken(id_number: str, *, except_pk: int | None = None) -> bool:
    found = JobSeeker.objects.filter(id_number_hash=crypto.lookup_hash(id_number))
    if except_pk is not None:
        found = found.exclude(pk=except_pk)
    return found.exists()


def _save_with_lists(seeker: JobSeeker, data: SeekerInput) -> None:
    seeker.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            seeker.save()
    except IntegrityError:  # the same person registered at the same moment elsewhere
        raise ValidationError({"id_number": [DUPLICATE_ID]}) from None
    # Primary keys are codes (strings), which set() takes without loading the rows; the
    # stubs only know integer keys.
    seeker.wanted_occupations.set(data.wanted_occupation_codes)  # type: ignore[arg-type]
    seeker.wanted_areas.set(data.wanted_area_codes)  # type: ignore[arg-type]


def _record_consents(
    seeker: JobSeeker, purposes: dict[str, bool], method: str, recorded_by: User | None
) -> None:
    Consent.objects.bulk_create(
        Consent(
            seeker=seeker, purpose=purpose, granted=granted, method=method, recorded_by=recorded_by
        )
        for purpose, granted in purposes.items()
    )


def _push_consents(push_frequency: str, push_channel: str) -> dict[str, bool]:
    pushes = push_frequency != PushFrequency.NEVER
    return {
        ConsentPurpose.PUSH: pushes,
        ConsentPurpose.SMS: pushes and push_channel == PushChannel.SMS,
    }


@transaction.atomic
def seeker_register(
    *,
    data: SeekerInput,
    user: User | None,
    registered_by: User | None,
    via: RegisteredVia,
    consent_method: ConsentMethod,
) -> JobSeeker:
    """One 求职登记 per person (by 身份证号). A worker registers themself online; a clerk
    registers someone living in the clerk's area, with the person's signed or spoken consent."""
    _check_registration_channel(
        user=user, registered_by=registered_by, via=via, consent_method=consent_method
    )
    cleaned = clean_seeker(data)
    if is_staff(registered_by) and not is_staff_in_scope(registered_by, cleaned.residence_code):
        raise ValidationError({"residence_code": [OUT_OF_AREA_RESIDENCE]})
    if _id_taken(cleaned.id_number):
        raise ValidationError({"id_number": [DUPLICATE_ID]})
    seeker = JobSeeker(
        **seeker_field_values(cleaned),
        user=user,
        registered_via=via,
        registered_by=registered_by,
        status=SeekerStatus.ACTIVE,
    )
    _save_with_lists(seeker, cleaned)
    consents: dict[str, bool] = {ConsentPurpose.REGISTRATION: True}
    consents.update(
        {p: g for p, g in _push_consents(cleaned.push_frequency, cleaned.push_channel).items() if g}
    )
    _record_consents(seeker, consents, consent_method, registered_by)
    _audit(registered_by or user, AuditAction.CREATE, seeker, via=via)
    return seeker


def _require_seeker_access(seeker: JobSeeker, actor: User | None) -> None:
    """The person themself, or staff whose area covers where the person lives."""
    if actor is not None and seeker.user_id is not None and seeker.user_id == actor.pk:
        return
    if is_staff_in_scope(actor, seeker.area_code):
        return
    raise PermissionDenied(OUT_OF_SCOPE if is_staff(actor) else "您只能修改自己的求职登记。")


def _audit(actor: User | None, action: AuditAction, seeker: JobSeeker, **detail: Any) -> None:
    """Every change of a registration is in the audit log, whoever made it: staff, or the
    person themself (PIPL: the record shows who changed personal data, and when)."""
    if actor is not None:
        audit_record(actor=actor, action=action, obj=seeker, detail=detail)


def _lock(seeker: JobSeeker) -> JobSeeker:
    return JobSeeker.objects.select_for_update().get(pk=seeker.pk)


@transaction.atomic
def seeker_update(
    *,
    seeker: JobSeeker,
    data: SeekerInput,
    actor: User,
    consent_method: ConsentMethod | None = None,
) -> JobSeeker:
    """Change a registration. Turning pushes on or off records the new consent (online for
    the person themself, spoken consent when staff change it unless told otherwise)."""
    seeker = _lock(seeker)
    _require_seeker_access(seeker, actor)
    cleaned = clean_seeker(data)
    if cleaned.id_number != seeker.id_number:
        # The number is who the registration is: changed only at a station, against the
        # ID card (seeker_id_number_correct), never by whoever holds the phone.
        raise ValidationError({"id_number": [ID_NUMBER_FIXED]})
    if is_staff(actor) and not is_staff_in_scope(actor, cleaned.residence_code):
        raise ValidationError({"residence_code": [OUT_OF_AREA_RESIDENCE]})
    before = _push_consents(seeker.push_frequency, seeker.push_channel)
    old_values = {name: getattr(seeker, name) for name in seeker_field_values(cleaned)}
    for name, value in seeker_field_values(cleaned).items():
        setattr(seeker, name, value)
    _save_with_lists(seeker, cleaned)
    after = _push_consents(cleaned.push_frequency, cleaned.push_channel)
    changed_consents = {p: g for p, g in after.items() if before[p] != g}
    method = consent_method or (ConsentMethod.VERBAL if is_staff(actor) else ConsentMethod.ONLINE)
    for purpose, granted in changed_consents.items():
        _record_consents(
            seeker,
            {purpose: granted},
            method if granted else ConsentMethod.WITHDRAWN,
            actor if is_staff(actor) else None,
        )
    changed = sorted(
        n for n, v in old_values.items() if getattr(seeker, n) != v and not n.endswith("_hash")
    )
    _audit(actor, AuditAction.UPDATE, seeker, fields=changed)
    return seeker


# The fields the 身份证号 decides.
_ID_NUMBER_FIELDS = (
    "id_number",
    "id_number_hash",
    "id_number_masked",
    "birth_date",
    "gender",
    "is_older",
)


@transaction.atomic
def seeker_id_number_correct(
    *, seeker: JobSeeker, id_number: str, actor: User, card_checked: bool
) -> JobSeeker:
    """A station clerk corrects a registration's 身份证号 after checking the person's ID card:
    only staff whose area covers the person, only a valid number of working age that nobody
    else registered with; the old and new numbers go to the audit log masked."""
    seeker = _lock(seeker)
    if not is_staff_in_scope(actor, seeker.area_code):
        raise PermissionDenied(OUT_OF_SCOPE)
    errors: dict[str, list[str]] = {}
    if not card_checked:
        errors["card_checked"] = [CARD_NOT_CHECKED]
    try:
        number = clean_seeker_id_number(id_number)
    except ValidationError as error:
        errors["id_number"] = error.messages
    else:
        if number == seeker.id_number:
            errors["id_number"] = ["新的身份证号和原来的一样，不用更正。"]
        elif _id_taken(number, except_pk=seeker.pk):
            errors["id_number"] = [DUPLICATE_ID]
    if errors:
        raise ValidationError(errors)
    old_masked = seeker.id_number_masked
    values = seeker_field_values(
        dataclasses.replace(SeekerInput.from_seeker(seeker), id_number=number)
    )
    for name in _ID_NUMBER_FIELDS:
        setattr(seeker, name, values[name])
    try:
        with transaction.atomic():
            seeker.save(update_fields=[*_ID_NUMBER_FIELDS, "updated_at"])
    except IntegrityError:  # the same number registered at the same moment elsewhere
        raise ValidationError({"id_number": [DUPLICATE_ID]}) from None
    _audit(
        actor,
        AuditAction.UPDATE,
        seeker,
        fields=["id_number"],
        id_number_from=old_masked,
        id_number_to=seeker.id_number_masked,
        card_checked=True,
    )
    return seeker


def _change_status(
    seeker: JobSeeker, actor: User, allowed: tuple[str, ...], to: str, refusal: str
) -> JobSeeker:
    seeker = _lock(seeker)
    _require_seeker_access(seeker, actor)
    if seeker.status not in allowed:
        raise ValidationError({"__all__": [refusal]})
    seeker.status = to
    seeker.full_clean(validate_unique=False)
    seeker.save(update_fields=["status", "updated_at"])
    _audit(actor, AuditAction.UPDATE, seeker, status=to)
    return seeker


@transaction.atomic
def seeker_pause(*, seeker: JobSeeker, actor: User) -> JobSeeker:
    """Stop pushes and hide from matching for a while (found work for now, away, ill)."""
    return _change_status(
        seeker, actor, (SeekerStatus.ACTIVE,), SeekerStatus.PAUSED, "只有正在求职的登记可以暂停。"
    )


@transaction.atomic
def seeker_resume(*, seeker: JobSeeker, actor: User) -> JobSeeker:
    """Look for work again, after a pause or after closing the registration."""
    return _change_status(
        seeker,
        actor,
        (SeekerStatus.PAUSED, SeekerStatus.CLOSED),
        SeekerStatus.ACTIVE,
        "这条登记已经是求职中了。",
    )


@transaction.atomic
def seeker_close(*, seeker: JobSeeker, actor: User) -> JobSeeker:
    """No longer looking for work. The record stays (it can be resumed); deleting personal
    data is a separate request."""
    return _change_status(
        seeker,
        actor,
        (SeekerStatus.ACTIVE, SeekerStatus.PAUSED),
        SeekerStatus.CLOSED,
        "这条登记已经关闭了。",
    )


def seeker_contact_reveal(
    *, seeker: JobSeeker, actor: User, purpose: RevealPurpose, ip: str | None = None
) -> str:
    """The whole phone number, for staff who must call the person. Pages and the API show it
    masked; asking for it names a purpose, and the read goes to the audit log with it."""
    if not is_staff_in_scope(actor, seeker.area_code):
        raise PermissionDenied(OUT_OF_SCOPE)
    if purpose not in RevealPurpose.values:
        raise ValidationError({"purpose": ["请选择为什么要看完整手机号。"]})
    audit_record(
        actor=actor,
        action=AuditAction.VIEW,
        obj=seeker,
        detail={"revealed": "phone", "purpose": str(purpose)},
        ip=ip,
    )
    return seeker.phone


def seeker_erase(*, user: User) -> int:
    """Erase the registration of a person who closes their account (PIPL: the right to
    delete), inside the caller's transaction. What stays identifies nobody (birth year, gender,
    residence area, wanted work) and serves statistics; every consent is withdrawn. Returns
    how many registrations were erased (0 or 1)."""
    seeker = JobSeeker.objects.select_for_update().filter(user=user).first()
    if seeker is None:
        return 0
    # A queryset update on purpose: the erased record no longer passes full_clean (name and
    # numbers are required of a live registration). id_number_hash is unique and not null, so
    # it gets a random token that matches no real number.
    JobSeeker.objects.filter(pk=seeker.pk).update(
        user=None,
        name="已注销",
        id_number="",
        id_number_hash=f"closed-{uuid.uuid4().hex}",
        id_number_masked="",
        birth_date=datetime.date(seeker.birth_date.year, 1, 1),
        phone="",
        phone_hash="",
        phone_masked="",
        hukou_area=None,
        skills="",
        certificates="",
        experience="",
        quiet_start=None,
        quiet_end=None,
        push_frequency=PushFrequency.NEVER,
        status=SeekerStatus.CLOSED,
        updated_at=timezone.now(),
    )
    # Consents are an append-only history: closing withdraws every one.
    Consent.objects.bulk_create(
        Consent(seeker=seeker, purpose=purpose, granted=False, method=ConsentMethod.WITHDRAWN)
        for purpose in ConsentPurpose.values
    )
    return 1
