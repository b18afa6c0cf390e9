"""PostgreSQL: which way "newest matches" are read (the newest rows first, or the GIN index
straight away when the token statistics say a query can only match a few documents). Both
ways must give the same postings."""

import pytest
from django.db import connection

from chengnuan.search.backends import postgres
from chengnuan.search.text import All, Any, Term, Without, all_of, parse_query
from tests.factories import SHENYANG_TIEXI
from tests.search.factories import found, indexed_posting, posting_filters

pytestmark = pytest.mark.django_db  # the shared autouse fixture clears the database cache

SHARES = {"普工": 0.2, "司机": 0.1, "a_2101": 0.3}


def share(token: str) -> float:
    return SHARES.get(token, 0.0001)


def test_every_required_word_bounds_the_matches():
    assert postgres.matches_at_most(All((Term("普工"), Term("飞行员"))), share) == 0.0001


def test_alternatives_add_up_and_an_exclusion_bounds_nothing():
    assert postgres.matches_at_most(Any((Term("普工"), Term("司机"))), share) == pytest.approx(0.3)
    assert postgres.matches_at_most(Without(Term("司机"), Term("普工")), share) == 0.1
    assert postgres.matches_at_most(Any((Term("普工"), Term("a_2101"), Term("司机"))), share) == (
        pytest.approx(0.6)
    )


def test_with_statistics_a_rare_word_is_read_from_the_index_and_finds_the_same_postings():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    welder = indexed_posting(title="电焊工", description="持证上岗")
    older_welder = indexed_posting(title="电焊工学徒", description="包吃住")
    indexed_posting(title="保洁员", description="小区保洁")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_document")
    postgres._token_stats.forget()
    expr = all_of(word.expr for word in parse_query("电焊"))
    assert postgres._few_matches(expr)
    assert sorted(found("电焊")) == sorted([welder.id, older_welder.id])
    assert found("飞行员") == []
    in_tiexi = found("电焊", filters=posting_filters(area=SHENYANG_TIEXI))
    assert sorted(in_tiexi) == sorted([welder.id, older_welder.id])
    assert found("电焊", filters=posting_filters(area="2102")) == []
