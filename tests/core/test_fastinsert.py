"""The bulk writer's SQLite path runs on the driver's own connection: errors still arrive as
Django's, and the larger page cache of a bulk write is given back afterwards."""

import pytest
from django.db import IntegrityError, connection, transaction

from chengnuan.core.fastinsert import RowInserter, larger_page_cache, values_present
from chengnuan.employment.choices import EmployerStatus
from chengnuan.employment.models import Employer
from tests.factories import SHENYANG_TIEXI, make_uscc

pytestmark = pytest.mark.django_db


def _cache_size() -> int:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        return cursor.fetchone()[0]


def test_inserted_rows_come_back_with_their_ids_in_order():
    inserter = RowInserter(Employer)
    rows = [
        {
            "name": f"单位{n}",
            "uscc": make_uscc(),
            "county_id": SHENYANG_TIEXI,
            "status": EmployerStatus.PENDING,
        }
        for n in range(1203)  # more than two full statements and a short one
    ]
    ids = inserter.insert(rows)
    assert len(ids) == 1203
    names = dict(Employer.objects.filter(pk__in=ids).values_list("pk", "name"))
    assert [names[pk] for pk in ids] == [row["name"] for row in rows]


def test_a_broken_constraint_raises_djangos_integrity_error():
    inserter = RowInserter(Employer)
    row = {"name": "单位", "uscc": make_uscc(), "county_id": SHENYANG_TIEXI}
    inserter.insert([row], returning=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        inserter.insert([row], returning=False)


def test_the_page_cache_is_larger_during_a_bulk_write_and_given_back_after():
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL manages its own buffers")
    before = _cache_size()
    with larger_page_cache(connection, mebibytes=64):
        assert _cache_size() == -64 * 1024
    assert _cache_size() == before


def test_the_page_cache_is_given_back_when_the_write_fails():
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL manages its own buffers")
    before = _cache_size()
    with pytest.raises(RuntimeError), larger_page_cache(connection):
        raise RuntimeError("insert failed")
    assert _cache_size() == before


def test_values_present_names_only_the_values_the_column_holds():
    uscc = make_uscc()
    RowInserter(Employer).insert([{"name": "单位", "uscc": uscc, "county_id": SHENYANG_TIEXI}])
    assert values_present(Employer, "uscc", [uscc, make_uscc()]) == {uscc}
    assert values_present(Employer, "uscc", []) == set()
