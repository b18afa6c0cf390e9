"""A person's own account: closing it (PIPL: the right to delete; each app erases its part
through its privacy hook) and downloading everything held about them."""

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from chengnuan.accounts import privacy
from chengnuan.accounts.downloads import DownloadFormat, MyDataDownload
from chengnuan.accounts.models import ApiToken, PhoneCode, User, UserKind
from chengnuan.accounts.selectors import my_data
from chengnuan.accounts.services.sign_ins import browser_sessions_end_all
from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction


def account_close(*, user: User) -> None:
    """Close a worker's or employer's account and erase their personal data in one
    transaction: every app erases its part (privacy hooks; a seeker registration, for one,
    keeps only figures that identify nobody); the account loses its phone, so the same number
    later starts afresh. Audit rows stay (they are append-only by law)."""
    if user.kind == UserKind.STAFF:
        raise ValidationError("工作人员账号请由管理员停用。", code="staff")
    now = timezone.now()
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        if user.closed_at is not None:
            return
        erased = privacy.erase_in_apps(user)
        ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=now)
        browser_sessions_end_all(user=user, now=now)
        if user.phone_hash:
            PhoneCode.objects.filter(phone_hash=user.phone_hash).delete()
        user.username = f"closed-{uuid.uuid4().hex}"
        user.phone = ""
        user.phone_hash = None
        user.phone_masked = ""
        user.display_name = user.first_name = user.last_name = user.email = ""
        user.is_active = False
        user.closed_at = now
        user.set_unusable_password()
        user.full_clean()
        user.save()
        audit_record(actor=user, action=AuditAction.DELETE, obj=user, detail={"erased": erased})


def my_data_export(*, user: User, file_format: DownloadFormat) -> MyDataDownload:
    """Everything held about `user`, unmasked (it is their own), for download as a readable
    workbook or as JSON; audited."""
    sections = my_data(user)
    audit_record(
        actor=user,
        action=AuditAction.EXPORT,
        obj=user,
        detail={"what": "own_data", "format": file_format},
    )
    return MyDataDownload(sections=sections, exported_at=timezone.now())
