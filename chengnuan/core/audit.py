"""Writes to the append-only audit log. Every staff read, export or change of a person's
record goes through audit_record."""

from typing import Any

from django.db import models
from django.http import HttpRequest

from chengnuan.core.models import AuditAction, AuditEntry, AuditResult
from chengnuan.core.redact import redact, redact_text


def audit_record(
    *,
    actor: Any,
    action: AuditAction,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    result: AuditResult = AuditResult.OK,
    detail: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
    ip: str | None = None,
) -> AuditEntry:
    """One audit row: who (actor, a User or None for the system), what (action), which record
    (obj, or object_type + object_id), how it ended (result), with optional detail. The IP
    comes from `request`, or from `ip` where a service has no request. The row can never be
    changed or erased, so any personal number that slipped into `detail` or a username is
    masked before it is written."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEntry.objects.create(
        actor=actor if authenticated else None,
        actor_label=redact_text(actor.get_username() if authenticated else "system")[:150],
        action=action,
        object_type=object_type,
        object_id=object_id,
        result=result,
        detail=redact(detail or {}),
        ip=request.META.get("REMOTE_ADDR") if request is not None else ip,
    )
