"""What the events API routes share: public routes that still recognise a signed-in caller."""

from typing import Any

from django.http import HttpRequest

from chengnuan.accounts.api_auth import ApiAuth


def _anyone(request: HttpRequest) -> bool:
    return True


OptionalAuth = [*ApiAuth, _anyone]
# In OpenAPI an empty security requirement says a route also answers anonymous callers.
ANONYMOUS_TOO: dict[str, Any] = {"security": [{}]}
