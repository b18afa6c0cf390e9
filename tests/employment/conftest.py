import pytest

from chengnuan.search import index


@pytest.fixture
def index_calls(monkeypatch):
    """Posting ids handed to the search index, in call order. Services hand them over only
    after commit: run the service inside django_capture_on_commit_callbacks(execute=True)."""
    calls: list[list[int]] = []
    monkeypatch.setattr(index, "documents_changed", lambda doc_type, ids: calls.append(list(ids)))
    return calls
