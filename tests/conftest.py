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
