"""The full rebuild: worker processes and the FTS5 settings it borrows."""

import pytest
from django.db import connection

from chengnuan.employment.choices import PostingStatus
from chengnuan.search import index
from chengnuan.search.backends import sqlite as sqlite_backend
from tests.search.factories import found, indexed_posting


@pytest.mark.django_db(transaction=True)
def test_a_rebuild_in_worker_processes_indexes_every_public_posting_and_nothing_else(
    reference_data,
):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("workers need a database other processes can open (not SQLite in memory)")
    public = [indexed_posting(title="叉车司机") for _ in range(3)]
    hidden = indexed_posting(title="叉车司机")
    hidden.status = PostingStatus.CLOSED
    hidden.save()  # no postings_changed: the rebuild must still leave it out
    report = index.rebuild_all(workers=2)
    assert report.documents == 3
    assert sorted(found("叉车")) == sorted(p.id for p in public)


@pytest.mark.django_db
def test_a_rebuild_puts_back_the_fts5_settings_it_changed_for_speed():
    if connection.vendor != "sqlite":
        pytest.skip("FTS5 settings exist on SQLite only")
    indexed_posting(title="电工")
    index.rebuild_all(workers=1)
    with connection.cursor() as cursor:
        cursor.execute("SELECT k, v FROM search_fts_config WHERE k IN ('automerge', 'hashsize')")
        settings = dict(cursor.fetchall())
    assert settings == {
        "automerge": sqlite_backend.AUTOMERGE,
        "hashsize": sqlite_backend.HASH_BYTES,
    }
    assert found("电工")
