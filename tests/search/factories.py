"""Postings for search tests, indexed the way the employment services do it: after commit."""

from chengnuan.employment.models import Posting
from chengnuan.employment.search import posting_filter_tags, postings_changed
from chengnuan.search.query import Filters, Query, search
from tests.factories import PostingFactory


def indexed_posting(**fields) -> Posting:
    posting = PostingFactory(**fields)
    postings_changed([posting.id])
    return posting


def posting_filters(
    *, occupation: str = "", benefits: tuple[str, ...] = (), older: bool = False, contract: str = "",
    **engine,
) -> Filters:  # fmt: skip
    """Filters as the job search builds them: posting filters become the postings' tags."""
    tags = posting_filter_tags(
        occupation=occupation, benefits=benefits, older=older, contract=contract
    )
    return Filters(tags=tags, **engine)


def found(text: str = "", **kwargs) -> list[int]:
    """The ids of the postings a search finds, in the order shown."""
    filters = kwargs.pop("filters", Filters())
    return [
        hit.doc_id for hit in search("posting", Query(text=text, filters=filters, **kwargs)).hits
    ]
