"""Finding clear personal numbers in what a test collected: audit rows, log text, URLs.
Written apart from chengnuan.core.redact on purpose: a check must not share the code it checks."""

import json
import re

from chengnuan.core.models import AuditEntry

# A clear number anywhere: 17 digits and a check character, or 1[3-9] and nine more digits
# (spaces or dashes allowed between the groups), not part of a longer run of letters or digits
# (keyed hashes in the audit rows are hexadecimal).
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<![0-9A-Za-z])1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?![0-9A-Za-z])")


def clear_numbers(text: str) -> list[str]:
    return ID_NUMBER.findall(text) + MOBILE.findall(text)


def audit_table_text() -> str:
    rows = AuditEntry.objects.values("actor_label", "object_type", "object_id", "detail")
    return json.dumps(list(rows), ensure_ascii=False)
