"""What the applications pages share: running a step and reporting it as a message."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest


def run_step(request: HttpRequest, call: Callable[[], Any], done: str) -> bool:
    """Run one service; its refusal becomes an error message on the next page."""
    try:
        call()
    except (ValidationError, PermissionDenied) as error:
        for message in getattr(error, "messages", None) or [str(error)]:
            messages.error(request, message)
        return False
    messages.success(request, done)
    return True
