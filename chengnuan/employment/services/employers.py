"""Writes for 用人单位: registration and verification by staff."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from chengnuan.accounts.models import User, UserKind
from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction
from chengnuan.employment.choices import EmployerStatus, PostingStatus, Source
from chengnuan.employment.inputs import EmployerInput
from chengnuan.employment.models import Employer
from chengnuan.employment.permissions import is_staff, is_staff_in_scope, require_staff_in_scope
from chengnuan.employment.search import postings_changed
from chengnuan.employment.validation import clean_employer, employer_field_values

DUPLICATE_USCC = "这个统一社会信用代码已经登记过了。如果是贵单位登记的，请用原来的账号登录；有疑问请联系所在县区人社部门。"


@transaction.atomic
def employer_register(
    *, data: EmployerInput, owner: User | None, created_by: User | None, source: Source
) -> Employer:
    """Register an employer. Staff entering one in their own area verify it at once; one
    registered by an employer account waits (PENDING) for staff to verify it."""
    cleaned = clean_employer(data)
    if owner is not None and owner.kind != UserKind.EMPLOYER:
        raise PermissionDenied("只有单位账号可以登记用人单位。")
    if is_staff(created_by) and not is_staff_in_scope(created_by, cleaned.county_code):
        raise ValidationError(
            {"county_code": ["这个县区不在您负责的区域内，请让单位在所在县区登记。"]}
        )
    if Employer.objects.filter(uscc=cleaned.uscc).exists():
        raise ValidationError({"uscc": [DUPLICATE_USCC]})
    employer = Employer(
        **employer_field_values(cleaned), owner=owner, created_by=created_by, source=source
    )
    if is_staff(created_by):
        employer.status = EmployerStatus.VERIFIED
        employer.verified_by = created_by
        employer.verified_at = timezone.now()
    employer.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            employer.save()
    except IntegrityError:  # registered by someone else between the check and the insert
        raise ValidationError({"uscc": [DUPLICATE_USCC]}) from None
    if created_by is not None:  # its contact person's name and phone are personal data
        audit_record(actor=created_by, action=AuditAction.CREATE, obj=employer)
    return employer


@transaction.atomic
def employer_verify(*, employer: Employer, actor: User, approve: bool, note: str = "") -> Employer:
    """Staff in the employer's area confirm it (its postings can then be published) or turn it
    down with a reason. Turning down a verified employer suspends it: its postings leave the
    public lists at once."""
    require_staff_in_scope(actor, employer.county_id)
    employer = Employer.objects.select_for_update().get(pk=employer.pk)
    note = note.strip()
    if approve:
        if employer.status == EmployerStatus.VERIFIED:
            raise ValidationError({"__all__": ["这家单位已经核验过了。"]})
        employer.status = EmployerStatus.VERIFIED
        employer.verified_by = actor
        employer.verified_at = timezone.now()
    else:
        if not note:
            raise ValidationError({"note": ["请写明不通过的原因，单位才知道怎么改。"]})
        if employer.status in (EmployerStatus.REJECTED, EmployerStatus.SUSPENDED):
            raise ValidationError({"__all__": ["这家单位已经是未通过或暂停状态了。"]})
        was_verified = employer.status == EmployerStatus.VERIFIED
        employer.status = EmployerStatus.SUSPENDED if was_verified else EmployerStatus.REJECTED
    employer.status_note = note[:200]
    employer.full_clean(validate_unique=False)
    employer.save()
    audit_record(
        actor=actor,
        action=AuditAction.REVIEW,
        obj=employer,
        detail={"approve": approve, "status": employer.status, "note": employer.status_note},
    )
    published = list(
        employer.postings.filter(status=PostingStatus.PUBLISHED).values_list("id", flat=True)
    )
    if published:
        transaction.on_commit(lambda: postings_changed(published))
    return employer


def employers_unlink_owner(*, user: User) -> int:
    """An employer account is closed: its companies are business data and stay, they only
    lose the account (inside the caller's transaction). Returns how many were unlinked."""
    return Employer.objects.filter(owner=user).update(owner=None)
