"""What the employment API routes share: who may call a public route, and picking the
fields of a payload that a service input declares."""

import dataclasses
from typing import Any

from django.http import HttpRequest

from chengnuan.accounts.api_auth import ApiAuth


def _anyone(request: HttpRequest) -> bool:
    """Lets a route be public while a token or session, when present, still identifies the
    caller (so a signed-in worker sees the contact phone)."""
    return True


OptionalAuth = [*ApiAuth, _anyone]
# In OpenAPI an empty security requirement says a route also answers anonymous callers.
ANONYMOUS_TOO: dict[str, Any] = {"security": [{}]}


def input_fields(schema: Any, input_class: Any) -> dict[str, Any]:
    """The payload's values that the service input declares (not submit, consent …)."""
    names = {field.name for field in dataclasses.fields(input_class)}
    return {k: v for k, v in schema.model_dump().items() if k in names}
