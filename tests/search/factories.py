"""Postings for search tests, indexed the way the employment services do it: after commit."""

from chengnuan.employment.models import Posting
from chengnuan.search import index
from tests.factories import PostingFactory


def indexed_posting(**fields) -> Posting:
    posting = PostingFactory(**fields)
    index.postings_changed([posting.id])
    return posting
