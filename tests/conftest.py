import pytest
from django.core.management import call_command
from django.db import connection

from chengnuan.core import audit_triggers


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Real reference data (divisions, occupations, industries) once per run; every test's
    own writes are rolled back."""
    with django_db_blocker.unblock():
        call_command("load_reference", verbosity=0)
        call_command("createcachetable", verbosity=0)


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def reference_data(transactional_db):
    """For tests whose database is flushed afterwards (a live server, worker processes that
    must see committed rows): an earlier flush took the reference data, so load it again, and
    lift the audit log's append-only triggers for this test's own flush."""
    audit_triggers.install(connection)
    call_command("load_reference", verbosity=0)
    yield
    audit_triggers.remove(connection)


def _flushes_database(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or "transactional_db" in getattr(
        item, "fixturenames", ()
    )


def pytest_collection_modifyitems(config, items):
    """Tests on a transactional database run last (browser journeys, worker processes): it
    is flushed after each of them, so they must not run before tests that rely on the
    reference data loaded once per session (they load it again for themselves)."""
    items.sort(key=_flushes_database)
    # (a stable sort: everything else keeps its order)
