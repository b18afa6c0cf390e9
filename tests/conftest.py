import pytest
from django.core.management import call_command


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


def pytest_collection_modifyitems(config, items):
    """Browser tests run last: their live server needs a transactional database, which is
    flushed after each test, so they must not run before tests that rely on the reference
    data loaded once per session (the browser fixtures load it again for themselves)."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
    # (a stable sort: everything else keeps its order)
