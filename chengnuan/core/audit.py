"""Writes to the append-only audit log. Every staff read, export or change of a person's
record goes through audit_record; a list of people is audited by the QuerySet that reads it
(AuditedQuerySet), so no page, API route or future caller can forget it."""

import contextvars
from collections.abc import Callable, Iterator
from typing import Any, Self

from django.db import models
from django.http import HttpRequest, HttpResponse

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
    comes from `request`, from `ip`, or else from the request being served (a service or
    selector deep inside a request need not carry it: see AuditContextMiddleware). The row can never be
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
        ip=request.META.get("REMOTE_ADDR") if request is not None else ip or _request_ip.get(),
    )


# --- the request's address, for rows written deep inside it -----------------------------------

_request_ip: contextvars.ContextVar[str | None] = contextvars.ContextVar("audit_ip", default=None)


class AuditContextMiddleware:
    """Remembers the client address of the request being served, for audit rows written by
    selectors and services that never see the request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _request_ip.set(request.META.get("REMOTE_ADDR") or None)
        try:
            return self.get_response(request)
        finally:
            _request_ip.reset(token)


# --- lists of people --------------------------------------------------------------------------


class AuditedQuerySet(models.QuerySet):
    """A QuerySet of records about people. Once `.audited(actor=..., detail=...)`, reading its
    rows (a page of a list, an API page, one record) writes one audit row that names them:
    {"list": [pk, ...], **detail}. Counting them (.count(), .exists()) reads nobody and writes
    nothing. A selector returns it audited; whoever pages or serialises it needs to do nothing.
    Exports, which stream hundreds of thousands of rows, write their own EXPORT row instead."""

    _audit: tuple[Any, dict[str, Any]] | None = None

    def audited(self, *, actor: Any, detail: dict[str, Any] | None = None) -> Self:
        clone = self.all()
        clone._audit = (actor, detail or {})
        return clone

    def _clone(self) -> Self:  # Django copies a QuerySet through _clone for every chained call
        clone = super()._clone()  # type: ignore[misc]
        clone._audit = self._audit
        return clone

    def _fetch_all(self) -> None:
        fresh = self._result_cache is None
        super()._fetch_all()
        if fresh and self._audit is not None and self._result_cache:
            self._write_audit(self._result_cache)

    def iterator(self, chunk_size: int | None = None) -> Iterator[Any]:
        if self._audit is None:
            yield from super().iterator(chunk_size)
            return
        seen: list[Any] = []
        try:
            for row in super().iterator(chunk_size):
                seen.append(row)
                yield row
        finally:
            if seen:
                self._write_audit(seen)

    def _write_audit(self, rows: list[Any]) -> None:
        assert self._audit is not None
        actor, detail = self._audit
        ids = [_pk_of(row) for row in rows]
        audit_record(
            actor=actor,
            action=AuditAction.VIEW,
            object_type=self.model._meta.label_lower,
            detail={"list": [pk for pk in ids if pk is not None], **detail},
        )


def _pk_of(row: Any) -> Any:
    if isinstance(row, models.Model):
        return row.pk
    if isinstance(row, dict):
        return row.get("id", row.get("pk"))
    return None
