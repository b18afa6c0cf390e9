from huey.contrib.djhuey import db_task

from chengnuan.search import index


@db_task(retries=5, retry_delay=30)
def reindex_postings(posting_ids: list[int]) -> None:
    """The retry of an index update that failed inline (see index.postings_changed)."""
    index.index_postings(posting_ids)
