"""Province staff word the messages: a MessageTemplate overrides a topic's registered texts
for every message sent after it is saved. Each change is audited with its before and after."""

from django.core.exceptions import ValidationError
from django.db import transaction

from chengnuan.accounts.models import StaffRole, User, UserKind
from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction
from chengnuan.notifications.models import MessageTemplate
from chengnuan.notifications.rendering import TemplateError, check_template
from chengnuan.notifications.topics import get_topic

SMS_MAX = 120  # characters before the short link: two SMS at most


def may_edit_templates(user: User) -> bool:
    return user.kind == UserKind.STAFF and user.role == StaffRole.PROVINCE


def _checked(title: str, body: str, sms: str) -> None:
    errors: dict[str, list[str]] = {}
    for name, text in (("title", title), ("body", body), ("sms", sms)):
        try:
            check_template(text)
        except TemplateError as exc:
            errors[name] = [str(exc)]
    if not title.strip():
        errors.setdefault("title", []).append("标题不能为空。")
    if len(sms) > SMS_MAX:
        errors.setdefault("sms", []).append(f"短信太长了，请不超过{SMS_MAX}个字。")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def message_template_save(
    *, actor: User, topic: str, title: str, body: str, sms: str
) -> MessageTemplate:
    if not may_edit_templates(actor):
        raise ValidationError("只有省级工作人员可以修改消息模板。", code="forbidden")
    registered = get_topic(topic)
    _checked(title, body, sms)
    current = MessageTemplate.objects.select_for_update().filter(topic=topic).first()
    before = (
        {"title": current.title, "body": current.body, "sms": current.sms}
        if current
        else {"title": registered.title, "body": registered.body, "sms": registered.sms}
    )
    template, created = MessageTemplate.objects.update_or_create(
        topic=topic, defaults={"title": title, "body": body, "sms": sms, "updated_by": actor}
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        obj=template,
        detail={
            "topic": topic,
            "before": before,
            "after": {"title": title, "body": body, "sms": sms},
        },
    )
    return template


@transaction.atomic
def message_template_reset(*, actor: User, topic: str) -> None:
    """Back to the registered wording."""
    if not may_edit_templates(actor):
        raise ValidationError("只有省级工作人员可以修改消息模板。", code="forbidden")
    current = MessageTemplate.objects.select_for_update().filter(topic=topic).first()
    if current is None:
        return
    audit_record(
        actor=actor,
        action=AuditAction.DELETE,
        obj=current,
        detail={
            "topic": topic,
            "before": {"title": current.title, "body": current.body, "sms": current.sms},
        },
    )
    current.delete()
