import pytest
from django.core.files.storage import FileSystemStorage  # noqa: F401 (named in settings below)

from tests.factories import StaffFactory


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploads and error sheets of the tests go to a temporary folder."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }


@pytest.fixture
def clerk(db):
    """A clerk of 沈阳市铁西区."""
    return StaffFactory()


@pytest.fixture
def index_calls(monkeypatch):
    """Posting ids handed to the search index after commit."""
    from chengnuan.search import index

    calls: list[list[int]] = []
    monkeypatch.setattr(index, "documents_changed", lambda doc_type, ids: calls.append(list(ids)))
    return calls
