from huey.contrib.djhuey import db_task

from chengnuan.search import index


@db_task(retries=5, retry_delay=30)
def reindex_documents(doc_type: str, ids: list[int]) -> None:
    """The retry of an index update that failed inline (see index.documents_changed)."""
    index.index_documents(doc_type, ids)
