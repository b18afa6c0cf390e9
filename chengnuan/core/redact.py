"""Clear personal numbers out of what is kept for good or shipped elsewhere: audit rows (which
can never be erased) and log lines. A 身份证号 or a mainland mobile number anywhere in a string
becomes its mask. This is the last line: callers store hashes or masks in the first place."""

import logging
import re
import unicodedata
from typing import Any

from chengnuan.core.crypto import mask_id_number, mask_phone

# Neither may sit inside a longer run of letters or digits: the keyed hashes stored beside them
# are hexadecimal, and a hash must never be taken for a number and changed.
# 18 characters: 17 digits and a digit or X.
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])")
# 1[3-9]x xxxx xxxx, with or without +86 / 86 and single spaces or dashes between the groups.
_MOBILE = re.compile(
    r"(?<![0-9A-Za-z])(?:\+?86[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?![0-9A-Za-z])"
)


def _mask_mobile(match: re.Match[str]) -> str:
    return mask_phone("".join(match.groups()))


def redact_text(text: str) -> str:
    """`text` with every 身份证号 and mobile number masked. Full-width digits count too: text
    that holds a number only once normalised is stored normalised."""
    normalised = unicodedata.normalize("NFKC", text)
    masked = _ID_NUMBER.sub(lambda m: mask_id_number(m.group().upper()), normalised)
    masked = _MOBILE.sub(_mask_mobile, masked)
    return text if masked == normalised else masked


def redact(value: Any) -> Any:
    """Strings masked inside any structure of dicts, lists and tuples (keys included)."""
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, dict):
        return {redact(k): redact(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(redact(v) for v in value)
    return value


class RedactingFilter(logging.Filter):
    """Masks personal numbers in a log record's final message, before any handler writes it."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = redact_text(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True
