"""Postings for search tests, indexed the way the employment services do it: after commit."""

from chengnuan.employment.models import Posting
from chengnuan.search import index
from chengnuan.search.query import Filters, Query, search
from tests.factories import PostingFactory


def indexed_posting(**fields) -> Posting:
    posting = PostingFactory(**fields)
    index.postings_changed([posting.id])
    return posting


def found(text: str = "", **kwargs) -> list[int]:
    """The ids of the postings a search finds, in the order shown."""
    filters = kwargs.pop("filters", Filters())
    return [
        hit.doc_id for hit in search("posting", Query(text=text, filters=filters, **kwargs)).hits
    ]
