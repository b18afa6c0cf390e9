"""Small text filters for the shared templates."""

import re

from django import template

register = template.Library()

_SENTENCE = re.compile(r"^.+?[。！？](?=.)", re.S)


@register.filter
def first_sentence(text: str) -> str:
    """The first sentence of a message: the error summary says what is wrong and links to the
    field, where the whole message (its reasons and hints) stands once."""
    match = _SENTENCE.match(str(text))
    return match.group(0) if match else str(text)
