"""Exports of the lists (exports.py): only the clerk's area, personal numbers masked, every
export audited; each list with its headers."""

import pytest
from django.urls import reverse

from chengnuan.core.models import AuditAction, AuditEntry
from tests.bulk.sheets import xlsx
from tests.employment.views_support import staff_signed_in
from tests.factories import DALIAN_GANJINGZI, JobSeekerFactory, PostingFactory

pytestmark = pytest.mark.django_db


def test_seeker_export_holds_only_the_clerks_area_with_masked_numbers_and_is_audited(client, clerk):
    mine = JobSeekerFactory(name="铁西人")
    JobSeekerFactory(name="大连人", residence_id="210211001", area_code="210211001")
    staff_signed_in(client, clerk)
    book = xlsx(client.get(reverse("bulk:export", args=["seekers"])))
    rows = list(book.active.iter_rows(values_only=True))
    assert [r[1] for r in rows[1:]] == ["铁西人"]
    assert rows[1][2] == mine.id_number_masked and mine.id_number not in str(rows)
    assert rows[1][3] == mine.phone_masked and mine.phone not in str(rows)
    entry = AuditEntry.objects.get(action=AuditAction.EXPORT)
    assert (
        entry.actor == clerk
        and entry.object_type == "bulk.export.seekers"
        and entry.detail["rows"] == 1
    )


def test_clerk_cannot_export_outside_the_area(client, clerk):
    JobSeekerFactory(residence_id="210211001", area_code="210211001")
    staff_signed_in(client, clerk)
    assert (
        client.get(reverse("bulk:export", args=["seekers"]), {"area": DALIAN_GANJINGZI}).status_code
        == 404
    )
    assert client.get(reverse("bulk:notice_board"), {"area": DALIAN_GANJINGZI}).status_code == 404
    assert not AuditEntry.objects.filter(action=AuditAction.EXPORT).exists()


@pytest.mark.parametrize("kind", ["postings", "demand_surveys", "employment_surveys"])
def test_every_list_exports_with_its_headers(client, clerk, kind):
    PostingFactory(title="铁西普工")
    staff_signed_in(client, clerk)
    book = xlsx(client.get(reverse("bulk:export", args=[kind])))
    headers = next(book.active.iter_rows(values_only=True))
    assert all(headers)
    if kind == "postings":
        assert list(book.active.iter_rows(values_only=True))[1][1] == "铁西普工"


@pytest.mark.parametrize(
    ("low", "high", "shown"),
    [(20, None, "20岁以上"), (None, 45, "45岁以下"), (20, 45, "20-45岁"), (None, None, "不限")],
)
def test_posting_export_says_an_age_range_in_words(client, clerk, low, high, shown):
    PostingFactory(age_min=low, age_max=high)
    staff_signed_in(client, clerk)
    rows = list(
        xlsx(client.get(reverse("bulk:export", args=["postings"]))).active.iter_rows(
            values_only=True
        )
    )
    assert rows[1][rows[0].index("年龄要求")] == shown
