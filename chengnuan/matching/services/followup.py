"""A station's contacts with registered seekers still without work: append-only records of
who called, visited or referred whom, when, with a note."""

from django.core.exceptions import ValidationError
from django.db import transaction

from chengnuan.accounts.models import User
from chengnuan.accounts.scoping import in_scope
from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction
from chengnuan.employment.models import JobSeeker, Posting
from chengnuan.employment.selectors.postings import public_postings
from chengnuan.matching.choices import ContactMethod
from chengnuan.matching.models import FollowUpContact

NOTE_MAX = 500


@transaction.atomic
def followup_contact_record(
    *, clerk: User, seeker: JobSeeker, method: str, note: str = "", posting: Posting | None = None
) -> FollowUpContact:
    if not in_scope(clerk, seeker.area_code):
        raise ValidationError({"seeker": ["这位求职者不在您负责的地区。"]})
    errors: dict[str, list[str]] = {}
    if method not in ContactMethod.values:
        errors["method"] = ["请选择联系方式：打电话、上门走访或推荐岗位。"]
    note = note.strip()
    if len(note) > NOTE_MAX:
        errors["note"] = [f"情况记录最多{NOTE_MAX}个字。"]
    if method == ContactMethod.REFERRED and posting is None:
        errors["posting"] = ["推荐岗位时请选出推荐的是哪个岗位。"]
    if posting is not None and not public_postings().filter(pk=posting.pk).exists():
        errors["posting"] = ["这个岗位已经结束或还没公开。"]
    if errors:
        raise ValidationError(errors)
    contact = FollowUpContact.objects.create(
        seeker=seeker, method=method, note=note, posting=posting, by=clerk
    )
    audit_record(actor=clerk, action=AuditAction.CREATE, obj=contact, detail={"seeker": seeker.pk})
    return contact
