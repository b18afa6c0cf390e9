"""What the events pages share: a button's action (a POST that calls one service and says
how it went on the next page)."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest


def run_and_tell(request: HttpRequest, call: Callable[[], object], done: str) -> bool:
    """Call a service; put its refusal, or `done`, in the messages of the next page."""
    try:
        call()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return False
    messages.success(request, done)
    return True
