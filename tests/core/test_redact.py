"""Personal numbers are masked in what is kept for good: audit rows and log lines."""

import logging

import pytest

from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction
from chengnuan.core.redact import RedactingFilter, redact, redact_text
from tests.factories import StaffFactory, make_id_number

pytestmark = pytest.mark.django_db  # the cache the suite clears lives in the database
ID = make_id_number()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"id={ID}", f"id={ID[:6]}********{ID[-4:]}"),
        ("call 13912345678 now", "call 139****5678 now"),
        ("+86 139 1234 5678", "139****5678"),
        ("139-1234-5678", "139****5678"),
        ("tel:13912345678", "tel:139****5678"),
        ("１３９１２３４５６７８", "139****5678"),  # full-width digits
        ("21010619850615001X", "210106********001X"),
    ],
)
def test_numbers_are_masked_wherever_they_are(text, expected):
    assert redact_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "order 12345678901234567890",
        "a1b2c3" * 10,
        "page 2 of 13",
        "abc13912345678def",
        "2026-11-30",
    ],
)
def test_other_text_is_left_as_it_is(text):
    """Digits inside a run of letters are part of something else: a keyed hash is hex."""
    assert redact_text(text) == text


def test_structures_are_masked_keys_and_all():
    assert redact({"q": [ID, ("13912345678",)], ID: 1}) == {
        "q": [redact_text(ID), ("139****5678",)],
        redact_text(ID): 1,
    }


def test_an_audit_row_never_holds_a_clear_number():
    staff = StaffFactory(username="13912345678")
    entry = audit_record(
        actor=staff,
        action=AuditAction.VIEW,
        object_type="test",
        detail={"filters": {"id_number": ID, "phone": "13912345678"}},
    )
    entry.refresh_from_db()
    assert ID not in str(entry.detail) and "13912345678" not in str(entry.detail)
    assert entry.actor_label == "139****5678"


def test_log_lines_are_masked_before_any_handler_writes_them():
    record = logging.LogRecord(
        "x", logging.INFO, __file__, 1, "sent to %s (%s)", ("13912345678", ID), None
    )
    assert RedactingFilter().filter(record) is True
    assert record.getMessage() == f"sent to 139****5678 ({redact_text(ID)})"
